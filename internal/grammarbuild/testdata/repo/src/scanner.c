#include "tree_sitter/parser.h"

#include <assert.h>
#include <string.h>
#include <wctype.h>

typedef struct {
  unsigned depth;
} Scanner;

void *tree_sitter_tiny_external_scanner_create(void) {
  return calloc(1, sizeof(Scanner));
}

void tree_sitter_tiny_external_scanner_destroy(void *payload) { free(payload); }

bool tree_sitter_tiny_external_scanner_scan(void *payload, void *lexer, const bool *valid) {
  Scanner *s = payload;
  assert(s != NULL && lexer != NULL); // __FILE__ must not leak the source path
  return valid[0] && iswspace((wint_t)s->depth);
}

unsigned tree_sitter_tiny_external_scanner_serialize(void *payload, char *buffer) {
  memcpy(buffer, payload, sizeof(Scanner));
  return sizeof(Scanner);
}

void tree_sitter_tiny_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  if (length == sizeof(Scanner)) memcpy(payload, buffer, length);
}
