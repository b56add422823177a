package editors_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEmacs loads editors/emacs/cscmd.el, as docs/editors.md says to, into a
// batch Emacs with eglot and opens a command file and a script.
func TestEmacs(t *testing.T) {
	emacs, err := exec.LookPath("emacs")
	if err != nil {
		t.Skip("emacs is not installed (Debian: apt-get install emacs-nox elpa-eglot; .ci/run installs them)")
	}
	root, commands, script := workspace(t)
	dir := t.TempDir()
	config, err := filepath.Abs("emacs/cscmd.el")
	require.NoError(t, err)
	check, err := filepath.Abs("testdata/check.el")
	require.NoError(t, err)
	out := filepath.Join(dir, "result.json")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// -q skips the user's init file but not site-start, where Debian's
	// elpa-eglot puts eglot on the load path, as for a user.
	cmd := exec.CommandContext(ctx, emacs, "--batch", "-q", "-l", config, "-l", check)
	cmd.Dir = root
	cmd.Env = append(editorEnv(t, filepath.Join(dir, "home")),
		"CSCMD_CHECK_FILES="+commands+"\n"+script, "CSCMD_CHECK_OUT="+out)
	output, err := cmd.CombinedOutput()
	require.NoError(t, err, "emacs: %s", output)

	res := readChecked(t, out)
	require.Empty(t, res.Error)
	require.Len(t, res.Files, 2)
	assert.Equal(t, "cscmd-mode", res.Files[0].Filetype)
	assert.Equal(t, wantCodes["onopen.cscmd"], res.Files[0].Codes)
	assert.Equal(t, "js-mode", res.Files[1].Filetype)
	assert.Equal(t, wantCodes["page.js"], res.Files[1].Codes)
}
