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

	nodeString, nodeEndByte api.Function

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
	get(&f.nodeEndByte, "ts_node_end_byte")

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
