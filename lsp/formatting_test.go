package lsp_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/web1on1/cscmd/linemap"
	"github.com/web1on1/cscmd/lsp/internal/fake"
)

func format(c *client, u uri.URI) ([]protocol.TextEdit, error) {
	var edits []protocol.TextEdit
	err := c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Options:      protocol.FormattingOptions{TabSize: 4, InsertSpaces: true},
	}, &edits)
	return edits, err
}

func TestFormatting(t *testing.T) {
	tests := []struct {
		name, text string
		want       []protocol.TextEdit
	}{
		{
			name: "one minimal edit",
			text: ">cs /set isLead yes\n>cs  /set   @category  Used Car  \n>cs /notify\n",
			want: []protocol.TextEdit{{Range: rng(1, 4, 1, 33), NewText: "/set @category Used Car"}},
		},
		{
			name: "edit after multi-byte text in utf-16",
			text: ">cs .brand Škoda 😀  x\n",
			want: []protocol.TextEdit{{Range: rng(0, 20, 0, 21), NewText: ""}},
		},
		{
			name: "trailing space before CRLF",
			text: ">cs /notify \r\n>cs /notify\r\n",
			want: []protocol.TextEdit{{Range: rng(0, 11, 0, 12), NewText: ""}},
		},
		{
			name: "already formatted",
			text: ">cs /notify\n",
			want: []protocol.TextEdit{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, fakeOptions())
			c.initialize(nil)
			u := fileURI("format.cscmd")
			c.open(u, "cscmd", tt.text)
			edits, err := format(c, u)
			require.NoError(t, err)
			assert.Equal(t, tt.want, edits)
			want, err := fake.Format("", "", []byte(tt.text))
			require.NoError(t, err)
			assert.Equal(t, string(want), apply(t, tt.text, edits, linemap.UTF16))
		})
	}
}

func TestFormattingUTF8(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(utf8Params())
	u := fileURI("format.cscmd")
	text := ">cs .brand Škoda 😀  x\n"
	c.open(u, "cscmd", text)
	edits, err := format(c, u)
	require.NoError(t, err)
	assert.Equal(t, []protocol.TextEdit{{Range: rng(0, 23, 0, 24), NewText: ""}}, edits)
	assert.Equal(t, ">cs .brand Škoda 😀 x\n", apply(t, text, edits, linemap.Bytes))
}

func TestFormattingOnlyCommandFiles(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("page.html")
	c.open(u, "html", "<p>  spaced  </p>\n")
	edits, err := format(c, u)
	require.NoError(t, err)
	assert.Empty(t, edits)
}

func TestFormattingError(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("broken.cscmd")
	c.open(u, "cscmd", ">cs UNFORMATTABLE\n")
	_, err := format(c, u)
	assertCode(t, jsonrpc2.Code(protocol.LSPErrorCodesRequestFailed), err)
	assert.ErrorContains(t, err, "unformattable")
}

func TestCompletion(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("complete.cscmd")
	c.open(u, "cscmd", "😀\n>cs /se")
	var result protocol.CompletionResult
	c.mustCall(protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{
		TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: pos(1, 7)},
	}, &result)
	items, ok := result.(protocol.CompletionItemSlice)
	require.True(t, ok, "%T", result)
	require.Len(t, items, 3)
	set := items[2]
	assert.Equal(t, "/set", set.Label)
	assert.Equal(t, &protocol.TextEdit{Range: rng(1, 4, 1, 7), NewText: "/set"}, set.TextEdit)
	detail, _ := set.Detail.Get()
	assert.Equal(t, "command", detail)
	assert.Equal(t, &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: "the `/set` command"}, set.Documentation)
	assert.Equal(t, protocol.CompletionItemKindKeyword, set.Kind)

	err := c.call(protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{
		TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: pos(9, 0)},
	}, &result)
	assertCode(t, jsonrpc2.InvalidParams, err)
}
