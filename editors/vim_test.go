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

// TestVim sources editors/vim/cscmd.vim, as docs/editors.md says to, in a Vim
// with Debian's ALE and opens a command file and a script.
func TestVim(t *testing.T) {
	vim, err := exec.LookPath("vim")
	if err != nil {
		t.Skip("vim is not installed (Debian: apt-get install vim vim-ale; .ci/run installs them)")
	}
	if matches, _ := filepath.Glob("/usr/share/vim/vimfiles/pack/*/opt/ale"); len(matches) == 0 {
		t.Skip("ALE is not installed (Debian: apt-get install vim-ale; .ci/run installs it)")
	}
	root, commands, script := workspace(t)
	dir := t.TempDir()
	config, err := filepath.Abs("vim/cscmd.vim")
	require.NoError(t, err)
	check, err := filepath.Abs("testdata/check.vim")
	require.NoError(t, err)
	vimrc := filepath.Join(dir, "vimrc")
	// A vimrc as docs/editors.md shows it.
	write(t, vimrc, "filetype plugin on\npackadd! ale\nsource "+config+"\n")
	out := filepath.Join(dir, "result.json")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, vim, "-N", "-u", vimrc, "-i", "NONE", "-n", "-es", "-S", check)
	cmd.Dir = root
	cmd.Env = append(editorEnv(t, filepath.Join(dir, "home")),
		"CSCMD_CHECK_FILES="+commands+"\n"+script, "CSCMD_CHECK_OUT="+out)
	output, err := cmd.CombinedOutput()
	require.NoError(t, err, "vim: %s", output)

	res := readChecked(t, out)
	require.Empty(t, res.Error)
	require.Len(t, res.Files, 2)
	assert.Equal(t, "cscmd", res.Files[0].Filetype)
	assert.Equal(t, wantCodes["onopen.cscmd"], res.Files[0].Codes)
	assert.Equal(t, "javascript", res.Files[1].Filetype)
	assert.Equal(t, wantCodes["page.js"], res.Files[1].Codes)
}
