// Command cscmd parses, lints and formats >cs command messages of the
// web1on1 chat widget, and serves them to editors as a language server.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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

// warn reports a problem on stderr that does not fail the run.
func (e *env) warn(format string, args ...any) {
	e.log("cscmd: warning: ", format, args...)
}

// note tells the user something on stderr that is no problem.
func (e *env) note(format string, args ...any) {
	e.log("cscmd: ", format, args...)
}

// fail reports a failure on stderr and makes the exit code 2; the command
// goes on with its other inputs.
func (e *env) fail(format string, args ...any) {
	e.log("cscmd: ", format, args...)
	e.mu.Lock()
	e.code = max(e.code, exitFailure)
	e.mu.Unlock()
}

// log writes one line to stderr. The message is escaped (escapeLine): it
// holds file names from the repository being linted, and CI runners read
// stderr for workflow commands.
func (e *env) log(prefix, format string, args ...any) {
	line := append([]byte(prefix), escapeLine(fmt.Sprintf(format, args...))...)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.stderr.Write(append(line, '\n'))
}

// escapeLine returns s with what could end the line or drive a terminal
// written as a Go escape: line breaks (a name holding "\n::error …" would
// otherwise print a GitHub workflow command of its own), other control
// characters (an OSC sequence sets a terminal's title or clipboard),
// bidirectional overrides and invalid UTF-8. A tab is kept.
func escapeLine(s string) string {
	clean := true
	for _, r := range s {
		if r != '\t' && (r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || isBidi(r)) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || isBidi(r)):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// isBidi reports the characters that reorder text on screen.
func isBidi(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u200e' || r == '\u200f' || r == '\u061c'
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
		e.note("%v", err)
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
