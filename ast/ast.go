// Package ast holds the typed syntax tree of the >cs command language of the
// web1on1 chat widget: one Message per line of text, each a command (Field,
// Form, Set, Assign, Notify, Mention) or not (Chat, Invalid).
//
// Trees come from package grammar. Every node knows its position; a broken
// command is still a typed node with its absent parts nil, so tools can work
// with what was written. Print writes a message in canonical form.
package ast

import (
	"strings"
	"time"
)

// Placeholder stands for a dynamic part of a message found in a host file —
// `${expr}` in a template literal, or a variable joined with `+`. Grammar
// parses it only when asked to; it then satisfies any argument.
const Placeholder = '\uFFFC'

// Message is one message: a command or chat. The concrete types are *Field,
// *Form, *Set, *Assign, *Notify, *Mention, *Chat and *Invalid.
type Message interface {
	Node
	// Kind is the message kind as named by `cscmd parse`: "field", "form",
	// "set", "assign", "notify", "mention", "chat" or "invalid".
	Kind() string
	message()
}

// Value is the value of a Field: *Text, or *Location for `.location`.
type Value interface {
	Node
	value()
}

// Prefix is the marker that opens a command: ">cs", or for a near miss what
// was written instead (" >cs", ">CS", "> cs", or ">cs" glued to a sigil).
type Prefix struct {
	ValuePos Pos
	Text     string
}

// Ident is a NAME: a field name, a meta-variable name, or a reserved name of
// /set written with its "@".
type Ident struct {
	NamePos Pos
	Name    string
}

// Text is free text — a VALUE, a mention's TEXT or an unexpected argument —
// with the blanks around it trimmed and the blanks inside kept.
type Text struct {
	ValuePos Pos
	Value    string
}

// ObjectID is written where a MongoDB ObjectId is expected, exactly as
// written; it may be malformed (see Valid).
type ObjectID struct {
	ValuePos Pos
	Raw      string
}

// Location is the value of `.location`: ORG, or ORG#DEPT. Org and Dept hold
// the text before and after the first "#", each nil when nothing was written
// there; Hash is valid when a "#" was written. A Dept that itself holds "#"
// means more than one "#" was written.
type Location struct {
	Org  *ObjectID
	Hash Pos // position of the first "#"; invalid when there is none
	Dept *ObjectID
}

// Field is `.NAME VALUE`: it sets a contact-profile or form field, or with
// `.location ORG[#DEPT]` the contact's location.
type Field struct {
	Prefix *Prefix
	Dot    Pos
	Name   *Ident // nil when missing
	Value  Value  // nil when missing
	Extra  *Text  // text after a location value, which takes no more
}

// Form is `+FORM`: it activates a form.
type Form struct {
	Prefix *Prefix
	Plus   Pos
	Form   *ObjectID // nil when missing
	Extra  *Text     // text after the id, which takes no more
}

// Set is `/set NAME VALUE`: it sets a conversation meta variable, or with the
// reserved name `@category` the conversation category.
type Set struct {
	Prefix *Prefix
	Verb   Pos
	Name   *Ident // nil when missing; "@category" keeps its "@"
	Value  *Text  // nil when missing
}

// Category is the reserved name that makes /set set the conversation category.
const Category = "@category"

// Reserved reports whether s sets a reserved name such as @category rather
// than a meta variable.
func (s *Set) Reserved() bool { return s.Name != nil && strings.HasPrefix(s.Name.Name, "@") }

// Assign is `/assign ID`: it assigns the conversation to a user or bot.
type Assign struct {
	Prefix *Prefix
	Verb   Pos
	Target *ObjectID // nil when missing
	Extra  *Text     // text after the id, which takes no more
}

// Notify is `/notify [INBOX]`: it notifies one inbox, or all organizations
// when bare.
type Notify struct {
	Prefix *Prefix
	Verb   Pos
	Inbox  *ObjectID // nil when bare
	Extra  *Text     // text after the id, which takes no more
}

