package grammar

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// message is the grammar of one message line, one alternative per line.
// Every token sequence the lexer can produce is accepted, so a broken
// command still yields a tree; the builder judges what is missing or
// malformed.
//
// The alternatives match without capturing: participle hands the matched
// tokens to Tokens, and the builder reads them by type. Captures into
// per-alternative structs would cost participle several allocations per
// token, and parsing a message must stay cheap (see BenchmarkParseCommand):
// for the same reason the lexer gives every command all of its slots — a
// name or id, a location word for a field, the rest of the line — each
// token empty when nothing was written there, and an empty Head for a
// missing command, so that the grammar has no optional group to try; and
// the alternatives are in the order of use, the category first.
type message struct {
	Tokens []lexer.Token

	Set     bool `parser:"  Prefix ( \"/set\":Verb Name Rest"`
	Field   bool `parser:"         | Dot Name Location Rest"`
	Assign  bool `parser:"         | \"/assign\":Verb ID Rest"`
	Notify  bool `parser:"         | \"/notify\":Verb ID Rest"`
	Form    bool `parser:"         | Plus ID Rest"`
	Mention bool `parser:"         | At ID Rest"`
	Unknown bool `parser:"         | (Verb | Head) Rest )"`
	Chat    bool `parser:"| Chat"`
}

// The verbs and names the lexer and builder know.
const (
	verbSet       = "/set"
	verbAssign    = "/assign"
	verbNotify    = "/notify"
	fieldLocation = "location"
)

var parser = participle.MustBuild[message](participle.Lexer(definition{symbols}))

// EBNF returns the grammar of one message line in EBNF.
func EBNF() string { return parser.String() }
