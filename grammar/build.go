package grammar

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/suggest"
)

// builder turns the tokens of one parsed line into ast nodes, judging what
// is missing or malformed. The lexer and grammar accept everything; every
// judgement about a command's shape lives here, once.
type builder struct {
	line         string
	base         ast.Pos // position of the line's first byte
	placeholders bool
	near         bool // the prefix is a near miss: the message is chat
	errs         ErrorList
}

// parts are the tokens of a command after its prefix, by role. The grammar
// has already checked their order; absent parts have no token, or an empty
// one.
type parts struct {
	head     lexer.Token // ".", "+", "@", a verb, or a word without sigil
	name     lexer.Token
	id       lexer.Token
	rest     lexer.Token
	location lexer.Token // the ORG#DEPT word
}

func split(toks []lexer.Token) parts {
	var p parts
	for i, t := range toks {
		switch t.Type {
		case tokName:
			p.name = t
		case tokRest:
			p.rest = t
		case tokID:
			p.id = t
		case tokLocation:
			p.location = t
		default:
			if i == 0 {
				p.head = t
			}
		}
	}
	return p
}

func (b *builder) pos(t lexer.Token) ast.Pos { return b.base.Add(t.Pos.Offset) }

func (b *builder) errorf(from, to ast.Pos, code, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	if b.placeholders {
		// A quoted dynamic part reads as the host wrote it, not as U+FFFC.
		msg = strings.ReplaceAll(msg, string(ast.Placeholder), "${…}")
	}
	e := &Error{Pos: from, End: to, Code: code, Msg: msg}
	b.errs = append(b.errs, e)
	return e
}

func (b *builder) nodeError(n ast.Node, code, format string, args ...any) *Error {
	return b.errorf(n.Pos(), n.End(), code, format, args...)
}

// present reports whether a part was written: an absent part has no token,
// or the empty token that ends a command or stands for a missing one.
func present(t lexer.Token) bool { return t.Type != 0 && t.Value != "" }

// The fill functions set a node from a token and return it, or return nil
// for an absent token; the nodes live in their message's single allocation.

func (b *builder) text(dst *ast.Text, t lexer.Token) *ast.Text {
	if !present(t) {
		return nil
	}
	*dst = ast.Text{ValuePos: b.pos(t), Value: t.Value}
	return dst
}

func (b *builder) ident(dst *ast.Ident, t lexer.Token) *ast.Ident {
	if !present(t) {
		return nil
	}
	*dst = ast.Ident{NamePos: b.pos(t), Name: t.Value}
	return dst
}

func (b *builder) objectID(dst *ast.ObjectID, t lexer.Token) *ast.ObjectID {
	if !present(t) {
		return nil
	}
	*dst = ast.ObjectID{ValuePos: b.pos(t), Raw: t.Value}
	b.checkID(dst)
	return dst
}

func (b *builder) message(toks []lexer.Token) ast.Message {
	cmd := b.command(toks[0], split(toks[1:]))
	if b.near {
		// The widget sends a near miss as chat; what it would have been is
		// kept for the linter, but its errors are not the message's.
		b.errs = nil
		return &ast.Chat{From: b.base, Text: b.line, Intended: cmd}
	}
	return cmd
}

func (b *builder) command(pt lexer.Token, p parts) ast.Message {
	prefix := ast.Prefix{ValuePos: b.pos(pt), Text: pt.Value}
	switch p.head.Type {
	case tokDot:
		return b.field(prefix, p)
	case tokPlus:
		a := &idCommand[ast.Form]{p: prefix}
		f := &a.n
		*f = ast.Form{Prefix: &a.p, Plus: b.pos(p.head), Form: b.objectID(&a.id, p.id), Extra: b.text(&a.x, p.rest)}
		if f.Form == nil {
			e := b.errorf(f.Plus, f.Plus.Add(1), CodeMissingArgument, "missing form id after %q", "+")
			if f.Extra != nil {
				e.Msg += "; write the id right after the \"+\", without a space"
			}
		}
		b.unexpected(f.Form, f.Extra, "+FORM takes only a form id")
		return f
	case tokAt:
		a := &idCommand[ast.Mention]{p: prefix}
		m := &a.n
		*m = ast.Mention{Prefix: &a.p, At: b.pos(p.head), Target: b.objectID(&a.id, p.id), Text: b.text(&a.x, p.rest)}
		if m.Target == nil {
			e := b.errorf(m.At, m.At.Add(1), CodeMissingArgument, "missing user or bot id after %q", "@")
			if m.Text != nil {
				e.Msg += "; write the id right after the \"@\", without a space"
			}
		}
		return m
	}
	switch p.head.Type {
	case tokSet:
		return b.set(prefix, p)
	case tokAssign:
		a := &idCommand[ast.Assign]{p: prefix}
		n := &a.n
		*n = ast.Assign{Prefix: &a.p, Verb: b.pos(p.head), Target: b.objectID(&a.id, p.id), Extra: b.text(&a.x, p.rest)}
		if n.Target == nil {
			b.errorf(n.Verb, n.Verb.Add(len(verbAssign)), CodeMissingArgument, "missing user or bot id after /assign")
		}
		b.unexpected(n.Target, n.Extra, "/assign takes only a user or bot id")
		return n
	case tokNotify:
		a := &idCommand[ast.Notify]{p: prefix}
		n := &a.n
		*n = ast.Notify{Prefix: &a.p, Verb: b.pos(p.head), Inbox: b.objectID(&a.id, p.id), Extra: b.text(&a.x, p.rest)}
		b.unexpected(n.Inbox, n.Extra, "/notify takes at most an inbox id")
		return n
	}
	if present(p.head) {
		return b.unknown(prefix, p)
	}
	pr := &ast.Prefix{ValuePos: prefix.ValuePos, Text: prefix.Text}
	b.nodeError(pr, CodeSyntax, "missing command after %q; expected .field, +form, /set, /assign, /notify or @mention", prefix.Text)
	return &ast.Invalid{From: b.base, Text: b.line, Prefix: pr}
}

