// A stand-in for tree-sitter's parser.h: just enough of TSLanguage to build
// a side module with an external scanner. Not a working grammar.
#ifndef TREE_SITTER_PARSER_H_
#define TREE_SITTER_PARSER_H_

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct TSLanguage {
  uint32_t version;
  uint32_t symbol_count;
  const char *const *symbol_names;
  struct {
    void *(*create)(void);
    void (*destroy)(void *);
    bool (*scan)(void *, void *, const bool *);
    unsigned (*serialize)(void *, char *);
    void (*deserialize)(void *, const char *, unsigned);
  } external_scanner;
} TSLanguage;

#endif // TREE_SITTER_PARSER_H_
