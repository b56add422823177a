package editors_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
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
// configuration of a headless Neovim, and opens a command file and a script.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed (Debian: apt-get install neovim; .ci/run installs it)")
	}
	root, commands, script := workspace(t)
	dir := t.TempDir()
	initLua := filepath.Join(dir, "init.lua")
	write(t, initLua, readmeSnippet(t, "### Neovim", "lua"))
	check, err := filepath.Abs("testdata/check.lua")
	require.NoError(t, err)
	out := filepath.Join(dir, "result.json")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", initLua, "-S", check)
	cmd.Dir = root
	cmd.Env = append(editorEnv(t, filepath.Join(dir, "home")),
		"CSCMD_CHECK_FILES="+commands+"\n"+script, "CSCMD_CHECK_OUT="+out)
	output, err := cmd.CombinedOutput()
	require.NoError(t, err, "nvim: %s", output)

	res := readChecked(t, out)
	require.Empty(t, res.Error)
	require.Len(t, res.Files, 2)
	assert.Equal(t, "cscmd", res.Files[0].Filetype, "the snippet gives .cscmd files their file type")
	assert.Equal(t, wantCodes["onopen.cscmd"], res.Files[0].Codes)
	assert.Equal(t, "javascript", res.Files[1].Filetype)
	assert.Equal(t, wantCodes["page.js"], res.Files[1].Codes)
}
