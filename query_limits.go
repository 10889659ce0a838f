// query_limits.go: the Go pre-scan NewQuery runs before ts_query_new: pattern-count and nesting caps, and repetitions tree-sitter cannot compile.
package tswasm

import "fmt"

// QueryErrorLimit is the kind of a QueryError for a query NewQuery refuses
// before compiling it: more patterns than MaxQueryPatterns, nesting deeper
// than MaxQueryNesting, or a `+` repetition of something that can match
// nothing, such as `((pair)?)+`, which makes tree-sitter's ts_query_new loop
// forever (natively too: its analysis follows the repetition's alternative
// steps in a cycle).
const QueryErrorLimit = QueryErrorLanguage + 1

// MaxQueryPatterns is the most patterns one query may hold. Compile time
// grows quadratically with the count (1,000 patterns take about a second,
// 8,000 about two minutes); the largest bundled query has 94.
const MaxQueryPatterns = 1024

// MaxQueryNesting is the deepest nesting of parentheses and brackets a query
// may have. Bundled queries stay below 20; ts_query_new needs time that
// grows quadratically with the depth and traps past about 8,000.
const MaxQueryNesting = 256

// queryElem is one element of a pattern as the pre-scan sees it.
type queryElem struct {
	nullable bool // can match no node at all
	isPred   bool // a predicate (#eq? ...), which matches nothing
}

// queryScan is the pre-scan's state: the source and the position.
type queryScan struct {
	src      string
	pos      int
	depth    int
	patterns int
}

// checkQueryLimits scans source without compiling it. It returns a
// *QueryError of kind QueryErrorLimit for a query NewQuery must refuse, and
// nil otherwise (also for malformed queries: ts_query_new reports those).
func checkQueryLimits(source string) error {
	sc := &queryScan{src: source}
	return sc.top()
}

func (sc *queryScan) limitError(off int, format string, args ...any) error {
	row, col := 0, 0
	for i := 0; i < off && i < len(sc.src); i++ {
		if sc.src[i] == '\n' {
			row, col = row+1, 0
		} else {
			col++
		}
	}
	return &QueryError{Kind: QueryErrorLimit, Offset: uint(off), Row: uint(row), Column: uint(col),
		Message: "tswasm: query refused: " + fmt.Sprintf(format, args...)}
}

// top scans the top level: each element that is not a predicate is a pattern.
func (sc *queryScan) top() error {
	for {
		sc.skipSpace()
		if sc.pos >= len(sc.src) {
			return nil
		}
		start := sc.pos
		e, ok, err := sc.elem()
		if err != nil || !ok {
			return err // !ok: malformed, left to ts_query_new
		}
		if !e.isPred {
			sc.patterns++
			if sc.patterns > MaxQueryPatterns {
				return sc.limitError(start, "more than %d patterns", MaxQueryPatterns)
			}
		}
	}
}

