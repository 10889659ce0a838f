// A C++ scanner, as older grammars have: operator new/delete become imports.
#include "parser.h"

#include <string.h>

namespace {
struct Scanner {
  unsigned depth = 0;
};
}  // namespace

extern "C" {

void *tree_sitter_tiny_external_scanner_create() { return new Scanner(); }

void tree_sitter_tiny_external_scanner_destroy(void *payload) {
  delete static_cast<Scanner *>(payload);
}

bool tree_sitter_tiny_external_scanner_scan(void *payload, void *, const bool *valid) {
  return valid[0] && static_cast<Scanner *>(payload)->depth > 0;
}

unsigned tree_sitter_tiny_external_scanner_serialize(void *payload, char *buffer) {
  memcpy(buffer, payload, sizeof(Scanner));
  return sizeof(Scanner);
}

void tree_sitter_tiny_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  if (length == sizeof(Scanner)) memcpy(payload, buffer, length);
}
}
