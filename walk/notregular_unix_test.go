//go:build unix

package walk

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNotRegular(t *testing.T) {
	root := t.TempDir()
	mktree(t, root, "a.cscmd")
	fifo := filepath.Join(root, "p.cscmd")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	zero := filepath.Join(root, "z.cscmd")
	require.NoError(t, os.Symlink("/dev/zero", zero))

	var errs []string
	opt := Options{
		OnError:        func(path string, err error) { errs = append(errs, filepath.Base(path)+": "+err.Error()) },
		FollowSymlinks: true,
	}
	assert.Equal(t, []string{"a.cscmd"}, rel(t, root, []string{root}, opt), "a walk skips pipes and devices")
	assert.Empty(t, errs)

	paths, err := Collect(context.Background(), []string{fifo, zero}, opt)
	require.NoError(t, err)
	assert.Empty(t, paths)
	assert.ElementsMatch(t, []string{"p.cscmd: not a regular file", "z.cscmd: not a regular file"}, errs, "a root that is one is an error, not a hang")
}
