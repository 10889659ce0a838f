package tswasm

import (
	"fmt"

	"github.com/tetratelabs/wazero/api"
)

// storeFuncs holds the runtime exports a store calls, looked up once per
// store (a lookup costs microseconds; a call, nanoseconds).
type storeFuncs struct {
	init, oomFlag, malloc, free, allocData, tableGrow api.Function

	parserNew, parserDelete, parserSetLanguage, parserReset, parse api.Function

	treeDelete, treeCopy, treeRootNode api.Function

	nodeString, nodeSymbol, nodeGrammarSymbol, nodeEndByte, nodeEndPoint api.Function
	nodeChildCount, nodeNamedChildCount, nodeChild, nodeNamedChild       api.Function
	nodeParent, nodeNextSibling, nodePrevSibling                         api.Function
	nodeNextNamedSibling, nodePrevNamedSibling, nodeChildByFieldID       api.Function
	nodeIsNamed, nodeIsMissing, nodeIsExtra, nodeIsError, nodeHasError   api.Function
	nodeFieldNameForChild, nodeDescendantCount                           api.Function

	langVersion, langSymbolCount, langSymbolName, langSymbolType api.Function
	langFieldCount, langFieldName                                api.Function
}

func (f *storeFuncs) lookup(mod api.Module) error {
	var missing []string
	get := func(dst *api.Function, name string) {
		*dst = mod.ExportedFunction(name)
		if *dst == nil {
			missing = append(missing, name)
		}
	}
	get(&f.init, "tswasm_init")
	get(&f.oomFlag, "tswasm_oom_flag")
	get(&f.malloc, "malloc")
	get(&f.free, "free")
	get(&f.allocData, "tswasm_alloc_data")
	get(&f.tableGrow, "tswasm_table_grow")

	get(&f.parserNew, "ts_parser_new")
	get(&f.parserDelete, "ts_parser_delete")
	get(&f.parserSetLanguage, "ts_parser_set_language")
	get(&f.parserReset, "ts_parser_reset")
	get(&f.parse, "tswasm_parse")

	get(&f.treeDelete, "ts_tree_delete")
	get(&f.treeCopy, "ts_tree_copy")
	get(&f.treeRootNode, "ts_tree_root_node")

	get(&f.nodeString, "ts_node_string")
	get(&f.nodeSymbol, "ts_node_symbol")
	get(&f.nodeGrammarSymbol, "ts_node_grammar_symbol")
	get(&f.nodeEndByte, "ts_node_end_byte")
	get(&f.nodeEndPoint, "ts_node_end_point")
	get(&f.nodeChildCount, "ts_node_child_count")
	get(&f.nodeNamedChildCount, "ts_node_named_child_count")
	get(&f.nodeChild, "ts_node_child")
	get(&f.nodeNamedChild, "ts_node_named_child")
	get(&f.nodeParent, "ts_node_parent")
	get(&f.nodeNextSibling, "ts_node_next_sibling")
	get(&f.nodePrevSibling, "ts_node_prev_sibling")
	get(&f.nodeNextNamedSibling, "ts_node_next_named_sibling")
	get(&f.nodePrevNamedSibling, "ts_node_prev_named_sibling")
	get(&f.nodeChildByFieldID, "ts_node_child_by_field_id")
	get(&f.nodeIsNamed, "ts_node_is_named")
	get(&f.nodeIsMissing, "ts_node_is_missing")
	get(&f.nodeIsExtra, "ts_node_is_extra")
	get(&f.nodeIsError, "ts_node_is_error")
	get(&f.nodeHasError, "ts_node_has_error")
	get(&f.nodeFieldNameForChild, "ts_node_field_name_for_child")
	get(&f.nodeDescendantCount, "ts_node_descendant_count")

	get(&f.langVersion, "ts_language_abi_version")
	get(&f.langSymbolCount, "ts_language_symbol_count")
	get(&f.langSymbolName, "ts_language_symbol_name")
	get(&f.langSymbolType, "ts_language_symbol_type")
	get(&f.langFieldCount, "ts_language_field_count")
	get(&f.langFieldName, "ts_language_field_name_for_id")
	if len(missing) > 0 {
		return fmt.Errorf("tswasm: runtime module lacks exports %v", missing)
	}
	return nil
}