func (sc *queryScan) skipSpace() {
	for sc.pos < len(sc.src) {
		switch c := sc.src[sc.pos]; {
		case c == ';':
			for sc.pos < len(sc.src) && sc.src[sc.pos] != '\n' {
				sc.pos++
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			sc.pos++
		default:
			return
		}
	}
}

func isQueryIdent(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c == '?' || c == '!' || c == '/' || c == '$' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// ident skips an identifier (node type, field, capture or predicate name).
func (sc *queryScan) ident() {
	for sc.pos < len(sc.src) && isQueryIdent(sc.src[sc.pos]) && sc.src[sc.pos] != '?' {
		sc.pos++
	}
}

// str skips a string literal starting at the opening quote; false if unclosed.
func (sc *queryScan) str() bool {
	sc.pos++
	for sc.pos < len(sc.src) {
		switch sc.src[sc.pos] {
		case '\\':
			sc.pos += 2
			continue
		case '"':
			sc.pos++
			return true
		}
		sc.pos++
	}
	return false
}

// elem scans one element with its suffixes (quantifiers, captures). ok is
// false when the source is malformed here.
func (sc *queryScan) elem() (e queryElem, ok bool, err error) {
	sc.skipSpace()
	if sc.pos >= len(sc.src) {
		return e, false, nil
	}
	start := sc.pos
	switch c := sc.src[sc.pos]; {
	case c == '(' || c == '[':
		sc.depth++
		if sc.depth > MaxQueryNesting {
			return e, false, sc.limitError(start, "nesting deeper than %d", MaxQueryNesting)
		}
		e, ok, err = sc.list(c)
		sc.depth--
		if err != nil || !ok {
			return e, ok, err
		}
	case c == '"':
		if !sc.str() {
			return e, false, nil
		}
	case c == '.': // anchor
		sc.pos++
		return queryElem{nullable: true, isPred: true}, true, nil
	case c == '!': // negated field
		sc.pos++
		sc.ident()
		return queryElem{nullable: true, isPred: true}, true, nil
	case isQueryIdent(c):
		sc.ident()
		sc.skipSpace()
		if sc.pos < len(sc.src) && sc.src[sc.pos] == ':' { // field: element
			sc.pos++
			return sc.elem()
		}
	default:
		return e, false, nil
	}
	// Suffixes.
	for {
		sc.skipSpace()
		if sc.pos >= len(sc.src) {
			return e, true, nil
		}
		switch sc.src[sc.pos] {
		case '?', '*':
			e.nullable = true
			sc.pos++
		case '+':
			if e.nullable && !e.isPred {
				return e, false, sc.limitError(sc.pos, "a `+` repetition of a pattern that can match nothing (ts_query_new never returns on it)")
			}
			sc.pos++
		case '@':
			sc.pos++
			sc.ident()
		default:
			return e, true, nil
		}
	}
}

// list scans a parenthesized node, grouping or predicate, or a bracketed
// alternation, from its opening delimiter to the closing one.
func (sc *queryScan) list(open byte) (e queryElem, ok bool, err error) {
	sc.pos++
	sc.skipSpace()
	closeCh := byte(')')
	if open == '[' {
		closeCh = ']'
	}
	kind := "node"
	if open == '[' {
		kind = "alt"
	} else if sc.pos < len(sc.src) {
		switch c := sc.src[sc.pos]; {
		case c == '(' || c == '[' || c == '"' || c == '.':
			kind = "group"
		case c == '#':
			kind = "pred"
		}
	}
	allNullable, anyNullable, elems := true, false, 0
	for {
		sc.skipSpace()
		if sc.pos >= len(sc.src) {
			return e, false, nil
		}
		if sc.src[sc.pos] == closeCh {
			sc.pos++
			break
		}
		if kind == "pred" {
			// Predicate arguments: names, strings, captures; nothing nests.
			switch c := sc.src[sc.pos]; {
			case c == '"':
				if !sc.str() {
					return e, false, nil
				}
			case c == '#' || c == '@':
				sc.pos++
				sc.ident()
				if sc.pos < len(sc.src) && sc.src[sc.pos] == '?' {
					sc.pos++
				}
			case c == '(' || c == '[':
				sub, ok, err := sc.elem()
				if err != nil || !ok {
					return sub, ok, err
				}
			case isQueryIdent(c):
				sc.ident()
				if sc.pos < len(sc.src) && sc.src[sc.pos] == '?' {
					sc.pos++
				}
			default:
				return e, false, nil
			}
			continue
		}
		sub, ok, err := sc.elem()
		if err != nil || !ok {
			return sub, ok, err
		}
		if sub.isPred {
			continue
		}
		elems++
		allNullable = allNullable && sub.nullable
		anyNullable = anyNullable || sub.nullable
	}
	switch kind {
	case "pred":
		return queryElem{nullable: true, isPred: true}, true, nil
	case "group":
		return queryElem{nullable: elems == 0 || allNullable}, true, nil
	case "alt":
		return queryElem{nullable: anyNullable}, true, nil
	}
	return queryElem{}, true, nil // a node always matches one node
}
