//go:build unix

package rewrite

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// file writes a file and returns its path and stamp.
func file(t *testing.T, dir, name, text string, mode fs.FileMode) (string, Stamp) {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(text), mode))
	require.NoError(t, os.Chmod(p, mode))
	return p, stamp(t, p)
}

func stamp(t *testing.T, p string) Stamp {
	t.Helper()
	st, err := os.Stat(p)
	require.NoError(t, err)
	return StampOf(st)
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return string(b)
}

func TestFileReplaces(t *testing.T) {
	dir := t.TempDir()
	p, s := file(t, dir, "a.cscmd", "old\n", 0o640)
	require.NoError(t, File(p, []byte("new\n"), s, Options{}))
	assert.Equal(t, "new\n", read(t, p))
	st, err := os.Lstat(p)
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o640), st.Mode(), "a regular file with its mode")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left")
}

func TestFileSymlink(t *testing.T) {
	dir := t.TempDir()
	target, s := file(t, dir, "target.cscmd", "old\n", 0o644)
	link := filepath.Join(dir, "link.cscmd")
	require.NoError(t, os.Symlink("target.cscmd", link))
	inside := func(p string) bool { return strings.HasPrefix(p, dir) }

	require.NoError(t, File(link, []byte("new\n"), s, Options{Within: inside}))
	assert.Equal(t, "new\n", read(t, target), "the target is written")
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&fs.ModeSymlink, "the link stays a link")

	err = File(link, []byte("newer\n"), stamp(t, target), Options{Within: func(string) bool { return false }})
	require.Error(t, err)
	assert.Equal(t, link+": symbolic link to "+target+", outside the files being changed; not changed", err.Error())
	assert.Equal(t, "new\n", read(t, target))
}

func TestFileHardLink(t *testing.T) {
	dir := t.TempDir()
	a, s := file(t, dir, "a.cscmd", "old\n", 0o644)
	b := filepath.Join(dir, "b.cscmd")
	require.NoError(t, os.Link(a, b))
	require.NoError(t, File(a, []byte("new, and longer\n"), s, Options{}))
	assert.Equal(t, "new, and longer\n", read(t, b), "both names see the new contents")
	require.NoError(t, File(b, []byte("short\n"), stamp(t, b), Options{}))
	assert.Equal(t, "short\n", read(t, a), "a shorter text is not followed by the old tail")
}

func TestFileOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	dir := t.TempDir()
	p, _ := file(t, dir, "a.cscmd", "old\n", 0o644)
	require.NoError(t, os.Chown(p, 65534, 65534))
	require.NoError(t, File(p, []byte("new\n"), stamp(t, p), Options{}))
	st, err := os.Stat(p)
	require.NoError(t, err)
	sys := st.Sys().(*syscall.Stat_t)
	assert.Equal(t, []uint32{65534, 65534}, []uint32{sys.Uid, sys.Gid}, "owner and group are kept")
	assert.Equal(t, "new\n", read(t, p))
}

func TestFileReadOnly(t *testing.T) {
	dir := t.TempDir()
	p, s := file(t, dir, "a.cscmd", "old\n", 0o444)
	err := File(p, []byte("new\n"), s, Options{})
	require.Error(t, err)
	assert.Equal(t, p+": the file is read-only (mode 0444); not changed", err.Error())
	assert.Equal(t, "old\n", read(t, p))
}

func TestFileDirectoryNotWritable(t *testing.T) {
	dir := t.TempDir()
	p, s := file(t, dir, "a.cscmd", "old\n", 0o644)
	createTemp = func(dir, pattern string) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: syscall.EACCES}
	}
	t.Cleanup(func() { createTemp = os.CreateTemp })
	err := File(p, []byte("new\n"), s, Options{})
	require.Error(t, err)
	assert.ErrorIs(t, err, fs.ErrPermission)
	assert.Equal(t, p+": cannot write in its directory "+dir+": permission denied; not changed", err.Error(), "the directory is blamed, not the file")
	assert.Equal(t, "old\n", read(t, p))
}

func TestFileChanged(t *testing.T) {
	dir := t.TempDir()
	p, s := file(t, dir, "a.cscmd", "old\n", 0o644)
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString("appended meanwhile\n")
	require.NoError(t, err)
	require.NoError(t, f.Close())

	err = File(p, []byte("new\n"), s, Options{})
	assert.ErrorIs(t, err, ErrChanged)
	assert.Equal(t, p+": changed since it was read; left as it is", err.Error())
	assert.Equal(t, "old\nappended meanwhile\n", read(t, p), "the other writer's lines are kept")

	require.NoError(t, File(p, []byte("old\nappended meanwhile\n"), s, Options{}), "a file that already holds the result is no conflict")
}

func TestFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.cscmd")
	require.NoError(t, syscall.Mkfifo(p, 0o644))
	err := File(p, []byte("new\n"), Stamp{}, Options{})
	require.Error(t, err)
	assert.Equal(t, p+": not a regular file; not changed", err.Error())

	err = File(filepath.Join(dir, "missing.cscmd"), []byte("new\n"), Stamp{}, Options{})
	require.Error(t, err)
	assert.Equal(t, filepath.Join(dir, "missing.cscmd")+": no such file or directory; not changed", err.Error())
}

// TestFileChangedWhileWriting appends to the file after File has checked
// it and before the rename: the last look before the rename sees it.
func TestFileChangedWhileWriting(t *testing.T) {
	dir := t.TempDir()
	p, s := file(t, dir, "a.cscmd", "old\n", 0o644)
	createTemp = func(dir, pattern string) (*os.File, error) {
		f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		require.NoError(t, err)
		_, err = f.WriteString("appended meanwhile\n")
		require.NoError(t, err)
		require.NoError(t, f.Close())
		return os.CreateTemp(dir, pattern)
	}
	t.Cleanup(func() { createTemp = os.CreateTemp })
	err := File(p, []byte("new\n"), s, Options{})
	assert.ErrorIs(t, err, ErrChanged)
	assert.Equal(t, "old\nappended meanwhile\n", read(t, p))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "the temporary file is removed")
}
