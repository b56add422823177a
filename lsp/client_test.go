package lsp_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/web1on1/cscmd/lsp"
	"github.com/web1on1/cscmd/lsp/internal/fake"
)

// timeout bounds every wait for the server; generous, for -race on a busy
// machine.
const timeout = 10 * time.Second

// client is the editor side of a test: a real jsonrpc2 connection to a server
// running Serve over net.Pipe, with what the server sends collected in inbox.
type client struct {
	t     *testing.T
	conn  jsonrpc2.Conn
	inbox *inbox
	// served receives Serve's result.
	served chan error
}

// start runs a server with opts (the fake analysis when opts is empty of
// functions) and connects a client to it; the test ends the connection.
func start(t *testing.T, opts lsp.Options) *client {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = testLogger(t)
	}
	if opts.Debounce == 0 {
		opts.Debounce = 5 * time.Millisecond
	}
	serverEnd, clientEnd := net.Pipe()
	c := &client{t: t, inbox: newInbox(), served: make(chan error, 1)}
	go func() { c.served <- lsp.Serve(context.Background(), serverEnd, opts) }()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(clientEnd), jsonrpc2.WithCodec(codec{}))
	c.conn.Go(context.Background(), c.handle)
	t.Cleanup(func() {
		_ = clientEnd.Close()
		select {
		case <-c.served:
		case <-time.After(timeout):
			t.Error("server did not stop after the connection closed")
		}
	})
	return c
}

// fakeOptions wires in the fake analysis, formatter and completion.
func fakeOptions() lsp.Options {
	return lsp.Options{Version: "v0.0.0-test", Analyze: fake.Analyze, Format: fake.Format, Complete: fake.Complete}
}

// testLogger logs to the test until it ends: background work may outlive it
// by a few moments, and t.Log after the end panics.
func testLogger(t *testing.T) *slog.Logger {
	w := &testWriter{t: t}
	t.Cleanup(func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.done = true
	})
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

type testWriter struct {
	mu   sync.Mutex
	t    *testing.T
	done bool
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.t.Log(strings.TrimSpace(string(p)))
	}
	return len(p), nil
}

// codec is the protocol's union-aware payload codec, as the server uses.
type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	if raw, ok := v.(jsonrpc2.RawMessage); ok {
		return raw, nil
	}
	return protocol.Marshal(v)
}

// Unmarshal decodes a copy: protocol.Unmarshal may leave strings pointing
// into data, a buffer the connection reuses.
func (codec) Unmarshal(data []byte, v any) error {
	if raw, ok := v.(*jsonrpc2.RawMessage); ok {
		*raw = bytes.Clone(data)
		return nil
	}
	return protocol.Unmarshal(bytes.Clone(data), v)
}

func (c *client) handle(_ context.Context, req *jsonrpc2.Request) (any, error) {
	switch req.Method() {
	case protocol.MethodTextDocumentPublishDiagnostics:
		var p protocol.PublishDiagnosticsParams
		if err := (codec{}).Unmarshal(req.Params(), &p); err != nil {
			return nil, err
		}
		c.inbox.add(func() { c.inbox.diags = append(c.inbox.diags, &p) })
	case protocol.MethodWindowShowMessage:
		var p protocol.ShowMessageParams
		if err := (codec{}).Unmarshal(req.Params(), &p); err != nil {
			return nil, err
		}
		c.inbox.add(func() { c.inbox.shown = append(c.inbox.shown, &p) })
	case protocol.MethodWorkspaceInlayHintRefresh:
		c.inbox.add(func() { c.inbox.inlayRefreshes++ })
	case protocol.MethodClientRegisterCapability:
		var p protocol.RegistrationParams
		if err := (codec{}).Unmarshal(req.Params(), &p); err != nil {
			return nil, err
		}
		c.inbox.add(func() { c.inbox.registered = append(c.inbox.registered, &p) })
	default:
		if req.IsCall() {
			return nil, jsonrpc2.ErrMethodNotFound
		}
	}
	return nil, nil
}

// inbox collects what the server sent, and lets a test wait for it.
type inbox struct {
	inlayRefreshes int
	mu             sync.Mutex
	changed        chan struct{}
	diags          []*protocol.PublishDiagnosticsParams
	shown          []*protocol.ShowMessageParams
	registered     []*protocol.RegistrationParams
}

func newInbox() *inbox { return &inbox{changed: make(chan struct{})} }

func (in *inbox) add(f func()) {
	in.mu.Lock()
	defer in.mu.Unlock()
	f()
	close(in.changed)
	in.changed = make(chan struct{})
}

