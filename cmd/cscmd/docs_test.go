package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/lint"
)

// invocation is one cscmd command line shown in the documentation.
type invocation struct {
	where string   // file:line
	args  []string // after "cscmd"
	stdin *string  // from an `echo '…' |` before it, when there is one
}

// fence matches a fenced code block of shell commands.
var fence = regexp.MustCompile("(?ms)^```(?:sh|bash|shell|console)\n(.*?)^```")

// docInvocations extracts every cscmd command line from the shell blocks of
// the README and docs/*.md: as a command of its own, in a pipeline, after
// `$ ` or spelled `go run ./cmd/cscmd`.
func docInvocations(t *testing.T) []invocation {
	files, err := filepath.Glob("docs/*.md")
	require.NoError(t, err)
	files = append([]string{"README.md"}, files...)
	var out []invocation
	for _, file := range files {
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		for _, m := range fence.FindAllSubmatchIndex(src, -1) {
			firstLine := bytes.Count(src[:m[2]], []byte("\n")) + 1
			for i, line := range strings.Split(string(src[m[2]:m[3]]), "\n") {
				where := file + ":" + strconv.Itoa(firstLine+i)
				words, err := shellWords(strings.TrimPrefix(line, "$ "))
				require.NoError(t, err, where)
				var stdin *string
				for _, seg := range splitPipeline(words) {
					if len(seg) >= 2 && seg[0] == "echo" {
						s := strings.Join(seg[1:], " ") + "\n"
						stdin = &s
						continue
					}
					switch {
					case len(seg) > 0 && seg[0] == "cscmd":
						out = append(out, invocation{where, seg[1:], stdin})
					case len(seg) > 2 && seg[0] == "go" && seg[1] == "run" && seg[2] == "./cmd/cscmd":
						out = append(out, invocation{where, seg[3:], stdin})
					}
					stdin = nil
				}
			}
		}
	}
	return out
}

