// layout.go: every offset and bit position of tree-sitter's structures that the Go side reads or writes.
package abi

//go:generate go run ./gen

// The layouts of tree-sitter's C structures in wasm32 linear memory, as the
// runtime in internal/runtime is built. This file is the only place that
// knows them.
//
// Each constant carries the C expression it stands for in a trailing
// comment: "c: EXPR" for a byte offset or size, "bit: TYPE.FIELD" for the
// position of a one-bit field (as a bit index from the start of TYPE, lowest
// bit first). go generate turns those comments into
// internal/runtime/src/layout.h, whose _Static_asserts fail the runtime
// build on a mismatch and whose probe (tswasm_layout_probe) reports the
// compiler's own values, which every Store checks at start-up (see
// CheckLayout). To move to a new tree-sitter release, rebuild the runtime,
// read the failures, and change the numbers here.
const (
	// Length {uint32_t bytes; TSPoint extent}.
	LengthBytes = 0  // c: offsetof(Length, bytes)
	LengthRow   = 4  // c: offsetof(Length, extent.row)
	LengthCol   = 8  // c: offsetof(Length, extent.column)
	LengthSize  = 12 // c: sizeof(Length)

	// Subtree: a union of a SubtreeHeapData pointer and, when bit
	// InlineIsInline is set, the 8 bytes of SubtreeInlineData.
	SubtreeSize = 8 // c: sizeof(Subtree)

	InlineIsInline       = 0  // bit: SubtreeInlineData.is_inline
	InlineVisible        = 1  // bit: SubtreeInlineData.visible
	InlineNamed          = 2  // bit: SubtreeInlineData.named
	InlineExtra          = 3  // bit: SubtreeInlineData.extra
	InlineHasChanges     = 4  // bit: SubtreeInlineData.has_changes
	InlineIsMissing      = 5  // bit: SubtreeInlineData.is_missing
	InlineIsKeyword      = 6  // bit: SubtreeInlineData.is_keyword
	InlineSymbol         = 1  // c: offsetof(SubtreeInlineData, symbol)
	InlineParseState     = 2  // c: offsetof(SubtreeInlineData, parse_state)
	InlinePaddingColumns = 4  // c: offsetof(SubtreeInlineData, padding_columns)
	InlinePaddingRows    = 40 // bit: SubtreeInlineData.padding_rows (4 bits)
	InlinePaddingBytes   = 6  // c: offsetof(SubtreeInlineData, padding_bytes)
	InlineSizeBytes      = 7  // c: offsetof(SubtreeInlineData, size_bytes)

	HeapPadding                = 4   // c: offsetof(SubtreeHeapData, padding)
	HeapSize                   = 16  // c: offsetof(SubtreeHeapData, size)
	HeapErrorCost              = 32  // c: offsetof(SubtreeHeapData, error_cost)
	HeapChildCount             = 36  // c: offsetof(SubtreeHeapData, child_count)
	HeapSymbol                 = 40  // c: offsetof(SubtreeHeapData, symbol)
	HeapParseState             = 42  // c: offsetof(SubtreeHeapData, parse_state)
	HeapVisible                = 352 // bit: SubtreeHeapData.visible
	HeapNamed                  = 353 // bit: SubtreeHeapData.named
	HeapExtra                  = 354 // bit: SubtreeHeapData.extra
	HeapHasChanges             = 357 // bit: SubtreeHeapData.has_changes
	HeapIsMissing              = 361 // bit: SubtreeHeapData.is_missing
	HeapIsKeyword              = 362 // bit: SubtreeHeapData.is_keyword
	HeapVisibleChildCount      = 48  // c: offsetof(SubtreeHeapData, visible_child_count)
	HeapNamedChildCount        = 52  // c: offsetof(SubtreeHeapData, named_child_count)
	HeapVisibleDescendantCount = 56  // c: offsetof(SubtreeHeapData, visible_descendant_count)
	HeapProductionID           = 66  // c: offsetof(SubtreeHeapData, production_id)

	// TSTree {Subtree root; const TSLanguage *language; ...}: a root node's
	// id is the TSTree's address.
	TreeRoot = 0 // c: offsetof(TSTree, root)

	// TSPoint, TSRange, TSInputEdit.
	PointRow             = 0  // c: offsetof(TSPoint, row)
	PointColumn          = 4  // c: offsetof(TSPoint, column)
	PointSize            = 8  // c: sizeof(TSPoint)
	RangeStartPoint      = 0  // c: offsetof(TSRange, start_point)
	RangeEndPoint        = 8  // c: offsetof(TSRange, end_point)
	RangeStartByte       = 16 // c: offsetof(TSRange, start_byte)
	RangeEndByte         = 20 // c: offsetof(TSRange, end_byte)
	RangeSize            = 24 // c: sizeof(TSRange)
	InputEditStartByte   = 0  // c: offsetof(TSInputEdit, start_byte)
	InputEditOldEndByte  = 4  // c: offsetof(TSInputEdit, old_end_byte)
	InputEditNewEndByte  = 8  // c: offsetof(TSInputEdit, new_end_byte)
	InputEditStartPoint  = 12 // c: offsetof(TSInputEdit, start_point)
	InputEditOldEndPoint = 20 // c: offsetof(TSInputEdit, old_end_point)
	InputEditNewEndPoint = 28 // c: offsetof(TSInputEdit, new_end_point)
	InputEditSize        = 36 // c: sizeof(TSInputEdit)
	NodeContext          = 0  // c: offsetof(TSNode, context)
	NodeID               = 16 // c: offsetof(TSNode, id)
	NodeTree             = 20 // c: offsetof(TSNode, tree)
	NodeSize             = 24 // c: sizeof(TSNode)

	// TSTreeCursor, whose bytes are tree_cursor.c's TreeCursor
	// {const TSTree *tree; Array(TreeCursorEntry) stack; TSSymbol root_alias_symbol}.
	TreeCursorSize        = 20 // c: sizeof(TSTreeCursor)
	TreeCursorTree        = 0  // c: offsetof(TreeCursor, tree)
	TreeCursorStack       = 4  // c: offsetof(TreeCursor, stack.contents)
	TreeCursorStackSize   = 8  // c: offsetof(TreeCursor, stack.size)
	TreeCursorRootAlias   = 16 // c: offsetof(TreeCursor, root_alias_symbol)
	CursorEntrySubtree    = 0  // c: offsetof(TreeCursorEntry, subtree)
	CursorEntryPosition   = 4  // c: offsetof(TreeCursorEntry, position)
	CursorEntryChildIndex = 16 // c: offsetof(TreeCursorEntry, child_index)
	CursorEntryStructural = 20 // c: offsetof(TreeCursorEntry, structural_child_index)
	CursorEntryDescendant = 24 // c: offsetof(TreeCursorEntry, descendant_index)
	CursorEntrySize       = 28 // c: sizeof(TreeCursorEntry)

	// TSLanguage. The fields up to alias_sequences are the same in ABI 13,
	// 14 and 15 (later ABIs only append fields).
	LanguageABIVersion        = 0  // c: offsetof(TSLanguage, abi_version)
	LanguageSymbolCount       = 4  // c: offsetof(TSLanguage, symbol_count)
	LanguageAliasCount        = 8  // c: offsetof(TSLanguage, alias_count)
	LanguageStateCount        = 20 // c: offsetof(TSLanguage, state_count)
	LanguageProductionIDCount = 28 // c: offsetof(TSLanguage, production_id_count)
	LanguageFieldCount        = 32 // c: offsetof(TSLanguage, field_count)
	LanguageMaxAliasSeqLen    = 36 // c: offsetof(TSLanguage, max_alias_sequence_length)
	LanguageFieldMapSlices    = 64 // c: offsetof(TSLanguage, field_map_slices)
	LanguageFieldMapEntries   = 68 // c: offsetof(TSLanguage, field_map_entries)
	LanguageSymbolMetadata    = 72 // c: offsetof(TSLanguage, symbol_metadata)
	LanguagePublicSymbolMap   = 76 // c: offsetof(TSLanguage, public_symbol_map)
	LanguageAliasSequences    = 84 // c: offsetof(TSLanguage, alias_sequences)
	SymbolMetadataVisible     = 0  // c: offsetof(TSSymbolMetadata, visible)
	SymbolMetadataNamed       = 1  // c: offsetof(TSSymbolMetadata, named)
	SymbolMetadataSupertype   = 2  // c: offsetof(TSSymbolMetadata, supertype)
	SymbolMetadataSize        = 3  // c: sizeof(TSSymbolMetadata)
	MapSliceIndex             = 0  // c: offsetof(TSMapSlice, index)
	MapSliceLength            = 2  // c: offsetof(TSMapSlice, length)
	MapSliceSize              = 4  // c: sizeof(TSMapSlice)
	FieldMapEntryField        = 0  // c: offsetof(TSFieldMapEntry, field_id)
	FieldMapEntryChildIndex   = 2  // c: offsetof(TSFieldMapEntry, child_index)
	FieldMapEntryInherited    = 3  // c: offsetof(TSFieldMapEntry, inherited)
	FieldMapEntrySize         = 4  // c: sizeof(TSFieldMapEntry)
	LanguageMetadataMajor     = 0  // c: offsetof(TSLanguageMetadata, major_version)
	LanguageMetadataMinor     = 1  // c: offsetof(TSLanguageMetadata, minor_version)
	LanguageMetadataPatch     = 2  // c: offsetof(TSLanguageMetadata, patch_version)
	LanguageMetadataSize      = 3  // c: sizeof(TSLanguageMetadata)

	// Queries.
	QueryMatchID           = 0  // c: offsetof(TSQueryMatch, id)
	QueryMatchPattern      = 4  // c: offsetof(TSQueryMatch, pattern_index)
	QueryMatchCaptureCount = 6  // c: offsetof(TSQueryMatch, capture_count)
	QueryMatchCaptures     = 8  // c: offsetof(TSQueryMatch, captures)
	QueryMatchSize         = 12 // c: sizeof(TSQueryMatch)
	QueryCaptureNode       = 0  // c: offsetof(TSQueryCapture, node)
	QueryCaptureIndex      = 24 // c: offsetof(TSQueryCapture, index)
	QueryCaptureSize       = 28 // c: sizeof(TSQueryCapture)
	PredicateStepType      = 0  // c: offsetof(TSQueryPredicateStep, type)
	PredicateStepValueID   = 4  // c: offsetof(TSQueryPredicateStep, value_id)
	PredicateStepSize      = 8  // c: sizeof(TSQueryPredicateStep)
)

// Values of tree-sitter's constants the Go side uses.
const (
	SymbolError       = 0xFFFF // ts_builtin_sym_error
	SymbolErrorRepeat = 0xFFFE // ts_builtin_sym_error_repeat

	// MissingErrorCost is ERROR_COST_PER_MISSING_TREE + ERROR_COST_PER_RECOVERY,
	// the error cost of a missing leaf.
	MissingErrorCost = 110 + 500 // c: ERROR_COST_PER_MISSING_TREE + ERROR_COST_PER_RECOVERY
)
