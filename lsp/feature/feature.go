// Package feature holds the language features' types that package ide
// computes and package lsp serves — findings, fixes, completion, hover,
// inlay hints, semantic tokens, symbols — and the protocol's constants ide
// names them with. It imports nothing of the protocol: ide, and through it
// the WebAssembly build, which serves no protocol, stays small (importing
// go.lsp.dev/protocol alone added 0.75 MB, gzipped, to cscmd.wasm).
// Package lsp aliases every type, so either name may be used.
package feature

import "fmt"

// Severities of a Finding, as in the protocol.
const (
	SeverityError = 1 + iota
	SeverityWarning
	SeverityInfo
	SeverityHint
)

// Finding is one problem in a document. Offsets are byte offsets into the text
// given to Analyze; End is exclusive.
type Finding struct {
	Start, End int
	Severity   int    // SeverityError … SeverityHint; anything else is an error
	Code       string // rule id
	Message    string
	Href       string // link to the rule's documentation
	Fixes      []Fix
}

// Fix is one way to resolve a Finding: a set of edits applied together. A
// preferred fix is what a quick fix applies by default and what "fix all"
// applies; at most one fix of a finding should be preferred.
type Fix struct {
	Title     string
	Edits     []Edit
	Preferred bool
}

// Edit replaces the bytes [Start, End) of the text with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// Completion is one completion candidate.
type Completion struct {
	Label         string
	Detail        string // shown next to the label, such as an object id's catalog name
	Documentation string // Markdown
	Kind          int    // the protocol's CompletionItemKind; zero leaves it out
	// FilterText is what clients match the typed text against, when that is
	// not the label: a catalog entry labelled by name but inserting its id
	// carries both, so that typing either keeps it.
	FilterText string
	// Edit replaces the text around the cursor; it must lie on the cursor's line
	// and contain the cursor. Nil inserts Label at the cursor.
	Edit *Edit
}

// Hover is what hover shows: Markdown about the bytes [Start, End), which
// the client highlights; Start == End highlights nothing.
type Hover struct {
	Markdown   string
	Start, End int
}

// InlayHint is a label shown between the characters of a line, before the
// byte at Offset.
type InlayHint struct {
	Offset      int
	Label       string
	PaddingLeft bool // a space between the text before and the label
}

// SemanticToken gives the bytes [Start, End) a type and modifiers for
// highlighting. A token that spans lines is sent as one per line.
type SemanticToken struct {
	Start, End int
	Type       string   // one of SemanticTokenTypes; another drops the token
	Modifiers  []string // from SemanticTokenModifiers; others are ignored
}

// Symbol is one entry of a document's outline. Start and End span the whole
// construct; SelStart and SelEnd, inside them, the part to reveal when it is
// picked, such as its name or verb.
type Symbol struct {
	Name, Detail     string
	Kind             int // the protocol's SymbolKind; zero is Null
	Start, End       int
	SelStart, SelEnd int
}

// ConfigError is an error at a known place in a configuration file.
type ConfigError struct {
	Path    string // absolute file system path of the configuration file
	Line    int    // 1-based; zero when unknown
	Column  int    // 1-based, in Unicode code points as the CLI prints; zero when unknown
	Message string
}

func (e *ConfigError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Message)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Message)
}

// The legend of semantic tokens: the protocol's predefined types and
// modifiers, which every theme colours. They must not be modified.
var (
	SemanticTokenTypes = []string{
		"namespace", "type", "class", "enum", "interface", "struct", "typeParameter",
		"parameter", "variable", "property", "enumMember", "event", "function", "method",
		"macro", "keyword", "modifier", "comment", "string", "number", "regexp", "operator",
		"decorator", "label",
	}
	SemanticTokenModifiers = []string{
		"declaration", "definition", "readonly", "static", "deprecated", "abstract",
		"async", "modification", "documentation", "defaultLibrary",
	}
)

// The semantic token types and modifiers that package ide uses, by the
// protocol's names.
const (
	SemanticTokenTypesComment            = "comment"
	SemanticTokenTypesEnumMember         = "enumMember"
	SemanticTokenTypesKeyword            = "keyword"
	SemanticTokenTypesMacro              = "macro"
	SemanticTokenTypesNumber             = "number"
	SemanticTokenTypesOperator           = "operator"
	SemanticTokenTypesProperty           = "property"
	SemanticTokenTypesString             = "string"
	SemanticTokenTypesVariable           = "variable"
	SemanticTokenModifiersDefaultLibrary = "defaultLibrary"
	SemanticTokenModifiersDeprecated     = "deprecated"
)

// CompletionItemKind is the protocol's kind of a completion item.
type CompletionItemKind int

// The completion item kinds that package ide uses, with the protocol's
// values.
const (
	CompletionItemKindField      CompletionItemKind = 5
	CompletionItemKindVariable   CompletionItemKind = 6
	CompletionItemKindKeyword    CompletionItemKind = 14
	CompletionItemKindReference  CompletionItemKind = 18
	CompletionItemKindEnumMember CompletionItemKind = 20
)

// SymbolKind is the protocol's kind of a document symbol.
type SymbolKind int

// The symbol kinds that package ide uses, with the protocol's values.
const (
	SymbolKindField      SymbolKind = 8
	SymbolKindFunction   SymbolKind = 12
	SymbolKindVariable   SymbolKind = 13
	SymbolKindObject     SymbolKind = 19
	SymbolKindNull       SymbolKind = 21
	SymbolKindEnumMember SymbolKind = 22
	SymbolKindEvent      SymbolKind = 24
)
