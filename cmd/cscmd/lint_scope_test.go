package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gitRepo makes a repository with one committed command file of two
// findings and returns its directory, the working directory of the test
// from then on, and a function that runs git there.
func gitRepo(t *testing.T) (string, func(args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	git("init", "-q", "-b", "main")
	writeFile(t, "a.cscmd", ">cs /sett x 1\n>cs /assign 123\n")
	git("add", ".")
	git("commit", "-qm", "first")
	return dir, git
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
	require.NoError(t, os.WriteFile(name, []byte(text), 0o644))
}

// lintFindings runs lint with --format json and returns "file:line rule" of
// each finding.
func lintFindings(t *testing.T, args ...string) ([]string, result) {
	t.Helper()
	r := cscmd(t, "", append([]string{"lint", "--format", "json"}, args...)...)
	var out struct {
		Diagnostics []struct {
			File string
			Line int
			Rule string
		}
	}
	if r.code == exitFailure && r.stdout == "" {
		return nil, r
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), r.stdout+r.stderr)
	got := []string{}
	for _, d := range out.Diagnostics {
		got = append(got, d.File+":"+strconv.Itoa(d.Line)+" "+d.Rule)
	}
	return got, r
}

func TestLintNewFrom(t *testing.T) {
	_, git := gitRepo(t)
	// A new finding on an edited line, one on an added line, and an
	// untracked file; the committed line 1 keeps its finding.
	writeFile(t, "a.cscmd", ">cs /sett x 1\n>cs /assign 1234\n>cs /notify 12\n")
	writeFile(t, "new/b.cscmd", ">cs /Set y\n")
	got, r := lintFindings(t, "--new-from-rev", "HEAD")
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Equal(t, []string{"a.cscmd:2 objectid-format", "a.cscmd:3 objectid-format", "new/b.cscmd:1 unknown-command"}, got)

	// Everything: no filter.
	got, _ = lintFindings(t)
	assert.Len(t, got, 4)

	// The same change as a patch file.
	git("add", "-N", "new/b.cscmd")
	cmd := exec.Command("git", "diff", "HEAD")
	patch, err := cmd.Output()
	require.NoError(t, err)
	writeFile(t, "change.patch", string(patch))
	got, r = lintFindings(t, "--new-from-patch", "change.patch")
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Equal(t, []string{"a.cscmd:2 objectid-format", "a.cscmd:3 objectid-format", "new/b.cscmd:1 unknown-command"}, got)

	// Nothing new since the work tree was committed: exit 0.
	git("add", ".")
	git("commit", "-qm", "second")
	got, r = lintFindings(t, "--new-from-rev", "HEAD")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, got)

	// On a branch, only what the branch changes.
	git("checkout", "-qb", "feature")
	writeFile(t, "a.cscmd", ">cs /sett x 1\n>cs /assign 1234\n>cs /notify 12\n>cs /bogus\n")
	git("commit", "-qam", "feature")
	got, r = lintFindings(t, "--new-from-merge-base", "main")
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Equal(t, []string{"a.cscmd:4 unknown-command"}, got)
}

func TestLintNewFromErrors(t *testing.T) {
	gitRepo(t)
	writeFile(t, "bad.patch", "@@ -1 +1 @@\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown revision", []string{"--new-from-rev", "nope"}, `cscmd: --new-from-rev: unknown revision "nope"` + "\n"},
		{"unknown merge base", []string{"--new-from-merge-base", "origin/main"}, `cscmd: --new-from-merge-base: unknown revision "origin/main"` + "\n"},
		{"missing patch", []string{"--new-from-patch", "none.patch"}, "cscmd: none.patch: no such file or directory\n"},
		{"malformed patch", []string{"--new-from-patch", "bad.patch"}, "cscmd: bad.patch:1: hunk before any \"---\"/\"+++\" file header\n"},
		{"two at once", []string{"--new-from-rev", "HEAD", "--new-from-patch", "bad.patch"}, "--new-from-rev and --new-from-patch can't be used together"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := lintFindings(t, tt.args...)
			assert.Equal(t, exitFailure, r.code)
			assert.Contains(t, r.stderr, tt.want)
			assert.Empty(t, r.stdout, "no report when the run could not start")
		})
	}

	t.Run("outside a repository", func(t *testing.T) {
		outside := t.TempDir()
		t.Chdir(outside)
		_, r := lintFindings(t, "--new-from-rev", "HEAD")
		assert.Equal(t, exitFailure, r.code)
		assert.Contains(t, r.stderr, "cscmd: --new-from-rev: "+outside+" is not in a git repository")
	})
}

