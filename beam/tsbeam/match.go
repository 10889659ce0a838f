// MatchFiles: expand file patterns into the files to parse.
package tsbeam

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/tswasm/tswasm/languages"
)

var filesMatched = beam.NewCounter("tswasm", "files_matched")

// MatchFiles expands patterns into a PCollection of File, spread over the
// workers (the matches are reshuffled). A pattern is
//   - a local directory, walked recursively as `tswasm parse` walks one:
//     .git and symbolic links to directories are skipped, and only files
//     whose name gives a language (Options.Lang's, when set) or that have no
//     extension (a shebang may tell) are kept; .gitignore files are not
//     read;
//   - a glob with "**" (local, or any Beam filesystem that supports it, such
//     as gs://bucket/src/**): the files it matches, kept as in a directory;
//   - any other glob or path, through Beam's filesystem registry: every file
//     it matches is kept (as Options.Lang, when set). A local match that is
//     a directory is walked. A path that does not exist is kept, so that it
//     reaches the dead-letter output.
//
// A pattern whose file system is not registered, or that fails to list,
// fails the pipeline: that is a mistake in the job, not in one file.
func MatchFiles(s beam.Scope, patterns []string, o Options) beam.PCollection {
	s = s.Scope("tsbeam.MatchFiles")
	for _, p := range patterns {
		filesystem.ValidateScheme(p)
	}
	pats := beam.CreateList(s, patterns)
	files := beam.ParDo(s, &matchFn{Opts: o}, pats)
	return beam.Reshuffle(s, files)
}

// matchFn expands one pattern.
type matchFn struct {
	Opts Options
}

// ProcessElement emits the files of one pattern.
func (f *matchFn) ProcessElement(ctx context.Context, pattern string, emit func(File)) error {
	n := 0
	out := func(fl File) {
		n++
		emit(fl)
	}
	defer func() { filesMatched.Inc(ctx, int64(n)) }()
	if !strings.Contains(pattern, "://") {
		return f.matchLocal(pattern, out)
	}
	fsys, err := filesystem.New(ctx, pattern)
	if err != nil {
		return err
	}
	defer fsys.Close()
	names, err := fsys.List(ctx, pattern)
	if err != nil {
		return fmt.Errorf("tsbeam: listing %s: %w", pattern, err)
	}
	recursive := strings.Contains(pattern, "**")
	if len(names) == 0 && !hasMeta(pattern) {
		names = []string{pattern}
	}
	for _, name := range names {
		fl := File{Path: name, Size: -1}
		if recursive {
			if !f.candidate(name) {
				continue
			}
		} else {
			fl.Language = f.Opts.Lang
		}
		if size, err := fsys.Size(ctx, name); err == nil {
			fl.Size = size
		}
		out(fl)
	}
	return nil
}

// matchLocal expands a local pattern.
func (f *matchFn) matchLocal(pattern string, emit func(File)) error {
	if strings.Contains(pattern, "**") {
		base, re, err := globRegexp(pattern)
		if err != nil {
			return err
		}
		f.walk(base, func(p string) bool { return re.MatchString(filepath.ToSlash(p)) }, emit)
		return nil
	}
	var names []string
	if hasMeta(pattern) {
		var err error
		if names, err = filepath.Glob(pattern); err != nil {
			return fmt.Errorf("tsbeam: bad pattern %q: %w", pattern, err)
		}
	} else {
		names = []string{pattern}
	}
	for _, name := range names {
		if fi, err := os.Stat(name); err == nil && fi.IsDir() {
			f.walk(name, nil, emit)
			continue
		}
		fl := File{Path: name, Size: -1, Language: f.Opts.Lang}
		if fi, err := os.Stat(name); err == nil {
			fl.Size = fi.Size()
		}
		emit(fl)
	}
	return nil
}

// walk emits the candidate files under dir (that keep accepts, if set).
// An unreadable directory is emitted too, so that it is dead-lettered.
func (f *matchFn) walk(dir string, keep func(string) bool, emit func(File)) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		emit(File{Path: dir, Size: -1})
		// ReadDir returns what it read before the error; go on with it.
	}
	for _, de := range entries {
		name := de.Name()
		if name == ".git" {
			continue
		}
		p := filepath.Join(dir, name)
		if de.Type()&fs.ModeSymlink != 0 {
			// As tswasm parse: links to directories are not followed,
			// links to files are files, and dangling links are files
			// (reading them reports the problem).
			if fi, err := os.Stat(p); err == nil && fi.IsDir() {
				continue
			}
		} else if de.IsDir() {
			f.walk(p, keep, emit)
			continue
		} else if !de.Type().IsRegular() {
			continue
		}
		if keep != nil && !keep(p) {
			continue
		}
		if !f.candidate(p) {
			continue
		}
		fl := File{Path: p, Size: -1}
		if fi, err := os.Stat(p); err == nil {
			fl.Size = fi.Size()
		}
		emit(fl)
	}
}

// candidate reports whether a file found by a recursive match may be
// parsed, judging by its name: its language is known (and is Options.Lang,
// when set), or it has no extension (a shebang line may tell). Its language
// is detected when it is read.
func (f *matchFn) candidate(p string) bool {
	base := p
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	if sp, found := languages.ForFilename(base); found {
		return f.Opts.Lang == "" || sameLang(sp, f.Opts.Lang)
	}
	return filepath.Ext(base) == ""
}

// sameLang reports whether name names sp.
func sameLang(sp *languages.Spec, name string) bool {
	o, ok := languages.Lookup(name)
	return ok && o == sp
}

// hasMeta reports whether p holds glob characters.
func hasMeta(p string) bool { return strings.ContainsAny(p, "*?[") }

// globRegexp splits a local pattern with "**" into the directory to walk
// (the part before the first wildcard) and a regexp for the slash-separated
// paths it matches: "**" matches across directories, "*" and "?" within one.
func globRegexp(pattern string) (string, *regexp.Regexp, error) {
	slash := filepath.ToSlash(pattern)
	i := strings.IndexAny(slash, "*?[")
	base := slash[:strings.LastIndex(slash[:i], "/")+1]
	var b strings.Builder
	b.WriteString("^")
	b.WriteString(regexp.QuoteMeta(base))
	rest := slash[len(base):]
	for j := 0; j < len(rest); j++ {
		switch c := rest[j]; {
		case strings.HasPrefix(rest[j:], "**/"):
			b.WriteString("(?:.*/)?")
			j += 2
		case strings.HasPrefix(rest[j:], "**"):
			b.WriteString(".*")
			j++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return "", nil, fmt.Errorf("tsbeam: bad pattern %q: %w", pattern, err)
	}
	if base == "" {
		base = "."
	}
	return filepath.FromSlash(base), re, nil
}