// wait waits until cond, called with the inbox locked, holds.
func (in *inbox) wait(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		in.mu.Lock()
		ok, changed := cond(), in.changed
		in.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-changed:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// shown returns the messages shown so far.
func (c *client) shown() []*protocol.ShowMessageParams {
	c.inbox.mu.Lock()
	defer c.inbox.mu.Unlock()
	return slices.Clone(c.inbox.shown)
}

// registered returns the capability registrations so far.
func (c *client) registered() []*protocol.RegistrationParams {
	c.inbox.mu.Lock()
	defer c.inbox.mu.Unlock()
	return slices.Clone(c.inbox.registered)
}

// diagnostics returns the publications for u so far.
func (c *client) diagnostics(u uri.URI) []*protocol.PublishDiagnosticsParams {
	c.inbox.mu.Lock()
	defer c.inbox.mu.Unlock()
	var out []*protocol.PublishDiagnosticsParams
	for _, d := range c.inbox.diags {
		if d.URI == u {
			out = append(out, d)
		}
	}
	return out
}

// waitDiagnostics waits for a publication for u that satisfies cond.
func (c *client) waitDiagnostics(u uri.URI, what string, cond func(*protocol.PublishDiagnosticsParams) bool) *protocol.PublishDiagnosticsParams {
	c.t.Helper()
	var found *protocol.PublishDiagnosticsParams
	c.inbox.wait(c.t, what, func() bool {
		for _, d := range c.inbox.diags {
			if d.URI == u && cond(d) {
				found = d
				return true
			}
		}
		return false
	})
	return found
}

// waitPublished waits until diagnostics for u have been published n times.
func (c *client) waitPublished(u uri.URI, n int) {
	c.t.Helper()
	c.inbox.wait(c.t, fmt.Sprintf("%d publications for %s", n, u), func() bool {
		count := 0
		for _, d := range c.inbox.diags {
			if d.URI == u {
				count++
			}
		}
		return count >= n
	})
}

// waitVersion waits for the diagnostics of version v of u.
func (c *client) waitVersion(u uri.URI, v int32) *protocol.PublishDiagnosticsParams {
	c.t.Helper()
	return c.waitDiagnostics(u, fmt.Sprintf("diagnostics of %s version %d", u, v), func(d *protocol.PublishDiagnosticsParams) bool {
		got, ok := d.Version.Get()
		return ok && got == v
	})
}

func (c *client) call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

func (c *client) mustCall(method string, params, result any) {
	c.t.Helper()
	require.NoError(c.t, c.call(method, params, result), method)
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	require.NoError(c.t, c.conn.Notify(context.Background(), method, params), method)
}

// initialize runs the handshake with the given capabilities.
func (c *client) initialize(params *protocol.InitializeParams) *protocol.InitializeResult {
	c.t.Helper()
	if params == nil {
		params = &protocol.InitializeParams{}
	}
	var res protocol.InitializeResult
	c.mustCall(protocol.MethodInitialize, params, &res)
	c.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
	return &res
}

// utf8Params offers UTF-8 positions.
func utf8Params() *protocol.InitializeParams {
	return &protocol.InitializeParams{Capabilities: protocol.ClientCapabilities{
		General: &protocol.GeneralClientCapabilities{
			PositionEncodings: []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF8, protocol.PositionEncodingKindUTF16},
		},
	}}
}

func (c *client) open(u uri.URI, languageID, text string) {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageKind(languageID), Version: 1, Text: text,
	}})
}

func (c *client) change(u uri.URI, version int32, changes ...protocol.TextDocumentContentChangeEvent) {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: changes,
	})
}

func (c *client) close(u uri.URI) {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
}

// shutdown ends the session properly and returns Serve's result.
func (c *client) shutdown() error {
	c.t.Helper()
	c.mustCall(protocol.MethodShutdown, nil, nil)
	c.notify(protocol.MethodExit, nil)
	return c.result()
}

func (c *client) result() error {
	c.t.Helper()
	select {
	case err := <-c.served:
		c.served <- err // for the cleanup
		return err
	case <-time.After(timeout):
		c.t.Fatal("server did not stop")
		return nil
	}
}

func replace(start, end protocol.Position, text string) *protocol.TextDocumentContentChangePartial {
	return &protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: start, End: end}, Text: text}
}

func pos(line, char uint32) protocol.Position { return protocol.Position{Line: line, Character: char} }

func rng(l1, c1, l2, c2 uint32) protocol.Range {
	return protocol.Range{Start: pos(l1, c1), End: pos(l2, c2)}
}

// code returns the JSON-RPC error code of err, or 0.
func code(err error) jsonrpc2.Code {
	var wire *jsonrpc2.Error
	if errors.As(err, &wire) {
		return wire.Code
	}
	return 0
}

func assertCode(t *testing.T, want jsonrpc2.Code, err error) {
	t.Helper()
	if assert.Error(t, err) {
		assert.Equal(t, want, code(err), "error %q", err)
	}
}

// ranges returns the ranges of a publication's diagnostics.
func ranges(d *protocol.PublishDiagnosticsParams) []protocol.Range {
	out := []protocol.Range{}
	for _, diag := range d.Diagnostics {
		out = append(out, diag.Range)
	}
	return out
}

func fileURI(name string) uri.URI { return uri.File("/work/" + name) }
