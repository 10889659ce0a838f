#!/usr/bin/env python3
"""perftable.py: turn perf(1) profiles of a tswasm parse and of the native
parse of the same files into the table of bench/PROFILE.md.

  perftable.py --grammar-syms syms.txt WASM.data NATIVE.data [--top N]

Each sample is put in one category by its leaf frame (the function that was
running), except that samples under wazero's MemoryInstance.Grow, or page
faults taken while wasm code runs, count as memory growth, and samples from
start-up (compiling modules, reading the corpus, the dynamic loader) are left
out. Wasm frames come from wazero's perf map (build tag perfmap), whose names
look like "[12/362]module.wasm.func:::::L7" (function index/count, basic
block): the block suffix and prefixes are dropped. --grammar-syms lists the
grammar's own functions (parser.c and scanner.c), one a line.
"""
import argparse
import collections
import re
import subprocess
import sys

CATS = [
    ("grammar", "grammar lexer and scanner (ts_lex, keywords, external scanner)"),
    ("lexer", "runtime lexer callbacks (advance, get_lookahead, utf-8 decode, eof, mark_end, lexer start/finish)"),
    ("table", "parse-table lookups (ts_language_*)"),
    ("parse", "parse loop (ts_parser_parse and ts_parser__*, inlined helpers)"),
    ("stack", "parse stack (ts_stack_*, stack__iter, callbacks)"),
    ("subtree", "subtrees (new/summarize/release/compress, tree delete)"),
    ("alloc", "malloc/free/realloc (dlmalloc / glibc)"),
    ("mem", "memset/memcpy/memmove/memcmp"),
    ("other_c", "other C"),
    ("growth", "memory growth (memory.grow copy, first-touch page faults)"),
    ("gc", "Go GC and runtime"),
    ("host", "host: wazero, tswasm Go code, kernel"),
]

ALLOC = re.compile(r"^(dl\w+|malloc|free|calloc|realloc|glue_(malloc|calloc|realloc|free)|ts_(malloc|calloc|realloc|free)_default|"
                   r"_int_\w+|malloc_consolidate|unlink_chunk.*|cfree.*|__libc_\w+|sbrk|internal_memalign|tmalloc_\w+|"
                   r"prepend_alloc|sys_alloc|init_top|segment_holding|aligned_alloc|tcache_\w+|_mid_memalign|__malloc_\w+)$")
MEM = re.compile(r"^(__)?(memset|memcpy|memmove|memcmp|memchr|bcmp)(_\w+)?(@.*)?$")
WASMNAME = re.compile(r"^\[\d+/\d+\](?:[\w.+-]+?\.wasm\.)?(.*?)(?::::::?L\d+)?$")
SETUP = ("wazevo/backend", "wazevo/ssa", "wazevo/frontend", "wazevo.(*engine).compile", "CompileModule", "dl_main", "_dl_start",
         "main.corpus", "os.ReadFile", "LoadLanguage", "NewEngine", "runtime.rt0_go", "runtime.schedinit", "runtime.doInit",
         "_start", "__libc_start_main")


def frames(path):
    out = subprocess.run(["perf", "script", "-i", path, "-F", "ip,sym,dso"], capture_output=True, text=True, check=True).stdout
    stack = []
    for line in out.splitlines():
        line = line.strip()
        if not line:
            if stack:
                yield stack
            stack = []
            continue
        parts = line.split(None, 1)
        if len(parts) < 2:
            continue
        sym = parts[1].rsplit(" (", 1)
        dso = sym[1].rstrip(")") if len(sym) == 2 else ""
        name = re.sub(r"\+0x[0-9a-f]+$", "", sym[0])
        m = WASMNAME.match(name)
        wasm = bool(m)
        if m:
            name = m.group(1)
        stack.append((name, dso, wasm))
    if stack:
        yield stack


