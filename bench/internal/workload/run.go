package workload

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

// Workload names, as in benchmark names and the child's -workload flag.
const (
	WParse      = "parse"       // full parse of the language's sample
	WEdit       = "edit"        // one-byte edit + incremental reparse
	WBurst      = "burst"       // 100 keystrokes, each an edit + reparse
	WWalkCursor = "walk-cursor" // every node through a TreeCursor
	WWalkNodes  = "walk-nodes"  // every node through Node navigation
	WQuery      = "query"       // highlights.scm captures over a file
	WBatch      = "batch"       // the parse sample over several workers
)

// BurstLen is the number of keystrokes in a burst.
const BurstLen = 100

// Spec selects one workload.
type Spec struct {
	Workload string
	Lang     string
	Short    bool
	Workers  int // batch only
}

// FileResult is what a parse of one file must agree on across
// implementations with the same grammar source.
type FileResult struct {
	Nodes    uint64 `json:"nodes"`
	Sexp     uint64 `json:"sexp"` // HashString of the S-expression; 0 when not compared
	HasError bool   `json:"err"`
}

// Check is the result a workload must reproduce in every implementation.
type Check struct {
	Files  []FileResult `json:"files,omitempty"`
	Digest Digest       `json:"digest"`
}

// Compare returns nil when c and o agree, or an error describing the
// first difference; names label the two sides. In lax mode field names
// are left out of walk digests.
func (c Check) Compare(o Check, names [2]string, paths []string, lax bool) error {
	if len(c.Files) != len(o.Files) {
		return fmt.Errorf("%s checked %d files, %s %d", names[0], len(c.Files), names[1], len(o.Files))
	}
	for i := range c.Files {
		a, b := c.Files[i], o.Files[i]
		if a != b {
			p := fmt.Sprint(i)
			if i < len(paths) {
				p = paths[i]
			}
			return fmt.Errorf("%s: %s has %d nodes (sexp %016x, error %v), %s %d nodes (sexp %016x, error %v)",
				p, names[0], a.Nodes, a.Sexp, a.HasError, names[1], b.Nodes, b.Sexp, b.HasError)
		}
	}
	if lax {
		c.Digest.H, o.Digest.H = 0, 0
	}
	if c.Digest != o.Digest {
		return fmt.Errorf("%s digest %d items/%016x/%016x, %s %d items/%016x/%016x",
			names[0], c.Digest.N, c.Digest.H, c.Digest.K, names[1], o.Digest.N, o.Digest.H, o.Digest.K)
	}
	return nil
}

// Prepared is a workload ready to run: Op runs one benchmark operation.
type Prepared interface {
	// Op runs one operation.
	Op() error
	// Bytes is the source size one Op processes (for MB/s), or 0.
	Bytes() int64
	// Items is how many units one Op handles (nodes, captures, keystrokes,
	// files), for per-item metrics, with the unit's name.
	Items() (float64, string)
	// Check computes the workload's check result; it may run Op.
	Check() (Check, error)
	// Paths names the files behind Check's per-file results.
	Paths() []string
	Close()
}

var (
	setMu    sync.Mutex
	setCache = map[[2]any]*Set{}
	editMu   sync.Mutex
	editC    = map[[2]any]File{}
)

// CachedParseSet is ParseSet, read once per process.
func CachedParseSet(lang string, short bool) (*Set, error) {
	setMu.Lock()
	defer setMu.Unlock()
	k := [2]any{lang, short}
	if s := setCache[k]; s != nil {
		return s, nil
	}
	s, err := ParseSet(lang, short)
	if err != nil {
		return nil, err
	}
	setCache[k] = s
	return s, nil
}

// CachedEditFile is EditFile, read once per process.
func CachedEditFile(lang string, short bool) (File, error) {
	editMu.Lock()
	defer editMu.Unlock()
	k := [2]any{lang, short}
	if f, ok := editC[k]; ok {
		return f, nil
	}
	f, err := EditFile(lang, short)
	if err != nil {
		return File{}, err
	}
	editC[k] = f
	return f, nil
}

