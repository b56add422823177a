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

	// Debounce is how long the server waits after the last change to a document
	// before analysing it. Zero means 50ms.
	Debounce time.Duration

	// Analyze reports the findings in one document. languageID is "cscmd" or a
	// host language: "javascript", "javascriptreact", "typescript",
	// "typescriptreact", "html", "json", "jsonc" or "yaml", from the client's
	// language id or else the file's extension. ctx is cancelled when the result
	// is no longer wanted, usually because the document changed.
	Analyze func(ctx context.Context, uri, languageID string, text []byte) []Finding

	// Format returns the canonical form of a cscmd document. It is never called
	// for host languages.
	Format func(uri, languageID string, text []byte) ([]byte, error)

	// Complete returns the completion candidates at a byte offset.
	Complete func(ctx context.Context, uri, languageID string, text []byte, offset int) []Completion

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
	// Edit replaces the text around the cursor; it must lie on the cursor's line
	// and contain the cursor. Nil inserts Label at the cursor.
	Edit *Edit
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
