// Package plain says in plain words what the web1on1 widget will do with
// each message of a document: "Set the conversation category to “Used
// Car”", "Assign the conversation to Jane Doe (user)", "Sent as chat: `>CS`
// is not the prefix". It is for people who paste snippets and never read
// the grammar; the playground shows it beside the editor.
package plain

import (
	"strings"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/host"
)

// Step is one message of a document and what the widget does with it.
type Step struct {
	// Start and End are the byte offsets of the message in the document:
	// its line in a command file, its string literal in a host file.
	Start, End int
	// Runs is true when the widget runs the message as a command; false
	// when it is sent as chat or rejected.
	Runs bool
	Text string
}

// Document describes every message of src. lang is the language of the
// document; in a command file (host.Commands, or nil) every non-blank,
// non-comment line is a message; in a host file only the strings that are
// commands or near misses are messages, since any other string is not sent
// to the widget by being written there. cat names the ids it knows; it may
// be nil.
func Document(lang *host.Language, src []byte, cat *config.Catalog) []Step {
	if lang == nil || lang == host.Commands {
		doc, errs := grammar.ParseDocument(src)
		out := make([]Step, 0, len(doc.Messages))
		for _, m := range doc.Messages {
			var first *grammar.Error
			for len(errs) > 0 && errs[0].Pos.Line <= m.Pos().Line {
				if errs[0].Pos.Line == m.Pos().Line && first == nil {
					first = errs[0]
				}
				errs = errs[1:]
			}
			runs, text := Describe(m, first, cat)
			out = append(out, Step{Start: m.Pos().Offset, End: m.End().Offset, Runs: runs, Text: text})
		}
		return out
	}
	f, _ := host.Extract(lang, src) // a syntax error is the linter's to report; what was found is described
	var out []Step
	for i := range f.Strings {
		s := &f.Strings[i]
		if grammar.Classify(s.Text) == grammar.Chat {
			continue
		}
		m, err := grammar.Parse(s.Text, grammar.Placeholders())
		var first *grammar.Error
		if list, ok := err.(grammar.ErrorList); ok && len(list) > 0 {
			first = list[0]
		}
		runs, text := Describe(m, first, cat)
		out = append(out, Step{Start: s.Start, End: s.End, Runs: runs, Text: text})
	}
	return out
}

// Describe says what the widget does with the message m, whose first parse
// error, if any, is err. runs is false for chat and for a command the widget
// rejects.
func Describe(m ast.Message, err *grammar.Error, cat *config.Catalog) (runs bool, text string) {
	switch m := m.(type) {
	case *ast.Chat:
		if p := ast.PrefixOf(m.Intended); p != nil {
			return false, "Sent as chat: `" + p.Text + "` is not the prefix"
		}
		return false, "Sent as chat"
	case *ast.Invalid:
		if err != nil {
			return false, "Rejected: " + err.Msg
		}
		return false, "Rejected: not a command"
	}
	if err != nil {
		return false, "Rejected: " + err.Msg
	}
	switch m := m.(type) {
	case *ast.Field:
		if loc, ok := m.Value.(*ast.Location); ok {
			s := "Set the contact's location to " + name(loc.Org, cat)
			if loc.Dept != nil {
				s += ", department " + name(loc.Dept, cat)
			}
			return true, s
		}
		return true, "Set the contact field " + m.Name.Name + " to " + quote(m.Value.(*ast.Text).Value)
	case *ast.Form:
		return true, "Activate the form " + name(m.Form, cat)
	case *ast.Set:
		if m.Name.Name == ast.Category {
			return true, "Set the conversation category to " + quote(m.Value.Value)
		}
		return true, "Set the conversation variable " + m.Name.Name + " to " + quote(m.Value.Value)
	case *ast.Assign:
		return true, "Assign the conversation to " + name(m.Target, cat)
	case *ast.Notify:
		if m.Inbox == nil {
			return true, "Notify all organizations"
		}
		return true, "Notify the inbox " + name(m.Inbox, cat)
	case *ast.Mention:
		s := "Mention " + name(m.Target, cat)
		if m.Text != nil {
			s += ": " + quote(m.Text.Value)
		}
		return true, s
	}
	return false, "Rejected: not a command"
}

// name is the catalog name of an id with its kind, "Jane Doe (user)", or
// the id itself when the catalog does not know it.
func name(id *ast.ObjectID, cat *config.Catalog) string {
	if id.Dynamic() {
		return "an id set at run time"
	}
	if e, ok := cat.Lookup(id.Raw); ok {
		return e.Name + " (" + string(e.Kind) + ")"
	}
	return id.Canonical()
}

// quote puts a value in typographic quotes, a dynamic part shown as "…".
func quote(v string) string {
	return "“" + strings.ReplaceAll(v, string(ast.Placeholder), "…") + "”"
}
