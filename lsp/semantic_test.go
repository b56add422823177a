package lsp_test

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/lsp"
)

// semanticText has multi-byte characters before its tokens and a CRLF line
// break inside one: "é" is 2 bytes and 1 UTF-16 unit, "😀" 4 bytes and 2
// units.
const semanticText = "é😀 >cs /set\nab\r\ncd\n"

// fakeSemanticTokens returns tokens out of order, one overlapping another,
// one of an unknown type and one spanning lines.
func fakeSemanticTokens(context.Context, string, string, []byte) []lsp.SemanticToken {
	return []lsp.SemanticToken{
		{Start: 11, End: 15, Type: "keyword"},
		{Start: 7, End: 10, Type: "macro", Modifiers: []string{"deprecated", "defaultLibrary", "bogus"}},
		{Start: 8, End: 12, Type: "string"},
		{Start: 16, End: 22, Type: "comment"},
		{Start: 0, End: 2, Type: "bogus"},
		{Start: 2, End: 6, Type: "number"},
	}
}

func TestSemanticTokens(t *testing.T) {
	typ := func(name string) uint32 { return uint32(slices.Index(lsp.SemanticTokenTypes, name)) }
	mod := func(name string) uint32 { return 1 << slices.Index(lsp.SemanticTokenModifiers, name) }
	for _, tt := range []struct {
		name   string
		params *protocol.InitializeParams
		want   []uint32
	}{
		{"utf-16", nil, []uint32{
			0, 1, 2, typ("number"), 0,
			0, 3, 3, typ("macro"), mod("deprecated") | mod("defaultLibrary"),
			0, 4, 4, typ("keyword"), 0,
			1, 0, 2, typ("comment"), 0,
			1, 0, 2, typ("comment"), 0,
		}},
		{"utf-8", utf8Params(), []uint32{
			0, 2, 4, typ("number"), 0,
			0, 5, 3, typ("macro"), mod("deprecated") | mod("defaultLibrary"),
			0, 4, 4, typ("keyword"), 0,
			1, 0, 2, typ("comment"), 0,
			1, 0, 2, typ("comment"), 0,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, lsp.Options{SemanticTokens: fakeSemanticTokens})
			opts, ok := c.initialize(tt.params).Capabilities.SemanticTokensProvider.(*protocol.SemanticTokensOptions)
			require.True(t, ok)
			assert.Equal(t, lsp.SemanticTokenTypes, opts.Legend.TokenTypes)
			assert.Equal(t, lsp.SemanticTokenModifiers, opts.Legend.TokenModifiers)
			assert.Equal(t, protocol.Boolean(true), opts.Full)

			u := fileURI("tokens.cscmd")
			c.open(u, "cscmd", semanticText)
			var got protocol.SemanticTokens
			c.mustCall(protocol.MethodTextDocumentSemanticTokensFull, &protocol.SemanticTokensParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: u},
			}, &got)
			assert.Equal(t, tt.want, got.Data)
		})
	}
}

// The legend is the protocol's predefined set, which themes colour.
func TestSemanticTokenLegend(t *testing.T) {
	for _, name := range []protocol.SemanticTokenTypes{
		protocol.SemanticTokenTypesMacro, protocol.SemanticTokenTypesKeyword, protocol.SemanticTokenTypesProperty,
		protocol.SemanticTokenTypesVariable, protocol.SemanticTokenTypesEnumMember, protocol.SemanticTokenTypesNumber,
		protocol.SemanticTokenTypesOperator, protocol.SemanticTokenTypesString, protocol.SemanticTokenTypesComment,
	} {
		assert.Contains(t, lsp.SemanticTokenTypes, string(name))
	}
	assert.Contains(t, lsp.SemanticTokenModifiers, string(protocol.SemanticTokenModifiersDeprecated))
	assert.LessOrEqual(t, len(lsp.SemanticTokenModifiers), 32, "modifiers are bits of a uint32")
}
