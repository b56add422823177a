// Package lsp is the cscmd language server.
//
// The server holds no knowledge of the >cs language: it keeps the open
// documents in sync with the editor, converts between byte offsets and protocol
// positions, and calls the pure functions given in Options (Analyze, Format,
// Complete, Hover, InlayHints, SemanticTokens, Symbols, Reload, Closed) for
// everything else; package ide provides them for cscmd.
//
// # Messages
//
// Notifications run one at a time on the connection's read loop, in the order
// they arrive, so document changes apply in order and a request always sees the
// changes sent before it. Requests other than initialize and shutdown run
// concurrently; each gets a context that $/cancelRequest cancels, answered
// with RequestCancelled. A panic in a handler answers InternalError and the
// server goes on; a bad notification is logged and dropped.
//
// # Documents
//
// Each open document is a chain of immutable snapshots. Diagnostics are
// computed for the latest snapshot after Options.Debounce without changes and
// published only if the document has not changed since; the findings are kept
// with the snapshot for code actions.
//
// # Adding a feature
//
// A feature is one file: a handler that takes the protocol's params, finds the
// snapshot, converts positions with offsetOf and rangeOf, and calls a function
// from Options; plus a capability function. List the handler in requests
// (dispatch.go) and the capability in capabilities (lifecycle.go).
package lsp
