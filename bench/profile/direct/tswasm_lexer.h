// tswasm_lexer.h: the direct lexer entry points of direct.c, as env imports (forced include, -include).
#include <stdbool.h>
#include <stdint.h>
struct TSLexer;
__attribute__((import_module("env"), import_name("tswasm_lexer_advance"))) void tswasm_lexer_advance(struct TSLexer *, bool);
__attribute__((import_module("env"), import_name("tswasm_lexer_mark_end"))) void tswasm_lexer_mark_end(struct TSLexer *);
__attribute__((import_module("env"), import_name("tswasm_lexer_eof"))) bool tswasm_lexer_eof(const struct TSLexer *);
__attribute__((import_module("env"), import_name("tswasm_lexer_get_column"))) uint32_t tswasm_lexer_get_column(struct TSLexer *);
