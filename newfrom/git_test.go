package newfrom

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// repo makes a git repository in a temporary directory and returns a
// function that runs git there.
func repo(t *testing.T) (string, func(args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	run("init", "-q", "-b", "main")
	return dir, run
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
}

func TestFromRev(t *testing.T) {
	dir, git := repo(t)
	write(t, dir, "cmds/a.cscmd", "one\ntwo\nthree\n")
	write(t, dir, ".gitignore", "dist/\n")
	git("add", ".")
	git("commit", "-qm", "first")
	write(t, dir, "cmds/a.cscmd", "one\nTWO\nthree\nfour\n") // unstaged
	write(t, dir, "staged.js", "x\n")
	git("add", "staged.js")
	write(t, dir, "new dir/untracked.yaml", "a\nb\n")
	write(t, dir, "dist/ignored.js", "x\n")

	c, err := FromRev(dir, "HEAD")
	require.NoError(t, err)
	tests := []struct {
		path string
		line int
		want bool
	}{
		{"cmds/a.cscmd", 1, false},
		{"cmds/a.cscmd", 2, true},
		{"cmds/a.cscmd", 3, false},
		{"cmds/a.cscmd", 4, true},
		{"staged.js", 1, true},
		{"new dir/untracked.yaml", 2, true},
		{"dist/ignored.js", 1, false},
		{".gitignore", 1, false},
	}
	for _, tt := range tests {
		// The linter's paths are relative to the working directory, or
		// absolute: both are matched.
		assert.Equal(t, tt.want, c.File(filepath.Join(dir, tt.path)).Has(tt.line), "%s:%d", tt.path, tt.line)
	}
	t.Chdir(filepath.Join(dir, "cmds"))
	assert.True(t, c.File("a.cscmd").Has(2), "a path relative to a subdirectory")
	assert.False(t, c.File("a.cscmd").Has(1))
}

func TestFromMergeBase(t *testing.T) {
	dir, git := repo(t)
	write(t, dir, "a.cscmd", "base\n")
	git("add", ".")
	git("commit", "-qm", "base")
	git("checkout", "-qb", "feature")
	write(t, dir, "a.cscmd", "base\nfeature\n")
	git("commit", "-qam", "feature")
	git("checkout", "-q", "main")
	write(t, dir, "b.cscmd", "main moved on\n")
	git("add", ".")
	git("commit", "-qm", "main")
	git("checkout", "-q", "feature")

	c, err := FromMergeBase(dir, "main")
	require.NoError(t, err)
	assert.True(t, c.File(filepath.Join(dir, "a.cscmd")).Has(2), "the branch's own change")
	assert.False(t, c.File(filepath.Join(dir, "a.cscmd")).Has(1))
	assert.False(t, c.File(filepath.Join(dir, "b.cscmd")).Has(1), "not on the branch: what main gained is not new here")

	// Against main itself (--new-from-rev main), main's file shows up as
	// changed (removed) and the feature line as new.
	c, err = FromRev(dir, "main")
	require.NoError(t, err)
	assert.True(t, c.File(filepath.Join(dir, "a.cscmd")).Has(2))
}

func TestGitErrors(t *testing.T) {
	dir, git := repo(t)
	write(t, dir, "a", "x\n")
	git("add", ".")
	git("commit", "-qm", "one")
	outside := t.TempDir()

	tests := []struct {
		name string
		run  func() error
		want string
	}{
		{"outside a repository", func() error { _, err := FromRev(outside, "HEAD"); return err }, outside + " is not in a git repository"},
		{"unknown revision", func() error { _, err := FromRev(dir, "nosuchbranch"); return err }, `unknown revision "nosuchbranch"`},
		{"an option is no revision", func() error { _, err := FromRev(dir, "--output=/tmp/x"); return err }, `unknown revision "--output=/tmp/x"`},
		{"unknown merge base ref", func() error { _, err := FromMergeBase(dir, "origin/main"); return err }, `unknown revision "origin/main"`},
		{"no common ancestor", func() error {
			git("checkout", "-q", "--orphan", "other")
			git("commit", "-qm", "unrelated")
			_, err := FromMergeBase(dir, "main")
			return err
		}, `"main" and HEAD have no common ancestor in this clone`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestFromPatch(t *testing.T) {
	dir := t.TempDir()
	c, err := FromPatch([]byte("--- a/x.js\n+++ b/x.js\n@@ -1 +1 @@\n-a\n+b\n"), dir)
	require.NoError(t, err)
	assert.True(t, c.File(filepath.Join(dir, "x.js")).Has(1))
	assert.False(t, c.File(filepath.Join(dir, "y.js")).Has(1))

	_, err = FromPatch([]byte("@@ -1 +1 @@\n"), dir)
	var pe *PatchError
	assert.ErrorAs(t, err, &pe)
}
