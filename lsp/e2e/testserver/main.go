// Command testserver is the language server with the fake analysis of
// lsp/internal/fake, on stdio, for the Neovim end-to-end test.
package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/web1on1/cscmd/lsp"
	"github.com/web1on1/cscmd/lsp/internal/fake"
)

// stdio joins stdin and stdout into the server's connection.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error {
	return errors.Join(os.Stdin.Close(), os.Stdout.Close())
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	err := lsp.Serve(ctx, stdio{os.Stdin, os.Stdout}, lsp.Options{
		Version:  "e2e",
		Logger:   log,
		Analyze:  fake.Analyze,
		Format:   fake.Format,
		Complete: fake.Complete,
	})
	if err != nil {
		log.Error("server stopped", "error", err)
		os.Exit(1)
	}
}