// Prepare sets up spec on impl.
func Prepare(impl Impl, spec Spec) (Prepared, error) {
	lang, ok := LangByName(spec.Lang)
	if !ok {
		return nil, fmt.Errorf("workload: unknown language %q", spec.Lang)
	}
	switch spec.Workload {
	case WParse:
		set, err := CachedParseSet(spec.Lang, spec.Short)
		if err != nil {
			return nil, err
		}
		p, err := impl.NewParser(spec.Lang)
		if err != nil {
			return nil, err
		}
		return &parseWork{p: p, set: set}, nil
	case WEdit, WBurst:
		f, err := CachedEditFile(spec.Lang, spec.Short)
		if err != nil {
			return nil, err
		}
		p, err := impl.NewParser(spec.Lang)
		if err != nil {
			return nil, err
		}
		t, err := NewTypist(p, lang, f)
		if err != nil {
			p.Close()
			return nil, err
		}
		return &typeWork{t: t, burst: spec.Workload == WBurst}, nil
	case WWalkCursor, WWalkNodes, WQuery:
		f, err := CachedEditFile(spec.Lang, spec.Short)
		if err != nil {
			return nil, err
		}
		var q Query
		if spec.Workload == WQuery {
			qs, err := HighlightsQuery(spec.Lang)
			if err != nil {
				return nil, err
			}
			if q, err = impl.NewQuery(spec.Lang, qs); err != nil {
				return nil, err
			}
		}
		p, err := impl.NewParser(spec.Lang)
		if err != nil {
			if q != nil {
				q.Close()
			}
			return nil, err
		}
		t, err := p.Parse(f.Src, nil)
		if err != nil {
			p.Close()
			if q != nil {
				q.Close()
			}
			return nil, err
		}
		w := &treeWork{p: p, t: t, q: q, f: f, kind: spec.Workload}
		if spec.Workload == WWalkCursor {
			// Probe once, so an implementation without cursors skips.
			if _, err := t.WalkCursor(); err != nil {
				w.Close()
				return nil, err
			}
		}
		return w, nil
	case WBatch:
		set, err := CachedParseSet(spec.Lang, spec.Short)
		if err != nil {
			return nil, err
		}
		return NewBatch(impl, spec.Lang, set, spec.Workers)
	}
	return nil, fmt.Errorf("workload: unknown workload %q", spec.Workload)
}

// CheckTree returns the check result of one parsed tree.
func CheckTree(t Tree) FileResult {
	return FileResult{Nodes: t.NodeCount(), Sexp: HashString(t.Sexp()), HasError: t.HasError()}
}

type parseWork struct {
	p   Parser
	set *Set
}

func (w *parseWork) Op() error {
	for _, f := range w.set.Files {
		t, err := w.p.Parse(f.Src, nil)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		t.Close()
	}
	return nil
}

func (w *parseWork) Bytes() int64             { return w.set.Bytes }
func (w *parseWork) Items() (float64, string) { return float64(len(w.set.Files)), "file" }
func (w *parseWork) Close()                   { w.p.Close() }

func (w *parseWork) Paths() []string {
	out := make([]string, len(w.set.Files))
	for i, f := range w.set.Files {
		out[i] = f.Path
	}
	return out
}

func (w *parseWork) Check() (Check, error) {
	var c Check
	for _, f := range w.set.Files {
		t, err := w.p.Parse(f.Src, nil)
		if err != nil {
			return c, fmt.Errorf("%s: %w", f.Path, err)
		}
		c.Files = append(c.Files, CheckTree(t))
		t.Close()
	}
	return c, nil
}

type typeWork struct {
	t     *Typist
	burst bool
}

func (w *typeWork) Op() error {
	if w.burst {
		return w.t.Burst()
	}
	return w.t.Toggle()
}

func (w *typeWork) Bytes() int64 { return 0 }
func (w *typeWork) Items() (float64, string) {
	if w.burst {
		return BurstLen, "keystroke"
	}
	return 1, "edit"
}
func (w *typeWork) Paths() []string { return []string{w.t.path} }
func (w *typeWork) Close()          { w.t.Close() }

