// Command cscmd parses, lints and formats >cs command messages of the
// web1on1 chat widget, and serves them to editors as a language server.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/alecthomas/kong"
)

// Exit codes of SPEC §5.
const (
	exitOK       = 0
	exitFindings = 1
	exitFailure  = 2 // usage, config or I/O failure
)

// env is what a command runs against, so tests can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// code is the exit code, raised by commands as they go.
	code int
	mu   sync.Mutex // fail is called from the workers of a lint run
}

// fail reports a failure on stderr and makes the exit code 2; the command
// goes on with its other inputs.
// warn reports a problem on stderr that does not fail the run.
func (e *env) warn(format string, args ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	fmt.Fprintf(e.stderr, "cscmd: warning: "+format+"\n", args...)
}

func (e *env) fail(format string, args ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	fmt.Fprintf(e.stderr, "cscmd: "+format+"\n", args...)
	e.code = max(e.code, exitFailure)
}

type cli struct {
	ShowVersion kong.VersionFlag `name:"version" help:"Print the version of cscmd and exit."`

	Lint    lintCmd    `cmd:"" help:"Lint command files and the >cs commands in JS, TS, HTML, JSON and YAML files."`
	Fmt     fmtCmd     `cmd:"" help:"Write command files in canonical form."`
	Parse   parseCmd   `cmd:"" help:"Parse messages and print one result per message."`
	Init    initCmd    `cmd:"" help:"Write a starter .cscmd.yaml with a catalog of what the repository already uses."`
	Explain explainCmd `cmd:"" help:"Print the documentation of a rule."`
	Rules   rulesCmd   `cmd:"" help:"List every rule with its default severity."`
	LSP     lspCmd     `cmd:"" name:"lsp" help:"Run the language server on standard input and output."`
	Version versionCmd `cmd:"" help:"Print the version of cscmd."`
}

// run runs cscmd with args and returns the exit code.
func run(args []string, e *env) int {
	if len(args) == 0 {
		// A bare cscmd asks what it can do, as git and golangci-lint take
		// it: the help, on stdout, exit 0.
		args = []string{"--help"}
	}
	var c cli
	exited := -1
	p, err := kong.New(&c,
		kong.Name("cscmd"),
		kong.Description("Parse, lint and format >cs command messages of the web1on1 chat widget."),
		kong.Writers(e.stdout, e.stderr),
		kong.Exit(func(code int) { exited = code }),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
		kong.Bind(e),
		kong.Vars{"version": versionLine()},
	)
	if err != nil {
		panic(err) // the CLI's own definition is wrong: a programming error
	}
	ctx, err := p.Parse(args)
	if exited >= 0 {
		return exited // --help printed
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "cscmd: %v\n", err)
		var pe *kong.ParseError
		if errors.As(err, &pe) && pe.Context != nil {
			fmt.Fprintf(e.stderr, "run %q for usage\n", "cscmd --help")
		}
		return exitFailure
	}
	if err := ctx.Run(e); err != nil {
		e.fail("%v", err)
	}
	return e.code
}

func main() {
	os.Exit(run(os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}))
}
