package lsp_test

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/lsp"
)

func TestInitialize(t *testing.T) {
	c := start(t, fakeOptions())
	res := c.initialize(&protocol.InitializeParams{Capabilities: protocol.ClientCapabilities{
		TextDocument: &protocol.TextDocumentClientCapabilities{CodeAction: &protocol.CodeActionClientCapabilities{
			CodeActionLiteralSupport: protocol.ClientCodeActionLiteralOptions{CodeActionKind: protocol.ClientCodeActionKindOptions{
				ValueSet: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix},
			}},
		}},
	}})

	assert.Equal(t, "cscmd", res.ServerInfo.Name)
	version, _ := res.ServerInfo.Version.Get()
	assert.Equal(t, "v0.0.0-test", version)
	caps := res.Capabilities
	assert.Equal(t, protocol.PositionEncodingKindUTF16, caps.PositionEncoding)

	sync, ok := caps.TextDocumentSync.(*protocol.TextDocumentSyncOptions)
	require.True(t, ok, "textDocumentSync is %T", caps.TextDocumentSync)
	assert.Equal(t, protocol.TextDocumentSyncKindIncremental, *sync.Change)
	assert.True(t, *sync.OpenClose)
	assert.Equal(t, protocol.Boolean(true), sync.Save)

	actions, ok := caps.CodeActionProvider.(*protocol.CodeActionOptions)
	require.True(t, ok, "codeActionProvider is %T", caps.CodeActionProvider)
	assert.Equal(t, []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, protocol.CodeActionKindSourceFixAll}, actions.CodeActionKinds)
	assert.Equal(t, protocol.Boolean(true), caps.DocumentFormattingProvider)
	require.NotNil(t, caps.CompletionProvider)
	assert.Contains(t, caps.CompletionProvider.TriggerCharacters, "/")

	assert.NoError(t, c.shutdown())
}

func TestInitializeWithoutFeatures(t *testing.T) {
	c := start(t, lsp.Options{})
	caps := c.initialize(nil).Capabilities
	assert.Nil(t, caps.CodeActionProvider, "no analysis, no code actions")
	assert.Nil(t, caps.DocumentFormattingProvider)
	assert.Nil(t, caps.CompletionProvider)
	// Plain clients get a plain boolean for code actions.
	c2 := start(t, fakeOptions())
	assert.Equal(t, protocol.Boolean(true), c2.initialize(nil).Capabilities.CodeActionProvider)
}

func TestPositionEncoding(t *testing.T) {
	tests := []struct {
		name    string
		offered []protocol.PositionEncodingKind
		want    protocol.PositionEncodingKind
	}{
		{"none offered", nil, protocol.PositionEncodingKindUTF16},
		{"utf-16 only", []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16}, protocol.PositionEncodingKindUTF16},
		{"utf-8 offered", []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16, protocol.PositionEncodingKindUTF8}, protocol.PositionEncodingKindUTF8},
		{"utf-32 only", []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF32}, protocol.PositionEncodingKindUTF16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, fakeOptions())
			res := c.initialize(&protocol.InitializeParams{Capabilities: protocol.ClientCapabilities{
				General: &protocol.GeneralClientCapabilities{PositionEncodings: tt.offered},
			}})
			assert.Equal(t, tt.want, res.Capabilities.PositionEncoding)
		})
	}
}

func TestRequestBeforeInitialize(t *testing.T) {
	c := start(t, fakeOptions())
	u := fileURI("early.cscmd")
	// Dropped: the server is not initialized yet.
	c.open(u, "cscmd", ">cs BAD\n")
	err := c.call(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, nil)
	assertCode(t, jsonrpc2.ServerNotInitialized, err)
	assertCode(t, jsonrpc2.ServerNotInitialized, c.call(protocol.MethodShutdown, nil, nil))

	c.initialize(nil)
	var edits []protocol.TextEdit
	c.mustCall(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &edits)
	assert.Empty(t, edits, "the early didOpen was dropped")
	assert.Empty(t, c.diagnostics(u))
}

func TestInitializeTwice(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	assertCode(t, jsonrpc2.InvalidRequest, c.call(protocol.MethodInitialize, &protocol.InitializeParams{}, nil))
}

