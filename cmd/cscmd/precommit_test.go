package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/internal/citool"
)

// TestPreCommit runs this repository's hooks with `pre-commit try-repo`
// (Debian's pre-commit) on the staged files of a scratch repository, as a
// commit would: a broken command file fails cscmd-lint and passes once
// fixed; a command file out of canonical form fails cscmd-fmt, which
// rewrites it, and passes once the rewrite is staged. pre-commit builds
// cscmd with `go install ./...` from this repository, uncommitted changes
// included.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cscmd through pre-commit")
	}
	precommit := citool.Path(t, "pre-commit")
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := repoRoot(t)
	dir := t.TempDir()
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "pre-commit"),
		// pre-commit points GOPATH at its own directory; the module and
		// build caches stay where they are, so nothing is downloaded again.
		"GOMODCACHE="+goEnv(t, "GOMODCACHE"), "GOCACHE="+goEnv(t, "GOCACHE"),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
	)
	run := func(name string, args ...string) (string, error) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	git := func(args ...string) {
		t.Helper()
		out, err := run("git", args...)
		require.NoError(t, err, "git %v: %s", args, out)
	}
	hooks := func() (string, int) {
		t.Helper()
		out, err := run(precommit, "try-repo", root, "--color=never")
		if err == nil {
			return out, 0
		}
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, out)
		return out, exit.ExitCode()
	}
	git("init", "-q", "-b", "main")
	write := func(name, text string) {
		t.Helper()
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}

	// A broken command, and a valid one out of canonical form: both hooks
	// fail, and fmt rewrites the second file. One run of both hooks, so
	// that pre-commit builds cscmd once per state of this repository.
	write("broken.cscmd", ">cs /sett isLead yes\n")
	write("spaced.cscmd", ">cs   /set  isLead yes\n")
	write("page.html", "<p>no commands</p>\n")
	git("add", ".")
	out, code := hooks()
	assert.Equal(t, 1, code, out)
	assert.Regexp(t, `cscmd lint\.+Failed`, out)
	assert.Contains(t, out, `broken.cscmd:1:5: error: unknown command "/sett"; did you mean "/set"?`)
	assert.Regexp(t, `cscmd fmt\.+Failed`, out)
	assert.Contains(t, out, "files were modified by this hook")
	b, err := os.ReadFile(filepath.Join(dir, "spaced.cscmd"))
	require.NoError(t, err)
	assert.Equal(t, ">cs /set isLead yes\n", string(b))

	// Fixed and the rewrite staged: both pass, and the commit goes in.
	write("broken.cscmd", ">cs /set isLead yes\n")
	git("add", ".")
	out, code = hooks()
	assert.Equal(t, 0, code, out)
	assert.Regexp(t, `cscmd lint\.+Passed`, out)
	assert.Regexp(t, `cscmd fmt\.+Passed`, out)
	git("commit", "-qm", "commands")
}
