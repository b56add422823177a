package lsp

import (
	"context"
	"github.com/web1on1/cscmd/lsp/feature"
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

// The features' types live in package feature, which imports nothing of
// the protocol, so that package ide — and the WebAssembly build, which has
// no server — does not link the protocol's and JSON-RPC's packages.
type (
	Finding       = feature.Finding
	Fix           = feature.Fix
	Edit          = feature.Edit
	Completion    = feature.Completion
	Hover         = feature.Hover
	InlayHint     = feature.InlayHint
	SemanticToken = feature.SemanticToken
	Symbol        = feature.Symbol
	ConfigError   = feature.ConfigError
)

// Severities of a Finding, as in the protocol.
const (
	SeverityError   = feature.SeverityError
	SeverityWarning = feature.SeverityWarning
	SeverityInfo    = feature.SeverityInfo
	SeverityHint    = feature.SeverityHint
)
