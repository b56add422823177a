package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/lint"
)

// cscmdEnv runs the command with environment variables.
func cscmdEnv(t *testing.T, vars map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] }}
	code := run(args, e)
	return result{out.String(), errOut.String(), code}
}

const project = "testdata/lint/project"

func TestLintGolden(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif", "github", "checkstyle", "codeclimate", "junit", "rdjson", "rdjsonl"} {
		t.Run(format, func(t *testing.T) {
			summary := filepath.Join(t.TempDir(), "summary.md")
			r := cscmdEnv(t, map[string]string{"GITHUB_STEP_SUMMARY": summary}, "lint", "--format", format, project)
			assert.Equal(t, exitFindings, r.code)
			assert.Empty(t, r.stderr, "car.html's syntax error is a host-syntax finding, not a line on stderr")
			golden(t, "testdata/lint/golden/project."+format, r.stdout)
			if format == "github" {
				b, err := os.ReadFile(summary)
				require.NoError(t, err)
				golden(t, "testdata/lint/golden/project.summary.md", string(b))
			} else {
				assert.NoFileExists(t, summary, "only the github format writes a step summary")
			}
		})
	}
}

func TestLintFailOn(t *testing.T) {
	dir := t.TempDir()
	warnOnly := filepath.Join(dir, "w.cscmd")
	require.NoError(t, os.WriteFile(warnOnly, []byte(">cs /assign 62C6077CA980127F404B0301\n"), 0o644))
	assert.Equal(t, exitOK, cscmd(t, "", "lint", warnOnly).code, "a warning is below the default --fail-on error")
	assert.Equal(t, exitFindings, cscmd(t, "", "lint", "--fail-on", "warning", warnOnly).code)
	clean := filepath.Join(dir, "c.cscmd")
	require.NoError(t, os.WriteFile(clean, []byte(">cs /notify\n"), 0o644))
	r := cscmd(t, "", "lint", "--fail-on", "info", clean)
	assert.Equal(t, exitOK, r.code)
	assert.Empty(t, r.stdout, "no findings, no output")
}

func TestLintBadConfig(t *testing.T) {
	r := cscmd(t, "", "lint", "testdata/lint/badconfig")
	assert.Equal(t, exitFailure, r.code)
	assert.Equal(t, `cscmd: testdata/lint/badconfig/.cscmd.yaml:2:3: rules.objectid-formt: unknown rule "objectid-formt"; did you mean "objectid-format"?
cscmd: testdata/lint/badconfig/.cscmd.yaml:3:11: rules.prefix: severity must be error, warning, info or off, got "warn"
cscmd: testdata/lint/badconfig/.cscmd.yaml:5:16: catalog.users[0].id: object id must be 24 hex digits, got 23
cscmd: testdata/lint/badconfig/.cscmd.yaml:6:3: catalog.colours: unknown key "colours"; expected organizations, forms, users, bots, inboxes, categories, fields or variables
`, r.stderr)
	assert.Contains(t, r.stdout, "ok.cscmd:1:13: warning: object id 62C6077CA980127F404B0301 has uppercase", "what could be checked is still reported")

	r = cscmd(t, "", "lint", "--config", "testdata/lint/missing.yaml", project)
	assert.Equal(t, exitFailure, r.code)
	assert.Equal(t, "cscmd: testdata/lint/missing.yaml: no such file or directory\n", r.stderr)

	r = cscmd(t, "", "lint", "--config", "testdata/lint/badconfig/.cscmd.yaml", "--format", "json", project+"/onopen.cscmd")
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stdout, `"rule":"unknown-command"`)
	assert.NotContains(t, r.stdout, `"rule":"unknown-category"`, "--config replaces the project's config, whose catalog has categories")
}

func TestLintBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	binary := write("binary.cscmd", []byte(">cs /notify\x00\x01"))
	utf := write("bad-utf8.cscmd", []byte(">cs .brand \xffToyota\n>cs /notify\n"))
	huge := write("huge.cscmd", []byte(">cs .brand "+strings.Repeat("x", 1<<20)+"\n>cs /sett x\n"))
	other := write("notes.txt", []byte("hello"))
	good := write("good.cscmd", []byte(">cs /assign 62C6077CA980127F404B0301\n"))

	r := cscmd(t, "", "lint", "--format", "json", binary, utf, huge, other, good, filepath.Join(dir, "missing.cscmd"))
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, binary+": binary file (NUL byte at offset 11), not linted\n")
	assert.Contains(t, r.stderr, other+": not a command file (.cscmd) or a host file")
	assert.Contains(t, r.stderr, filepath.Join(dir, "missing.cscmd")+": no such file or directory")
	assert.Contains(t, r.stdout, `"file":"`+utf+`","line":1,"column":12,"endLine":1,"endColumn":13,"severity":"error","rule":"syntax","message":"invalid UTF-8 byte 0xff; a message must be UTF-8 text"`)
	assert.Contains(t, r.stdout, `"file":"`+huge+`","line":1,"column":1,`, "a huge line is reported, not a crash")
	assert.Contains(t, r.stdout, `"file":"`+huge+`","line":2,"column":5,`, "and the lines after it are still linted")
	assert.Contains(t, r.stdout, `"file":"`+good+`"`, "the good file is still linted")
}

