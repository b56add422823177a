package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/report"
	"github.com/web1on1/cscmd/rewrite"
	"github.com/web1on1/cscmd/walk"
)

// lintFlags are the conventions people bring from ESLint, ruff and
// golangci-lint (docs/cli.md): standard input, --quiet, --max-warnings and
// --color.
type lintFlags struct {
	StdinFilename string `name:"stdin-filename" placeholder:"NAME" help:"Lint standard input as if it were the file NAME: its language, .cscmd.yaml and ignore rules come from NAME."`
	Quiet         bool   `short:"q" help:"Report errors only: warnings and info are left out of the output, --fail-on and --max-warnings."`
	MaxWarnings   int    `name:"max-warnings" placeholder:"N" default:"-1" help:"Exit 1 when there are more than N warnings (-1: no limit)."`
	Color         string `enum:"auto,always,never" default:"auto" help:"Colour text output: ${enum}; auto means on a terminal unless NO_COLOR is set."`

	fixed fixTally // what --fix did, for its summary
}

// stdinName is how standard input is shown when no --stdin-filename names
// it; it is linted as a command file with the working directory's config.
const stdinName = "<stdin>"

// readsStdin tells whether the run lints standard input rather than paths:
// as with ESLint and ruff, only when asked — "-" as the one path, or
// --stdin-filename — never just because standard input is a pipe.
func (c *lintCmd) readsStdin() (bool, error) {
	dash := false
	for _, p := range c.Paths {
		if p == "-" {
			dash = true
		}
	}
	switch {
	case dash && len(c.Paths) > 1:
		return false, errors.New(`"-" (standard input) cannot be linted together with paths`)
	case c.StdinFilename != "" && len(c.Paths) > 0 && !dash:
		return false, errors.New("--stdin-filename lints standard input; it takes no paths (or just \"-\")")
	case !dash && c.StdinFilename == "":
		return false, nil
	case c.Fix:
		return false, errors.New("--fix rewrites files in place, and standard input is no file; run it on the file itself")
	}
	return true, nil
}

// lintStdin lints standard input under its --stdin-filename, or as a
// command file. A name that the config excludes or .gitignore ignores is not
// linted, as a walk would skip it; a warning says so.
func (c *lintCmd) lintStdin(e *env, cfgs *configs) (report.LintFile, bool) {
	path, shown := filepath.Join(".", stdinName+".cscmd"), stdinName
	if c.StdinFilename != "" {
		path, shown = c.StdinFilename, c.StdinFilename
		if !cfgs.lintable(path) {
			e.fail("%s: not %s; a .cscmd.yaml can name its language under languages:", shown, host.Kinds())
			return report.LintFile{}, false
		}
		if cfgs.forDir(filepath.Dir(path)).Excluded(path) {
			e.warn("%s: excluded by .cscmd.yaml, not linted", shown)
			return report.LintFile{}, false
		}
		ignored, err := walk.Ignored(path)
		if err != nil {
			e.fail("%v", pathError(shown, err))
		}
		if ignored {
			e.warn("%s: ignored by .gitignore, not linted", shown)
			return report.LintFile{}, false
		}
	}
	src, err := readInput("-", e.stdin)
	if err != nil {
		e.fail("%v", err)
		return report.LintFile{}, false
	}
	return c.lintSource(e, cfgs, path, shown, src, rewrite.Stamp{}, nil) // --fix is refused for stdin
}

// keepSevere drops what --quiet leaves out: everything below an error.
func (c *lintCmd) keepSevere(files []report.LintFile) {
	if !c.Quiet {
		return
	}
	for i := range files {
		kept := files[i].Diags[:0]
		for _, d := range files[i].Diags {
			if d.Severity >= lint.Error {
				kept = append(kept, d)
			}
		}
		files[i].Diags = kept
	}
}

// judgeWarnings applies --max-warnings: more warnings than allowed make
// the run fail, as in ESLint.
func (c *lintCmd) judgeWarnings(e *env, files []report.LintFile) {
	if c.MaxWarnings < 0 {
		return
	}
	n := report.Count(files)[lint.Warning]
	if n > c.MaxWarnings {
		fmt.Fprintf(e.stderr, "cscmd: %s, more than --max-warnings %d\n", counted(n, "warning", "warnings"), c.MaxWarnings)
		e.code = max(e.code, exitFindings)
	}
}

// color decides on ANSI colour for the text format. NO_COLOR
// (https://no-color.org) turns off only the automatic choice: an explicit
// --color always wins, as that convention asks.
func (c *lintCmd) color(e *env) bool {
	switch c.Color {
	case "always":
		return true
	case "never":
		return false
	}
	return colorOK(e)
}

// fixTally counts what --fix changed, across the lint workers.
type fixTally struct {
	mu              sync.Mutex
	problems, files int
}

func (t *fixTally) add(problems int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.problems += problems
	t.files++
}

// sayFixed ends a --fix run with what it did, as a log line on stderr so
// that json and sarif output stay one valid document:
// "fixed 3 problems in 2 files; 13 remain".
func (c *lintCmd) sayFixed(e *env, files []report.LintFile) {
	if !c.Fix {
		return
	}
	remain := 0
	for _, n := range report.Count(files) {
		remain += n
	}
	t := &c.fixed
	verb := plural(remain, "remains", "remain")
	fmt.Fprintf(e.stderr, "cscmd: fixed %s in %s; %d %s\n",
		counted(t.problems, "problem", "problems"), counted(t.files, "file", "files"), remain, verb)
}

// counted reads "1 file", "2 files".
func counted(n int, one, other string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, other))
}
