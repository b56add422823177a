package lsp_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/web1on1/cscmd/lsp"
	"github.com/web1on1/cscmd/lsp/internal/fake"
)

// reloader is a Reload that returns what the test tells it to and records
// its calls.
type reloader struct {
	mu      sync.Mutex
	err     error
	calls   [][]string
	panics  bool
	applied int // bumped on each successful reload; Analyze reports it
}

func (r *reloader) reload(_ context.Context, folders []string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, folders)
	if r.panics {
		panic("reload panics on request")
	}
	if r.err == nil {
		r.applied++
	}
	return r.err
}

func (r *reloader) set(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.err = err
}

func (r *reloader) count() int { return len(r.recorded()) }

func (r *reloader) recorded() [][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.calls)
}

// configOptions analyses with the fake, plus one info finding naming the
// configuration generation, so a test can see documents re-analysed.
func configOptions(r *reloader) lsp.Options {
	opts := fakeOptions()
	opts.Reload = r.reload
	opts.Analyze = func(ctx context.Context, u, lang string, text []byte) []lsp.Finding {
		r.mu.Lock()
		gen := r.applied
		r.mu.Unlock()
		return append(fake.Analyze(ctx, u, lang, text), lsp.Finding{Severity: lsp.SeverityInfo, Message: "config " + string(rune('0'+gen))})
	}
	return opts
}

func watchingClient(root string) *protocol.InitializeParams {
	return &protocol.InitializeParams{
		WorkspaceFoldersInitializeParams: protocol.WorkspaceFoldersInitializeParams{
			WorkspaceFolders: protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(root), Name: "root"}}),
		},
		Capabilities: protocol.ClientCapabilities{Workspace: &protocol.WorkspaceClientCapabilities{
			DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: new(true)},
		}},
	}
}

func TestConfigWatchRegistration(t *testing.T) {
	r := &reloader{}
	c := start(t, configOptions(r))
	root := t.TempDir()
	c.initialize(watchingClient(root))
	c.inbox.wait(t, "registration", func() bool { return len(c.inbox.registered) > 0 })
	reg := c.registered()[0].Registrations
	require.Len(t, reg, 1)
	assert.Equal(t, protocol.MethodWorkspaceDidChangeWatchedFiles, reg[0].Method)
	var opts protocol.DidChangeWatchedFilesRegistrationOptions
	require.NoError(t, protocol.Unmarshal(reg[0].RegisterOptions, &opts))
	require.Len(t, opts.Watchers, 1)
	assert.Equal(t, protocol.Pattern("**/.cscmd.yaml"), opts.Watchers[0].GlobPattern)

	// The initial load, with the workspace folder; shutdown answers after the
	// initialized notification has been handled.
	c.mustCall(protocol.MethodShutdown, nil, nil)
	assert.Equal(t, [][]string{{root}}, r.recorded())
}

func TestConfigNoWatchWithoutDynamicRegistration(t *testing.T) {
	r := &reloader{}
	c := start(t, configOptions(r))
	root := t.TempDir()
	c.initialize(&protocol.InitializeParams{RootURI: new(uri.File(root))})
	c.mustCall(protocol.MethodShutdown, nil, nil)
	assert.Empty(t, c.registered())
	assert.Equal(t, [][]string{{root}}, r.recorded(), "rootUri stands in for workspace folders")
}

func TestConfigReload(t *testing.T) {
	r := &reloader{}
	c := start(t, configOptions(r))
	root := t.TempDir()
	cfgPath := filepath.Join(root, ".cscmd.yaml")
	cfg := "rules:\n  bogus: off\ncatalog:\n  forms: [{id: 1}]\n"
	require.NoError(t, os.WriteFile(cfgPath, []byte(cfg), 0o644))
	cfgURI := uri.File(cfgPath)

	c.initialize(watchingClient(root))
	u := uri.File(filepath.Join(root, "a.cscmd"))
	c.open(u, "cscmd", "BAD\n")
	d := c.waitVersion(u, 1)
	require.Len(t, d.Diagnostics, 2)
	assert.Equal(t, protocol.String("config 1"), d.Diagnostics[1].Message)

	// A broken configuration: diagnostics on the file, a message, and the
	// documents analysed again.
	r.set(errors.Join(
		&lsp.ConfigError{Path: cfgPath, Line: 2, Column: 3, Message: `unknown rule "bogus"`},
		&lsp.ConfigError{Path: cfgPath, Line: 4, Message: "form id must be 24 hex digits, got 1"},
	))
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: cfgURI, Type: protocol.FileChangeTypeChanged}},
	})
	cd := c.waitDiagnostics(cfgURI, "configuration diagnostics", func(d *protocol.PublishDiagnosticsParams) bool { return len(d.Diagnostics) > 0 })
	require.Len(t, cd.Diagnostics, 2)
	assert.Equal(t, rng(1, 2, 1, 12), cd.Diagnostics[0].Range)
	assert.Equal(t, protocol.String(`unknown rule "bogus"`), cd.Diagnostics[0].Message)
	assert.Equal(t, protocol.DiagnosticSeverityError, cd.Diagnostics[0].Severity)
	assert.Equal(t, rng(3, 0, 3, 18), cd.Diagnostics[1].Range, "no column: the whole line")
	c.inbox.wait(t, "error message", func() bool { return len(c.inbox.shown) > 0 })
	assert.Equal(t, protocol.MessageTypeError, c.shown()[0].Type)
	assert.Contains(t, c.shown()[0].Message, `unknown rule "bogus"`)
	c.waitPublished(u, 2)

	// Fixed and saved: the diagnostics go, the documents see the new
	// configuration.
	r.set(nil)
	c.open(cfgURI, "yaml", cfg)
	c.notify(protocol.MethodTextDocumentDidSave, &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: cfgURI}})
	c.waitDiagnostics(u, "documents under the new configuration", func(d *protocol.PublishDiagnosticsParams) bool {
		return len(d.Diagnostics) == 2 && d.Diagnostics[1].Message == protocol.String("config 2")
	})
	c.waitDiagnostics(cfgURI, "configuration diagnostics cleared", func(d *protocol.PublishDiagnosticsParams) bool {
		return len(d.Diagnostics) == 1 && d.Diagnostics[0].Message == protocol.String("config 2")
	})
	assert.Equal(t, 3, r.count())

	// Other files changing do not reload.
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: uri.File(filepath.Join(root, "other.yaml")), Type: protocol.FileChangeTypeChanged}},
	})
	c.mustCall(protocol.MethodShutdown, nil, nil)
	assert.Equal(t, 3, r.count())
}