func TestLintColor(t *testing.T) {
	r := cscmd(t, "", "lint", project+"/onopen.cscmd")
	assert.NotContains(t, r.stdout, "\x1b[", "no colour when stdout is not a terminal")
	assert.False(t, colorOK(&env{stdout: os.Stdout, getenv: func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] }}), "never under NO_COLOR")
}

// copyTree copies the example project to a temporary directory.
func copyTree(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	require.NoError(t, os.CopyFS(to, os.DirFS(from)))
	return to
}

func TestLintFix(t *testing.T) {
	dir := copyTree(t, project)
	crlf := filepath.Join(dir, "crlf.cscmd")
	require.NoError(t, os.WriteFile(crlf, []byte("\uFEFF>CS /assign 62C6077CA980127F404B0301\r\n>cs /Set isLead yes\r\n>cs/notify"), 0o600))

	r := cscmd(t, "", "lint", "--fix", dir)
	assert.Equal(t, exitFindings, r.code, "errors without a safe fix remain")
	got, err := os.ReadFile(crlf)
	require.NoError(t, err)
	assert.Equal(t, "\uFEFF>cs /assign 62c6077ca980127f404b0301\r\n>cs /set isLead yes\r\n>cs /notify", string(got), "BOM, CRLF and the missing final newline are kept")
	st, err := os.Stat(crlf)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "the file keeps its mode")

	for _, f := range []string{"onopen.cscmd", "pages/widget.js", "pages/car.html"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		golden(t, "testdata/lint/golden/fixed/"+f, string(b))
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.NotContains(t, e.Name(), ".cscmd-", "no temporary file is left behind")
	}

	before := snapshot(t, dir)
	r = cscmd(t, "", "lint", "--fix", dir)
	assert.Equal(t, before, snapshot(t, dir), "a second --fix changes nothing")
}

func snapshot(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			out[p] = string(b)
		}
		return err
	}))
	return out
}

func TestFmt(t *testing.T) {
	src := "  # the page opens\n>cs\t/set   isLead  yes \n\n\n\n>cs /assign 62C6077CA980127F404B0301\nhello  \n"
	want := "# the page opens\n>cs /set isLead yes\n\n>cs /assign 62c6077ca980127f404b0301\nhello  \n"
	r := cscmd(t, src, "fmt")
	assert.Equal(t, exitOK, r.code)
	assert.Equal(t, want, r.stdout)

	r = cscmd(t, src, "fmt", "-d")
	golden(t, "testdata/lint/golden/fmt.diff", r.stdout)

	dir := t.TempDir()
	f := filepath.Join(dir, "a.cscmd")
	require.NoError(t, os.WriteFile(f, []byte(src), 0o644))
	r = cscmd(t, "", "fmt", "-w", f)
	assert.Equal(t, exitOK, r.code, r.stderr)
	b, _ := os.ReadFile(f)
	assert.Equal(t, want, string(b))
	r = cscmd(t, "", "fmt", "-d", f)
	assert.Empty(t, r.stdout, "formatting is idempotent")

	r = cscmd(t, src, "fmt", "-w")
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, "-w needs files")
	r = cscmd(t, "", "fmt", "-w", "-d", f)
	assert.Equal(t, exitFailure, r.code, "-w and -d exclude each other")
}

func TestExplainAndRules(t *testing.T) {
	r := cscmd(t, "", "explain", "objectid-case")
	assert.Equal(t, exitOK, r.code)
	assert.True(t, strings.HasPrefix(r.stdout, "# objectid-case\n"))

	r = cscmd(t, "", "explain", "objectid-cse")
	assert.Equal(t, exitFailure, r.code)
	assert.Equal(t, "cscmd: unknown rule \"objectid-cse\"; did you mean \"objectid-case\"?\n", r.stderr)

	r = cscmd(t, "", "rules")
	assert.Equal(t, exitOK, r.code)
	assert.Equal(t, len(lint.Rules), strings.Count(r.stdout, "\n"))
	assert.Contains(t, r.stdout, "widget-api")
}

// `languages:` in .cscmd.yaml makes any file a file of a registered
// language, when the walk finds it and when it is named; a bad language is
// a config error with a did-you-mean.
func TestLintLanguagesConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		return p
	}
	write(".cscmd.yaml", "languages:\n  '**/*.tpl': html\n  'snippets/*.txt': cscmd\n")
	tpl := write("views/page.tpl", "<button onclick=\"web1on1.api.sendClientMessage('>cs /sett x y')\">x</button>\n")
	txt := write("snippets/a.txt", ">cs /notify\n>cs /assign 62C6077CA980127F404B0301\n")
	write("notes.txt", "not linted: >cs /sett\n")

	r := cscmd(t, "", "lint", dir)
	assert.Equal(t, exitFindings, r.code, r.stderr)
	assert.Contains(t, r.stdout, tpl+":1:53: error: unknown command \"/sett\"")
	assert.Contains(t, r.stdout, txt+":2:13: warning: object id")
	assert.NotContains(t, r.stdout, "notes.txt")

	r = cscmd(t, "", "lint", tpl)
	assert.Equal(t, exitFindings, r.code, "a file named on the command line takes its language from the config too")
	assert.Contains(t, r.stdout, tpl+":1:53:")

	write(".cscmd.yaml", "languages:\n  '**/*.tpl': htlm\n")
	r = cscmd(t, "", "lint", tpl)
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, `unknown language "htlm"; did you mean "html"?`)
}
