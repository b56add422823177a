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
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("web1on1.api.sendClientMessage('>cs /notify');\nlet s = 'unterminated\n"), 0o644))
	}
	r := cscmd(t, "", "lint", dir)
	require.NotEmpty(t, r.stderr)
	for line := range strings.Lines(r.stderr) {
		assert.True(t, strings.HasPrefix(line, "cscmd: "), "every line is cscmd's own: %q", line)
	}
	assert.NotContains(t, r.stderr, "\x1b", "no escape sequence reaches the terminal")
	assert.NotContains(t, r.stderr, "\x07")
	assert.Contains(t, r.stderr, `a\n::error file=README.md,line=1::Injected\n.js:2:9: unterminated string literal`)
	assert.Contains(t, r.stderr, `b\x1b]0;pwned\a.js:2:9`)
}
