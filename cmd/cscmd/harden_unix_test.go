//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixable is a command file that --fix changes, and what it becomes.
const (
	fixable = ">cs /assign 62C6077CA980127F404B0301\n"
	fixed   = ">cs /assign 62c6077ca980127f404b0301\n"
)

func readString(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return string(b)
}

func TestFixKeepsLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.cscmd")
	require.NoError(t, os.WriteFile(target, []byte(fixable), 0o644))
	link := filepath.Join(dir, "sub", "link.cscmd")
	require.NoError(t, os.Mkdir(filepath.Dir(link), 0o755))
	require.NoError(t, os.Symlink("../target.cscmd", link))
	hard := filepath.Join(dir, "hard.cscmd")
	other := filepath.Join(dir, "sub", "other-name")
	require.NoError(t, os.WriteFile(hard, []byte(fixable), 0o644))
	require.NoError(t, os.Link(hard, other))

	r := cscmd(t, "", "lint", "--fix", link, hard)
	assert.Equal(t, exitOK, r.code, r.stderr)
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link is still a link")
	assert.Equal(t, fixed, readString(t, target), "and its target is fixed")
	assert.Equal(t, fixed, readString(t, other), "a hard link sees the fix: the file was written in place")

	outside := filepath.Join(t.TempDir(), "elsewhere.cscmd")
	require.NoError(t, os.WriteFile(outside, []byte(fixable), 0o644))
	out := filepath.Join(dir, "out.cscmd")
	require.NoError(t, os.Symlink(outside, out))
	r = cscmd(t, "", "lint", "--fix", out)
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, out+": symbolic link to ")
	assert.Contains(t, r.stderr, "outside the files being changed; not changed")
	assert.Equal(t, fixable, readString(t, outside), "a link out of the tree is not written through")
}

func TestFixKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	f := filepath.Join(t.TempDir(), "a.cscmd")
	require.NoError(t, os.WriteFile(f, []byte(fixable), 0o644))
	require.NoError(t, os.Chown(f, 65534, 65534))
	r := cscmd(t, "", "lint", "--fix", f)
	assert.Equal(t, exitOK, r.code, r.stderr)
	st, err := os.Stat(f)
	require.NoError(t, err)
	sys := st.Sys().(*syscall.Stat_t)
	assert.Equal(t, []uint32{65534, 65534}, []uint32{sys.Uid, sys.Gid})
	assert.Equal(t, fixed, readString(t, f))
}

func TestFixRefusesReadOnly(t *testing.T) {
	f := filepath.Join(t.TempDir(), "a.cscmd")
	require.NoError(t, os.WriteFile(f, []byte(fixable), 0o444))
	r := cscmd(t, "", "lint", "--fix", f)
	assert.Equal(t, exitFailure, r.code)
	assert.Equal(t, "cscmd: "+f+": the file is read-only (mode 0444); not changed\ncscmd: fixed 0 problems in 0 files; 1 remains\n", r.stderr,
		"a fix that could not be written is not counted")
	assert.Equal(t, fixable, readString(t, f))
	assert.Contains(t, r.stdout, "uppercase hex digits", "what is left unfixed is reported")

	r = cscmd(t, "", "fmt", "-w", f)
	assert.Equal(t, exitFailure, r.code)
	assert.Equal(t, "cscmd: "+f+": the file is read-only (mode 0444); not changed\n", r.stderr)
}

func TestFmtWriteThroughLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.cscmd")
	require.NoError(t, os.WriteFile(target, []byte(">cs   /notify\n"), 0o644))
	link := filepath.Join(dir, "link.cscmd")
	require.NoError(t, os.Symlink("target.cscmd", link))
	r := cscmd(t, "", "fmt", "-w", link)
	assert.Equal(t, exitOK, r.code, r.stderr)
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink)
	assert.Equal(t, ">cs /notify\n", readString(t, target))
}

// inTime runs the command, failing the test instead of hanging it.
func inTime(t *testing.T, args ...string) result {
	t.Helper()
	done := make(chan result, 1)
	go func() { done <- cscmd(t, "", args...) }()
	select {
	case r := <-done:
		return r
	case <-time.After(20 * time.Second):
		t.Fatalf("cscmd %s did not return", strings.Join(args, " "))
		return result{}
	}
}

func TestNotRegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "p.cscmd")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	zero := filepath.Join(dir, "z.cscmd")
	require.NoError(t, os.Symlink("/dev/zero", zero))
	good := filepath.Join(dir, "good.cscmd")
	require.NoError(t, os.WriteFile(good, []byte(fixable), 0o644))

	for _, args := range [][]string{{"lint"}, {"lint", "--fix"}, {"parse"}, {"fmt"}, {"fmt", "-w"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := inTime(t, append(args, fifo, zero)...)
			assert.Equal(t, exitFailure, r.code)
			assert.Contains(t, r.stderr, "cscmd: "+fifo+": not a regular file\n")
			assert.Contains(t, r.stderr, "cscmd: "+zero+": not a regular file\n")
		})
	}
	r := inTime(t, "lint", "--fail-on", "warning", dir)
	assert.Equal(t, exitFindings, r.code, "walking, pipes and devices are skipped: %s", r.stderr)
	assert.Contains(t, r.stdout, "good.cscmd")
}

func TestLinksOutsideSkipped(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "passwd")
	require.NoError(t, os.WriteFile(outside, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644))
	dir := t.TempDir()
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "p.cscmd")))
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "q.cscmd")))

	r := cscmd(t, "", "lint", dir)
	assert.Equal(t, exitOK, r.code)
	assert.Empty(t, r.stdout, "the file outside is not read")
	assert.Equal(t, "cscmd: skipped 2 symbolic links to files outside the linted directories; --verbose names them, --follow-symlinks lints them\n", r.stderr)

	r = cscmd(t, "", "lint", "--verbose", dir)
	real, err := filepath.EvalSymlinks(outside)
	require.NoError(t, err)
	assert.Contains(t, r.stderr, "cscmd: "+filepath.Join(dir, "p.cscmd")+": skipped: a symbolic link to "+real+", outside the linted directories\n")
	assert.Equal(t, 2, strings.Count(r.stderr, "\n"))

	r = cscmd(t, "", "lint", "--follow-symlinks", "--fail-on", "warning", dir)
	assert.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, "root:x:0:0", "read when asked for")
	assert.Empty(t, r.stderr)
}
