package lsp_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/lsp"
	"github.com/web1on1/cscmd/lsp/internal/fake"
)

func TestIncrementalSync(t *testing.T) {
	tests := []struct {
		name    string
		params  *protocol.InitializeParams
		text    string
		changes []protocol.TextDocumentContentChangeEvent
		want    []protocol.Range // of each "BAD" in the result
	}{
		{
			name:    "utf-16 after emoji",
			text:    "a😀b\n",
			changes: []protocol.TextDocumentContentChangeEvent{replace(pos(0, 3), pos(0, 4), "BAD")},
			want:    []protocol.Range{rng(0, 3, 0, 6)},
		},
		{
			name:    "utf-8 after emoji",
			params:  utf8Params(),
			text:    "a😀b\n",
			changes: []protocol.TextDocumentContentChangeEvent{replace(pos(0, 5), pos(0, 6), "BAD")},
			want:    []protocol.Range{rng(0, 5, 0, 8)},
		},
		{
			name:    "utf-16 after Ü on a later line",
			text:    "x\r\nÜÜ z\n",
			changes: []protocol.TextDocumentContentChangeEvent{replace(pos(1, 3), pos(1, 4), "BAD")},
			want:    []protocol.Range{rng(1, 3, 1, 6)},
		},
		{
			name:    "utf-8 after Ü on a later line",
			params:  utf8Params(),
			text:    "x\r\nÜÜ z\n",
			changes: []protocol.TextDocumentContentChangeEvent{replace(pos(1, 5), pos(1, 6), "BAD")},
			want:    []protocol.Range{rng(1, 5, 1, 8)},
		},
		{
			name:    "column past CRLF clamps to the end of the line",
			text:    "ab\r\ncd",
			changes: []protocol.TextDocumentContentChangeEvent{replace(pos(0, 9), pos(0, 9), "BAD")},
			want:    []protocol.Range{rng(0, 2, 0, 5)},
		},
		{
			name: "several changes apply in order",
			text: "one\ntwo\n",
			changes: []protocol.TextDocumentContentChangeEvent{
				replace(pos(0, 0), pos(1, 0), ""),        // "two\n"
				replace(pos(0, 3), pos(0, 3), " BAD"),    // "two BAD\n"
				replace(pos(1, 0), pos(1, 0), "BAD😀BAD"), // "two BAD\nBAD😀BAD"
			},
			want: []protocol.Range{rng(0, 4, 0, 7), rng(1, 0, 1, 3), rng(1, 5, 1, 8)},
		},
		{
			name: "full replacement between partial changes",
			text: "BAD BAD BAD",
			changes: []protocol.TextDocumentContentChangeEvent{
				&protocol.TextDocumentContentChangeWholeDocument{Text: "ok\n"},
				replace(pos(1, 0), pos(1, 0), "BAD"),
			},
			want: []protocol.Range{rng(1, 0, 1, 3)},
		},
		{
			name:    "insert at end of file past the last line",
			text:    "ok\n",
			changes: []protocol.TextDocumentContentChangeEvent{replace(pos(2, 0), pos(2, 0), "BAD")},
			want:    []protocol.Range{rng(1, 0, 1, 3)},
		},
		{
			name:    "lone CR ends a line",
			text:    "a\rb",
			changes: []protocol.TextDocumentContentChangeEvent{replace(pos(1, 1), pos(1, 1), "BAD")},
			want:    []protocol.Range{rng(1, 1, 1, 4)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := start(t, fakeOptions())
			c.initialize(tt.params)
			u := fileURI("sync.cscmd")
			c.open(u, "cscmd", tt.text)
			c.change(u, 2, tt.changes...)
			assert.Equal(t, tt.want, ranges(c.waitVersion(u, 2)))
		})
	}
}

