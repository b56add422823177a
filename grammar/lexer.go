package grammar

import (
	"io"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/web1on1/cscmd/ast"
)

// Token types. The lexer cuts a command line into words at blanks and
// classes each word by what it holds; it knows nothing of verbs. Its only
// context is the place of a word in the line:
//   - the line starts with the prefix;
//   - a command's first word is a verb ("/" and the rest of the word), or a
//     sigil (".", "+", "@") and the word glued to it, or another word;
//   - in a field, the word after the name is cut at its first "#", where
//     .location writes ORG#DEPT.
//
// Free text (a VALUE, a mention's TEXT) is not the lexer's business: it is
// the grammar's Text, the rest of the line from its first word.
const (
	tokPrefix   lexer.TokenType = -(iota + 2) // ">cs" and a blank, or a near miss: " >cs", ">CS", "> cs", ">cs/…"
	tokVerb                                   // "/" and the rest of a command's first word
	tokDot                                    // "." opening a command's first word
	tokPlus                                   // "+" opening a command's first word
	tokAt                                     // "@" opening a command's first word
	tokHash                                   // "#" between the two ids of a location
	tokObjectID                               // 24 hex digits
	tokWord                                   // any other run of non-blank bytes
)

// tokens describes each token for the grammar's EBNF, in the order of the
// grammar's productions.
var tokens = []struct{ name, ebnf string }{
	{"<prefix>", `">cs" ? followed by a blank, or a near miss of it: " >cs", ">CS", "> cs", ">cs/" ?`},
	{"<verb>", `"/" ? and the rest of a command's first word ?`},
	{"<word>", `? a run of bytes up to a blank; in a field, the word after the name ends at its first "#" ?`},
	{"<objectid>", `? a word of 24 hex digits ?`},
	{"text", `? the rest of the line from its first word: inner spacing kept, trailing blanks trimmed ?`},
}

var symbols = map[string]lexer.TokenType{
	"EOF":      lexer.EOF,
	"Prefix":   tokPrefix,
	"Verb":     tokVerb,
	"Dot":      tokDot,
	"Plus":     tokPlus,
	"At":       tokAt,
	"Hash":     tokHash,
	"ObjectId": tokObjectID,
	"Word":     tokWord,
}

// definition is the participle lexer.Definition of one message line. It
// holds its symbol table rather than reading the package variable in
// Symbols, so that building the parser during package initialisation
// depends on the table explicitly and finds it set; participle also asks for
// the table on every parse, which must not allocate.
type definition struct {
	symbols map[string]lexer.TokenType
}

func (d definition) Symbols() map[string]lexer.TokenType { return d.symbols }

func (d definition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

func (definition) LexString(_ string, input string) (lexer.Lexer, error) {
	return &lineLexer{s: input}, nil
}

// place is where the lexer is in a command line: the context it needs.
type place uint8

const (
	atStart   place = iota // before the prefix
	atHead                 // where a command's first word is expected
	afterDot               // right after the "." of a field: its name is glued to it
	afterName              // after a field's name: the next word may be ORG#DEPT
	inWords                // anywhere else
)

// lineLexer cuts a command line into tokens. It is total: every command
// line yields tokens and then EOF, never an error, so participle always gets
// a token stream. Blanks between tokens are skipped; positions keep them.
type lineLexer struct {
	s     string
	i     int
	place place
}

func (l *lineLexer) Next() (lexer.Token, error) {
	p := l.place
	if p == atStart {
		// Only command lines are lexed; chat has no tokens.
		l.place = atHead
		if c, n := classify(l.s); c != Chat {
			return l.emit(tokPrefix, n), nil
		}
		l.i = len(l.s)
	}
	l.place = inWords
	if p == afterDot && l.i < len(l.s) && isBlank(l.s[l.i]) {
		p = inWords // ". brand": the field has no name
	}
	l.skipBlanks()
	if l.i == len(l.s) {
		return lexer.EOFToken(position(len(l.s))), nil
	}
	switch p {
	case atHead:
		switch l.s[l.i] {
		case '/':
			return l.emit(tokVerb, l.run()), nil
		case '.':
			l.place = afterDot
			return l.emit(tokDot, 1), nil
		case '+':
			return l.emit(tokPlus, 1), nil
		case '@':
			return l.emit(tokAt, 1), nil
		}
	case afterDot:
		l.place = afterName
	case afterName:
		// ORG#DEPT: the word up to its first "#", the "#", then the rest
		// of the word, any further "#" included.
		if l.s[l.i] == '#' {
			return l.emit(tokHash, 1), nil
		}
		if h := indexHash(l.s[l.i : l.i+l.run()]); h >= 0 {
			l.place = afterName // the "#" comes next, glued
			return l.word(h), nil
		}
	}
	return l.word(l.run()), nil
}

// word returns the word of n bytes at the cursor, an ObjectId or a Word.
func (l *lineLexer) word(n int) lexer.Token {
	if ast.IsObjectID(l.s[l.i : l.i+n]) {
		return l.emit(tokObjectID, n)
	}
	return l.emit(tokWord, n)
}

// emit returns the token of n bytes at the cursor and moves past it.
func (l *lineLexer) emit(typ lexer.TokenType, n int) lexer.Token {
	t := lexer.Token{Type: typ, Value: l.s[l.i : l.i+n], Pos: position(l.i)}
	l.i += n
	return t
}

// run returns the length of the word at the cursor: bytes up to a blank.
// (A loop: strings.IndexAny builds its set of bytes on every call, which
// costs more than scanning a word.)
func (l *lineLexer) run() int {
	n := l.i
	for n < len(l.s) && !isBlank(l.s[n]) {
		n++
	}
	return n - l.i
}

func (l *lineLexer) skipBlanks() {
	for l.i < len(l.s) && isBlank(l.s[l.i]) {
		l.i++
	}
}

func indexHash(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' {
			return i
		}
	}
	return -1
}

// position is a token position relative to the line; the builder moves it to
// the message's place in its source. Columns count bytes.
func position(off int) lexer.Position {
	return lexer.Position{Offset: off, Line: 1, Column: off + 1}
}

const blanks = " \t"

func isBlank(c byte) bool { return c == ' ' || c == '\t' }
