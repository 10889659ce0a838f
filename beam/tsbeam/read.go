// ReadSources: read matched files, skip binaries and oversize files, detect
// the language.
package tsbeam

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	// Local files are the common case; other file systems (gcs, s3) are
	// linked in by the program.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/tswasm/tswasm/languages"
)

var (
	filesRead = beam.NewCounter("tswasm", "files_read")
	bytesRead = beam.NewCounter("tswasm", "bytes_read")
	failures  = beam.NewCounter("tswasm", "failures")
)

// ReadSources reads each File through Beam's filesystem registry and picks
// its language (Options.Lang, else by name, else by shebang line). It
// returns the Sources and a dead-letter PCollection of Failure for the files
// that are unreadable, larger than Options.MaxBytes, binary (a NUL byte or
// more than 10% invalid UTF-8 in the first 8 KiB, as `tswasm parse` judges),
// or of no known language.
func ReadSources(s beam.Scope, files beam.PCollection, o Options) (sources, dead beam.PCollection) {
	s = s.Scope("tsbeam.ReadSources")
	return beam.ParDo2(s, &readFn{Opts: o}, files)
}

// readFn reads one file.
type readFn struct {
	Opts Options
	fss  map[string]filesystem.Interface // by scheme, for this DoFn instance
}

// Setup prepares the file system cache.
func (f *readFn) Setup() {
	f.fss = map[string]filesystem.Interface{}
}

// Teardown closes the file systems.
func (f *readFn) Teardown() error {
	for _, fs := range f.fss {
		fs.Close()
	}
	f.fss = nil
	return nil
}

// filesystem returns the (cached) file system of path.
func (f *readFn) filesystem(ctx context.Context, path string) (filesystem.Interface, error) {
	scheme := "default"
	if i := strings.Index(path, "://"); i > 0 {
		scheme = path[:i]
	}
	if fs := f.fss[scheme]; fs != nil {
		return fs, nil
	}
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	if f.fss == nil {
		f.fss = map[string]filesystem.Interface{}
	}
	f.fss[scheme] = fs
	return fs, nil
}

// ProcessElement reads one file.
func (f *readFn) ProcessElement(ctx context.Context, file File, emit func(Source), dead func(Failure)) {
	fail := func(kind, lang string, n int64, err error) {
		failures.Inc(ctx, 1)
		dead(Failure{Path: file.Path, Language: lang, Stage: "read", Kind: kind, Error: err.Error(), Bytes: n})
	}
	limit := f.Opts.maxBytes()
	if limit > 0 && file.Size > limit {
		fail(KindTooLarge, file.Language, file.Size, fmt.Errorf("%d bytes, over the limit of %d", file.Size, limit))
		return
	}
	content, err := f.read(ctx, file.Path, limit)
	if err != nil {
		fail(KindUnreadable, file.Language, int64(len(content)), err)
		return
	}
	n := int64(len(content))
	if limit > 0 && n > limit {
		fail(KindTooLarge, file.Language, n, fmt.Errorf("over the limit of %d bytes", limit))
		return
	}
	head := content[:min(len(content), headSize)]
	spec, err := f.language(file, head)
	if err != nil {
		fail(KindNoLanguage, file.Language, n, err)
		return
	}
	if isBinary(head, len(content) < headSize) {
		fail(KindBinary, spec.Name, n, fmt.Errorf("binary file skipped"))
		return
	}
	filesRead.Inc(ctx, 1)
	bytesRead.Inc(ctx, n)
	emit(Source{Path: file.Path, Language: spec.Name, Content: content})
}

// read reads at most limit+1 bytes of path (all of it when limit <= 0).
func (f *readFn) read(ctx context.Context, path string, limit int64) ([]byte, error) {
	fs, err := f.filesystem(ctx, path)
	if err != nil {
		return nil, err
	}
	r, err := fs.OpenRead(ctx, path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var src io.Reader = r
	if limit > 0 {
		src = io.LimitReader(r, limit+1)
	}
	var buf bytes.Buffer
	_, err = buf.ReadFrom(src)
	return buf.Bytes(), err
}

// language picks the spec for a file: the forced one, or by name and head.
func (f *readFn) language(file File, head []byte) (*languages.Spec, error) {
	want := file.Language
	if want == "" {
		want = f.Opts.Lang
	}
	if file.Language != "" {
		sp, ok := languages.Lookup(file.Language)
		if !ok {
			return nil, fmt.Errorf("unknown language %q", file.Language)
		}
		return sp, nil
	}
	sp, ok := languages.Detect(file.Path, head)
	switch {
	case !ok:
		return nil, fmt.Errorf("cannot detect the language")
	case want != "" && !sameLang(sp, want):
		return nil, fmt.Errorf("language %s, not %s", sp.Name, want)
	}
	return sp, nil
}

// headSize is how much of a file the binary check sees.
const headSize = 8 << 10

// isBinary reports whether a file's first bytes look binary: a NUL byte, or
// more than 10% of bytes in invalid UTF-8 sequences. complete says head is
// the whole file (otherwise a character cut at its end does not count).
func isBinary(head []byte, complete bool) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 {
			if !complete && !utf8.FullRune(head[i:]) {
				break
			}
			bad++
		}
		i += size
	}
	return bad*10 > len(head)
}
