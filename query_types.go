// query_types.go: the public types describing a query: capture quantifiers, predicate steps, properties and general predicates.
package tswasm

// CaptureQuantifier says how many nodes a capture can hold in a match of a
// pattern, as tree-sitter's TSQuantifier.
type CaptureQuantifier int

// Capture quantifiers.
const (
	CaptureQuantifierZero       CaptureQuantifier = iota // the capture does not occur in the pattern
	CaptureQuantifierZeroOrOne                           // ?
	CaptureQuantifierZeroOrMore                          // *
	CaptureQuantifierOne                                 // exactly one node
	CaptureQuantifierOneOrMore                           // +
)

// QueryPredicateStepType is the type of one raw predicate step.
type QueryPredicateStepType int

// Predicate step types, as tree-sitter's TSQueryPredicateStepType.
const (
	QueryPredicateStepTypeDone    QueryPredicateStepType = iota // ends a predicate
	QueryPredicateStepTypeCapture                               // ValueID is a capture id
	QueryPredicateStepTypeString                                // ValueID is a string id
)

// QueryPredicateStep is one raw step of a pattern's predicates, as
// ts_query_predicates_for_pattern returns them.
type QueryPredicateStep struct {
	Type    QueryPredicateStepType
	ValueID uint32
}

// QueryProperty is a key-value pair attached to a pattern by #set!, #is? or
// #is-not?, optionally about one capture.
type QueryProperty struct {
	Key       string
	Value     *string // nil when the predicate gave only a key
	CaptureID *uint   // nil when the predicate named no capture
}

// PropertyPredicate is an #is? (Positive) or #is-not? predicate. Tree-sitter
// leaves their meaning to the application; they do not filter matches.
type PropertyPredicate struct {
	Property QueryProperty
	Positive bool
}

// QueryPredicateArg is one argument of a general predicate: a capture id or
// a string.
type QueryPredicateArg struct {
	CaptureID *uint
	String    *string
}

// QueryPredicate is a predicate or directive the package does not evaluate
// itself (anything but the eq/match/any-of families, #set!, #is? and
// #is-not?), such as #strip! or #select-adjacent!.
type QueryPredicate struct {
	Operator string
	Args     []QueryPredicateArg
}
