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

// builder turns a participle tree of one line into ast nodes, judging what
// is missing or malformed. The lexer and grammar accept everything; every
// judgement about a command's shape lives here, once.
type builder struct {
	line         string
	base         ast.Pos // position of the line's first byte
	placeholders bool
	errs         ErrorList
}

func (b *builder) pos(p lexer.Position) ast.Pos { return b.base.Add(p.Offset) }

func (b *builder) errorf(from, to ast.Pos, code, format string, args ...any) *Error {
	e := &Error{Pos: from, End: to, Code: code, Msg: fmt.Sprintf(format, args...)}
	b.errs = append(b.errs, e)
	return e
}

func (b *builder) nodeError(n ast.Node, code, format string, args ...any) *Error {
	return b.errorf(n.Pos(), n.End(), code, format, args...)
}

func present(t lexer.Token) bool { return t.Type != 0 }

func (b *builder) text(t lexer.Token) *ast.Text {
	if !present(t) {
		return nil
	}
	return &ast.Text{ValuePos: b.pos(t.Pos), Value: t.Value}
}

func (b *builder) ident(t lexer.Token) *ast.Ident {
	if !present(t) {
		return nil
	}
	return &ast.Ident{NamePos: b.pos(t.Pos), Name: t.Value}
}

func (b *builder) objectID(t lexer.Token) *ast.ObjectID {
	if !present(t) {
		return nil
	}
	id := &ast.ObjectID{ValuePos: b.pos(t.Pos), Raw: t.Value}
	b.checkID(id)
	return id
}

func (b *builder) message(m *message) ast.Message {
	if m.Command == nil {
		return &ast.Chat{From: b.base, Text: b.line}
	}
	cmd := b.command(m.Command)
	if m.Command.Prefix.Type == tokNear {
		// The widget sends a near miss as chat; what it would have been is
		// kept for the linter, but its errors are not the message's.
		b.errs = nil
		return &ast.Chat{From: b.base, Text: b.line, Intended: cmd}
	}
	return cmd
}

func (b *builder) command(c *command) ast.Message {
	prefix := &ast.Prefix{ValuePos: b.pos(c.Prefix.Pos), Text: c.Prefix.Value}
	switch {
	case c.Field != nil:
		return b.field(prefix, c.Field)
	case c.Form != nil:
		f := &ast.Form{Prefix: prefix, Plus: b.pos(c.Form.Plus.Pos), Form: b.objectID(c.Form.ID), Extra: b.text(c.Form.Rest)}
		if f.Form == nil {
			e := b.errorf(f.Plus, f.Plus.Add(1), CodeMissingArgument, "missing form id after %q", "+")
			if f.Extra != nil {
				e.Msg += "; write the id right after the \"+\", without a space"
			}
		}
		b.unexpected(f.Form, f.Extra, "+FORM takes only a form id")
		return f
	case c.Set != nil:
		return b.set(prefix, c.Set)
	case c.Assign != nil:
		a := &ast.Assign{Prefix: prefix, Verb: b.pos(c.Assign.Verb.Pos), Target: b.objectID(c.Assign.ID), Extra: b.text(c.Assign.Rest)}
		if a.Target == nil {
			b.errorf(a.Verb, a.Verb.Add(len(verbAssign)), CodeMissingArgument, "missing user or bot id after /assign")
		}
		b.unexpected(a.Target, a.Extra, "/assign takes only a user or bot id")
		return a
	case c.Notify != nil:
		n := &ast.Notify{Prefix: prefix, Verb: b.pos(c.Notify.Verb.Pos), Inbox: b.objectID(c.Notify.ID), Extra: b.text(c.Notify.Rest)}
		b.unexpected(n.Inbox, n.Extra, "/notify takes at most an inbox id")
		return n
	case c.Mention != nil:
		m := &ast.Mention{Prefix: prefix, At: b.pos(c.Mention.At.Pos), Target: b.objectID(c.Mention.ID), Text: b.text(c.Mention.Rest)}
		if m.Target == nil {
			e := b.errorf(m.At, m.At.Add(1), CodeMissingArgument, "missing user or bot id after %q", "@")
			if m.Text != nil {
				e.Msg += "; write the id right after the \"@\", without a space"
			}
		}
		return m
	case c.Unknown != nil:
		return b.unknown(prefix, c.Unknown)
	}
	b.nodeError(prefix, CodeSyntax, "missing command after %q; expected .field, +form, /set, /assign, /notify or @mention", prefix.Text)
	return &ast.Invalid{From: b.base, Text: b.line, Prefix: prefix}
}

