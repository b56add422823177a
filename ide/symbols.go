package ide

import (
	"strings"
	"unicode/utf8"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/lsp/feature"
)

// Symbols returns one symbol per command message of a document — each
// command line of a command file, each >cs string of a host file — named
// as a reader would say it ("set @category Used Car", "assign 62c6…0301",
// "notify all"), with its range the message (in a host file, the literal)
// and its selection the verb.
//
// The kind follows the command: Field for a field, Object for a form,
// Variable for a meta variable and EnumMember for the category, Function
// for /assign, Event for /notify and a mention, Null for a command whose
// verb cannot be read.
func Symbols(ws *Workspace, languageID string, text []byte) []feature.Symbol {
	var out []feature.Symbol
	messages(ws.extractions(), languageID, text, 0, len(text), func(m *message) {
		if grammar.Classify(m.text) != grammar.Command {
			return
		}
		msg := m.parse()
		name, kind := symbolName(msg)
		sym := feature.Symbol{Name: name, Kind: int(kind)}
		if m.str != nil {
			sym.Start, sym.End = m.str.Start, m.str.End
			sym.Detail = m.str.Callee
		} else {
			sym.Start, sym.End = m.start(msg.Pos().Offset), m.end(len(strings.TrimRight(m.text, " \t")))
		}
		from, to, ok := ast.VerbSpan(msg)
		if !ok {
			from, to = msg.Pos(), msg.Pos().Add(len(">cs"))
		}
		sym.SelStart, sym.SelEnd = m.start(from.Offset), m.end(to.Offset)
		out = append(out, sym)
	})
	return out
}

// maxName bounds a symbol's name, in characters: an outline shows a line
// each, and a long VALUE would push everything else out of sight.
const maxName = 60

func symbolName(msg ast.Message) (string, feature.SymbolKind) {
	var parts []string
	word := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	id := func(id *ast.ObjectID) {
		if id != nil {
			word(ast.ShortID(id.Raw))
		}
	}
	text := func(t *ast.Text) {
		if t != nil {
			word(t.Value)
		}
	}
	kind := feature.SymbolKindNull
	switch m := msg.(type) {
	case *ast.Field:
		kind = feature.SymbolKindField
		if m.Name != nil {
			word(m.Name.Name)
		} else {
			word("field")
		}
		switch v := m.Value.(type) {
		case *ast.Text:
			text(v)
		case *ast.Location:
			var loc string
			if v.Org != nil {
				loc = ast.ShortID(v.Org.Raw)
			}
			if v.Hash.IsValid() {
				loc += "#"
			}
			if v.Dept != nil {
				loc += ast.ShortID(v.Dept.Raw)
			}
			word(loc)
		}
	case *ast.Form:
		kind = feature.SymbolKindObject
		word("form")
		id(m.Form)
	case *ast.Set:
		kind = feature.SymbolKindVariable
		word("set")
		if m.Name != nil {
			word(m.Name.Name)
			if m.Name.Name == ast.Category {
				kind = feature.SymbolKindEnumMember
			}
		}
		text(m.Value)
	case *ast.Assign:
		kind = feature.SymbolKindFunction
		word("assign")
		id(m.Target)
	case *ast.Notify:
		kind = feature.SymbolKindEvent
		word("notify")
		if m.Inbox == nil {
			word("all")
		}
		id(m.Inbox)
	case *ast.Mention:
		kind = feature.SymbolKindEvent
		word("mention")
		id(m.Target)
		text(m.Text)
	case *ast.Invalid:
		rest := strings.TrimSpace(firstLine(m.Text)[len(">cs"):])
		if rest == "" {
			rest = ">cs"
		}
		word(rest)
	}
	return truncate(readable(strings.Join(parts, " ")), maxName), kind
}

// truncate shortens s to n characters, and makes it valid UTF-8 on the
// way: a name travels as JSON.
func truncate(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
