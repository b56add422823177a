// Package report writes what cscmd found in the formats of SPEC §5: the
// results of `cscmd parse` as text or JSON Lines, and lint diagnostics.
package report

import (
	"strconv"
	"unicode/utf8"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/grammar"
)

// Parsed is one message of a parsed file with what `cscmd parse` reports.
type Parsed struct {
	File    string // name as given on the command line; "" for standard input
	Line    int    // 1-based
	Text    string // the whole line as written, without its line break
	Message ast.Message
	Errors  grammar.ErrorList
	// LineStart is the byte offset of Text in its file, to turn the byte
	// positions of errors into code-point columns.
	LineStart int
}

// column returns the 1-based code-point column of a byte offset in p.Text.
func (p *Parsed) column(offset int) int {
	i := min(max(offset-p.LineStart, 0), len(p.Text))
	return utf8.RuneCountInString(p.Text[:i]) + 1
}

// kind is the reported kind: a command with errors is "invalid", so a
// consumer that acts on kind "assign" never acts on a broken assign.
func (p *Parsed) kind() string {
	if len(p.Errors) > 0 {
		return "invalid"
	}
	return p.Message.Kind()
}

// AppendJSON appends p as one line of the JSON Lines contract of SPEC §5:
// line, text, kind and the fields of the kind. Extra keys: file (when not
// standard input); for invalid messages column, command (the kind the
// command would have) and errors (every error with column and rule code);
// for a near-miss chat message nearMiss.
//
// For a mention, "text" is the mention's TEXT, as the contract lists it
// among the mention's fields; the line as written is always in "source".
func AppendJSON(dst []byte, p *Parsed) []byte {
	key := func(k string) {
		dst = append(dst, ',', '"')
		dst = append(dst, k...)
		dst = append(dst, '"', ':')
	}
	str := func(k, v string) {
		key(k)
		dst = appendString(dst, v)
	}
	dst = append(dst, '{')
	if p.File != "" {
		dst = append(dst, `"file":`...)
		dst = appendString(dst, p.File)
		dst = append(dst, ',')
	}
	dst = append(dst, `"line":`...)
	dst = strconv.AppendInt(dst, int64(p.Line), 10)
	kind := p.kind()
	if m, ok := p.Message.(*ast.Mention); ok && kind == "mention" {
		str("text", textOf(m.Text))
	} else {
		str("text", p.Text)
	}
	str("kind", kind)
	if kind == "invalid" {
		first := p.Errors.First()
		msg := "cannot parse command"
		if first != nil {
			msg = first.Msg
		}
		str("error", msg)
		if first != nil {
			key("column")
			dst = strconv.AppendInt(dst, int64(p.column(first.Pos.Offset)), 10)
		}
		if k := p.Message.Kind(); k != "invalid" {
			str("command", k)
		}
		key("errors")
		dst = append(dst, '[')
		for i, e := range p.Errors {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"column":`...)
			dst = strconv.AppendInt(dst, int64(p.column(e.Pos.Offset)), 10)
			dst = append(dst, `,"endColumn":`...)
			dst = strconv.AppendInt(dst, int64(p.column(e.End.Offset)), 10)
			dst = append(dst, `,"rule":`...)
			dst = appendString(dst, e.Code)
			dst = append(dst, `,"message":`...)
			dst = appendString(dst, e.Msg)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	} else {
		for _, f := range fields(p.Message) {
			str(f[0], f[1])
		}
		if c, ok := p.Message.(*ast.Chat); ok && c.Intended != nil {
			key("nearMiss")
			dst = append(dst, "true"...)
		}
	}
	str("source", p.Text)
	return append(dst, '}', '\n')
}

// AppendText appends p as one human-readable line:
// `FILE:LINE: KIND key="value" …`, or for an invalid message
// `FILE:LINE:COL: invalid: MESSAGE [RULE]` once per error.
func AppendText(dst []byte, p *Parsed) []byte {
	name := p.File
	if name == "" {
		name = "<stdin>"
	}
	prefix := func() {
		dst = append(dst, name...)
		dst = append(dst, ':')
		dst = strconv.AppendInt(dst, int64(p.Line), 10)
	}
	if len(p.Errors) > 0 {
		for _, e := range p.Errors {
			prefix()
			dst = append(dst, ':')
			dst = strconv.AppendInt(dst, int64(p.column(e.Pos.Offset)), 10)
			dst = append(dst, ": invalid: "...)
			dst = append(dst, e.Msg...)
			dst = append(dst, " ["...)
			dst = append(dst, e.Code...)
			dst = append(dst, "]\n"...)
		}
		return dst
	}
	prefix()
	dst = append(dst, ": "...)
	dst = append(dst, p.Message.Kind()...)
	for _, f := range fields(p.Message) {
		dst = append(dst, ' ')
		dst = append(dst, f[0]...)
		dst = append(dst, '=')
		dst = strconv.AppendQuote(dst, f[1])
	}
	if m, ok := p.Message.(*ast.Mention); ok {
		dst = append(dst, " text="...)
		dst = strconv.AppendQuote(dst, textOf(m.Text))
	}
	if c, ok := p.Message.(*ast.Chat); ok {
		if c.Intended != nil {
			dst = append(dst, " nearMiss"...)
		}
		dst = append(dst, ' ')
		dst = strconv.AppendQuote(dst, c.Text)
	}
	return append(dst, '\n')
}

// fields returns the kind-specific keys and values of a valid message, in
// the order of SPEC §5, but for a mention's text, which the callers place.
// Absent optional parts are left out.
func fields(m ast.Message) [][2]string {
	switch m := m.(type) {
	case *ast.Field:
		out := [][2]string{{"name", m.Name.Name}}
		switch v := m.Value.(type) {
		case *ast.Text:
			out = append(out, [2]string{"value", v.Value})
		case *ast.Location:
			value := v.Org.Canonical()
			out = append(out, [2]string{"organization", v.Org.Canonical()})
			if v.Dept != nil {
				value += "#" + v.Dept.Canonical()
				out = append(out, [2]string{"department", v.Dept.Canonical()})
			}
			out = append(out, [2]string{"value", value})
		}
		return out
	case *ast.Form:
		return [][2]string{{"form", m.Form.Canonical()}}
	case *ast.Set:
		return [][2]string{{"name", m.Name.Name}, {"value", m.Value.Value}}
	case *ast.Assign:
		return [][2]string{{"target", m.Target.Canonical()}}
	case *ast.Notify:
		if m.Inbox == nil {
			return nil
		}
		return [][2]string{{"inbox", m.Inbox.Canonical()}}
	case *ast.Mention:
		return [][2]string{{"target", m.Target.Canonical()}}
	}
	return nil
}

func textOf(t *ast.Text) string {
	if t == nil {
		return ""
	}
	return t.Value
}
