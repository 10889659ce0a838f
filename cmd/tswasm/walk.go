// Stage 1 of the pipeline: expand arguments into the files to process.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// input is one file to process.
type input struct {
	path     string // file system path, or "-" for standard input
	explicit bool   // named on the command line rather than found in a directory
	maybe    bool   // found in a directory with no language by name: only its first lines (shebang, modeline) can select it
	size     int64  // from the walk's stat; for standard input, its length
	stdin    []byte // standard input, read by the walk
	stdinErr error  // reading standard input failed
}

// display is the name used in output: the path as given or walked, with
// "<stdin>" for standard input.
func (in input) display() string {
	if in.path == "-" {
		return "<stdin>"
	}
	return in.path
}

// walker expands command-line arguments into the inputs to process.
type walker struct {
	noIgnore  bool                               // do not read .gitignore files
	excludes  []ignoreRule                       // --exclude patterns, relative to each walked root
	candidate func(path string) (ok, maybe bool) // whether a walked file may be processed
	report    func(path string, err error)       // prints a problem; the run goes on
	warn      func(path, msg string)             // prints a note about a skipped file
	stdin     io.Reader                          // read for "-"
	maxStdin  int64                              // read at most this much of standard input (+1 to detect more)
	failed    int                                // problems reported
}

// errNotRegular is the error for a path that is not a regular file: the
// tool never opens FIFOs, devices or sockets, which could block forever.
type errNotRegular struct{ mode fs.FileMode }

func (e errNotRegular) Error() string {
	return fmt.Sprintf("not a regular file (%s); skipped", fileKind(e.mode))
}

// fileKind names a file mode's type.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return "special file"
}

// collect returns the inputs for args in order: files as given, directories
// expanded recursively in lexical order. Problems (a path that does not
// exist, an unreadable directory) are reported and counted in w.failed.
func (w *walker) collect(args []string) []input {
	var out []input
	for _, a := range args {
		if a == "-" {
			in := input{path: "-", explicit: true}
			if w.stdin != nil {
				in.stdin, in.stdinErr = io.ReadAll(io.LimitReader(w.stdin, w.maxStdin+1))
				in.size = int64(len(in.stdin))
			}
			out = append(out, in)
			continue
		}
		fi, err := os.Stat(a)
		if err != nil {
			w.problem(a, err)
			continue
		}
		if !fi.IsDir() && !fi.Mode().IsRegular() {
			w.problem(a, errNotRegular{fi.Mode()})
			continue
		}
		if !fi.IsDir() {
			out = append(out, input{path: a, explicit: true, size: fi.Size()})
			continue
		}
		var st ignoreStack
		if len(w.excludes) > 0 {
			st = append(st, ignoreList{rules: w.excludes})
		}
		out = w.walkDir(a, "", st, out)
	}
	return out
}

func (w *walker) problem(p string, err error) {
	w.failed++
	if w.report != nil {
		w.report(p, err)
	}
}

// walkDir appends the candidate files under dir. rel is dir relative to the
// walked root in slash form ("" for the root); st holds the ignore rules
// that apply to dir.
func (w *walker) walkDir(dir, rel string, st ignoreStack, out []input) []input {
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.problem(dir, err)
		// ReadDir returns what it read before the error; go on with it.
	}
	if !w.noIgnore {
		if b, err := os.ReadFile(filepath.Join(dir, ".gitignore")); err == nil {
			if rules := parseIgnore(string(b)); len(rules) > 0 {
				st = append(st[:len(st):len(st)], ignoreList{base: rel, rules: rules})
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			w.problem(filepath.Join(dir, ".gitignore"), err)
		}
	}
	for _, de := range entries {
		name := de.Name()
		if name == ".git" {
			continue
		}
		p := filepath.Join(dir, name)
		childRel := name
		if rel != "" {
			childRel = path.Join(rel, name)
		}
		isDir := de.IsDir()
		mode := de.Type()
		var size int64
		if mode&fs.ModeSymlink != 0 {
			// Symbolic links to directories are not followed (no cycles);
			// links to files are files; dangling links are files too, so
			// that reading them reports the problem.
			if fi, err := os.Stat(p); err == nil {
				if fi.IsDir() {
					continue
				}
				mode, size = fi.Mode().Type(), fi.Size()
			} else {
				mode = 0
			}
		}
		if st.ignored(childRel, isDir) {
			continue
		}
		if isDir {
			out = w.walkDir(p, childRel, st, out)
			continue
		}
		ok, maybe := w.candidate(p)
		if !ok {
			continue
		}
		if !mode.IsRegular() {
			// FIFOs, sockets, devices: never opened (a FIFO blocks).
			if w.warn != nil {
				w.warn(p, errNotRegular{mode}.Error())
			}
			continue
		}
		if de.Type()&fs.ModeSymlink == 0 {
			if fi, err := de.Info(); err == nil {
				size = fi.Size()
			}
		}
		out = append(out, input{path: p, maybe: maybe, size: size})
	}
	return out
}

// excludeRules turns --exclude values into rules (gitignore syntax, relative
// to each walked directory argument).
func excludeRules(vals []string) []ignoreRule {
	var rules []ignoreRule
	for _, v := range vals {
		if r, ok := parseIgnoreLine(v); ok {
			rules = append(rules, r)
		}
	}
	return rules
}
