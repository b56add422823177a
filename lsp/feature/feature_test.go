package feature

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.lsp.dev/protocol"
)

// The constants are written out so that this package does not import the
// protocol; here they are checked against it.
func TestConstantsAreTheProtocols(t *testing.T) {
	tests := []struct {
		name      string
		got, want any
	}{
		{"completion field", int(CompletionItemKindField), int(protocol.CompletionItemKindField)},
		{"completion variable", int(CompletionItemKindVariable), int(protocol.CompletionItemKindVariable)},
		{"completion keyword", int(CompletionItemKindKeyword), int(protocol.CompletionItemKindKeyword)},
		{"completion reference", int(CompletionItemKindReference), int(protocol.CompletionItemKindReference)},
		{"completion enum member", int(CompletionItemKindEnumMember), int(protocol.CompletionItemKindEnumMember)},
		{"symbol field", int(SymbolKindField), int(protocol.SymbolKindField)},
		{"symbol function", int(SymbolKindFunction), int(protocol.SymbolKindFunction)},
		{"symbol variable", int(SymbolKindVariable), int(protocol.SymbolKindVariable)},
		{"symbol object", int(SymbolKindObject), int(protocol.SymbolKindObject)},
		{"symbol null", int(SymbolKindNull), int(protocol.SymbolKindNull)},
		{"symbol enum member", int(SymbolKindEnumMember), int(protocol.SymbolKindEnumMember)},
		{"symbol event", int(SymbolKindEvent), int(protocol.SymbolKindEvent)},
		{"token comment", SemanticTokenTypesComment, string(protocol.SemanticTokenTypesComment)},
		{"token enum member", SemanticTokenTypesEnumMember, string(protocol.SemanticTokenTypesEnumMember)},
		{"token keyword", SemanticTokenTypesKeyword, string(protocol.SemanticTokenTypesKeyword)},
		{"token macro", SemanticTokenTypesMacro, string(protocol.SemanticTokenTypesMacro)},
		{"token number", SemanticTokenTypesNumber, string(protocol.SemanticTokenTypesNumber)},
		{"token operator", SemanticTokenTypesOperator, string(protocol.SemanticTokenTypesOperator)},
		{"token property", SemanticTokenTypesProperty, string(protocol.SemanticTokenTypesProperty)},
		{"token string", SemanticTokenTypesString, string(protocol.SemanticTokenTypesString)},
		{"token variable", SemanticTokenTypesVariable, string(protocol.SemanticTokenTypesVariable)},
		{"modifier default library", SemanticTokenModifiersDefaultLibrary, string(protocol.SemanticTokenModifiersDefaultLibrary)},
		{"modifier deprecated", SemanticTokenModifiersDeprecated, string(protocol.SemanticTokenModifiersDeprecated)},
		{"severity error", SeverityError, int(protocol.DiagnosticSeverityError)},
		{"severity hint", SeverityHint, int(protocol.DiagnosticSeverityHint)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, tt.got) })
	}
}