func TestConfigErrorWithoutLocation(t *testing.T) {
	r := &reloader{}
	c := start(t, configOptions(r))
	root := t.TempDir()
	cfgURI := uri.File(filepath.Join(root, "sub", ".cscmd.yaml"))
	c.initialize(watchingClient(root))

	r.set(errors.New("cannot read configuration"))
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: cfgURI, Type: protocol.FileChangeTypeDeleted}},
	})
	d := c.waitDiagnostics(cfgURI, "diagnostic on the changed file", func(d *protocol.PublishDiagnosticsParams) bool { return len(d.Diagnostics) > 0 })
	assert.Equal(t, protocol.String("cannot read configuration"), d.Diagnostics[0].Message)
	assert.Equal(t, rng(0, 0, 0, 0), d.Diagnostics[0].Range, "the file does not exist")
}

func TestConfigReloadPanics(t *testing.T) {
	r := &reloader{panics: true}
	c := start(t, configOptions(r))
	c.initialize(nil)
	c.inbox.wait(t, "error message", func() bool { return len(c.inbox.shown) > 0 })
	assert.Contains(t, c.shown()[0].Message, "panic")
	assert.NoError(t, c.shutdown())
}

func TestWorkspaceFoldersChange(t *testing.T) {
	r := &reloader{}
	c := start(t, configOptions(r))
	a, b := t.TempDir(), t.TempDir()
	c.initialize(watchingClient(a))
	c.notify(protocol.MethodWorkspaceDidChangeWorkspaceFolders, &protocol.DidChangeWorkspaceFoldersParams{Event: protocol.WorkspaceFoldersChangeEvent{
		Added:   []protocol.WorkspaceFolder{{URI: uri.File(b), Name: "b"}},
		Removed: []protocol.WorkspaceFolder{{URI: uri.File(a), Name: "a"}},
	}})
	c.mustCall(protocol.MethodShutdown, nil, nil)
	assert.Equal(t, [][]string{{a}, {b}}, r.recorded())
}

// TestConfigReloadRefreshesInlayHints checks that a reload asks a client
// that supports it to fetch inlay hints again: they name catalog entries.
func TestConfigReloadRefreshesInlayHints(t *testing.T) {
	r := &reloader{}
	opts := configOptions(r)
	opts.InlayHints = func(context.Context, string, string, []byte, int, int) []lsp.InlayHint { return nil }
	c := start(t, opts)
	root := t.TempDir()
	params := watchingClient(root)
	params.Capabilities.Workspace.InlayHint = &protocol.InlayHintWorkspaceClientCapabilities{RefreshSupport: new(true)}
	c.initialize(params)
	c.inbox.wait(t, "an inlay hint refresh after the initial load", func() bool { return c.inbox.inlayRefreshes == 1 })
	c.notify(protocol.MethodTextDocumentDidSave, &protocol.DidSaveTextDocumentParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri.File(filepath.Join(root, ".cscmd.yaml"))},
	})
	c.inbox.wait(t, "an inlay hint refresh after the save", func() bool { return c.inbox.inlayRefreshes == 2 })
}

// TestClosedHook checks that the analysis hears of a closed document.
func TestClosedHook(t *testing.T) {
	closed := make(chan string, 1)
	opts := fakeOptions()
	opts.Closed = func(u string) { closed <- u }
	c := start(t, opts)
	c.initialize(&protocol.InitializeParams{})
	u := uri.File(filepath.Join(t.TempDir(), "a.cscmd"))
	c.open(u, "cscmd", ">cs /notify\n")
	c.close(u)
	select {
	case got := <-closed:
		assert.Equal(t, string(u), got)
	case <-time.After(5 * time.Second):
		t.Fatal("Closed was not called")
	}
}