// Mention is `@ID TEXT`: it mentions a user or bot.
type Mention struct {
	Prefix *Prefix
	At     Pos
	Target *ObjectID // nil when missing
	Text   *Text     // nil when there is no text
}

// Chat is a message that is not a command; the widget sends it to the
// conversation as text. Intended is set for a near miss — text that looks
// like a command with a mistyped prefix — and holds the command it would
// be with the prefix written right; its Prefix is the near miss.
type Chat struct {
	From     Pos
	Text     string
	Intended Message
}

// Invalid is a command whose verb could not be read: nothing after ">cs", an
// unknown verb, invalid UTF-8, or a line too long to parse. Head is the word
// where a verb was expected and Rest what follows it; both are nil when
// absent. Text is the whole message as written.
type Invalid struct {
	From   Pos
	Text   string
	Prefix *Prefix
	Head   *Text
	Rest   *Text
}

func (*Field) Kind() string   { return "field" }
func (*Form) Kind() string    { return "form" }
func (*Set) Kind() string     { return "set" }
func (*Assign) Kind() string  { return "assign" }
func (*Notify) Kind() string  { return "notify" }
func (*Mention) Kind() string { return "mention" }
func (*Chat) Kind() string    { return "chat" }
func (*Invalid) Kind() string { return "invalid" }

func (*Field) message()   {}
func (*Form) message()    {}
func (*Set) message()     {}
func (*Assign) message()  {}
func (*Notify) message()  {}
func (*Mention) message() {}
func (*Chat) message()    {}
func (*Invalid) message() {}

func (*Text) value()     {}
func (*Location) value() {}

// Verb lengths, for End positions of the verb tokens.
const (
	lenSet    = len("/set")
	lenAssign = len("/assign")
	lenNotify = len("/notify")
)

// Leaf nodes answer the zero Pos when nil, so optional parts need no checks.

func (p *Prefix) Pos() Pos {
	if p == nil {
		return Pos{}
	}
	return p.ValuePos
}

func (p *Prefix) End() Pos {
	if p == nil {
		return Pos{}
	}
	return p.ValuePos.Add(len(p.Text))
}

// Exact reports whether p is the prefix ">cs" written right.
func (p *Prefix) Exact() bool { return p != nil && p.Text == ">cs" }

func (x *Ident) Pos() Pos {
	if x == nil {
		return Pos{}
	}
	return x.NamePos
}

func (x *Ident) End() Pos {
	if x == nil {
		return Pos{}
	}
	return x.NamePos.Add(len(x.Name))
}

func (t *Text) Pos() Pos {
	if t == nil {
		return Pos{}
	}
	return t.ValuePos
}

func (t *Text) End() Pos {
	if t == nil {
		return Pos{}
	}
	return t.ValuePos.Add(len(t.Value))
}

func (id *ObjectID) Pos() Pos {
	if id == nil {
		return Pos{}
	}
	return id.ValuePos
}

func (id *ObjectID) End() Pos {
	if id == nil {
		return Pos{}
	}
	return id.ValuePos.Add(len(id.Raw))
}

// Dynamic reports whether the id holds a placeholder, so any value may stand
// there at run time.
func (id *ObjectID) Dynamic() bool { return HasPlaceholder(id.Raw) }

// HasPlaceholder reports whether s holds a Placeholder: a dynamic part that
// the host fills in at run time. It is the one test of it.
func HasPlaceholder(s string) bool { return strings.ContainsRune(s, Placeholder) }

// Valid reports whether the id is 24 hex digits, in either case, or dynamic.
func (id *ObjectID) Valid() bool { return IsObjectID(id.Raw) || id.Dynamic() }

// Canonical returns the id in canonical form: lowercase when valid, else as
// written.
func (id *ObjectID) Canonical() string {
	if !IsObjectID(id.Raw) {
		return id.Raw
	}
	return strings.ToLower(id.Raw)
}

// Time returns the creation time encoded in the first 8 hex digits of a valid
// id: seconds since the Unix epoch.
func (id *ObjectID) Time() (time.Time, bool) {
	if !IsObjectID(id.Raw) {
		return time.Time{}, false
	}
	var secs int64
	for i := range 8 {
		secs = secs<<4 | int64(hexValue[id.Raw[i]])
	}
	return time.Unix(secs, 0).UTC(), true
}

