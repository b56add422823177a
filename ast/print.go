package ast

import (
	"bufio"
	"io"
	"strings"
)

// Print returns m in canonical form: ">cs", one space between tokens,
// lowercase ObjectIds, values trimmed with their inner spacing kept. Chat and
// Invalid messages are returned as written: changing them would change what
// the widget does. Absent parts are left out.
func Print(m Message) string {
	var b strings.Builder
	printMessage(&b, m)
	return b.String()
}

func printMessage(b *strings.Builder, m Message) {
	word := func(s string) {
		b.WriteByte(' ')
		b.WriteString(s)
	}
	text := func(t *Text) {
		if t != nil {
			word(t.Value)
		}
	}
	id := func(sep string, x *ObjectID) {
		if x != nil {
			b.WriteString(sep)
			b.WriteString(x.Canonical())
		}
	}
	switch m := m.(type) {
	case *Chat:
		b.WriteString(m.Text)
		return
	case *Invalid:
		b.WriteString(m.Text)
		return
	}
	b.WriteString(">cs ")
	switch m := m.(type) {
	case *Field:
		b.WriteByte('.')
		if m.Name != nil {
			b.WriteString(m.Name.Name)
		}
		switch v := m.Value.(type) {
		case *Text:
			text(v)
		case *Location:
			id(" ", v.Org)
			if v.Hash.IsValid() {
				if v.Org == nil {
					b.WriteByte(' ')
				}
				b.WriteByte('#')
				id("", v.Dept)
			}
		}
		text(m.Extra)
	case *Form:
		b.WriteByte('+')
		id("", m.Form)
		text(m.Extra)
	case *Set:
		b.WriteString("/set")
		if m.Name != nil {
			word(m.Name.Name)
		}
		text(m.Value)
	case *Assign:
		b.WriteString("/assign")
		id(" ", m.Target)
		text(m.Extra)
	case *Notify:
		b.WriteString("/notify")
		id(" ", m.Inbox)
		text(m.Extra)
	case *Mention:
		b.WriteByte('@')
		id("", m.Target)
		text(m.Text)
	}
}

// PrintDocument writes d in canonical form, one node per line ended by eol
// ("\n" or "\r\n"): messages through Print, comments as written, and a single
// blank line wherever the source had one or more between two nodes.
func PrintDocument(w io.Writer, d *Document, eol string) error {
	bw := bufio.NewWriter(w)
	var b strings.Builder
	prev := 0
	for _, n := range d.Lines() {
		line := n.Pos().Line
		if prev > 0 && line > prev+1 {
			bw.WriteString(eol)
		}
		prev = line
		b.Reset()
		switch n := n.(type) {
		case *Comment:
			b.WriteString(n.Text)
		case Message:
			printMessage(&b, n)
		}
		bw.WriteString(b.String())
		bw.WriteString(eol)
	}
	return bw.Flush()
}
