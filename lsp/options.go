package lsp

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// Options configures a server. Every function is optional: a server without
// Analyze publishes no diagnostics and offers no code actions, one without
// Format offers no formatting, and so on.
//
// The functions are called concurrently, for different documents and for
// different versions of one document, and must not modify the text they are
// given.
type Options struct {
	// Version is reported to the client in serverInfo.
	Version string

	// Logger receives the server's logs. Nil logs text to stderr; stdout belongs
	// to the protocol.
	Logger *slog.Logger

	// ClientProcessID is the client's process, as editors pass it on the
	// command line (--clientProcessId); the server stops when it exits, as it
	// does for the processId of initialize. Zero watches none.
	ClientProcessID int

	// Debounce is how long the server waits after the last change to a document
	// before analysing it. Zero means 50ms.
	Debounce time.Duration

	// Analyze reports the findings in one document. languageID is an editor
	// id of a language of host.Languages ("cscmd", "javascript", "html", …),
	// from the client's language id or else the file's extension (the first id
	// of its language). ctx is cancelled when the result
	// is no longer wanted, usually because the document changed.
	Analyze func(ctx context.Context, uri, languageID string, text []byte) []Finding

	// Format returns the canonical form of a cscmd document. It is never called
	// for host languages.
	Format func(uri, languageID string, text []byte) ([]byte, error)

	// Complete returns the completion candidates at a byte offset.
	Complete func(ctx context.Context, uri, languageID string, text []byte, offset int) []Completion

	// Hover describes what is at a byte offset; nil when there is nothing to
	// say.
	Hover func(ctx context.Context, uri, languageID string, text []byte, offset int) *Hover

	// InlayHints returns the hints to show in the byte range [start, end].
	InlayHints func(ctx context.Context, uri, languageID string, text []byte, start, end int) []InlayHint

	// SemanticTokens returns the semantic tokens of a document, in order and
	// not overlapping, named from SemanticTokenTypes and
	// SemanticTokenModifiers.
	SemanticTokens func(ctx context.Context, uri, languageID string, text []byte) []SemanticToken

	// Symbols returns the symbols of a document, in order.
	Symbols func(ctx context.Context, uri, languageID string, text []byte) []Symbol

	// Closed is told that the client closed a document, so that what the
	// analysis keeps for it can go.
	Closed func(uri string)

	// Reload reloads the configuration of the given workspace folders (file
	// system paths). The server calls it once after the client's initialized
	// notification, and again whenever a .cscmd.yaml file is saved, created,
	// changed or deleted; then it analyses every open document again.
	//
	// A returned *ConfigError, or several joined with errors.Join, is shown as a
	// diagnostic on its file; any error is also shown in a message window.
	Reload func(ctx context.Context, workspaceFolders []string) error
}

func (o *Options) debounce() time.Duration {
	if o.Debounce <= 0 {
		return 50 * time.Millisecond
	}
	return o.Debounce
}

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
