package grammar

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
	"github.com/web1on1/cscmd/ast"
)

// The grammar of a command line, as participle structs: each command is a
// production and each of its parts a capture. EBNF prints it, and
// docs/grammar.md shows it as the language's reference. Every argument is
// optional, so that a broken command still yields a tree: the builder
// (build.go) judges what is missing, malformed or out of place.
//
// Chat never reaches the grammar: the lexer's classification settles chat
// before parsing. The prefix is the start of the line; its text is known
// from that classification, so it is matched, not captured.

// message is a command line.
type message struct {
	Prefix  bool    `parser:"Prefix"`
	Command command `parser:"@@?"`
}

// command is one of the commands; its build method in build.go makes its
// node.
type command interface {
	build(b *builder) ast.Message
}

// set is `/set @category VALUE` or `/set NAME VALUE`.
type set struct {
	Pos   lexer.Position
	Name  lexer.Token `parser:"'/set':Verb @('@category':Word | Word | ObjectId)?"`
	Value text        `parser:"@@?"`
}

// field is `.NAME VALUE`, or `.location ORG#DEPT`.
type field struct {
	Pos      lexer.Position
	Location *location   `parser:"'.':Dot ( @@"`
	Name     lexer.Token `parser:"    | @(Word | ObjectId)"`
	Value    text        `parser:"      @@? )?"`
}

// location is what follows .location: ORG, or ORG#DEPT without blanks.
type location struct {
	Pos   lexer.Position
	Org   lexer.Token `parser:"'location':Word @(ObjectId | Word)?"`
	Hash  lexer.Token `parser:"( @'#':Hash"`
	Dept  lexer.Token `parser:"  @(ObjectId | Word)? )?"`
	Extra text        `parser:"@@?"`
}

// mention is `@ID TEXT`.
type mention struct {
	Pos    lexer.Position
	Target lexer.Token `parser:"'@':At @(ObjectId | Word)?"`
	Text   text        `parser:"@@?"`
}

// form is `+FORM`.
type form struct {
	Pos   lexer.Position
	Form  lexer.Token `parser:"'+':Plus @(ObjectId | Word)?"`
	Extra text        `parser:"@@?"`
}

// assign is `/assign ID`.
type assign struct {
	Pos    lexer.Position
	Target lexer.Token `parser:"'/assign':Verb @(ObjectId | Word)?"`
	Extra  text        `parser:"@@?"`
}

// notify is `/notify [INBOX]`.
type notify struct {
	Pos   lexer.Position
	Inbox lexer.Token `parser:"'/notify':Verb @(ObjectId | Word)?"`
	Extra text        `parser:"@@?"`
}

// unknown is any other first word: a verb the language does not have, or a
// word without a sigil.
type unknown struct {
	Head lexer.Token `parser:"@(Verb | Word | ObjectId)"`
	Rest text        `parser:"@@?"`
}

// text is free text, a VALUE or a mention's TEXT: the rest of the line
// from its first word, inner spacing kept. It takes every token up to the
// next line's prefix; the builder reads its text from the line, from Pos to
// the last non-blank byte.
type text struct {
	Pos lexer.Position
}

func (t *text) Parse(lex *lexer.PeekingLexer) error {
	tok := lex.Peek()
	if tok.EOF() || tok.Type == tokPrefix {
		return participle.NextMatch
	}
	t.Pos = tok.Pos
	for !tok.EOF() && tok.Type != tokPrefix {
		lex.Next()
		tok = lex.Peek()
	}
	return nil
}

// commands are the alternatives of Command, tried in order: the commonest
// first, unknown last.
var commands = []command{&set{}, &field{}, &mention{}, &form{}, &assign{}, &notify{}, &unknown{}}

var parser = participle.MustBuild[message](
	participle.Lexer(definition{symbols}),
	participle.Union(commands...),
)

// verbs are the words of the commands that have one ("/set"), read from the
// grammar for did-you-mean.
var verbs = verbsOf(commands)

// verbList names the verbs in a message: "/set, /assign or /notify".
var verbList = strings.Join(verbs[:len(verbs)-1], ", ") + " or " + verbs[len(verbs)-1]

// verbsOf returns the verbs that the productions of cmds match.
func verbsOf(cmds []command) []string {
	var out []string
	for _, c := range cmds {
		t := reflect.TypeOf(c).Elem()
		for i := range t.NumField() {
			if m := verbLiteral.FindStringSubmatch(t.Field(i).Tag.Get("parser")); m != nil {
				out = append(out, m[1])
			}
		}
	}
	return out
}

var verbLiteral = regexp.MustCompile(`'(/[^']+)':Verb`)

// EBNF returns the grammar of a command line in EBNF: the productions, then
// the tokens of the lexer.
func EBNF() string {
	var b strings.Builder
	b.WriteString(parser.String())
	for _, t := range tokens {
		fmt.Fprintf(&b, "\n%s = %s .", t.name, t.ebnf)
	}
	return b.String()
}
