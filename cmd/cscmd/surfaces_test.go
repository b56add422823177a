package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLintSurfaces lints the pages where sites embed the widget — a
// WordPress page, a Shopify layout, a Vue component, a README — each with
// one broken command among valid ones with template placeholders: walked
// as a directory and named one by one, every broken command is found and
// nothing else.
func TestLintSurfaces(t *testing.T) {
	const dir = "testdata/lint/surfaces"
	want := map[string]string{
		"wp-content/themes/acme/page.php": "21:37: error: unknown command \"/sett\"; did you mean \"/set\"? [unknown-command]",
		"shop/layout/theme.liquid":        "12:43: error: object id must be 24 hex digits, got 23 [objectid-format]",
		"src/components/Chat.vue":         "3:54: error: unknown command \"/asign\"; did you mean \"/assign\"? [unknown-command]",
		"README.md":                       "7:44: error: object id must be 24 hex digits, got 23 [objectid-format]",
	}
	r := cscmd(t, "", "lint", dir)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, r.stdout, "4 problems (4 errors) in 4 files")
	for name, finding := range want {
		path := filepath.Join(dir, name)
		assert.Contains(t, r.stdout, path+":"+finding)
		t.Run(name, func(t *testing.T) {
			r := cscmd(t, "", "lint", path)
			assert.Equal(t, exitFindings, r.code, r.stderr)
			assert.Contains(t, r.stdout, path+":"+finding)
			assert.Contains(t, r.stdout, "1 problem (1 error) in 1 file")
			assert.Empty(t, r.stderr)
		})
	}
}