// A change that cannot be applied leaves the server's copy of a document
// different from the editor's: the user is told, the document's diagnostics
// are cleared and stay so through incremental changes, and the next change
// that sends the whole text (or a reopen) brings the document back.
func TestBadChangeLosesDocument(t *testing.T) {
	for _, bad := range []struct{ name, change string }{
		{"range past the end", `{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"x"},{"range":{"start":{"line":5,"character":0},"end":{"line":5,"character":0}},"text":"y"}`},
		// Neither a range that cannot be read, nor a change without text, is
		// taken for a whole-document replacement.
		{"negative line", `{"range":{"start":{"line":-1,"character":0},"end":{"line":0,"character":0}},"text":"gone"}`},
		{"unreadable range", `{"range":{"start":{"line":0},"end":"x"},"text":"gone"}`},
		{"no text", `{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}}`},
	} {
		t.Run(bad.name, func(t *testing.T) {
			c := start(t, fakeOptions())
			c.initialize(nil)
			u := fileURI("bad.cscmd")
			c.open(u, "cscmd", "BAD\n")
			require.Len(t, c.waitVersion(u, 1).Diagnostics, 1)
			c.notify(protocol.MethodTextDocumentDidChange, jsonrpc2.RawMessage(
				`{"textDocument":{"uri":"`+string(u)+`","version":2},"contentChanges":[`+bad.change+`]}`))
			c.inbox.wait(t, "a warning about the lost document", func() bool {
				for _, m := range c.inbox.shown {
					if m.Type == protocol.MessageTypeWarning && strings.Contains(m.Message, "bad.cscmd") {
						return true
					}
				}
				return false
			})
			c.waitDiagnostics(u, "diagnostics cleared", func(p *protocol.PublishDiagnosticsParams) bool {
				return len(p.Diagnostics) == 0
			})
			// An incremental change cannot apply to a copy that is gone.
			c.change(u, 3, replace(pos(0, 0), pos(0, 0), "BAD "))
			var hover protocol.Hover
			assert.Error(t, c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: u}}}, &hover), "a lost document is not served")
			// The whole text brings it back.
			c.change(u, 4, &protocol.TextDocumentContentChangeWholeDocument{Text: "BAD BAD\n"})
			assert.Equal(t, []protocol.Range{rng(0, 0, 0, 3), rng(0, 4, 0, 7)}, ranges(c.waitVersion(u, 4)))
		})
	}
}

func TestReopenFindsLostDocument(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("reopen.cscmd")
	c.open(u, "cscmd", "BAD\n")
	c.waitVersion(u, 1)
	c.change(u, 2, replace(pos(9, 0), pos(9, 0), "y"))
	c.waitDiagnostics(u, "diagnostics cleared", func(p *protocol.PublishDiagnosticsParams) bool {
		return len(p.Diagnostics) == 0
	})
	c.close(u)
	c.open(u, "cscmd", "BAD BAD BAD\n")
	c.waitDiagnostics(u, "the reopened document's diagnostics", func(p *protocol.PublishDiagnosticsParams) bool {
		return len(p.Diagnostics) == 3
	})
}

func TestDebounceLatestVersionOnly(t *testing.T) {
	opts := fakeOptions()
	opts.Debounce = 100 * time.Millisecond
	var mu sync.Mutex
	var analysed []string
	opts.Analyze = func(ctx context.Context, uri, lang string, text []byte) []lsp.Finding {
		mu.Lock()
		analysed = append(analysed, string(text))
		mu.Unlock()
		return fake.Analyze(ctx, uri, lang, text)
	}
	c := start(t, opts)
	c.initialize(nil)
	u := fileURI("debounce.cscmd")
	c.open(u, "cscmd", "")
	for v := int32(2); v <= 5; v++ {
		c.change(u, v, replace(pos(0, 0), pos(0, 0), "BAD "))
	}
	d := c.waitVersion(u, 5)
	assert.Len(t, d.Diagnostics, 4)
	assert.Len(t, c.diagnostics(u), 1, "only the last version is published")
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, []string{"BAD BAD BAD BAD "}, analysed, "only the last version is analysed")
}

func TestCloseClearsDiagnostics(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("close.cscmd")
	c.open(u, "cscmd", "BAD\n")
	require.Len(t, c.waitVersion(u, 1).Diagnostics, 1)
	c.close(u)
	d := c.waitDiagnostics(u, "cleared diagnostics", func(d *protocol.PublishDiagnosticsParams) bool {
		return len(d.Diagnostics) == 0
	})
	assert.True(t, d.Version.IsZero(), "a closed document has no version")
	assert.NotNil(t, d.Diagnostics, "an empty list, not null")
}

func TestCloseDropsPendingDiagnostics(t *testing.T) {
	opts := fakeOptions()
	opts.Debounce = 50 * time.Millisecond
	c := start(t, opts)
	c.initialize(nil)
	u := fileURI("pending.cscmd")
	c.open(u, "cscmd", "BAD\n")
	c.close(u)
	c.waitDiagnostics(u, "cleared diagnostics", func(d *protocol.PublishDiagnosticsParams) bool { return len(d.Diagnostics) == 0 })
	time.Sleep(3 * opts.Debounce)
	assert.Len(t, c.diagnostics(u), 1, "nothing published for the closed document")
}

