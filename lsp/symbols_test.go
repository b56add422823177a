package lsp_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/lsp"
)

// symbolsText has a multi-byte character before the second command: "ü" is
// 2 bytes and 1 UTF-16 unit.
const symbolsText = ">cs /notify\n>cs .city Zürich\n"

func fakeSymbols(context.Context, string, string, []byte) []lsp.Symbol {
	return []lsp.Symbol{
		{Name: "notify all", Kind: int(protocol.SymbolKindEvent), Start: 0, End: 11, SelStart: 4, SelEnd: 11},
		{Name: " ", Start: 0, End: 3},
		// A selection outside the range is pulled into it; zero is Null.
		{Name: "city Zürich", Detail: "field", Start: 12, End: 28, SelStart: 10, SelEnd: 17},
	}
}

func TestDocumentSymbols(t *testing.T) {
	for _, tt := range []struct {
		name   string
		params *protocol.InitializeParams
		end    uint32
	}{
		{"utf-16", nil, 15},
		{"utf-8", utf8Params(), 16},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, lsp.Options{Symbols: fakeSymbols})
			assert.Equal(t, protocol.Boolean(true), c.initialize(tt.params).Capabilities.DocumentSymbolProvider)
			u := fileURI("symbols.cscmd")
			c.open(u, "cscmd", symbolsText)
			var got []protocol.DocumentSymbol
			c.mustCall(protocol.MethodTextDocumentDocumentSymbol, &protocol.DocumentSymbolParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: u},
			}, &got)
			assert.Equal(t, []protocol.DocumentSymbol{
				{Name: "notify all", Kind: protocol.SymbolKindEvent, Range: rng(0, 0, 0, 11), SelectionRange: rng(0, 4, 0, 11)},
				{Name: "city Zürich", Detail: new("field"), Kind: protocol.SymbolKindNull, Range: rng(1, 0, 1, tt.end), SelectionRange: rng(1, 0, 1, 5)},
			}, got)
		})
	}
}
