// query_predicates.go: parsing a pattern's predicates and evaluating the text predicates (#eq?, #match?, #any-of?).
package tswasm

import (
	"fmt"
	"regexp"
	"strings"
)

// textPredicateKind is the family of a text predicate the package evaluates.
type textPredicateKind int

const (
	textEqString  textPredicateKind = iota // #eq? @a "s" and friends
	textEqCapture                          // #eq? @a @b and friends
	textMatch                              // #match? @a "re" and friends
	textAnyOf                              // #any-of? @a "s1" "s2" ..., #not-any-of?
)

// textPredicate is one parsed predicate that filters matches by the source
// text of captured nodes. positive is false for the not- forms; matchAll is
// false for the any- forms.
type textPredicate struct {
	kind     textPredicateKind
	capture  uint32
	other    uint32 // second capture of textEqCapture
	str      string
	re       *regexp.Regexp
	values   []string
	positive bool
	matchAll bool
}

// predicateError builds the errors of one pattern's predicates.
type predicateError func(format string, args ...any) error

func isCaptureStep(st QueryPredicateStep) bool { return st.Type == QueryPredicateStepTypeCapture }

// parsePredicates sorts pattern i's raw predicate steps into text
// predicates, properties and general predicates, with the checks and error
// messages of tree-sitter's Rust and Go bindings.
func (q *Query) parsePredicates(i int) error {
	p := &q.patterns[i]
	row := uint(strings.Count(q.h.source[:min(p.startByte, uint(len(q.h.source)))], "\n"))
	perr := predicateError(func(format string, args ...any) error {
		return &QueryError{Kind: QueryErrorPredicate, Row: row, Message: fmt.Sprintf(format, args...)}
	})
	for _, steps := range q.PredicatesForPattern(uint(i)) {
		if len(steps) == 0 {
			continue
		}
		if err := q.parsePredicate(p, steps, perr); err != nil {
			return err
		}
	}
	return nil
}

// parsePredicate adds one predicate (its steps without the Done step) to p.
func (q *Query) parsePredicate(p *queryPattern, steps []QueryPredicateStep, perr predicateError) error {
	if isCaptureStep(steps[0]) {
		return perr("Expected predicate to start with a function name. Got @%s.", q.CaptureNameForID(steps[0].ValueID))
	}
	op := q.StringValueForID(steps[0].ValueID)
	var tp textPredicate
	var err error
	switch op {
	case "eq?", "not-eq?", "any-eq?", "any-not-eq?":
		tp, err = q.parseEq(op, steps, perr)
	case "match?", "not-match?", "any-match?", "any-not-match?":
		tp, err = q.parseMatch(op, steps, perr)
	case "any-of?", "not-any-of?":
		tp, err = q.parseAnyOf(op, steps, perr)
	case "set!", "is?", "is-not?":
		prop, err := q.parseProperty(op, steps[1:], perr)
		if err != nil {
			return err
		}
		if op == "set!" {
			p.settings = append(p.settings, prop)
		} else {
			p.propPredicates = append(p.propPredicates, PropertyPredicate{Property: prop, Positive: op == "is?"})
		}
		return nil
	default:
		p.general = append(p.general, q.generalPredicate(op, steps))
		return nil
	}
	if err != nil {
		return err
	}
	p.text = append(p.text, tp)
	return nil
}

// parseEq parses #eq? @a "s" or @a @b, and its not- and any- forms.
func (q *Query) parseEq(op string, steps []QueryPredicateStep, perr predicateError) (textPredicate, error) {
	if len(steps) != 3 {
		return textPredicate{}, perr("Wrong number of arguments to #eq? predicate. Expected 2, got %d.", len(steps)-1)
	}
	if !isCaptureStep(steps[1]) {
		return textPredicate{}, perr("First argument to #eq? predicate must be a capture name. Got literal \"%s\".", q.StringValueForID(steps[1].ValueID))
	}
	tp := textPredicate{
		capture:  steps[1].ValueID,
		positive: op == "eq?" || op == "any-eq?",
		matchAll: op == "eq?" || op == "not-eq?",
	}
	if isCaptureStep(steps[2]) {
		tp.kind, tp.other = textEqCapture, steps[2].ValueID
	} else {
		tp.kind, tp.str = textEqString, q.StringValueForID(steps[2].ValueID)
	}
	return tp, nil
}

// parseMatch parses #match? @a "re" and its not- and any- forms.
func (q *Query) parseMatch(op string, steps []QueryPredicateStep, perr predicateError) (textPredicate, error) {
	if len(steps) != 3 {
		return textPredicate{}, perr("Wrong number of arguments to #match? predicate. Expected 2, got %d.", len(steps)-1)
	}
	if !isCaptureStep(steps[1]) {
		return textPredicate{}, perr("First argument to #match? predicate must be a capture name. Got literal \"%s\".", q.StringValueForID(steps[1].ValueID))
	}
	if isCaptureStep(steps[2]) {
		return textPredicate{}, perr("Second argument to #match? predicate must be a literal. Got capture @%s.", q.CaptureNameForID(steps[2].ValueID))
	}
	src := q.StringValueForID(steps[2].ValueID)
	re, err := regexp.Compile(src)
	if err != nil {
		return textPredicate{}, perr("Invalid regex '%s'", src)
	}
	return textPredicate{
		kind:     textMatch,
		capture:  steps[1].ValueID,
		re:       re,
		positive: op == "match?" || op == "any-match?",
		matchAll: op == "match?" || op == "not-match?",
	}, nil
}

