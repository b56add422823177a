package lsp_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/lsp"
)

// wordAt returns the run of bytes other than spaces and line breaks around
// offset.
func wordAt(text []byte, offset int) (int, int) {
	start, end := offset, offset
	for start > 0 && !bytes.ContainsAny(text[start-1:start], " \r\n") {
		start--
	}
	for end < len(text) && !bytes.ContainsAny(text[end:end+1], " \r\n") {
		end++
	}
	return start, end
}

// fakeHover describes the word under the cursor by its byte offsets, so
// that a test sees the offset the server computed.
func fakeHover(_ context.Context, _, languageID string, text []byte, offset int) *lsp.Hover {
	start, end := wordAt(text, offset)
	if start == end {
		return nil
	}
	return &lsp.Hover{Markdown: "**" + string(text[start:end]) + "** in " + languageID, Start: start, End: end}
}

func hoverAt(t *testing.T, c *client, params *protocol.HoverParams) *protocol.Hover {
	t.Helper()
	var h *protocol.Hover
	c.mustCall(protocol.MethodTextDocumentHover, params, &h)
	return h
}

func hoverParams(c *client, line, char uint32) *protocol.HoverParams {
	return &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: fileURI("hover.cscmd")}, Position: pos(line, char),
	}}
}

func TestHover(t *testing.T) {
	for _, tt := range []struct {
		name   string
		params *protocol.InitializeParams
		at     protocol.Position
		want   protocol.Range
	}{
		// "é😀" is 2 UTF-16 units and 6 bytes before the space.
		{"utf-16", nil, pos(1, 6), rng(1, 4, 1, 11)},
		{"utf-8", utf8Params(), pos(1, 9), rng(1, 7, 1, 14)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, lsp.Options{Hover: fakeHover})
			caps := c.initialize(tt.params).Capabilities
			assert.Equal(t, protocol.Boolean(true), caps.HoverProvider)
			c.open(fileURI("hover.cscmd"), "cscmd", ">cs /notify\n\u00e9😀 /assign x\n")

			h := hoverAt(t, c, hoverParams(c, tt.at.Line, tt.at.Character))
			require.NotNil(t, h)
			assert.Equal(t, &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: "**/assign** in cscmd"}, h.Contents)
			require.NotNil(t, h.Range)
			assert.Equal(t, tt.want, *h.Range)

			assert.Nil(t, hoverAt(t, c, hoverParams(c, 2, 0)), "nothing to say is null")
			assertCode(t, jsonrpc2.InvalidParams, c.call(protocol.MethodTextDocumentHover, hoverParams(c, 7, 0), nil))
		})
	}
}

func TestHoverWithoutHook(t *testing.T) {
	c := start(t, lsp.Options{Complete: func(context.Context, string, string, []byte, int) []lsp.Completion { return nil }})
	caps := c.initialize(nil).Capabilities
	assert.Nil(t, caps.HoverProvider)
	assert.Nil(t, caps.InlayHintProvider)
	assert.Nil(t, caps.SemanticTokensProvider)
	assert.Nil(t, caps.DocumentSymbolProvider)
	for _, method := range []string{
		protocol.MethodTextDocumentHover, protocol.MethodTextDocumentInlayHint,
		protocol.MethodTextDocumentSemanticTokensFull, protocol.MethodTextDocumentDocumentSymbol,
	} {
		assertCode(t, jsonrpc2.MethodNotFound, c.call(method, map[string]any{"textDocument": map[string]string{"uri": "file:///x"}}, nil))
	}
}