func TestLintBaseline(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "cmds/a.cscmd", "# leads\n>cs /sett x 1\n>cs /assign 123\n>cs /assign 123\n")
	writeFile(t, "cmds/b.cscmd", ">cs /notify 12\n")

	r := cscmd(t, "", "lint", "--write-baseline", "baseline.json")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, r.stdout)
	assert.Equal(t, "cscmd: recorded 4 findings in baseline.json; lint with --baseline baseline.json to report only new ones\n", r.stderr)

	got, r := lintFindings(t, "--baseline", "baseline.json")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, got, "every finding is recorded")

	// Lines moved, one recorded finding fixed, a new one on a third
	// identical line, and a file deleted.
	writeFile(t, "cmds/a.cscmd", "# leads\n\n# moved down\n>cs /assign 123\n>cs /assign 123\n>cs /assign 123\n")
	require.NoError(t, os.Remove("cmds/b.cscmd"))
	got, r = lintFindings(t, "--baseline", "baseline.json")
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Equal(t, []string{"cmds/a.cscmd:6 objectid-format", "baseline.json:2 baseline", "baseline.json:5 baseline"}, got)

	// Every format shows the stale entries: text here.
	r = cscmd(t, "", "lint", "--baseline", "baseline.json", "--fail-on", "info")
	assert.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, "baseline.json:2:1: info: the unknown-command finding recorded for cmds/a.cscmd no longer occurs; remove this entry (or rewrite the file with --write-baseline) [baseline]")
	r = cscmd(t, "", "explain", "baseline")
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "so that the baseline only shrinks")

	// SARIF: each result's baselineState; recorded ones are suppressed.
	r = cscmd(t, "", "lint", "--baseline", "baseline.json", "--format", "sarif")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID        string
				BaselineState string
				Suppressions  []struct{ Kind string }
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &log))
	states := map[string]int{}
	for _, res := range log.Runs[0].Results {
		states[res.BaselineState]++
		if res.BaselineState == "unchanged" {
			assert.Len(t, res.Suppressions, 1)
		} else {
			assert.Empty(t, res.Suppressions, res.RuleID)
		}
	}
	assert.Equal(t, map[string]int{"new": 1, "unchanged": 2, "absent": 2}, states)
}

// TestLintBaselineQuiet: --quiet leaves warnings out of the report, not out
// of the comparison: a recorded warning is not a stale entry.
func TestLintBaselineQuiet(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "a.cscmd", ">cs +6093490651A8B5629324AE4F\n")
	require.Equal(t, exitOK, cscmd(t, "", "lint", "--write-baseline", "b.json").code)
	b, err := os.ReadFile("b.json")
	require.NoError(t, err)
	require.Contains(t, string(b), `"rule":"objectid-case"`)
	got, r := lintFindings(t, "--baseline", "b.json", "--quiet", "--fail-on", "info")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, got)
}

func TestLintBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "a.cscmd", ">cs /notify\n")
	writeFile(t, "broken.json", "{\"version\":1,\n\"findings\":[{\"file\":\"a\"}]}\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing", []string{"--baseline", "none.json"}, "cscmd: none.json: no such file or directory\n"},
		{"broken", []string{"--baseline", "broken.json"}, "cscmd: broken.json:2:13: finding needs a non-empty \"rule\"\n"},
		{"read and write at once", []string{"--baseline", "a.json", "--write-baseline", "b.json"}, "--baseline and --write-baseline can't be used together"},
		{"unwritable", []string{"--write-baseline", "no/such/dir/b.json"}, "cscmd: no/such/dir/b.json: no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cscmd(t, "", append([]string{"lint"}, tt.args...)...)
			assert.Equal(t, exitFailure, r.code)
			assert.Contains(t, r.stderr, tt.want)
			assert.Empty(t, r.stdout)
		})
	}
}