// idCommand is the one allocation behind a command of a prefix, an id and
// free text: the node and its parts live together.
type idCommand[T any] struct {
	n  T
	p  ast.Prefix
	id ast.ObjectID
	x  ast.Text
}

func (b *builder) field(prefix ast.Prefix, p parts) ast.Message {
	a := &struct {
		n    ast.Field
		p    ast.Prefix
		name ast.Ident
		text ast.Text
		loc  ast.Location
		org  ast.ObjectID
		dept ast.ObjectID
		x    ast.Text
	}{p: prefix}
	n := &a.n
	*n = ast.Field{Prefix: &a.p, Dot: b.pos(p.head), Name: b.ident(&a.name, p.name)}
	if present(p.location) {
		n.Value = b.location(&a.loc, &a.org, &a.dept, p.location)
		n.Extra = b.text(&a.x, p.rest)
	} else if present(p.rest) {
		n.Value = b.text(&a.text, p.rest)
	}
	switch {
	case n.Name == nil:
		b.errorf(n.Dot, n.Dot.Add(1), CodeMissingArgument, "missing field name after %q", ".")
	case !b.validName(n.Name.Name):
		b.nodeError(n.Name, CodeSyntax, "invalid field name %q; a name starts with a letter or \"_\" and holds letters, digits, \"_\", \"-\" and \".\"", n.Name.Name)
	case b.dynamic(n.Name.Name):
		// "${name} value" may stand where the name is: nothing is missing.
	case n.Name.Name == fieldLocation && n.Value == nil:
		b.nodeError(n.Name, CodeMissingArgument, "missing organization id after .location; write .location ORG or .location ORG#DEPT")
	case n.Value == nil:
		b.nodeError(n.Name, CodeMissingArgument, "missing value for field %q", n.Name.Name)
	}
	if n.Value != nil && present(p.location) {
		b.unexpected(n.Value, n.Extra, ".location takes only ORG or ORG#DEPT")
	}
	return n
}

// location splits the ORG#DEPT word at its first "#".
func (b *builder) location(loc *ast.Location, orgID, deptID *ast.ObjectID, t lexer.Token) *ast.Location {
	start, word := b.pos(t), t.Value
	org, dept, hash := word, "", strings.IndexByte(word, '#')
	if hash >= 0 {
		org, dept = word[:hash], word[hash+1:]
		loc.Hash = start.Add(hash)
	}
	if org != "" {
		*orgID = ast.ObjectID{ValuePos: start, Raw: org}
		loc.Org = orgID
	}
	if dept != "" {
		*deptID = ast.ObjectID{ValuePos: start.Add(hash + 1), Raw: dept}
		loc.Dept = deptID
	}
	switch {
	case hash >= 0 && org == "":
		b.errorf(loc.Hash, loc.Hash.Add(1), CodeLocationPair, "missing organization id before %q in location %q", "#", word)
	case hash >= 0 && dept == "":
		b.errorf(loc.Hash, loc.Hash.Add(1), CodeLocationPair, "missing department id after %q in location %q", "#", word)
	}
	if loc.Org != nil {
		b.checkID(loc.Org)
	}
	if loc.Dept != nil {
		if more := strings.IndexByte(dept, '#'); more >= 0 {
			from := loc.Dept.Pos().Add(more)
			b.errorf(from, loc.Dept.End(), CodeLocationPair, "a location holds at most one %q, as in ORG#DEPT", "#")
		} else {
			b.checkID(loc.Dept)
		}
	}
	return loc
}

