package grammar

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The grammar of one message line, one alternative per line. Every token
// sequence the lexer can produce is accepted, so a broken command still
// yields a tree; the builder judges what is missing or malformed.

type message struct {
	Chat    lexer.Token `parser:"  @Chat"`
	Command *command    `parser:"| @@"`
}

type command struct {
	Prefix  lexer.Token `parser:"@(Prefix | Near)"`
	Field   *field      `parser:"( @@"`
	Form    *form       `parser:"| @@"`
	Set     *set        `parser:"| @@"`
	Assign  *assign     `parser:"| @@"`
	Notify  *notify     `parser:"| @@"`
	Mention *mention    `parser:"| @@"`
	Unknown *unknown    `parser:"| @@ )?"`
}

type field struct {
	Dot      lexer.Token `parser:"@Dot"`
	Name     lexer.Token `parser:"@Name?"`
	Location *location   `parser:"@@?"`
	Rest     lexer.Token `parser:"@Rest?"`
}

// location is the ORG#DEPT word cut at every "#". Which parts are present,
// and how many "#"s, is for the builder to judge.
type location struct {
	Pos  lexer.Position
	Word string `parser:"@( ID | Hash )+"`
}

type form struct {
	Plus lexer.Token `parser:"@Plus"`
	ID   lexer.Token `parser:"@ID?"`
	Rest lexer.Token `parser:"@Rest?"`
}

type set struct {
	Verb lexer.Token `parser:"@\"/set\":Verb"`
	Name lexer.Token `parser:"@Name?"`
	Rest lexer.Token `parser:"@Rest?"`
}

type assign struct {
	Verb lexer.Token `parser:"@\"/assign\":Verb"`
	ID   lexer.Token `parser:"@ID?"`
	Rest lexer.Token `parser:"@Rest?"`
}

type notify struct {
	Verb lexer.Token `parser:"@\"/notify\":Verb"`
	ID   lexer.Token `parser:"@ID?"`
	Rest lexer.Token `parser:"@Rest?"`
}

type mention struct {
	At   lexer.Token `parser:"@At"`
	ID   lexer.Token `parser:"@ID?"`
	Rest lexer.Token `parser:"@Rest?"`
}

type unknown struct {
	Head lexer.Token `parser:"@(Verb | Head)"`
	Rest lexer.Token `parser:"@Rest?"`
}

// The verbs and names the lexer and builder know.
const (
	verbSet       = "/set"
	verbAssign    = "/assign"
	verbNotify    = "/notify"
	fieldLocation = "location"
)

var parser = participle.MustBuild[message](participle.Lexer(definition{}))

// EBNF returns the grammar of one message line in EBNF.
func EBNF() string { return parser.String() }
