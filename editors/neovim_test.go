package editors_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

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

var nvimVersion = regexp.MustCompile(`^NVIM v(\d+)\.(\d+)\.(\d+)`)

// TestNeovim runs the README's Neovim snippet, as written there, as the only
// configuration of a headless Neovim: the machine's own (Debian 12: 0.7.2)
// and those of newer Debian suites that testdata/neovim-debian.sh put in the
// cache (trixie: 0.10, sid: 0.12 today), one subtest per version. Besides
// the diagnostics it checks that Neovim printed nothing (no deprecation
// warning, no error) and which branch of the snippet started the server.
func TestNeovim(t *testing.T) {
	initLua := filepath.Join(t.TempDir(), "init.lua")
	write(t, initLua, readmeSnippet(t, "### Neovim", "lua"))
	script, err := filepath.Abs("testdata/check.lua")
	require.NoError(t, err)
	calls, err := filepath.Abs("testdata/lsp-calls.lua")
	require.NoError(t, err)
	home, err := os.UserHomeDir()
	require.NoError(t, err)
	cache := filepath.Join(home, ".cache", "cscmd-e2e")

	system, _ := exec.LookPath("nvim")
	neovims := []struct{ from, path, missing string }{
		{"system", system, "nvim is not installed (Debian: apt-get install neovim; .ci/run installs it)"},
	}
	for _, suite := range []string{"trixie", "sid"} {
		neovims = append(neovims, struct{ from, path, missing string }{suite,
			filepath.Join(cache, "nvim-"+suite, "bin", "nvim"),
			"Neovim from Debian " + suite + " is not in " + cache + " (run editors/testdata/neovim-debian.sh " + suite + "; .ci/run does)"})
	}
	for _, n := range neovims {
		if _, err := os.Stat(n.path); n.path == "" || err != nil {
			t.Run(n.from, func(t *testing.T) { t.Skip(n.missing) })
			continue
		}
		out, err := exec.Command(n.path, "--version").CombinedOutput()
		m := nvimVersion.FindSubmatch(out)
		if err != nil || m == nil {
			t.Run(n.from, func(t *testing.T) { t.Fatalf("%s --version: %v: %s", n.path, err, out) })
			continue
		}
		version := string(m[1]) + "." + string(m[2]) + "." + string(m[3])
		major, _ := strconv.Atoi(string(m[1]))
		minor, _ := strconv.Atoi(string(m[2]))
		t.Run(version, func(t *testing.T) {
			res, output := check(t, n.path, []string{"--headless", "--clean",
				"--cmd", "lua dofile(" + strconv.Quote(calls) + ")",
				"-u", initLua, "-S", script}, "cscmd", "javascript")
			assert.Equal(t, version, res.Editor)
			assert.Empty(t, output, "Neovim printed a warning or an error")
			if major == 0 && minor < 11 {
				assert.Contains(t, res.Calls, "start_client", "0.7 to 0.10 start the server with vim.lsp.start_client")
				assert.NotContains(t, res.Calls, "enable")
			} else {
				assert.Contains(t, res.Calls, "enable", "0.11 and newer start the server through vim.lsp.config and vim.lsp.enable")
				assert.NotContains(t, res.Calls, "start_client", "deprecated since 0.11")
			}
		})
	}
}