// shellWords splits a line as a POSIX shell would for the simple commands
// the docs show: words, '…' and "…" quoting, a comment from an unquoted #
// that starts a word, and |, && and ; as words of their own.
func shellWords(line string) ([]string, error) {
	var (
		words  []string
		cur    strings.Builder
		inWord bool
	)
	flush := func() {
		if inWord {
			words = append(words, cur.String())
			cur.Reset()
			inWord = false
		}
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			flush()
		case c == '#' && !inWord:
			return words, nil
		case c == '\'' || c == '"':
			end := strings.IndexByte(line[i+1:], c)
			if end < 0 {
				return nil, io.ErrUnexpectedEOF
			}
			cur.WriteString(line[i+1 : i+1+end])
			inWord = true
			i += end + 1
		case c == '|' || c == ';':
			flush()
			words = append(words, string(c))
		case c == '&' && i+1 < len(line) && line[i+1] == '&':
			flush()
			words = append(words, "&&")
			i++
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	flush()
	return words, nil
}

func splitPipeline(words []string) [][]string {
	var out [][]string
	start := 0
	for i, w := range words {
		if w == "|" || w == "&&" || w == ";" {
			out = append(out, words[start:i])
			start = i + 1
		}
	}
	return append(out, words[start:])
}

// TestDocsCommandLines checks that every cscmd command line in the README
// and docs/ is a valid invocation — a known command with known flags and
// valid values — and runs those that read only what the repository holds,
// checking that none fails for a reason other than findings.
func TestDocsCommandLines(t *testing.T) {
	invs := docInvocations(t)
	require.GreaterOrEqual(t, len(invs), 15, "the docs show cscmd at work")
	ran := 0
	for _, inv := range invs {
		t.Run(inv.where+" "+strings.Join(inv.args, " "), func(t *testing.T) {
			var c cli
			exited := -1
			p, err := kong.New(&c, kong.Name("cscmd"), kong.Writers(io.Discard, io.Discard),
				kong.Exit(func(code int) { exited = code }), kong.Vars{"version": "test"})
			require.NoError(t, err)
			args := inv.args
			if len(args) == 0 {
				args = []string{"--help"} // what run does with a bare cscmd
			}
			ctx, err := p.Parse(args)
			if exited >= 0 {
				assert.Equal(t, 0, exited, "--help and --version exit 0")
				return
			}
			require.NoError(t, err, "%s: not a valid cscmd command line", inv.where)
			if !runnable(ctx.Command(), &c, inv) {
				return
			}
			stdin := ""
			if inv.stdin != nil {
				stdin = *inv.stdin
			}
			r := cscmd(t, stdin, inv.args...)
			assert.Contains(t, []int{exitOK, exitFindings}, r.code, "%s: %s", inv.where, r.stderr)
			ran++
		})
	}
	assert.GreaterOrEqual(t, ran, 5, "some of the examples run here")
}

// readOnlyFlags are the flags that make an example neither write a file nor
// wait: an example with any other flag is only parsed.
var readOnlyFlags = map[string]bool{
	"--format": true, "--config": true, "--fail-on": true, "--stdin-filename": true,
	"-q": true, "--quiet": true, "--max-warnings": true, "--color": true,
	"--follow-symlinks": true, "-v": true, "--verbose": true,
	"-l": true, "-d": true, "--check": true, "--help": true,
}

// runnable reports whether an example can run in the test: it changes no
// file, does not serve, and reads only paths the repository holds (or the
// standard input the example pipes in).
func runnable(command string, c *cli, inv invocation) bool {
	for _, a := range inv.args {
		name, _, _ := strings.Cut(a, "=")
		if strings.HasPrefix(a, "-") && a != "-" && !readOnlyFlags[name] {
			return false // a flag that may write (a baseline, a report file) or is new here
		}
	}
	var paths []string
	switch command {
	case "version", "rules", "explain <RULE>":
		return true
	case "lint", "lint <PATH>":
		if c.Lint.Fix || c.Lint.StdinFilename != "" && inv.stdin == nil {
			return false
		}
		paths = c.Lint.Paths
	case "fmt", "fmt <PATH>":
		if c.Fmt.Write {
			return false
		}
		paths = c.Fmt.Paths
	case "parse", "parse <FILE>":
		paths = c.Parse.Files
	default: // init writes, lsp serves
		return false
	}
	if len(paths) == 0 {
		// The working directory, or a standard input not shown.
		return inv.stdin != nil
	}
	for _, p := range paths {
		if p == "." {
			return false // the repository itself, with test data of broken configs
		}
		if p == "-" {
			if inv.stdin == nil {
				return false
			}
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return false
		}
	}
	return true
}

func TestShellWords(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"cscmd lint site/ # a comment", []string{"cscmd", "lint", "site/"}},
		{`echo '>cs /sett x' | cscmd lint -`, []string{"echo", ">cs /sett x", "|", "cscmd", "lint", "-"}},
		{`a "b c"d && e;f`, []string{"a", "b cd", "&&", "e", ";", "f"}},
		{"x#y", []string{"x#y"}},
	} {
		t.Run(tc.line, func(t *testing.T) {
			got, err := shellWords(tc.line)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	_, err := shellWords(`echo 'unterminated`)
	assert.Error(t, err)
}

// TestDocsRules checks that docs/rules.md has a row for every rule, linked
// to its page, so that a new rule cannot be left out of the docs.
func TestDocsRules(t *testing.T) {
	src, err := os.ReadFile("docs/rules.md")
	require.NoError(t, err)
	for _, r := range lint.Rules {
		assert.Contains(t, string(src), "| [`"+r.ID+"`](../lint/docs/"+r.ID+".md) | "+r.Severity.String()+" |",
			"docs/rules.md needs a row for %s", r.ID)
	}
}

// TestDocsSelfContained checks that no page points outside the repository
// for something a user needs: a clone has nothing beside it.
func TestDocsSelfContained(t *testing.T) {
	files, err := filepath.Glob("docs/*.md")
	require.NoError(t, err)
	for _, f := range append(files, "README.md") {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.NotContains(t, string(src), "../shared", f)
		assert.NotContains(t, string(src), "SPEC.md", f)
	}
}
