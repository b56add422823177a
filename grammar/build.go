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

// builder turns the parse tree of one line into ast nodes and judges what
// the grammar cannot: an id of the wrong length or with a non-hex digit, a
// bad name, an argument written apart from the sigil it belongs to, a
// missing department, extra text, and the verb that was meant. Each command
// of the grammar has its build method here.
type builder struct {
	line         string
	base         ast.Pos // position of the line's first byte
	end          int     // offset of the line's end without trailing blanks
	placeholders bool
	near         bool // the prefix is a near miss: the message is chat
	prefix       ast.Prefix
	errs         ErrorList
}

// message maps a line's parse tree to its node. The prefix is the start of
// the line, n bytes long.
func (b *builder) message(m *message, n int) ast.Message {
	b.prefix = ast.Prefix{ValuePos: b.base, Text: b.line[:n]}
	var cmd ast.Message
	if m.Command != nil {
		cmd = m.Command.build(b)
	} else {
		pr := &ast.Prefix{ValuePos: b.prefix.ValuePos, Text: b.prefix.Text}
		b.nodeError(pr, CodeSyntax, "missing command after %q; expected .field, +form, /set, /assign, /notify or @mention", pr.Text)
		cmd = &ast.Invalid{From: b.base, Text: b.line, Prefix: pr}
	}
	if b.near {
		// The widget sends a near miss as chat; what it would have been is
		// kept for the linter, but its errors are not the message's.
		b.errs = nil
		return &ast.Chat{From: b.base, Text: b.line, Intended: cmd}
	}
	return cmd
}

func (b *builder) pos(p lexer.Position) ast.Pos { return b.base.Add(p.Offset) }

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

// present reports whether a token was captured.
func present(t lexer.Token) bool { return t.Type != 0 }

// glued reports whether t is written right after the byte at offset at,
// without a blank: a sigil's argument must be.
func glued(t lexer.Token, at int) bool { return t.Pos.Offset == at+1 }

// The fill functions set a node and return it, or return nil for an absent
// part; the nodes live in their message's single allocation.

// rest fills dst with the text of the line from offset from to its end.
func (b *builder) rest(dst *ast.Text, from int) *ast.Text {
	*dst = ast.Text{ValuePos: b.base.Add(from), Value: b.line[from:b.end]}
	return dst
}

// textOf fills dst with the free text t, or returns nil when there is none.
func (b *builder) textOf(dst *ast.Text, t text) *ast.Text {
	if t.Pos.Line == 0 {
		return nil
	}
	return b.rest(dst, t.Pos.Offset)
}

func (b *builder) ident(dst *ast.Ident, t lexer.Token) *ast.Ident {
	*dst = ast.Ident{NamePos: b.pos(t.Pos), Name: t.Value}
	return dst
}

func (b *builder) objectID(dst *ast.ObjectID, t lexer.Token) *ast.ObjectID {
	if !present(t) {
		return nil
	}
	*dst = ast.ObjectID{ValuePos: b.pos(t.Pos), Raw: t.Value}
	b.checkID(dst)
	return dst
}

// idCommand is the one allocation behind a command of a prefix, an id and
// free text: the node and its parts live together.
type idCommand[T any] struct {
	n  T
	p  ast.Prefix
	id ast.ObjectID
	x  ast.Text
}

