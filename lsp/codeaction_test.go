package lsp_test

import (
	"cmp"
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/web1on1/cscmd/linemap"
	"github.com/web1on1/cscmd/lsp"
)

func codeActions(t *testing.T, c *client, u uri.URI, r protocol.Range, only ...protocol.CodeActionKind) []*protocol.CodeAction {
	t.Helper()
	var result []protocol.CommandOrCodeAction
	c.mustCall(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        r,
		Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{}, Only: only},
	}, &result)
	var actions []*protocol.CodeAction
	for _, a := range result {
		action, ok := a.(*protocol.CodeAction)
		require.True(t, ok, "%T", a)
		actions = append(actions, action)
	}
	return actions
}

func TestQuickFix(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("fix.cscmd")
	c.open(u, "cscmd", ">cs .brand 😀BAD\n>cs BAD\n")
	published := c.waitVersion(u, 1)

	actions := codeActions(t, c, u, rng(0, 13, 0, 13), protocol.CodeActionKindQuickFix)
	require.Len(t, actions, 2)
	replaceFix, deleteFix := actions[0], actions[1]

	assert.Equal(t, `replace with "GOOD"`, replaceFix.Title)
	assert.Equal(t, protocol.CodeActionKindQuickFix, *replaceFix.Kind)
	require.NotNil(t, replaceFix.IsPreferred)
	assert.True(t, *replaceFix.IsPreferred)
	assert.Equal(t, []protocol.Diagnostic{published.Diagnostics[0]}, replaceFix.Diagnostics, "linked to the published diagnostic")
	assert.Equal(t, map[uri.URI][]protocol.TextEdit{u: {{Range: rng(0, 13, 0, 16), NewText: "GOOD"}}}, replaceFix.Edit.Changes)

	assert.Equal(t, `delete "BAD"`, deleteFix.Title)
	assert.Nil(t, deleteFix.IsPreferred)
	assert.Equal(t, []protocol.TextEdit{{Range: rng(0, 13, 0, 16), NewText: ""}}, deleteFix.Edit.Changes[u])

	assert.Empty(t, codeActions(t, c, u, rng(0, 0, 0, 3), protocol.CodeActionKindQuickFix), "no finding there")
	assert.Len(t, codeActions(t, c, u, rng(0, 0, 1, 0), protocol.CodeActionKindQuickFix), 2, "a range touching the finding")
	assert.Len(t, codeActions(t, c, u, rng(0, 0, 2, 0), protocol.CodeActionKindQuickFix), 4, "a range over both findings")
	assert.Empty(t, codeActions(t, c, u, rng(0, 13, 0, 13), protocol.CodeActionKindRefactor), "only refactorings")
}

func TestFixAll(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("fixall.cscmd")
	text := "BAD\r\n>cs Ü BAD x BAD\n😀BAD"
	c.open(u, "cscmd", text)

	for _, only := range [][]protocol.CodeActionKind{{protocol.CodeActionKindSourceFixAll}, {protocol.CodeActionKindSource}} {
		actions := codeActions(t, c, u, rng(0, 0, 0, 0), only...)
		require.Len(t, actions, 1, "only %v", only)
		fixAll := actions[0]
		assert.Equal(t, protocol.CodeActionKindSourceFixAll, *fixAll.Kind)
		assert.Equal(t, "GOOD\r\n>cs Ü GOOD x GOOD\n😀GOOD", apply(t, text, fixAll.Edit.Changes[u], linemap.UTF16))
	}

	// Without a restriction, both kinds are offered.
	actions := codeActions(t, c, u, rng(0, 0, 0, 0))
	require.Len(t, actions, 3)
	assert.Equal(t, protocol.CodeActionKindSourceFixAll, *actions[2].Kind)
}

func TestFixAllSkipsConflicts(t *testing.T) {
	opts := fakeOptions()
	opts.Analyze = func(context.Context, string, string, []byte) []lsp.Finding {
		fix := func(start, end int, s string) []lsp.Fix {
			return []lsp.Fix{{Title: s, Edits: []lsp.Edit{{Start: start, End: end, NewText: s}}, Preferred: true}}
		}
		return []lsp.Finding{
			{Start: 0, End: 3, Message: "a", Fixes: fix(0, 3, "A")},
			{Start: 2, End: 5, Message: "overlaps a", Fixes: fix(2, 5, "B")},
			{Start: 6, End: 7, Message: "c", Fixes: fix(6, 7, "C")},
			{Start: 7, End: 8, Message: "out of range", Fixes: fix(7, 99, "D")},
			{Start: 8, End: 9, Message: "not preferred", Fixes: []lsp.Fix{{Title: "E", Edits: []lsp.Edit{{Start: 8, End: 9, NewText: "E"}}}}},
		}
	}
	c := start(t, opts)
	c.initialize(nil)
	u := fileURI("conflict.cscmd")
	text := "abcdefghij"
	c.open(u, "cscmd", text)
	actions := codeActions(t, c, u, rng(0, 0, 0, 0), protocol.CodeActionKindSourceFixAll)
	require.Len(t, actions, 1)
	assert.Equal(t, "AdefChij", apply(t, text, actions[0].Edit.Changes[u], linemap.UTF16))

	// The quick fix with a bad edit is left out, the others are there.
	quick := codeActions(t, c, u, rng(0, 0, 0, 10), protocol.CodeActionKindQuickFix)
	var titles []string
	for _, a := range quick {
		titles = append(titles, a.Title)
	}
	assert.Equal(t, []string{"A", "B", "C", "E"}, titles)
}

func TestCodeActionUnknownDocument(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	assert.Empty(t, codeActions(t, c, fileURI("nowhere.cscmd"), rng(0, 0, 0, 0)))
}

// apply applies non-overlapping LSP edits to text, as an editor does.
func apply(t *testing.T, text string, edits []protocol.TextEdit, unit linemap.Unit) string {
	t.Helper()
	m := linemap.New([]byte(text))
	type span struct {
		start, end int
		s          string
	}
	var spans []span
	for _, e := range edits {
		start, err := m.Offset(int(e.Range.Start.Line), int(e.Range.Start.Character), unit)
		require.NoError(t, err)
		end, err := m.Offset(int(e.Range.End.Line), int(e.Range.End.Character), unit)
		require.NoError(t, err)
		spans = append(spans, span{start, end, e.NewText})
	}
	// Apply from the end so earlier offsets stay valid.
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	out := text
	for i := len(spans) - 1; i >= 0; i-- {
		sp := spans[i]
		out = out[:sp.start] + sp.s + out[sp.end:]
	}
	return out
}
