// Package tsbeam parses source files with tswasm inside an Apache Beam
// pipeline, so that a corpus too large for one machine is spread over the
// workers of a Beam runner: prism in-process, or Flink, Spark and Google
// Cloud Dataflow through Beam's portable runners.
//
// The transforms compose:
//
//	files := tsbeam.MatchFiles(s, []string{"/src/**", "gs://bucket/repo/*.go"}, opts)
//	srcs, skipped := tsbeam.ReadSources(s, files, opts)
//	results, failed := tsbeam.Parse(s, srcs, opts)
//	totals := tsbeam.Stats(s, results)
//
// Every worker process keeps one tswasm Engine, created on first use with
// the on-disk compilation cache, and each DoFn instance takes a parser from
// that engine's pool in Setup. A file that cannot be read, is binary or too
// large, times out, traps the grammar or hits the memory limit becomes a
// Failure on the dead-letter output: the pipeline never stops for one file,
// and a broken parser is replaced before the next file.
//
// Metrics (namespace "tswasm"): files_matched, files_read, bytes_read,
// files_parsed, bytes_parsed, parse_us (parse time in microseconds, summed),
// failures, and the distribution parse_us_per_file.
package tsbeam
