// glue.c: tswasm's own C layer over the tree-sitter runtime.
//
// Everything here exists because the Go host cannot do it through the plain
// ts_* API: bridge callbacks (input, progress, logging) to host imports,
// allocate grammar data blocks, and report allocation failure distinctly
// from other traps. Every function speaks in flat integers and pointers.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tree_sitter/api.h"
#include "error_costs.h"
#include "language.h"
#include "subtree.h"
#include "tree.h"
#include "tree_cursor.h"

#define HOST(name) __attribute__((import_module("tswasm"), import_name(name)))

// The host serves one call at a time per instance, so its imports need no
// ids: they act for the call in progress.

// progress is asked every few hundred parser operations; non-zero cancels.
HOST("progress") int32_t host_progress(uint32_t byte_offset, int32_t has_error);
// read copies the chunk of input that starts at byte into buf and returns its length.
HOST("read") uint32_t host_read(uint32_t byte, uint32_t row, uint32_t column, char *buf, uint32_t cap);
// log receives one parser or lexer log line.
HOST("log") void host_log(int32_t type, const char *msg, uint32_t len);

// ---- memory ----------------------------------------------------------------

// tswasm_oom is set before trapping when an allocation fails, so the host can
// tell a memory-limit failure from a grammar fault.
static volatile uint32_t tswasm_oom;

uint32_t *tswasm_oom_flag(void) { return (uint32_t *)&tswasm_oom; }

static void *glue_malloc(size_t n) {
  void *p = malloc(n);
  if (!p && n) { tswasm_oom = 1; __builtin_trap(); }
  return p;
}

static void *glue_calloc(size_t n, size_t size) {
  void *p = calloc(n, size);
  if (!p && n && size) { tswasm_oom = 1; __builtin_trap(); }
  return p;
}

static void *glue_realloc(void *ptr, size_t n) {
  void *p = realloc(ptr, n);
  if (!p && n) { tswasm_oom = 1; __builtin_trap(); }
  return p;
}

// tswasm_init installs the trapping allocator. The host calls it once after _initialize.
void tswasm_init(void) { ts_set_allocator(glue_malloc, glue_calloc, glue_realloc, free); }

// tswasm_alloc_data reserves a zeroed, aligned block for a grammar's data
// segment (its __memory_base). Returns 0 on failure.
void *tswasm_alloc_data(uint32_t size, uint32_t align) {
  if (align < sizeof(void *)) align = sizeof(void *);
  void *p = NULL;
  if (posix_memalign(&p, align, size ? size : 1) != 0) return NULL;
  memset(p, 0, size);
  return p;
}

// tswasm_abort is what C++ helpers such as std::__throw_length_error resolve to.
void tswasm_abort(void) { __builtin_trap(); }

// ---- parsing ---------------------------------------------------------------

typedef struct {
  const char *src;
  uint32_t len;
  bool from_host;  // read through the host's read import, not from src
  char *buf;
  uint32_t cap;
} Source;

static const char *read_string(void *payload, uint32_t byte, TSPoint pos, uint32_t *n) {
  (void)pos;
  Source *s = payload;
  if (byte >= s->len) { *n = 0; return ""; }
  *n = s->len - byte;
  return s->src + byte;
}

static const char *read_host(void *payload, uint32_t byte, TSPoint pos, uint32_t *n) {
  Source *s = payload;
  *n = host_read(byte, pos.row, pos.column, s->buf, s->cap);
  return s->buf;
}

static bool parse_progress(TSParseState *state) {
  return host_progress(state->current_byte_offset, state->has_error) != 0;
}

static TSTree *parse(TSParser *parser, const TSTree *old, Source *s, uint32_t encoding, uint32_t progress) {
  TSInput input = {
    .payload = s,
    .read = s->from_host ? read_host : read_string,
    .encoding = (TSInputEncoding)encoding,
    .decode = NULL,
  };
  TSParseOptions opts = {
    .payload = NULL,
    .progress_callback = progress ? parse_progress : NULL,
  };
  return ts_parser_parse_with_options(parser, old, input, opts);
}

// tswasm_parse parses len bytes at src. progress 0 means no progress callback.
TSTree *tswasm_parse(TSParser *parser, const TSTree *old, const char *src, uint32_t len,
                     uint32_t encoding, uint32_t progress) {
  Source s = {.src = src, .len = len};
  return parse(parser, old, &s, encoding, progress);
}

// tswasm_parse_input parses text supplied by the host's read import, chunk by
// chunk through buf (cap bytes).
TSTree *tswasm_parse_input(TSParser *parser, const TSTree *old, char *buf, uint32_t cap,
                           uint32_t encoding, uint32_t progress) {
  Source s = {.from_host = true, .buf = buf, .cap = cap};
  return parse(parser, old, &s, encoding, progress);
}

static void log_line(void *payload, TSLogType type, const char *msg) {
  (void)payload;
  host_log((int32_t)type, msg, (uint32_t)strlen(msg));
}

// tswasm_parser_set_logger routes the parser's log lines to the host's log
// import when on is non-zero, and removes the logger when it is 0.
void tswasm_parser_set_logger(TSParser *parser, uint32_t on) {
  TSLogger logger = {.payload = NULL, .log = on ? log_line : NULL};
  ts_parser_set_logger(parser, logger);
}

// ---- queries ---------------------------------------------------------------

static bool query_progress(TSQueryCursorState *state) {
  return host_progress(state->current_byte_offset, 0) != 0;
}

// The cursor keeps a pointer to its options for the whole run, so the
// options live in static storage with a constant callback.
static TSQueryCursorOptions query_options = {.progress_callback = query_progress};

// tswasm_query_cursor_exec runs query from *node; progress 0 means no callback.
void tswasm_query_cursor_exec(TSQueryCursor *cursor, const TSQuery *query, const TSNode *node,
                              uint32_t progress) {
  if (!progress) {
    ts_query_cursor_exec(cursor, query, *node);
    return;
  }
  ts_query_cursor_exec_with_options(cursor, query, *node, &query_options);
}

// ---- layouts ---------------------------------------------------------------

// layout.h (generated from internal/abi/layout.go) pins every offset the Go
// host reads with _Static_assert, and defines tswasm_layout_fill.
#include "layout.h"

// tswasm_layout_probe writes the runtime's value of every layout constant
// into out (cap entries) and returns how many there are; the host compares
// them with its own at start-up.
uint32_t tswasm_layout_probe(uint32_t *out, uint32_t cap) {
  uint32_t values[TSWASM_LAYOUT_COUNT];
  tswasm_layout_fill(values);
  for (uint32_t i = 0; i < cap && i < TSWASM_LAYOUT_COUNT; i++) out[i] = values[i];
  return TSWASM_LAYOUT_COUNT;
}