func (b *builder) set(prefix ast.Prefix, p parts) ast.Message {
	a := &struct {
		n    ast.Set
		p    ast.Prefix
		name ast.Ident
		v    ast.Text
	}{p: prefix}
	n := &a.n
	*n = ast.Set{Prefix: &a.p, Verb: b.pos(p.head), Name: b.ident(&a.name, p.name), Value: b.text(&a.v, p.rest)}
	switch {
	case n.Name == nil:
		b.errorf(n.Verb, n.Verb.Add(len(verbSet)), CodeMissingArgument, "missing name after /set; write /set NAME VALUE or /set @category VALUE")
	case !b.validName(strings.TrimPrefix(n.Name.Name, "@")):
		b.nodeError(n.Name, CodeSyntax, "invalid name %q; a name starts with a letter or \"_\" and holds letters, digits, \"_\", \"-\" and \".\"", n.Name.Name)
	case b.dynamic(n.Name.Name):
		// "${name} value" may stand where the name is: nothing is missing.
	case n.Value == nil && n.Name.Name == ast.Category:
		b.nodeError(n.Name, CodeMissingArgument, "missing category after /set @category")
	case n.Value == nil:
		b.nodeError(n.Name, CodeMissingArgument, "missing value for %q; write /set %s VALUE", n.Name.Name, n.Name.Name)
	}
	return n
}

// verbs are the commands that have a word for a verb, for did-you-mean.
var verbs = []string{verbSet, verbAssign, verbNotify}

func (b *builder) unknown(prefix ast.Prefix, p parts) ast.Message {
	a := &struct {
		n    ast.Invalid
		p    ast.Prefix
		head ast.Text
		rest ast.Text
	}{p: prefix}
	x := &a.n
	*x = ast.Invalid{From: b.base, Text: b.line, Prefix: &a.p, Head: b.text(&a.head, p.head), Rest: b.text(&a.rest, p.rest)}
	head := x.Head
	if b.dynamic(head.Value) {
		return x // a dynamic command: anything may stand there at run time
	}
	word := head.Value
	if p.head.Type == tokHead {
		word = "/" + word
	}
	guess, ok := closestVerb(word)
	switch {
	case ok:
		b.nodeError(head, CodeUnknownCommand, "unknown command %q; did you mean %q?", head.Value, guess).Suggest = guess
	case p.head.Type == tokVerb:
		b.nodeError(head, CodeUnknownCommand, "unknown command %q; expected /set, /assign or /notify", head.Value)
	default:
		b.nodeError(head, CodeSyntax, "expected a command after %q, got %q; a command is .field, +form, /set, /assign, /notify or @mention", prefix.Text, head.Value)
	}
	return x
}

// closestVerb finds the verb meant by word: the same in another case, a verb
// glued to what follows ("/assign62c6…"), or one within a small edit.
func closestVerb(word string) (string, bool) {
	for _, v := range verbs {
		if strings.EqualFold(word, v) || len(word) > len(v) && strings.EqualFold(word[:len(v)], v) {
			return v, true
		}
	}
	return suggest.Closest(strings.ToLower(word), verbs)
}

// unexpected reports extra text after an argument that takes no more. With no
// argument at all, the extra text is the argument, already reported missing.
func (b *builder) unexpected(arg ast.Node, extra *ast.Text, what string) {
	if extra == nil || !arg.Pos().IsValid() || b.dynamic(extra.Value) {
		return // a dynamic part may be empty at run time
	}
	b.nodeError(extra, CodeUnexpectedArgument, "unexpected argument %q; %s", extra.Value, what)
}

func (b *builder) checkID(id *ast.ObjectID) {
	if ast.IsObjectID(id.Raw) || b.dynamic(id.Raw) {
		return
	}
	for i, r := range id.Raw {
		if r >= utf8.RuneSelf || ast.HexValue(byte(r)) < 0 {
			b.errorf(id.Pos().Add(i), id.Pos().Add(i+utf8.RuneLen(r)), CodeObjectIDFormat,
				"object id must be 24 hex digits; %q in %q is not a hex digit", r, id.Raw)
			return
		}
	}
	b.nodeError(id, CodeObjectIDFormat, "object id must be 24 hex digits, got %d", len(id.Raw))
}

// dynamic reports whether s holds a placeholder that the host fills in at
// run time.
func (b *builder) dynamic(s string) bool {
	return b.placeholders && ast.HasPlaceholder(s)
}

// validName reports whether s is a NAME: a letter or "_", then letters,
// digits, "_", "-" and ".". A placeholder stands for any name.
func (b *builder) validName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || unicode.IsLetter(r):
		case b.placeholders && r == ast.Placeholder:
		case i > 0 && (r == '-' || r == '.' || unicode.IsDigit(r)):
		default:
			return false
		}
	}
	return true
}
