package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStderrEscaped(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold control characters")
	}
	dir := t.TempDir()
	for _, name := range []string{"a\n::error file=README.md,line=1::Injected\n.js", "b\x1b]0;pwned\x07.js"} {
		// A NUL byte: a binary file, reported on stderr with its name (a
		// host file's own syntax error is a finding now, on stdout).
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("web1on1.api.sendClientMessage('>cs /notify');\n\x00\n"), 0o644))
	}
	r := cscmd(t, "", "lint", dir)
	require.NotEmpty(t, r.stderr)
	for line := range strings.Lines(r.stderr) {
		assert.True(t, strings.HasPrefix(line, "cscmd: "), "every line is cscmd's own: %q", line)
	}
	assert.NotContains(t, r.stderr, "\x1b", "no escape sequence reaches the terminal")
	assert.NotContains(t, r.stderr, "\x07")
	assert.Contains(t, r.stderr, `a\n::error file=README.md,line=1::Injected\n.js: binary file`)
	assert.Contains(t, r.stderr, `b\x1b]0;pwned\a.js: binary file`)
}
