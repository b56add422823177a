package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRealCodeZeroFindings lints real third-party packages — jquery,
// lodash, d3, three, vue, react, typescript and more, fetched with npm pack
// by scripts/realcode.sh — and expects no finding at all: cscmd must never
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
}
