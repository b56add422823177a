package grammar

import "github.com/alecthomas/participle/v2"

// message is the grammar of a command line, one alternative per command.
// Chat never reaches it: the lexer's classification settles chat before
// parsing. Every token sequence the lexer produces for a command line is
// accepted, so a broken command still yields a tree; the builder judges
// what is missing or malformed.
//
// The alternatives match without capturing, and the builder reads the
// tokens of the message by type. Captures into per-alternative structs
// would cost participle several allocations per token, and parsing a
// message must stay cheap (see BenchmarkParseCommand): for the same reason
// the lexer gives every command all of its slots — a name or id, a
// location word for a field, the rest of the line — each token empty when
// nothing was written there, and an empty Head for a missing command, so
// that the grammar has no optional group to try; the three verbs are
// keywords, told apart by the lexer; and the alternatives are in the order
// of use, /set first.
type message struct {
	Set     bool `parser:"Prefix ( Set Name Rest"`
	Field   bool `parser:"       | Dot Name Location Rest"`
	Assign  bool `parser:"       | Assign ID Rest"`
	Notify  bool `parser:"       | Notify ID Rest"`
	Form    bool `parser:"       | Plus ID Rest"`
	Mention bool `parser:"       | At ID Rest"`
	Unknown bool `parser:"       | (Verb | Head) Rest )"`
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