// IsObjectID reports whether s is exactly 24 hex digits, in either case.
func IsObjectID(s string) bool {
	if len(s) != 24 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if hexValue[s[i]] < 0 {
			return false
		}
	}
	return true
}

// HexValue returns the value of c as a hex digit, in either case, or -1.
// It is the one definition of a hex digit, for ObjectIds and for the
// escapes of every host language.
func HexValue(c byte) int { return int(hexValue[c]) }

// ShortID abbreviates a well-formed ObjectId to its first and last four
// digits (6054…7655), which tell ids apart at a glance: for the editor's
// names and hints, never for a message, which shows ids in full so that
// they can be copied and searched for. Anything else is returned as is.
func ShortID(id string) string {
	if !IsObjectID(id) {
		return id
	}
	return id[:4] + "…" + id[20:]
}

// hexValue is the value of each byte as a hex digit, or -1: a table, since
// every ObjectId of a million-line file is checked more than once.
var hexValue = func() (t [256]int8) {
	for c := range t {
		switch {
		case '0' <= c && c <= '9':
			t[c] = int8(c - '0')
		case 'a' <= c && c <= 'f':
			t[c] = int8(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			t[c] = int8(c - 'A' + 10)
		default:
			t[c] = -1
		}
	}
	return t
}()

func (l *Location) Pos() Pos {
	if l == nil {
		return Pos{}
	}
	if l.Org != nil {
		return l.Org.Pos()
	}
	return l.Hash
}

func (l *Location) End() Pos {
	if l == nil {
		return Pos{}
	}
	return endOf(l.Hash.Add(1), l.Org, l.Dept)
}

func (f *Field) Pos() Pos { return f.Prefix.Pos() }
func (f *Field) End() Pos { return endOf(f.Dot.Add(1), f.Name, f.Value, f.Extra) }

func (f *Form) Pos() Pos { return f.Prefix.Pos() }
func (f *Form) End() Pos { return endOf(f.Plus.Add(1), f.Form, f.Extra) }

func (s *Set) Pos() Pos { return s.Prefix.Pos() }
func (s *Set) End() Pos { return endOf(s.Verb.Add(lenSet), s.Name, s.Value) }

func (a *Assign) Pos() Pos { return a.Prefix.Pos() }
func (a *Assign) End() Pos { return endOf(a.Verb.Add(lenAssign), a.Target, a.Extra) }

func (n *Notify) Pos() Pos { return n.Prefix.Pos() }
func (n *Notify) End() Pos { return endOf(n.Verb.Add(lenNotify), n.Inbox, n.Extra) }

func (m *Mention) Pos() Pos { return m.Prefix.Pos() }
func (m *Mention) End() Pos { return endOf(m.At.Add(1), m.Target, m.Text) }

func (c *Chat) Pos() Pos { return c.From }
func (c *Chat) End() Pos { return c.From.Add(len(c.Text)) }

func (x *Invalid) Pos() Pos { return x.From }
func (x *Invalid) End() Pos { return x.From.Add(len(x.Text)) }

// VerbSpan returns the position and end of a command's verb or sigil ("/set",
// ".", "+", "@"…), for highlighting and hover. It is false for Chat and for an
// Invalid without a head.
func VerbSpan(m Message) (Pos, Pos, bool) {
	switch m := m.(type) {
	case *Field:
		return m.Dot, m.Dot.Add(1), true
	case *Form:
		return m.Plus, m.Plus.Add(1), true
	case *Set:
		return m.Verb, m.Verb.Add(lenSet), true
	case *Assign:
		return m.Verb, m.Verb.Add(lenAssign), true
	case *Notify:
		return m.Verb, m.Verb.Add(lenNotify), true
	case *Mention:
		return m.At, m.At.Add(1), true
	case *Invalid:
		if m.Head != nil {
			return m.Head.Pos(), m.Head.End(), true
		}
	}
	return Pos{}, Pos{}, false
}
