package main

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStderrEscaped(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold control characters")
	}
	// Files that cannot be read are named on stderr (a host file's own
	// syntax error is a finding, on stdout, escaped by its format).
	dir := t.TempDir()
	var args []string
	for _, name := range []string{"a\n::error file=README.md,line=1::Injected\n.js", "b\x1b]0;pwned\x07.js"} {
		args = append(args, filepath.Join(dir, name))
	}
	r := cscmd(t, "", append([]string{"lint"}, args...)...)
	require.NotEmpty(t, r.stderr)
	for line := range strings.Lines(r.stderr) {
		assert.True(t, strings.HasPrefix(line, "cscmd: "), "every line is cscmd's own: %q", line)
	}
	assert.NotContains(t, r.stderr, "\x1b", "no escape sequence reaches the terminal")
	assert.NotContains(t, r.stderr, "\x07")
	assert.Contains(t, r.stderr, `a\n::error file=README.md,line=1::Injected\n.js: no such file or directory`)
	assert.Contains(t, r.stderr, `b\x1b]0;pwned\a.js: no such file or directory`)
}

// FuzzEscapeLine checks that whatever a file name holds, its line on
// stderr stays one line of printable UTF-8, and that a plain name is
// printed as it is.
func FuzzEscapeLine(f *testing.F) {
	for _, s := range []string{"a.js", "a\n::error::x\n.js", "b\x1b]0;t\x07.js", "c\u202e.js", "d\xff.js", "tab\there", "é😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := escapeLine(s)
		if !utf8.ValidString(out) {
			t.Fatalf("%q: not UTF-8: %q", s, out)
		}
		plain := true
		for _, r := range s {
			if r != '\t' && (r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || isBidi(r)) {
				plain = false
			}
		}
		for _, r := range out {
			if r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || isBidi(r)) {
				t.Fatalf("%q: %q left in %q", s, r, out)
			}
		}
		if plain && out != s {
			t.Fatalf("%q changed to %q", s, out)
		}
	})
}
