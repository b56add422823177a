package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os/signal"
	"syscall"
	"time"

	"github.com/web1on1/cscmd/format"
	"github.com/web1on1/cscmd/ide"
	"github.com/web1on1/cscmd/lsp"
)

// lspCmd takes the flags that LSP clients pass to a server they start:
// vscode-languageclient adds --stdio and --clientProcessId=N to the command.
// Standard input and output are the only transport.
type lspCmd struct {
	Debug           bool `help:"Log every request to stderr."`
	Stdio           bool `help:"Serve on standard input and output (the default and only transport)."`
	ClientProcessID int  `name:"clientProcessId" placeholder:"PID" help:"Exit when this process (the editor) exits."`
}

// Run serves the language server on stdin and stdout until the client
// exits: status 0 after shutdown, 1 without (LSP's exit notification).
func (c *lspCmd) Run(e *env) error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	level := slog.LevelInfo
	if c.Debug {
		level = slog.LevelDebug
	}
	var ws ide.Workspaces
	var an ide.Analyzer
	opts := lsp.Options{
		Version:         versionString(),
		ClientProcessID: c.ClientProcessID,
		// Re-linting after a keystroke takes well under a millisecond (the
		// line cache re-checks one line), so a short pause is enough to
		// coalesce a burst of changes.
		Debounce: 5 * time.Millisecond,
		Logger:   slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level})),
		Analyze: func(_ context.Context, uri, languageID string, text []byte) []lsp.Finding {
			return an.Analyze(ws.For(uri), uri, languageID, text)
		},
		Format: func(_, _ string, text []byte) ([]byte, error) { return format.Source(text), nil },
		Complete: func(_ context.Context, uri, languageID string, text []byte, offset int) []lsp.Completion {
			return ide.Complete(ws.For(uri), languageID, text, offset)
		},
		Hover: func(_ context.Context, uri, languageID string, text []byte, offset int) *lsp.Hover {
			md, start, end, ok := ide.Hover(ws.For(uri), languageID, text, offset)
			if !ok {
				return nil
			}
			return &lsp.Hover{Markdown: md, Start: start, End: end}
		},
		InlayHints: func(_ context.Context, uri, languageID string, text []byte, start, end int) []lsp.InlayHint {
			return ide.InlayHints(ws.For(uri), languageID, text, start, end)
		},
		SemanticTokens: func(_ context.Context, uri, languageID string, text []byte) []lsp.SemanticToken {
			return ide.SemanticTokens(ws.For(uri), languageID, text)
		},
		Symbols: func(_ context.Context, uri, languageID string, text []byte) []lsp.Symbol {
			return ide.Symbols(ws.For(uri), languageID, text)
		},
		Reload: ws.Reload,
		Closed: an.Forget,
	}
	if err := lsp.Serve(ctx, stdio{e.stdin, e.stdout}, opts); err != nil {
		if !errors.Is(err, lsp.ErrNoShutdown) {
			e.fail("lsp: %v", err)
		}
		e.code = max(e.code, 1)
	}
	return nil
}

// stdio is the server's connection: the process's standard input and
// output. Closing it closes both, which ends the client's pipes.
type stdio struct {
	io.Reader
	io.Writer
}

func (s stdio) Close() error {
	var errs []error
	for _, x := range []any{s.Reader, s.Writer} {
		if c, ok := x.(io.Closer); ok {
			errs = append(errs, c.Close())
		}
	}
	return errors.Join(errs...)
}