// Check runs one operation (a burst ends with the text typed in, an edit
// with the space inserted), checks that the incrementally parsed tree equals
// a fresh parse of the same text, and returns that tree's result.
func (w *typeWork) Check() (Check, error) {
	if w.t.typed != 0 || w.t.inserted {
		return Check{}, errors.New("workload: Check must run before the first Op")
	}
	if err := w.Op(); err != nil {
		return Check{}, err
	}
	r, err := w.t.Verify()
	if err != nil {
		return Check{}, err
	}
	// Undo, so the benchmark starts from the original text.
	if err := w.Op(); err != nil {
		return Check{}, err
	}
	return Check{Files: []FileResult{r}}, nil
}

type treeWork struct {
	p    Parser
	t    Tree
	q    Query
	f    File
	kind string
	last Digest
}

func (w *treeWork) Op() error {
	var err error
	switch w.kind {
	case WWalkCursor:
		w.last, err = w.t.WalkCursor()
	case WWalkNodes:
		w.last = w.t.WalkNodes()
	case WQuery:
		w.last, err = w.q.Captures(w.t, w.f.Src)
	}
	return err
}

func (w *treeWork) Bytes() int64 {
	if w.kind == WQuery {
		return int64(len(w.f.Src))
	}
	return 0
}

func (w *treeWork) Items() (float64, string) {
	if w.last.N == 0 {
		_ = w.Op()
	}
	if w.kind == WQuery {
		return float64(w.last.N), "capture"
	}
	return float64(w.last.N), "node"
}

func (w *treeWork) Paths() []string { return []string{w.f.Path} }

func (w *treeWork) Check() (Check, error) {
	if err := w.Op(); err != nil {
		return Check{}, err
	}
	c := Check{Digest: w.last}
	if w.kind != WQuery && w.last.N != w.t.NodeCount() {
		return c, fmt.Errorf("walk visited %d nodes, the tree has %d", w.last.N, w.t.NodeCount())
	}
	return c, nil
}

func (w *treeWork) Close() {
	w.t.Close()
	w.p.Close()
	if w.q != nil {
		w.q.Close()
	}
}

// Batch parses a file set over several workers, each with its own parser.
type Batch struct {
	parsers []Parser
	set     *Set
	nodes   []uint64 // per file, filled by Check
	record  bool
}

// storeImpl is an implementation whose parsers can each have a store of
// their own (tswasm), so that workers never wait on one another.
type storeImpl interface {
	NewStoreParser(lang string) (Parser, error)
}

// NewBatch creates workers parsers for lang.
func NewBatch(impl Impl, lang string, set *Set, workers int) (*Batch, error) {
	if workers < 1 {
		workers = 1
	}
	b := &Batch{set: set}
	newParser := impl.NewParser
	if si, ok := impl.(storeImpl); ok {
		newParser = si.NewStoreParser
	}
	for i := 0; i < workers; i++ {
		p, err := newParser(lang)
		if err != nil {
			b.Close()
			return nil, err
		}
		b.parsers = append(b.parsers, p)
	}
	return b, nil
}

// Op parses every file once, the workers taking files in turn.
func (b *Batch) Op() error {
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, len(b.parsers))
	for i, p := range b.parsers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j := int(next.Add(1) - 1)
				if j >= len(b.set.Files) {
					return
				}
				t, err := p.Parse(b.set.Files[j].Src, nil)
				if err != nil {
					errs[i] = err
					return
				}
				if b.record {
					b.nodes[j] = t.NodeCount()
				}
				t.Close()
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Bytes is the size of the file set.
func (b *Batch) Bytes() int64 { return b.set.Bytes }

// Items is the number of files.
func (b *Batch) Items() (float64, string) { return float64(len(b.set.Files)), "file" }

// Paths lists the files.
func (b *Batch) Paths() []string {
	out := make([]string, len(b.set.Files))
	for i, f := range b.set.Files {
		out[i] = f.Path
	}
	return out
}

// Check runs the batch once and returns each file's node count.
func (b *Batch) Check() (Check, error) {
	b.nodes = make([]uint64, len(b.set.Files))
	b.record = true
	err := b.Op()
	b.record = false
	var c Check
	for _, n := range b.nodes {
		c.Files = append(c.Files, FileResult{Nodes: n})
	}
	return c, err
}

// Close closes the parsers.
func (b *Batch) Close() {
	for _, p := range b.parsers {
		p.Close()
	}
}
