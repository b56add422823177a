package editors_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// readmeSnippet returns the first code block of language lang under the
// heading in ../README.md: the test runs what the user copies.
func readmeSnippet(t *testing.T, heading, lang string) string {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	re := regexp.MustCompile("(?ms)^" + regexp.QuoteMeta(heading) + "\n.*?^```" + lang + "\n(.*?)^```\n")
	m := re.FindSubmatch(b)
	require.NotNil(t, m, "README.md has no %s block under %q", lang, heading)
	return string(m[1])
}

// TestNeovim runs the README's Neovim snippet, as written there, as the only
// configuration of a headless Neovim.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed (Debian: apt-get install neovim; .ci/run installs it)")
	}
	initLua := filepath.Join(t.TempDir(), "init.lua")
	write(t, initLua, readmeSnippet(t, "### Neovim", "lua"))
	script, err := filepath.Abs("testdata/check.lua")
	require.NoError(t, err)
	check(t, nvim, []string{"--headless", "--clean", "-u", initLua, "-S", script}, "cscmd", "javascript")
}
