package editors_test

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestEmacs loads editors/emacs/cscmd.el, as docs/editors.md says to, into a
// batch Emacs with eglot.
func TestEmacs(t *testing.T) {
	emacs, err := exec.LookPath("emacs")
	if err != nil {
		t.Skip("emacs is not installed (Debian: apt-get install emacs-nox elpa-eglot; .ci/run installs them)")
	}
	config, err := filepath.Abs("emacs/cscmd.el")
	require.NoError(t, err)
	script, err := filepath.Abs("testdata/check.el")
	require.NoError(t, err)
	// -q skips the user's init file but not site-start, where Debian's
	// elpa-eglot puts eglot on the load path, as for a user.
	check(t, emacs, []string{"--batch", "-q", "-l", config, "-l", script}, "cscmd-mode", "js-mode")
}