def classify(stack, gsyms):
    names = [f[0] for f in stack]
    joined = "\n".join(names)
    if any(s in joined for s in SETUP) and "ts_parser_parse" not in joined and "Parser).Parse" not in joined:
        return None, None
    leaf, dso, wasm = stack[0]
    if "MemoryInstance).Grow" in joined:
        return "growth", leaf
    kernel = "kernel" in dso
    if kernel and "exc_page_fault" in joined and (any(f[2] for f in stack) or "ts_" in joined):
        return "growth", leaf
    if kernel:
        return "host", "[kernel]"
    if leaf in gsyms:
        return "grammar", leaf
    if leaf.startswith(("ts_lexer", "ts_decode_")) or leaf in ("ts_parser__lex", "ts_parser__get_cached_token", "ts_parser__set_cached_token",
                                                                "ts_parser__call_main_lex_fn", "ts_parser__call_keyword_lex_fn",
                                                                "ts_parser__external_scanner_scan", "ts_parser__external_scanner_deserialize",
                                                                "ts_parser__external_scanner_serialize"):
        return "lexer", leaf
    if leaf.startswith("ts_language_") or leaf.startswith("ts_lookahead_iterator"):
        return "table", leaf
    if leaf.startswith(("ts_parser", "reusable_node", "ts_range_array", "ts_reduce_action")):
        return "parse", leaf
    if leaf.startswith(("ts_stack", "stack_", "stack__", "pop_", "summarize_stack", "ts_stack_slice")) or leaf.endswith("_callback"):
        return "stack", leaf
    if leaf.startswith(("ts_subtree", "ts_tree_", "ts_external_scanner_state", "ts_node_", "ts_tree_cursor")):
        return "subtree", leaf
    if ALLOC.match(leaf):
        return "alloc", leaf
    if MEM.match(leaf):
        return "mem", leaf
    if wasm or dso.endswith(("native-go", "native-js")) or not dso or dso.startswith("/tmp"):
        if wasm or not (leaf.startswith(("runtime.", "github.com/", "internal/", "sync", "syscall", "main.", "os.", "type:"))):
            return "other_c", leaf
    if leaf.startswith("runtime.") or "runtime.gcBgMarkWorker" in joined or "runtime.bgsweep" in joined:
        return "gc", leaf
    return "host", leaf


def load(path, gsyms):
    cats, funcs = collections.Counter(), collections.Counter()
    for stack in frames(path):
        c, f = classify(stack, gsyms)
        if c is None:
            continue
        cats[c] += 1
        funcs[(c, f)] += 1
    return cats, funcs


def ratio(a, b):
    return f"{a / b:.1f}×" if b else "–"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--grammar-syms", required=True)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("wasm")
    ap.add_argument("native")
    a = ap.parse_args()
    gsyms = {l.strip() for l in open(a.grammar_syms) if l.strip()}
    wc, wf = load(a.wasm, gsyms)
    nc, nf = load(a.native, gsyms)
    wt, nt = sum(wc.values()), sum(nc.values())
    print(f"samples in the parse: wasm {wt}, native {nt} (same files, same rounds, 1 sample ≈ 1 ms CPU): wasm = {ratio(wt, nt)} native\n")
    print("| category | wasm samples | share of wasm | native samples | share of native | × native |")
    print("|---|---:|---:|---:|---:|---:|")
    for key, label in CATS:
        print(f"| {label} | {wc[key]} | {100 * wc[key] / wt:.1f}% | {nc[key]} | {100 * nc[key] / nt:.1f}% | {ratio(wc[key], nc[key])} |")
    print(f"| **total** | {wt} | 100% | {nt} | 100% | **{ratio(wt, nt)}** |\n")
    nfun = collections.Counter()
    for (c, f), n in nf.items():
        nfun[f] += n
    print("| function (leaf, self time) | category | wasm samples | share | native samples | × native |")
    print("|---|---|---:|---:|---:|---:|")
    for (c, f), n in wf.most_common(a.top):
        print(f"| `{f}` | {c} | {n} | {100 * n / wt:.1f}% | {nfun[f]} | {ratio(n, nfun[f])} |")


if __name__ == "__main__":
    sys.exit(main())