func (c *set) build(b *builder) ast.Message {
	a := &struct {
		n    ast.Set
		p    ast.Prefix
		name ast.Ident
		v    ast.Text
	}{p: b.prefix}
	n := &a.n
	*n = ast.Set{Prefix: &a.p, Verb: b.pos(c.Pos), Value: b.textOf(&a.v, c.Value)}
	if present(c.Name) {
		n.Name = b.ident(&a.name, c.Name)
	}
	switch {
	case n.Name == nil:
		b.errorf(n.Verb, n.Verb.Add(len("/set")), CodeMissingArgument, "missing name after /set; write /set NAME VALUE or /set @category VALUE")
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

func (c *field) build(b *builder) ast.Message {
	a := &struct {
		n    ast.Field
		p    ast.Prefix
		name ast.Ident
		text ast.Text
		loc  ast.Location
		org  ast.ObjectID
		dept ast.ObjectID
		x    ast.Text
	}{p: b.prefix}
	n := &a.n
	*n = ast.Field{Prefix: &a.p, Dot: b.pos(c.Pos)}
	name, isLocation := c.Name, c.Location != nil
	if isLocation {
		name = lexer.Token{Type: tokWord, Pos: c.Location.Pos, Value: fieldLocation}
	}
	switch {
	case present(name) && !glued(name, c.Pos.Offset):
		// ". brand Toyota": the name is not the field's; all of it is text.
		n.Value = b.rest(&a.text, name.Pos.Offset)
	case isLocation:
		n.Name = b.ident(&a.name, name)
		n.Value, n.Extra = c.Location.build(b, &a.loc, &a.org, &a.dept, &a.x)
	case present(name):
		n.Name = b.ident(&a.name, name)
		if v := b.textOf(&a.text, c.Value); v != nil {
			n.Value = v // a nil *ast.Text would make a non-nil Value
		}
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
	if n.Value != nil && isLocation {
		b.unexpected(n.Value, n.Extra, ".location takes only ORG or ORG#DEPT")
	}
	return n
}

// build returns the value of .location, nil when no ORG#DEPT was written,
// and the text after it.
func (c *location) build(b *builder, loc *ast.Location, orgID, deptID *ast.ObjectID, extra *ast.Text) (ast.Value, *ast.Text) {
	dept, x := c.Dept, c.Extra
	if present(dept) && !glued(dept, c.Hash.Pos.Offset) {
		// "ORG# x": the department is missing; x is extra text.
		dept, x = lexer.Token{}, text{Pos: dept.Pos}
	}
	start, end := -1, 0
	for _, t := range [...]lexer.Token{c.Org, c.Hash, dept} {
		if present(t) {
			if start < 0 {
				start = t.Pos.Offset
			}
			end = t.Pos.Offset + len(t.Value)
		}
	}
	if start < 0 {
		return nil, nil // ".location" alone
	}
	word := b.line[start:end]
	loc.Org = b.objectID(orgID, c.Org)
	if present(c.Hash) {
		loc.Hash = b.pos(c.Hash.Pos)
		switch {
		case !present(c.Org):
			b.errorf(loc.Hash, loc.Hash.Add(1), CodeLocationPair, "missing organization id before %q in location %q", "#", word)
		case !present(dept):
			b.errorf(loc.Hash, loc.Hash.Add(1), CodeLocationPair, "missing department id after %q in location %q", "#", word)
		}
	}
	if present(dept) {
		*deptID = ast.ObjectID{ValuePos: b.pos(dept.Pos), Raw: dept.Value}
		loc.Dept = deptID
		if more := strings.IndexByte(dept.Value, '#'); more >= 0 {
			b.errorf(loc.Dept.Pos().Add(more), loc.Dept.End(), CodeLocationPair, "a location holds at most one %q, as in ORG#DEPT", "#")
		} else {
			b.checkID(loc.Dept)
		}
	}
	return loc, b.textOf(extra, x)
}

func (c *mention) build(b *builder) ast.Message {
	a := &idCommand[ast.Mention]{p: b.prefix}
	m := &a.n
	*m = ast.Mention{Prefix: &a.p, At: b.pos(c.Pos)}
	m.Target, m.Text = sigilArgument(b, a, c.Pos, c.Target, c.Text, "user or bot")
	return m
}

func (c *form) build(b *builder) ast.Message {
	a := &idCommand[ast.Form]{p: b.prefix}
	f := &a.n
	*f = ast.Form{Prefix: &a.p, Plus: b.pos(c.Pos)}
	f.Form, f.Extra = sigilArgument(b, a, c.Pos, c.Form, c.Extra, "form")
	b.unexpected(f.Form, f.Extra, "+FORM takes only a form id")
	return f
}

// sigilArgument returns the id glued to the sigil at sigil and the text
// after it, reporting a missing id as what's. An id written apart from its
// sigil is no id: it and all after it are the text.
func sigilArgument[T any](b *builder, a *idCommand[T], sigil lexer.Position, id lexer.Token, rest text, what string) (*ast.ObjectID, *ast.Text) {
	var x *ast.Text
	if present(id) && !glued(id, sigil.Offset) {
		id, x = lexer.Token{}, b.rest(&a.x, id.Pos.Offset)
	} else {
		x = b.textOf(&a.x, rest)
	}
	if !present(id) {
		at, s := b.pos(sigil), b.line[sigil.Offset:sigil.Offset+1]
		e := b.errorf(at, at.Add(1), CodeMissingArgument, "missing %s id after %q", what, s)
		if x != nil {
			e.Msg += fmt.Sprintf("; write the id right after the %q, without a space", s)
		}
		return nil, x
	}
	return b.objectID(&a.id, id), x
}

func (c *assign) build(b *builder) ast.Message {
	a := &idCommand[ast.Assign]{p: b.prefix}
	n := &a.n
	*n = ast.Assign{Prefix: &a.p, Verb: b.pos(c.Pos), Target: b.objectID(&a.id, c.Target), Extra: b.textOf(&a.x, c.Extra)}
	if n.Target == nil {
		b.errorf(n.Verb, n.Verb.Add(len("/assign")), CodeMissingArgument, "missing user or bot id after /assign")
	}
	b.unexpected(n.Target, n.Extra, "/assign takes only a user or bot id")
	return n
}

func (c *notify) build(b *builder) ast.Message {
	a := &idCommand[ast.Notify]{p: b.prefix}
	n := &a.n
	*n = ast.Notify{Prefix: &a.p, Verb: b.pos(c.Pos), Inbox: b.objectID(&a.id, c.Inbox), Extra: b.textOf(&a.x, c.Extra)}
	b.unexpected(n.Inbox, n.Extra, "/notify takes at most an inbox id")
	return n
}

// fieldLocation is the field whose value is ORG#DEPT.
const fieldLocation = "location"

func (c *unknown) build(b *builder) ast.Message {
	a := &struct {
		n    ast.Invalid
		p    ast.Prefix
		head ast.Text
		rest ast.Text
	}{p: b.prefix}
	x := &a.n
	a.head = ast.Text{ValuePos: b.pos(c.Head.Pos), Value: c.Head.Value}
	*x = ast.Invalid{From: b.base, Text: b.line, Prefix: &a.p, Head: &a.head, Rest: b.textOf(&a.rest, c.Rest)}
	head := x.Head
	if b.dynamic(head.Value) {
		return x // a dynamic command: anything may stand there at run time
	}
	word := head.Value
	if c.Head.Type != tokVerb {
		word = "/" + word
	}
	guess, ok := closestVerb(word)
	switch {
	case ok:
		b.nodeError(head, CodeUnknownCommand, "unknown command %q; did you mean %q?", head.Value, guess).Suggest = guess
	case c.Head.Type == tokVerb:
		b.nodeError(head, CodeUnknownCommand, "unknown command %q; expected %s", head.Value, verbList)
	default:
		b.nodeError(head, CodeSyntax, "expected a command after %q, got %q; a command is .field, +form, /set, /assign, /notify or @mention", b.prefix.Text, head.Value)
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