func TestDiagnosticFields(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("fields.cscmd")
	c.open(u, "cscmd", ">cs BAD\n")
	d := c.waitVersion(u, 1)
	require.Len(t, d.Diagnostics, 1)
	diag := d.Diagnostics[0]
	assert.Equal(t, rng(0, 4, 0, 7), diag.Range)
	assert.Equal(t, protocol.DiagnosticSeverityWarning, diag.Severity)
	assert.Equal(t, protocol.String("bad-word"), diag.Code)
	assert.Equal(t, fake.Href, string(diag.CodeDescription.Href))
	source, _ := diag.Source.Get()
	assert.Equal(t, "cscmd", source)
	assert.Equal(t, protocol.String(`found "BAD"`), diag.Message)
}

func TestLanguages(t *testing.T) {
	tests := []struct {
		file, languageID string
		want             string // language Analyze sees; "" when not served
	}{
		{"a.cscmd", "cscmd", "cscmd"},
		{"a.cscmd", "plaintext", "cscmd"},
		{"a.cscmd", "", "cscmd"},
		{"page.html", "html", "html"},
		{"page.HTM", "", "html"},
		{"app.mjs", "javascript", "javascript"},
		{"app.tsx", "typescriptreact", "typescriptreact"},
		{"app.tsx", "", "javascript"}, // the first id of its language
		{"conf.jsonc", "jsonc", "jsonc"},
		{"conf.yml", "yaml", "yaml"},
		{"weird.txt", "javascript", "javascript"},
		{"main.go", "go", ""},
		{"notes.txt", "plaintext", ""},
	}
	var mu sync.Mutex
	seen := map[string]string{}
	opts := fakeOptions()
	opts.Analyze = func(ctx context.Context, uri, lang string, text []byte) []lsp.Finding {
		mu.Lock()
		seen[uri] = lang
		mu.Unlock()
		return fake.Analyze(ctx, uri, lang, text)
	}
	c := start(t, opts)
	c.initialize(nil)
	for i, tt := range tests {
		u := fileURI(string(rune('a'+i)) + "/" + tt.file)
		c.open(u, tt.languageID, "BAD")
		if tt.want != "" {
			c.waitVersion(u, 1)
		}
	}
	// A barrier: everything opened before has been analysed by now.
	last := fileURI("z/last.cscmd")
	c.open(last, "cscmd", "")
	c.waitVersion(last, 1)
	mu.Lock()
	defer mu.Unlock()
	for i, tt := range tests {
		u := fileURI(string(rune('a'+i)) + "/" + tt.file)
		assert.Equal(t, tt.want, seen[string(u)], "%s as %q", tt.file, tt.languageID)
		if tt.want == "" {
			assert.Empty(t, c.diagnostics(u), "%s as %q", tt.file, tt.languageID)
		}
	}
}

func TestFindingOutOfRangeIsClamped(t *testing.T) {
	opts := fakeOptions()
	opts.Analyze = func(context.Context, string, string, []byte) []lsp.Finding {
		return []lsp.Finding{
			{Start: -5, End: 1000, Severity: 7, Message: "everything"},
			{Start: 3, End: 1, Severity: lsp.SeverityHint, Message: "backwards"},
			{Start: 2, End: 3, Severity: lsp.SeverityInfo, Message: "inside 😀"},
		}
	}
	c := start(t, opts)
	c.initialize(nil)
	u := fileURI("clamp.cscmd")
	c.open(u, "cscmd", "a😀\nb")
	d := c.waitVersion(u, 1)
	assert.Equal(t, []protocol.Range{rng(0, 0, 1, 1), rng(0, 1, 0, 1), rng(0, 1, 0, 1)}, ranges(d))
	assert.Equal(t, protocol.DiagnosticSeverityError, d.Diagnostics[0].Severity, "an unknown severity is an error")
	assert.Equal(t, protocol.DiagnosticSeverityHint, d.Diagnostics[1].Severity)
	assert.True(t, d.Diagnostics[0].Code == nil && d.Diagnostics[0].CodeDescription.Href == "", "no rule, no code")
}