func TestMethodNotFound(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	assertCode(t, jsonrpc2.MethodNotFound, c.call("cscmd/nonsense", nil, nil))
	assertCode(t, jsonrpc2.MethodNotFound, c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{}, nil))
	// Unknown notifications are ignored, and the server goes on.
	c.notify("$/nonsense", map[string]int{"x": 1})
	c.notify(protocol.MethodSetTrace, &protocol.SetTraceParams{Value: protocol.TraceValueVerbose})
	assert.NoError(t, c.shutdown())
}

func TestInvalidParams(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("params.cscmd")
	c.open(u, "cscmd", "BAD\n")

	for name, params := range map[string]any{
		"wrong type":      jsonrpc2.RawMessage(`{"textDocument":5,"range":{},"context":{}}`),
		"not an object":   jsonrpc2.RawMessage(`[1,2]`),
		"missing":         nil,
		"line past end":   &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: rng(0, 0, 7, 0)},
		"negative number": jsonrpc2.RawMessage(`{"textDocument":{"uri":"` + string(u) + `"},"range":{"start":{"line":-1,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}`),
	} {
		t.Run(name, func(t *testing.T) {
			assertCode(t, jsonrpc2.InvalidParams, c.call(protocol.MethodTextDocumentCodeAction, params, nil))
		})
	}

	// A change that cannot be read loses the document (the editor's copy
	// moved on without the server's) until the whole text comes again.
	c.notify(protocol.MethodTextDocumentDidChange, jsonrpc2.RawMessage(`{"textDocument":{"uri":"`+string(u)+`","version":2},"contentChanges":7}`))
	c.change(u, 3, &protocol.TextDocumentContentChangeWholeDocument{Text: "BAD BAD\n"})
	d := c.waitVersion(u, 3)
	assert.Equal(t, []protocol.Range{rng(0, 0, 0, 3), rng(0, 4, 0, 7)}, ranges(d))
}

func TestPanicRecovery(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("panic.cscmd")
	c.open(u, "cscmd", ">cs PANIC\n")

	params := &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: rng(0, 0, 0, 0)}
	assertCode(t, jsonrpc2.InternalError, c.call(protocol.MethodTextDocumentCodeAction, params, nil))
	formatting := &protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}
	assertCode(t, jsonrpc2.InternalError, c.call(protocol.MethodTextDocumentFormatting, formatting, nil))

	// The server still works.
	c.change(u, 2, &protocol.TextDocumentContentChangeWholeDocument{Text: ">cs BAD\n"})
	assert.Len(t, c.waitVersion(u, 2).Diagnostics, 1)
	var actions []protocol.CommandOrCodeAction
	c.mustCall(protocol.MethodTextDocumentCodeAction, params, &actions)
	assert.NotEmpty(t, actions)
	assert.NoError(t, c.shutdown())
}

func TestShutdownExit(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	c.mustCall(protocol.MethodShutdown, nil, nil)
	assertCode(t, jsonrpc2.InvalidRequest, c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{}, nil))
	c.notify(protocol.MethodExit, nil)
	assert.NoError(t, c.result())
}

func TestExitWithoutShutdown(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	c.notify(protocol.MethodExit, nil)
	assert.ErrorIs(t, c.result(), lsp.ErrNoShutdown)
}

func TestExitBeforeInitialize(t *testing.T) {
	c := start(t, fakeOptions())
	c.notify(protocol.MethodExit, nil)
	assert.ErrorIs(t, c.result(), lsp.ErrNoShutdown)
}

func TestConnectionClosed(t *testing.T) {
	serverEnd, clientEnd := net.Pipe()
	done := make(chan error, 1)
	go func() { done <- lsp.Serve(context.Background(), serverEnd, lsp.Options{Logger: testLogger(t)}) }()
	require.NoError(t, clientEnd.Close())
	select {
	case err := <-done:
		assert.ErrorIs(t, err, lsp.ErrNoShutdown)
	case <-time.After(timeout):
		t.Fatal("server did not stop")
	}
}

func TestContextCancelled(t *testing.T) {
	serverEnd, clientEnd := net.Pipe()
	defer clientEnd.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- lsp.Serve(ctx, serverEnd, lsp.Options{Logger: testLogger(t)}) }()
	cancel()
	select {
	case err := <-done:
		assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
	case <-time.After(timeout):
		t.Fatal("server did not stop")
	}
}
