package ide

import (
	"slices"
	"strings"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/lsp/feature"
)

// The semantic token types and modifiers of cscmd, all from the protocol's
// predefined set so that every theme colours them:
//
//	construct                         type        modifiers
//	>cs                               macro
//	a near-miss prefix (>CS, > cs…)   macro       deprecated
//	verb or sigil (/set . + @)        keyword
//	field name                        property    (location: defaultLibrary)
//	meta-variable name                variable
//	reserved name (@category)         enumMember
//	ObjectId                          number
//	# between ORG and DEPT            operator
//	VALUE, TEXT, extra argument       string
//	comment line (command files)      comment
//
// An unknown verb, a dynamic part of a host string and chat get no token.
const (
	tokPrefix   = string(feature.SemanticTokenTypesMacro)
	tokVerb     = string(feature.SemanticTokenTypesKeyword)
	tokField    = string(feature.SemanticTokenTypesProperty)
	tokVariable = string(feature.SemanticTokenTypesVariable)
	tokReserved = string(feature.SemanticTokenTypesEnumMember)
	tokID       = string(feature.SemanticTokenTypesNumber)
	tokHash     = string(feature.SemanticTokenTypesOperator)
	tokValue    = string(feature.SemanticTokenTypesString)
	tokComment  = string(feature.SemanticTokenTypesComment)

	modNearMiss = string(feature.SemanticTokenModifiersDeprecated)
	modBuiltin  = string(feature.SemanticTokenModifiersDefaultLibrary)
)

// SemanticTokens returns the semantic tokens of a document in order, none
// overlapping: of every line of a command file, and of every >cs string of
// a host file, where they colour the command inside the literal.
func SemanticTokens(ws *Workspace, languageID string, text []byte) []feature.SemanticToken {
	var out []feature.SemanticToken
	messages(ws.extractions(), languageID, text, 0, len(text), func(m *message) {
		if m.str == nil {
			if t := strings.TrimLeft(m.text, " \t"); strings.HasPrefix(t, "#") {
				from := len(m.text) - len(t)
				to := len(strings.TrimRight(m.text, " \t"))
				out = append(out, feature.SemanticToken{Start: m.base + from, End: m.base + to, Type: tokComment})
				return
			}
		}
		if grammar.Classify(m.text) == grammar.Chat {
			return
		}
		tk := tokenizer{m: m, out: out}
		tk.message(m.parse())
		out = tk.out
	})
	// The parts of a message come in source order, and so do the messages;
	// the sort only guards the promise.
	slices.SortStableFunc(out, func(a, b feature.SemanticToken) int { return a.Start - b.Start })
	kept := out[:0]
	for _, t := range out {
		if t.End <= t.Start || len(kept) > 0 && t.Start < kept[len(kept)-1].End {
			continue
		}
		kept = append(kept, t)
	}
	return kept
}

type tokenizer struct {
	m   *message
	out []feature.SemanticToken
}

// add emits the token of the message's bytes [from, to), in the pieces
// between its dynamic parts, which belong to the host language.
func (tk *tokenizer) add(from, to int, typ string, mods ...string) {
	text := tk.m.text
	for from < to {
		i := strings.IndexRune(text[from:to], ast.Placeholder)
		if i < 0 {
			i = to - from
		}
		// Blanks next to a dynamic part belong to the text around it.
		piece := text[from : from+i]
		lead := len(piece) - len(strings.TrimLeft(piece, " \t"))
		if trail := len(strings.TrimRight(piece, " \t")); trail > lead {
			tk.out = append(tk.out, feature.SemanticToken{
				Start: tk.m.start(from + lead), End: tk.m.end(from + trail), Type: typ, Modifiers: mods,
			})
		}
		from += i + len(string(ast.Placeholder))
	}
}

func (tk *tokenizer) node(n ast.Node, typ string, mods ...string) {
	if n != nil && n.Pos().IsValid() {
		tk.add(n.Pos().Offset, n.End().Offset, typ, mods...)
	}
}

func (tk *tokenizer) prefix(p *ast.Prefix) {
	if p == nil {
		return
	}
	from := p.Pos().Offset + len(p.Text) - len(strings.TrimLeft(p.Text, " \t"))
	if p.Exact() {
		tk.add(from, p.End().Offset, tokPrefix)
	} else {
		tk.add(from, p.End().Offset, tokPrefix, modNearMiss)
	}
}

func (tk *tokenizer) verb(m ast.Message) {
	if from, to, ok := ast.VerbSpan(m); ok {
		tk.add(from.Offset, to.Offset, tokVerb)
	}
}

func (tk *tokenizer) id(id *ast.ObjectID) {
	if id != nil {
		tk.node(id, tokID)
	}
}

func (tk *tokenizer) text(t *ast.Text) {
	if t != nil {
		tk.node(t, tokValue)
	}
}

func (tk *tokenizer) message(msg ast.Message) {
	switch m := msg.(type) {
	case *ast.Chat:
		if m.Intended != nil {
			tk.message(m.Intended)
		}
	case *ast.Invalid:
		tk.prefix(m.Prefix)
	case *ast.Field:
		tk.prefix(m.Prefix)
		tk.verb(m)
		if m.Name != nil {
			if m.Name.Name == "location" {
				tk.node(m.Name, tokField, modBuiltin)
			} else {
				tk.node(m.Name, tokField)
			}
		}
		switch v := m.Value.(type) {
		case *ast.Text:
			tk.text(v)
		case *ast.Location:
			tk.id(v.Org)
			if v.Hash.IsValid() {
				tk.add(v.Hash.Offset, v.Hash.Offset+1, tokHash)
			}
			tk.id(v.Dept)
		}
		tk.text(m.Extra)
	case *ast.Form:
		tk.prefix(m.Prefix)
		tk.verb(m)
		tk.id(m.Form)
		tk.text(m.Extra)
	case *ast.Set:
		tk.prefix(m.Prefix)
		tk.verb(m)
		if m.Name != nil {
			if m.Reserved() {
				tk.node(m.Name, tokReserved)
			} else {
				tk.node(m.Name, tokVariable)
			}
		}
		tk.text(m.Value)
	case *ast.Assign:
		tk.prefix(m.Prefix)
		tk.verb(m)
		tk.id(m.Target)
		tk.text(m.Extra)
	case *ast.Notify:
		tk.prefix(m.Prefix)
		tk.verb(m)
		tk.id(m.Inbox)
		tk.text(m.Extra)
	case *ast.Mention:
		tk.prefix(m.Prefix)
		tk.verb(m)
		tk.id(m.Target)
		tk.text(m.Text)
	}
}
