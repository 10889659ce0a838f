// Includes "tree_sitter/parser.h" although parser.h sits next to this file,
// so the build has to provide the tree_sitter/ include path itself.
#include "tree_sitter/parser.h"

void *tree_sitter_tiny_external_scanner_create(void);
void tree_sitter_tiny_external_scanner_destroy(void *);
bool tree_sitter_tiny_external_scanner_scan(void *, void *, const bool *);
unsigned tree_sitter_tiny_external_scanner_serialize(void *, char *);
void tree_sitter_tiny_external_scanner_deserialize(void *, const char *, unsigned);

static const char *const ts_symbol_names[] = {"end", "word"};

extern const TSLanguage *tree_sitter_tiny(void) {
  static const TSLanguage language = {
    .version = 14,
    .symbol_count = 2,
    .symbol_names = ts_symbol_names,
    .external_scanner = {
      tree_sitter_tiny_external_scanner_create,
      tree_sitter_tiny_external_scanner_destroy,
      tree_sitter_tiny_external_scanner_scan,
      tree_sitter_tiny_external_scanner_serialize,
      tree_sitter_tiny_external_scanner_deserialize,
    },
  };
  return &language;
}