func (b *builder) field(prefix *ast.Prefix, f *field) ast.Message {
	n := &ast.Field{Prefix: prefix, Dot: b.pos(f.Dot.Pos), Name: b.ident(f.Name)}
	rest := b.text(f.Rest)
	if f.Location != nil {
		n.Value = b.location(f.Location)
		n.Extra = rest
	} else if rest != nil {
		n.Value = rest
	}
	switch {
	case n.Name == nil:
		b.errorf(n.Dot, n.Dot.Add(1), CodeMissingArgument, "missing field name after %q", ".")
	case !b.validName(n.Name.Name):
		b.nodeError(n.Name, CodeSyntax, "invalid field name %q; a name starts with a letter or \"_\" and holds letters, digits, \"_\", \"-\" and \".\"", n.Name.Name)
	case n.Name.Name == fieldLocation && n.Value == nil:
		b.nodeError(n.Name, CodeMissingArgument, "missing organization id after .location; write .location ORG or .location ORG#DEPT")
	case n.Value == nil:
		b.nodeError(n.Name, CodeMissingArgument, "missing value for field %q", n.Name.Name)
	}
	if _, ok := n.Value.(*ast.Location); ok {
		b.unexpected(n.Value, n.Extra, ".location takes only ORG or ORG#DEPT")
	}
	return n
}

// location splits the ORG#DEPT word at its first "#".
func (b *builder) location(l *location) *ast.Location {
	start := b.pos(l.Pos)
	loc := &ast.Location{}
	org, dept, hash := l.Word, "", strings.IndexByte(l.Word, '#')
	if hash >= 0 {
		org, dept = l.Word[:hash], l.Word[hash+1:]
		loc.Hash = start.Add(hash)
	}
	if org != "" {
		loc.Org = &ast.ObjectID{ValuePos: start, Raw: org}
	}
	if dept != "" {
		loc.Dept = &ast.ObjectID{ValuePos: start.Add(hash + 1), Raw: dept}
	}
	switch {
	case hash >= 0 && org == "":
		b.errorf(loc.Hash, loc.Hash.Add(1), CodeLocationPair, "missing organization id before %q in location %q", "#", l.Word)
	case hash >= 0 && dept == "":
		b.errorf(loc.Hash, loc.Hash.Add(1), CodeLocationPair, "missing department id after %q in location %q", "#", l.Word)
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

func (b *builder) set(prefix *ast.Prefix, s *set) ast.Message {
	n := &ast.Set{Prefix: prefix, Verb: b.pos(s.Verb.Pos), Name: b.ident(s.Name), Value: b.text(s.Rest)}
	switch {
	case n.Name == nil:
		b.errorf(n.Verb, n.Verb.Add(len(verbSet)), CodeMissingArgument, "missing name after /set; write /set NAME VALUE or /set @category VALUE")
	case !b.validName(strings.TrimPrefix(n.Name.Name, "@")):
		b.nodeError(n.Name, CodeSyntax, "invalid name %q; a name starts with a letter or \"_\" and holds letters, digits, \"_\", \"-\" and \".\"", n.Name.Name)
	case n.Value == nil && n.Name.Name == ast.Category:
		b.nodeError(n.Name, CodeMissingArgument, "missing category after /set @category")
	case n.Value == nil:
		b.nodeError(n.Name, CodeMissingArgument, "missing value for %q; write /set %s VALUE", n.Name.Name, n.Name.Name)
	}
	return n
}

// verbs are the commands that have a word for a verb, for did-you-mean.
var verbs = []string{verbSet, verbAssign, verbNotify}

func (b *builder) unknown(prefix *ast.Prefix, u *unknown) ast.Message {
	head := b.text(u.Head)
	x := &ast.Invalid{From: b.base, Text: b.line, Prefix: prefix, Head: head, Rest: b.text(u.Rest)}
	if b.placeholders && strings.ContainsRune(head.Value, ast.Placeholder) {
		return x // a dynamic command: anything may stand there at run time
	}
	word := head.Value
	if u.Head.Type == tokHead {
		word = "/" + word
	}
	guess, ok := closestVerb(word)
	switch {
	case u.Head.Type == tokVerb && ok:
		b.nodeError(head, CodeUnknownCommand, "unknown command %q; did you mean %q?", head.Value, guess).Suggest = guess
	case u.Head.Type == tokVerb:
		b.nodeError(head, CodeUnknownCommand, "unknown command %q; expected /set, /assign or /notify", head.Value)
	case ok:
		b.nodeError(head, CodeUnknownCommand, "unknown command %q; did you mean %q?", head.Value, guess).Suggest = guess
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
// argument at all, the extra text is the argument, already reported missing
// or (for /notify) read as an inbox.
func (b *builder) unexpected(arg ast.Node, extra *ast.Text, what string) {
	if extra == nil || !arg.Pos().IsValid() {
		return
	}
	b.nodeError(extra, CodeUnexpectedArgument, "unexpected argument %q; %s", extra.Value, what)
}

func (b *builder) checkID(id *ast.ObjectID) {
	if ast.IsObjectID(id.Raw) || b.placeholders && id.Dynamic() {
		return
	}
	for i, r := range id.Raw {
		if r >= utf8.RuneSelf || !isHexByte(byte(r)) {
			b.errorf(id.Pos().Add(i), id.Pos().Add(i+utf8.RuneLen(r)), CodeObjectIDFormat,
				"object id must be 24 hex digits; %q in %q is not a hex digit", r, id.Raw)
			return
		}
	}
	b.nodeError(id, CodeObjectIDFormat, "object id must be 24 hex digits, got %d", len(id.Raw))
}

func isHexByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
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
