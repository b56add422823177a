package lsp_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/lsp"
)

// fakeInlayHints names each "ID" in the byte range after it, and reports
// the range it was asked for as a hint at its start; an empty label and an
// offset past the end test what the server drops.
func fakeInlayHints(_ context.Context, _, _ string, text []byte, start, end int) []lsp.InlayHint {
	hints := []lsp.InlayHint{{Offset: start, Label: "from"}, {Offset: end, Label: ""}, {Offset: len(text) + 1, Label: "past"}}
	for i := start; ; {
		j := bytes.Index(text[i:end], []byte("ID"))
		if j < 0 {
			return hints
		}
		i += j + 2
		hints = append(hints, lsp.InlayHint{Offset: i, Label: "‹Jane Doe›", PaddingLeft: true})
	}
}

func TestInlayHints(t *testing.T) {
	c := start(t, lsp.Options{InlayHints: fakeInlayHints})
	assert.Equal(t, protocol.Boolean(true), c.initialize(nil).Capabilities.InlayHintProvider)
	u := fileURI("hints.cscmd")
	c.open(u, "cscmd", ">cs @ID hi\n>cs .city Zürich 😀 ID\n>cs /assign ID\n")

	var hints []protocol.InlayHint
	c.mustCall(protocol.MethodTextDocumentInlayHint, &protocol.InlayHintParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: rng(1, 0, 2, 14),
	}, &hints)
	padded := new(true)
	assert.Equal(t, []protocol.InlayHint{
		{Position: pos(1, 0), Label: protocol.String("from")},
		// "ü" is one UTF-16 unit and "😀" two.
		{Position: pos(1, 22), Label: protocol.String("‹Jane Doe›"), PaddingLeft: padded},
		{Position: pos(2, 14), Label: protocol.String("‹Jane Doe›"), PaddingLeft: padded},
	}, hints)

	err := c.call(protocol.MethodTextDocumentInlayHint, &protocol.InlayHintParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: rng(2, 0, 1, 0),
	}, &hints)
	assertCode(t, jsonrpc2.InvalidParams, err)
}
