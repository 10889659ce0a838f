// Element types of the pipeline and the options its transforms share.
package tsbeam

import (
	"reflect"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// File is one file a pattern matched. Language is the language forced by
// Options.Lang for a file a glob named, or "" (detected when it is read).
type File struct {
	Path     string `json:"path"`
	Size     int64  `json:"size"` // -1 when the size could not be read
	Language string `json:"language,omitempty"`
}

// Source is a file read into memory with its language.
type Source struct {
	Path     string
	Language string
	Content  []byte
}

// Result is what Parse reports for one file.
type Result struct {
	Path         string `json:"path"`
	Language     string `json:"language"`
	Bytes        int64  `json:"bytes"`
	HasError     bool   `json:"has_error"`
	ErrorNodes   int64  `json:"error_nodes"`    // ERROR nodes
	MissingNodes int64  `json:"missing_nodes"`  // MISSING nodes
	ParseNanos   int64  `json:"parse_ns"`       // time in Parser.Parse
	Tree         string `json:"tree,omitempty"` // the tree as JSON, with Options.Tree
}

// Failure is a dead-letter record: a matched file that was not processed,
// and why.
type Failure struct {
	Path     string `json:"path"`
	Language string `json:"language,omitempty"`
	Stage    string `json:"stage"` // "read", "parse", "query" or "tags"
	Kind     string `json:"kind"`  // one of the Kind constants
	Error    string `json:"error"`
	Bytes    int64  `json:"bytes"`
}

// Failure kinds.
const (
	KindUnreadable  = "unreadable"   // the file could not be opened or read
	KindBinary      = "binary"       // NUL bytes or mostly invalid UTF-8
	KindTooLarge    = "too_large"    // larger than Options.MaxBytes
	KindNoLanguage  = "no_language"  // no grammar applies (or not Options.Lang's)
	KindGrammar     = "grammar"      // the grammar failed to load
	KindTimeout     = "timeout"      // the parse exceeded Options.Timeout
	KindTrap        = "trap"         // the grammar trapped; its store is broken
	KindMemoryLimit = "memory_limit" // the store hit Options.MemoryLimit
	KindParse       = "parse"        // any other parse failure
	KindQuery       = "query"        // the query does not compile for the language, or failed
)

// Capture is one capture of a Query.
type Capture struct {
	Path        string `json:"path"`
	Language    string `json:"language"`
	Pattern     int64  `json:"pattern"`
	Capture     string `json:"capture"`
	StartByte   int64  `json:"start_byte"`
	EndByte     int64  `json:"end_byte"`
	StartRow    int64  `json:"start_row"`
	StartColumn int64  `json:"start_column"`
	EndRow      int64  `json:"end_row"`
	EndColumn   int64  `json:"end_column"`
	Text        string `json:"text"`
}

// Tag is one definition (or reference) found by a grammar's tags.scm.
type Tag struct {
	Path         string `json:"path"`
	Language     string `json:"language"`
	Kind         string `json:"kind"` // "function", "method", "class", ...
	IsDefinition bool   `json:"is_definition"`
	Name         string `json:"name"`
	StartByte    int64  `json:"start_byte"` // of the whole definition
	EndByte      int64  `json:"end_byte"`
	Row          int64  `json:"row"` // zero-based, of the name
	Column       int64  `json:"column"`
}

// LangStats are the totals of one language, as `tswasm parse --stats`
// prints them.
type LangStats struct {
	Language     string `json:"language"`
	Files        int64  `json:"files"`
	Bytes        int64  `json:"bytes"`
	WithErrors   int64  `json:"with_errors"`
	ErrorNodes   int64  `json:"error_nodes"`
	MissingNodes int64  `json:"missing_nodes"`
	ParseNanos   int64  `json:"parse_ns"`
}

// Options configure the transforms. The zero value works: languages are
// detected, files up to DefaultMaxBytes are parsed without a time limit, and
// compiled grammars are cached in the user cache directory.
type Options struct {
	// Lang, when set, is the only language processed: files in walked
	// directories of another language are skipped, and files a glob names
	// are parsed as Lang.
	Lang string
	// MaxBytes is the largest file read; larger ones are dead-lettered.
	// 0 means DefaultMaxBytes; negative means no limit.
	MaxBytes int64
	// Timeout limits each parse (0: no limit).
	Timeout time.Duration
	// MemoryLimit caps each store's wasm memory in bytes (0: no cap).
	MemoryLimit uint64
	// CacheDir is the compilation cache directory: "" for
	// $TSWASM_CACHE_DIR or the user cache directory's tswasm/wazero (as
	// the tswasm command), "off" for none.
	CacheDir string
	// Tree makes Parse include each tree as JSON in its Result.
	Tree bool
	// References makes Tags emit references as well as definitions.
	References bool
}

// DefaultMaxBytes is the default Options.MaxBytes.
const DefaultMaxBytes = 16 << 20

func (o Options) maxBytes() int64 {
	if o.MaxBytes == 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func init() {
	for _, t := range []any{File{}, Source{}, Result{}, Failure{}, Capture{}, Tag{}, LangStats{}, Options{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
}
