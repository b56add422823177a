package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/host"
)

// TestRealCodeZeroFindings lints real third-party packages — jquery,
// lodash, d3, three, vue, react, typescript and more, and packages that
// ship Vue, Svelte and Astro components, Nunjucks, PHP, EJS, Twig and
// Handlebars templates and Markdown, fetched with npm pack by
// scripts/realcode.sh — and expects no finding at all: cscmd must never
// cry wolf on code that holds no >cs commands. The tree is cached in the
// temporary directory between runs.
func TestRealCodeZeroFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("fetches packages from the npm registry")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("npm is not installed")
	}
	dir := filepath.Join(os.TempDir(), "cscmd-realcode")
	cmd := exec.Command("bash", "scripts/realcode.sh", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot fetch the packages (%v): %s", err, out)
	}
	r := cscmd(t, "", "lint", "--format", "json", dir)
	require.Equal(t, exitOK, r.code, r.stderr)
	var got struct {
		Diagnostics []map[string]any    `json:"diagnostics"`
		Summary     struct{ Files int } `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Empty(t, got.Diagnostics)
	assert.Greater(t, got.Summary.Files, 1000, "the packages were linted")
	assert.Empty(t, r.stderr)
	t.Run("every file extracted", func(t *testing.T) { realCodeExtracts(t, dir) })
}

// realCodeExtracts extracts every file of the components, templates and
// Markdown in the tree without the byte pre-check, which skips nearly all
// of them: none may hold a syntax error (host-syntax noise a user would
// have to read past) or a candidate message, so that the zero findings
// above do not rest on the pre-check alone.
func realCodeExtracts(t *testing.T, dir string) {
	seen := map[string]int{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		l := host.ByPath(path)
		if l == nil || l.Extract == nil || l == host.JS || l == host.JSON || l == host.JSONC || l == host.YAML {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, xerr := host.Extract(l, src)
		assert.NoError(t, xerr, path)
		for _, s := range f.Strings {
			assert.Fail(t, "a candidate message in real code", "%s: %q", path, s.Text)
		}
		seen[l.Name]++
		return nil
	})
	require.NoError(t, err)
	for _, name := range []string{"html", "vue", "svelte", "astro", "markdown", "php", "jinja", "ejs", "twig", "handlebars"} {
		assert.Positive(t, seen[name], "the corpus holds %s files", name)
	}
	t.Logf("extracted: %v", seen)
}
