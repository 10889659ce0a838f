// direct.c: the tree-sitter runtime (lib.c) plus lexer entry points that
// grammars built by tswasm call as plain imports instead of through the
// TSLexer function pointers (a call_indirect each in wasm).
#include "lib.c"

void tswasm_lexer_advance(TSLexer *l, bool skip) { ts_lexer__advance(l, skip); }
void tswasm_lexer_mark_end(TSLexer *l) { ts_lexer__mark_end(l); }
bool tswasm_lexer_eof(const TSLexer *l) { return ts_lexer__eof(l); }
uint32_t tswasm_lexer_get_column(TSLexer *l) { return ts_lexer__get_column(l); }
