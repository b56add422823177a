package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/host"
)

func TestLintStdin(t *testing.T) {
	const unknownCategory = ">cs /set @category Usd Car\n"
	for _, tc := range []struct {
		name, stdin string
		args        []string
		code        int
		stdout      []string // each must appear
		not         []string // none may appear
		stderr      string
	}{
		{name: "dash is a command file", stdin: ">cs /sett x\n", args: []string{"-"}, code: exitFindings,
			stdout: []string{"<stdin>:1:5: error: unknown command \"/sett\""}},
		{name: "dash has the working directory's config, here none", stdin: unknownCategory, args: []string{"-"}, code: exitOK,
			not: []string{"unknown-category"}},
		{name: "the name gives the language", stdin: "web1on1.api.sendClientMessage('>cs /sett x')\n",
			args: []string{"--stdin-filename", "pages/a.js", "--format", "json"}, code: exitFindings,
			stdout: []string{`"file":"pages/a.js","line":1,"column":36,`}},
		{name: "the name gives the config", stdin: unknownCategory,
			args: []string{"--stdin-filename", project + "/new.cscmd", "--fail-on", "warning"}, code: exitFindings,
			stdout: []string{project + "/new.cscmd:1:20: warning: unknown category \"Usd Car\""}},
		{name: "the name with a dash", stdin: ">cs /sett x\n", args: []string{"--stdin-filename", "x.cscmd", "-"}, code: exitFindings,
			stdout: []string{"x.cscmd:1:5:"}},
		{name: "a name the config excludes", stdin: ">cs /sett x\n", args: []string{"--stdin-filename", project + "/dist/a.cscmd"}, code: exitOK,
			stderr: "cscmd: warning: " + project + "/dist/a.cscmd: excluded by .cscmd.yaml, not linted\n"},
		{name: "a name of no known language", stdin: ">cs /sett x\n", args: []string{"--stdin-filename", "notes.txt"}, code: exitFailure,
			stderr: "cscmd: notes.txt: not " + host.Kinds() + "; a .cscmd.yaml can name its language under languages:\n"},
		{name: "dash among paths", args: []string{"-", project}, code: exitFailure,
			stderr: "cscmd: \"-\" (standard input) cannot be linted together with paths\n"},
		{name: "a name with paths", args: []string{"--stdin-filename", "a.js", project}, code: exitFailure,
			stderr: "cscmd: --stdin-filename lints standard input; it takes no paths (or just \"-\")\n"},
		{name: "fix", args: []string{"--fix", "-"}, code: exitFailure,
			stderr: "cscmd: --fix rewrites files in place, and standard input is no file; run it on the file itself\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := cscmd(t, tc.stdin, append([]string{"lint"}, tc.args...)...)
			assert.Equal(t, tc.code, r.code, r.stderr)
			for _, s := range tc.stdout {
				assert.Contains(t, r.stdout, s)
			}
			for _, s := range tc.not {
				assert.NotContains(t, r.stdout, s)
			}
			assert.Equal(t, tc.stderr, r.stderr)
		})
	}
}

func TestLintStdinGitignore(t *testing.T) {
	repo := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(repo, ".gitignore"), []byte("build/\n"), 0o644))
	name := filepath.Join(repo, "build", "a.cscmd")
	r := cscmd(t, ">cs /sett x\n", "lint", "--stdin-filename", name)
	assert.Equal(t, exitOK, r.code)
	assert.Empty(t, r.stdout)
	assert.Equal(t, "cscmd: warning: "+name+": ignored by .gitignore, not linted\n", r.stderr)

	r = cscmd(t, ">cs /sett x\n", "lint", "--stdin-filename", filepath.Join(repo, "src", "a.cscmd"))
	assert.Equal(t, exitFindings, r.code, "a name outside the ignored folder is linted")
}

