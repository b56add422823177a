package editors_test

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVim sources editors/vim/cscmd.vim, as docs/editors.md says to, in a Vim
// with Debian's ALE.
func TestVim(t *testing.T) {
	vim, err := exec.LookPath("vim")
	if err != nil {
		t.Skip("vim is not installed (Debian: apt-get install vim vim-ale; .ci/run installs them)")
	}
	if matches, _ := filepath.Glob("/usr/share/vim/vimfiles/pack/*/opt/ale"); len(matches) == 0 {
		t.Skip("ALE is not installed (Debian: apt-get install vim-ale; .ci/run installs it)")
	}
	config, err := filepath.Abs("vim/cscmd.vim")
	require.NoError(t, err)
	script, err := filepath.Abs("testdata/check.vim")
	require.NoError(t, err)
	// A vimrc as docs/editors.md shows it.
	vimrc := filepath.Join(t.TempDir(), "vimrc")
	write(t, vimrc, "filetype plugin on\npackadd! ale\nsource "+config+"\n")
	check(t, vim, []string{"-N", "-u", vimrc, "-i", "NONE", "-n", "-es", "-S", script}, "cscmd", "javascript")
}
