package grammar

import (
	"io"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types. The lexer is context-sensitive in the way of a stateful lexer
// with modes: what follows a verb decides how the rest of the line is cut, so
// that free text (a VALUE or a mention's TEXT) arrives as one Rest token with
// its inner spacing intact.
const (
	tokPrefix   lexer.TokenType = -(iota + 2) // ">cs" and a blank, or a near miss: " >cs", ">CS", "> cs", ">cs/…"
	tokSet                                    // "/set"
	tokAssign                                 // "/assign"
	tokNotify                                 // "/notify"
	tokVerb                                   // "/" and another word after it
	tokHead                                   // a word where a command was expected, without a sigil; empty when there is none
	tokDot                                    // "." opening a field
	tokPlus                                   // "+" opening a form
	tokAt                                     // "@" opening a mention
	tokName                                   // a field or /set name; empty when there is none
	tokID                                     // an argument where an ObjectId is expected; empty when there is none
	tokLocation                               // the ORG#DEPT word of .location; empty for other fields
	tokRest                                   // the rest of the line, trimmed; empty when nothing is left
)

var symbols = map[string]lexer.TokenType{
	"EOF":      lexer.EOF,
	"Prefix":   tokPrefix,
	"Set":      tokSet,
	"Assign":   tokAssign,
	"Notify":   tokNotify,
	"Verb":     tokVerb,
	"Head":     tokHead,
	"Dot":      tokDot,
	"Plus":     tokPlus,
	"At":       tokAt,
	"Name":     tokName,
	"ID":       tokID,
	"Location": tokLocation,
	"Rest":     tokRest,
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

type mode uint8

const (
	modeStart      mode = iota
	modeHead            // where a command is expected
	modeFieldName       // right after "."
	modeGlued           // right after "+" or "@": the id follows without a blank
	modeName            // after "/set"
	modeID              // after "/assign" or "/notify"
	modeLocation        // after ".location"
	modeNoLocation      // after another field name
	modeRest            // free text to the end of the line
	modeEnd
)

// lineLexer cuts a command line into tokens. It is total: every command
// line yields tokens and then EOF, never an error, so participle always gets
// a tree.
// Blanks between tokens are skipped; positions keep them.
type lineLexer struct {
	s    string
	i    int
	mode mode
}

func (l *lineLexer) Next() (lexer.Token, error) {
	for {
		switch l.mode {
		case modeStart:
			// Only command lines are lexed; chat has no tokens, and would
			// fail to parse.
			l.mode = modeEnd
			if c, n := classify(l.s); c != Chat {
				l.mode = modeHead
				return l.emit(tokPrefix, n), nil
			}
		case modeHead:
			l.skipBlanks()
			if l.i == len(l.s) {
				l.mode = modeRest
				return l.emit(tokHead, 0), nil
			}
			switch l.s[l.i] {
			case '/':
				t := l.emit(tokVerb, l.run())
				switch t.Value {
				case verbSet:
					t.Type, l.mode = tokSet, modeName
				case verbAssign:
					t.Type, l.mode = tokAssign, modeID
				case verbNotify:
					t.Type, l.mode = tokNotify, modeID
				default:
					l.mode = modeRest
				}
				return t, nil
			case '.':
				l.mode = modeFieldName
				return l.emit(tokDot, 1), nil
			case '+':
				l.mode = modeGlued
				return l.emit(tokPlus, 1), nil
			case '@':
				l.mode = modeGlued
				return l.emit(tokAt, 1), nil
			}
			l.mode = modeRest
			return l.emit(tokHead, l.run()), nil
		case modeFieldName:
			// Every field has the same slots: the name, the location word
			// (empty unless the name is "location") and the rest.
			t := l.emit(tokName, l.run())
			l.mode = modeNoLocation
			if t.Value == fieldLocation {
				l.mode = modeLocation
			}
			return t, nil
		case modeNoLocation:
			l.mode = modeRest
			return l.emit(tokLocation, 0), nil
		case modeGlued:
			l.mode = modeRest
			return l.emit(tokID, l.run()), nil
		case modeName, modeID:
			typ := tokName
			if l.mode == modeID {
				typ = tokID
			}
			l.mode = modeRest
			l.skipBlanks()
			return l.emit(typ, l.run()), nil
		case modeLocation:
			l.skipBlanks()
			l.mode = modeRest
			return l.emit(tokLocation, l.run()), nil
		case modeRest:
			l.skipBlanks()
			l.mode = modeEnd
			return l.emit(tokRest, max(l.trimmedEnd()-l.i, 0)), nil
		case modeEnd:
			return lexer.EOFToken(position(len(l.s))), nil
		}
	}
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

// trimmedEnd returns the length of the line without its trailing blanks.
func (l *lineLexer) trimmedEnd() int {
	n := len(l.s)
	for n > 0 && isBlank(l.s[n-1]) {
		n--
	}
	return n
}

func (l *lineLexer) skipBlanks() {
	for l.i < len(l.s) && isBlank(l.s[l.i]) {
		l.i++
	}
}

// position is a token position relative to the line; the builder moves it to
// the message's place in its source. Columns count bytes.
func position(off int) lexer.Position {
	return lexer.Position{Offset: off, Line: 1, Column: off + 1}
}

const blanks = " \t"

func isBlank(c byte) bool { return c == ' ' || c == '\t' }
