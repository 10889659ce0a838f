// query_error.go: QueryError, and its construction from ts_query_new's error code and offset as tree-sitter's bindings render it.
package tswasm

import (
	"fmt"
	"strings"
	"unicode"

	tsrt "github.com/tswasm/tswasm/internal/runtime"
)

// QueryErrorKind says what is wrong with a query's source.
type QueryErrorKind int

// Query error kinds, as go-tree-sitter's.
const (
	QueryErrorSyntax    QueryErrorKind = iota + 1 // malformed S-expression
	QueryErrorNodeType                            // no such node type in the language
	QueryErrorField                               // no such field in the language
	QueryErrorCapture                             // a predicate names an unknown capture
	QueryErrorPredicate                           // a known predicate has malformed arguments
	QueryErrorStructure                           // the pattern can never match the grammar
	QueryErrorLanguage                            // the language's ABI is not supported
)

// String names the kind, such as "node type".
func (k QueryErrorKind) String() string {
	switch k {
	case QueryErrorSyntax:
		return "syntax"
	case QueryErrorNodeType:
		return "node type"
	case QueryErrorField:
		return "field"
	case QueryErrorCapture:
		return "capture"
	case QueryErrorPredicate:
		return "predicate"
	case QueryErrorStructure:
		return "structure"
	case QueryErrorLanguage:
		return "language"
	case QueryErrorLimit:
		return "limit"
	}
	return "unknown"
}

// QueryError reports a query that does not compile. Offset is the byte
// offset of the problem in the query source, and Row and Column (zero-based,
// Column in bytes) its position. Message is the offending name for node
// type, field and capture errors, the source line with a caret under the
// problem for syntax and structure errors, and a description for predicate
// and language errors. Predicate errors carry the row of their pattern and
// a zero Offset and Column, as in go-tree-sitter.
type QueryError struct {
	Kind    QueryErrorKind
	Offset  uint
	Row     uint
	Column  uint
	Message string
}

// Error formats the error as go-tree-sitter does, with one-based positions.
func (e *QueryError) Error() string {
	var msg string
	switch e.Kind {
	case QueryErrorField:
		msg = "Invalid field name "
	case QueryErrorNodeType:
		msg = "Invalid node type "
	case QueryErrorCapture:
		msg = "Invalid capture name "
	case QueryErrorPredicate:
		msg = "Invalid predicate: "
	case QueryErrorStructure:
		msg = "Impossible pattern:\n"
	case QueryErrorSyntax:
		msg = "Invalid syntax:\n"
	default:
		return e.Message
	}
	return fmt.Sprintf("Query error at %d:%d. %s%s", e.Row+1, e.Column+1, msg, e.Message)
}

// C-side TSQueryError codes.
const (
	tsQueryErrorNone = iota
	tsQueryErrorSyntax
	tsQueryErrorNodeType
	tsQueryErrorField
	tsQueryErrorCapture
	tsQueryErrorStructure
	tsQueryErrorLanguage
)

// newQueryError builds the error for a failed ts_query_new, as tree-sitter's
// Rust and Go bindings do.
func newQueryError(lang *Language, source string, code uint32, offset uint) *QueryError {
	if code == tsQueryErrorLanguage {
		le := &LanguageError{Kind: ABIMismatch, Name: lang.name, ABI: lang.abi, MinABI: tsrt.MinABI, MaxABI: tsrt.MaxABI}
		return &QueryError{Kind: QueryErrorLanguage, Message: le.Error()}
	}
	offset = min(offset, uint(len(source)))
	// Find the line holding offset. Like Rust's str::lines, a final newline
	// does not start another line.
	var lineStart, row uint
	line, found := "", false
	rest := source
	for len(rest) > 0 {
		l := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		lineEnd := lineStart + uint(len(l)) + 1
		if lineEnd > offset {
			line, found = strings.TrimSuffix(l, "\r"), true
			break
		}
		lineStart = lineEnd
		row++
	}
	e := &QueryError{Offset: offset, Row: row, Column: offset - lineStart}
	switch code {
	case tsQueryErrorNodeType, tsQueryErrorField, tsQueryErrorCapture:
		suffix := source[offset:]
		inQuotes := offset > 0 && source[offset-1] == '"'
		end := len(suffix)
		backslashes := 0
		for i, c := range suffix {
			if inQuotes {
				if c == '"' && backslashes%2 == 0 {
					end = i
					break
				} else if c == '\\' {
					backslashes++
				} else {
					backslashes = 0
				}
			} else if !unicode.IsLetter(c) && !unicode.IsNumber(c) && c != '_' && c != '-' {
				end = i
				break
			}
		}
		e.Message = suffix[:end]
		switch code {
		case tsQueryErrorNodeType:
			e.Kind = QueryErrorNodeType
		case tsQueryErrorField:
			e.Kind = QueryErrorField
		default:
			e.Kind = QueryErrorCapture
		}
	default:
		if found {
			e.Message = line + "\n" + strings.Repeat(" ", int(offset-lineStart)) + "^"
		} else {
			e.Message = "Unexpected EOF"
		}
		e.Kind = QueryErrorSyntax
		if code == tsQueryErrorStructure {
			e.Kind = QueryErrorStructure
		}
	}
	return e
}