func TestLintQuietAndMaxWarnings(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.cscmd")
	// two warnings (uppercase id, near-miss prefix) and one error
	require.NoError(t, os.WriteFile(f, []byte(">cs /assign 62C6077CA980127F404B0301\n>CS /notify\n>cs /sett x\n"), 0o644))

	r := cscmd(t, "", "lint", "--format", "json", f)
	require.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, `"summary":{"errors":1,"warnings":2,`)

	r = cscmd(t, "", "lint", "--quiet", "--format", "json", f)
	assert.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, `"summary":{"errors":1,"warnings":0,`, "--quiet keeps the errors only")
	assert.NotContains(t, r.stdout, `"severity":"warning"`)

	clean := filepath.Join(dir, "w.cscmd")
	require.NoError(t, os.WriteFile(clean, []byte(">CS /notify\n"), 0o644))
	r = cscmd(t, "", "lint", "-q", "--fail-on", "warning", clean)
	assert.Equal(t, exitOK, r.code, "--quiet drops warnings before --fail-on sees them")
	assert.Empty(t, r.stdout)

	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"under the limit", []string{"--max-warnings", "1"}, exitOK, ""},
		{"at the limit", []string{"--max-warnings", "2"}, exitOK, ""},
		{"over the limit", []string{"--max-warnings", "0"}, exitFindings, "cscmd: 1 warning, more than --max-warnings 0\n"},
		{"quiet leaves no warning to count", []string{"--max-warnings", "0", "--quiet"}, exitOK, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"lint"}, tc.args...)
			r := cscmd(t, "", append(args, clean, clean)...)
			assert.Equal(t, tc.code, r.code)
			assert.Equal(t, tc.msg, r.stderr)
		})
	}
	r = cscmd(t, "", "lint", "--max-warnings", "1", dir)
	assert.Equal(t, exitFindings, r.code)
	assert.Equal(t, "cscmd: 3 warnings, more than --max-warnings 1\n", r.stderr)
}

func TestLintColorFlag(t *testing.T) {
	noColor := map[string]string{"NO_COLOR": "1"}
	for _, tc := range []struct {
		name  string
		vars  map[string]string
		args  []string
		color bool
	}{
		{"auto, not a terminal", nil, nil, false},
		{"always", nil, []string{"--color", "always"}, true},
		{"always beats NO_COLOR", noColor, []string{"--color", "always"}, true},
		{"never", nil, []string{"--color", "never"}, false},
		{"auto under NO_COLOR", noColor, []string{"--color", "auto"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := cscmdEnv(t, tc.vars, append(append([]string{"lint"}, tc.args...), project+"/onopen.cscmd")...)
			require.Equal(t, exitFindings, r.code)
			assert.Equal(t, tc.color, assert.ObjectsAreEqual(true, containsEsc(r.stdout)))
		})
	}
	r := cscmd(t, "", "lint", "--color", "sometimes", project)
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, `--color must be one of "auto","always","never" but got "sometimes"`)
}

func containsEsc(s string) bool {
	for i := range len(s) {
		if s[i] == 0x1b {
			return true
		}
	}
	return false
}

func TestLintFixSummary(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	write("a.cscmd", ">CS /assign 62C6077CA980127F404B0301\n>cs /sett x\n") // two fixes, one error left
	write("b.cscmd", ">cs /Notify\n")                                       // one fix
	write("c.cscmd", ">cs /notify\n")                                       // nothing

	r := cscmd(t, "", "lint", "--fix", "--format", "json", dir)
	assert.Equal(t, exitFindings, r.code)
	assert.True(t, json.Valid([]byte(r.stdout)), "the summary stays out of the JSON: %s", r.stdout)
	assert.Equal(t, "cscmd: fixed 3 problems in 2 files; 1 remains\n", r.stderr)

	r = cscmd(t, "", "lint", "--fix", dir)
	assert.Equal(t, "cscmd: fixed 0 problems in 0 files; 1 remains\n", r.stderr, "a second run has nothing left to fix")
}