// parseAnyOf parses #any-of? @a "s1" "s2" ... and #not-any-of?.
func (q *Query) parseAnyOf(op string, steps []QueryPredicateStep, perr predicateError) (textPredicate, error) {
	if len(steps) < 2 {
		return textPredicate{}, perr("Wrong number of arguments to #any-of? predicate. Expected at least 1, got %d.", len(steps)-1)
	}
	if !isCaptureStep(steps[1]) {
		return textPredicate{}, perr("First argument to #any-of? predicate must be a capture name. Got literal \"%s\".", q.StringValueForID(steps[1].ValueID))
	}
	tp := textPredicate{kind: textAnyOf, capture: steps[1].ValueID, positive: op == "any-of?", matchAll: true}
	for _, a := range steps[2:] {
		if isCaptureStep(a) {
			return textPredicate{}, perr("Arguments to #any-of? predicate must be literals. Got capture @%s.", q.CaptureNameForID(a.ValueID))
		}
		tp.values = append(tp.values, q.StringValueForID(a.ValueID))
	}
	return tp, nil
}

// generalPredicate keeps a predicate the package does not evaluate.
func (q *Query) generalPredicate(op string, steps []QueryPredicateStep) QueryPredicate {
	gp := QueryPredicate{Operator: op, Args: make([]QueryPredicateArg, 0, len(steps)-1)}
	for _, a := range steps[1:] {
		if isCaptureStep(a) {
			id := uint(a.ValueID)
			gp.Args = append(gp.Args, QueryPredicateArg{CaptureID: &id})
		} else {
			s := q.StringValueForID(a.ValueID)
			gp.Args = append(gp.Args, QueryPredicateArg{String: &s})
		}
	}
	return gp
}

// parseProperty reads the arguments of #set!, #is? or #is-not?: a key, an
// optional value and an optional capture, in any order.
func (q *Query) parseProperty(op string, args []QueryPredicateStep, perr predicateError) (QueryProperty, error) {
	if len(args) == 0 || len(args) > 3 {
		return QueryProperty{}, perr("Wrong number of arguments to %s predicate. Expected 1 to 3, got %d.", op, len(args))
	}
	var prop QueryProperty
	haveKey := false
	for _, a := range args {
		switch {
		case a.Type == QueryPredicateStepTypeCapture:
			if prop.CaptureID != nil {
				return QueryProperty{}, perr("Invalid arguments to %s predicate. Unexpected second capture name @%s", op, q.CaptureNameForID(a.ValueID))
			}
			id := uint(a.ValueID)
			prop.CaptureID = &id
		case !haveKey:
			prop.Key, haveKey = q.StringValueForID(a.ValueID), true
		case prop.Value == nil:
			v := q.StringValueForID(a.ValueID)
			prop.Value = &v
		default:
			return QueryProperty{}, perr("Invalid arguments to %s predicate. Unexpected third argument @%s", op, q.StringValueForID(a.ValueID))
		}
	}
	if !haveKey {
		return QueryProperty{}, perr("Invalid arguments to %s predicate. Missing key argument", op)
	}
	return prop, nil
}

// hasTextPredicates reports whether matches of pattern i need filtering.
func (q *Query) hasTextPredicates(i int) bool {
	return i < len(q.patterns) && len(q.patterns[i].text) > 0
}

// capturedText is one capture of a match with the byte range of its node,
// all a text predicate needs.
type capturedText struct {
	index      uint32
	start, end uint32
}

// satisfiesTextPredicates evaluates pattern i's text predicates against the
// captures of one match. The plain forms (#eq?, #not-eq?, #match?,
// #not-match?) behave as in tree-sitter's Rust and Go bindings: every node
// of a quantified capture must pass, and #eq? @a @b compares the nodes of
// the two captures pairwise and fails when their counts differ. #any-of?
// and #not-any-of? require every node to be (not to be) one of the
// strings. The any- forms (#any-eq?, #any-not-eq?, #any-match?,
// #any-not-match?) pass when at least one node (pair of nodes) passes, as
// tree-sitter documents them; the Rust and Go bindings let them pass
// always. A predicate about a capture with no nodes in the match passes.
func (q *Query) satisfiesTextPredicates(i int, caps []capturedText, source []byte) bool {
	text := func(c capturedText) []byte {
		if c.start > c.end || int(c.end) > len(source) {
			return nil
		}
		return source[c.start:c.end]
	}
	nodes := func(id uint32) []capturedText {
		var out []capturedText
		for _, c := range caps {
			if c.index == id {
				out = append(out, c)
			}
		}
		return out
	}
	for _, tp := range q.patterns[i].text {
		ok := true
		switch tp.kind {
		case textEqCapture:
			n1, n2 := nodes(tp.capture), nodes(tp.other)
			pairs := min(len(n1), len(n2))
			ok = pairs > 0 || len(n1) == len(n2)
			if pairs > 0 {
				ok = tp.matchAll && len(n1) == len(n2)
				for k := range pairs {
					eq := string(text(n1[k])) == string(text(n2[k]))
					if eq != tp.positive && tp.matchAll {
						ok = false
						break
					}
					if eq == tp.positive && !tp.matchAll {
						ok = true
						break
					}
				}
			}
		case textEqString, textMatch:
			ns := nodes(tp.capture)
			ok = tp.matchAll || len(ns) == 0
			for _, c := range ns {
				var hit bool
				if tp.kind == textMatch {
					hit = tp.re.Match(text(c))
				} else {
					hit = string(text(c)) == tp.str
				}
				if hit != tp.positive && tp.matchAll {
					ok = false
					break
				}
				if hit == tp.positive && !tp.matchAll {
					ok = true
					break
				}
			}
		case textAnyOf:
			for _, c := range nodes(tp.capture) {
				t := string(text(c))
				hit := false
				for _, v := range tp.values {
					if t == v {
						hit = true
						break
					}
				}
				if hit != tp.positive {
					ok = false
					break
				}
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
