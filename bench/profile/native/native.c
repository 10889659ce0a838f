/* native.c: the native counterpart of bench/profile (main.go): the same
 * tree-sitter runtime and grammar C sources compiled natively, parsing a list
 * of files (one path per line on stdin) -rounds times; with -hash it prints
 * the same per-file line as main.go -hash (node count, FNV-1a of the
 * S-expression, has-error). See build-native.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <time.h>
#include <sys/resource.h>
#include <tree_sitter/api.h>

const TSLanguage *LANG_FN(void);

static double cpu_seconds(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

int main(int argc, char **argv) {
  int rounds = 10, hash = 0;
  const char *base = "";
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-rounds") && i + 1 < argc) rounds = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-hash")) hash = 1;
    else if (!strcmp(argv[i], "-base") && i + 1 < argc) base = argv[++i];
  }
  if (hash) rounds = 1;
  char line[4096];
  char **src = NULL, **names = NULL;
  size_t *len = NULL, n = 0, total = 0;
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = 0;
    FILE *f = fopen(line, "rb");
    if (!f) { perror(line); return 1; }
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    src = realloc(src, (n + 1) * sizeof *src);
    names = realloc(names, (n + 1) * sizeof *names);
    len = realloc(len, (n + 1) * sizeof *len);
    src[n] = malloc(sz + 1);
    if (fread(src[n], 1, sz, f) != (size_t)sz) { perror(line); return 1; }
    fclose(f);
    size_t bl = strlen(base);
    names[n] = strdup(strncmp(line, base, bl) == 0 && line[bl] == '/' ? line + bl + 1 : line);
    len[n] = sz;
    total += sz;
    n++;
  }
  TSParser *p = ts_parser_new();
  ts_parser_set_language(p, LANG_FN());
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  double c0 = cpu_seconds();
  for (int r = 0; r < rounds; r++) {
    for (size_t i = 0; i < n; i++) {
      TSTree *t = ts_parser_parse_string(p, NULL, src[i], len[i]);
      if (!t) { fprintf(stderr, "%s: no tree\n", names[i]); return 1; }
      if (hash) {
        TSNode root = ts_tree_root_node(t);
        char *s = ts_node_string(root);
        uint64_t h = 14695981039346656037ULL;
        for (char *c = s; *c; c++) { h ^= (unsigned char)*c; h *= 1099511628211ULL; }
        printf("%s %u %016llx %s\n", names[i], (unsigned)(ts_node_descendant_count(root)),
               (unsigned long long)h, ts_node_has_error(root) ? "true" : "false");
        free(s);
      }
      ts_tree_delete(t);
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double cpu = cpu_seconds() - c0;
  double wall = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  fprintf(stderr, "%zu files, %zu bytes, %d rounds: wall %.3fs, cpu %.3fs, %.2f MB/s of CPU time\n",
          n, total, rounds, wall, cpu, (double)total * rounds / cpu / 1e6);
  ts_parser_delete(p);
  return 0;
}
