package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/report"
)

// finding returns a diagnostic on the n-th occurrence of needle in src.
func finding(t *testing.T, src, needle string, n int, rule string) lint.Diagnostic {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(src[from:], needle)
		require.GreaterOrEqual(t, j, 0, "%q occurrence %d", needle, n)
		if i == n {
			return lint.Diagnostic{Rule: rule, Severity: lint.Error, Start: from + j, End: from + j + len(needle), Message: rule + " here"}
		}
		from += j + len(needle)
	}
}

const bad = ">cs /assign 62c6077ca980127f404b03\n"

// project lints like the CLI would: two findings on identical lines and
// one elsewhere.
func project(t *testing.T, dir, src string) []report.LintFile {
	t.Helper()
	var diags []lint.Diagnostic
	for i := range strings.Count(src, "62c6077ca980127f404b03") {
		diags = append(diags, finding(t, src, "62c6077ca980127f404b03", i, "objectid-format"))
	}
	if strings.Contains(src, "/Set") {
		diags = append(diags, finding(t, src, "/Set", 0, "unknown-command"))
	}
	path := filepath.Join(dir, "cmds", "a.cscmd")
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	return []report.LintFile{{Path: path, Src: []byte(src), Diags: diags}, {Path: filepath.Join(dir, "clean.js")}}
}

func written(t *testing.T, dir string, files []report.LintFile) *Baseline {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Write(&b, dir, files))
	path := filepath.Join(dir, "baseline.json")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	base, err := Load(path)
	require.NoError(t, err, b.String())
	return base
}

func rules(diags []lint.Diagnostic) []string {
	out := []string{}
	for _, d := range diags {
		out = append(out, d.Rule)
	}
	return out
}

func TestWriteFormat(t *testing.T) {
	dir := t.TempDir()
	files := project(t, dir, "# x\n"+bad+bad+">cs /Set x y\n")
	var b bytes.Buffer
	require.NoError(t, Write(&b, dir, files))
	fps := report.Fingerprints(files[0])
	assert.Equal(t, `{"version":1,"findings":[
{"file":"cmds/a.cscmd","rule":"objectid-format","fingerprint":"`+fps[0]+`","message":"objectid-format here"},
{"file":"cmds/a.cscmd","rule":"objectid-format","fingerprint":"`+fps[1]+`","message":"objectid-format here"},
{"file":"cmds/a.cscmd","rule":"unknown-command","fingerprint":"`+fps[2]+`","message":"unknown-command here"}
]}
`, b.String())
	assert.True(t, strings.HasSuffix(fps[0], ":1") && strings.HasSuffix(fps[1], ":2"), "identical lines: occurrences 1 and 2")

	b.Reset()
	require.NoError(t, Write(&b, dir, nil))
	assert.Equal(t, "{\"version\":1,\"findings\":[]}\n", b.String())
}

func TestApply(t *testing.T) {
	tests := []struct {
		name      string
		now       string
		new       []string // rules of the findings reported
		unchanged int
		stale     int
	}{
		{"nothing changed: all hidden", "# x\n" + bad + bad + ">cs /Set x y\n", []string{}, 3, 0},
		{"lines inserted above: still hidden", "# x\n\n# more\n" + bad + "# between\n" + bad + ">cs /Set x y\n", []string{}, 3, 0},
		{"indentation changed: still hidden", "# x\n  " + bad + bad + "\t>cs /Set x y\n", []string{}, 3, 0},
		{"a third identical line: one new", "# x\n" + bad + bad + bad + ">cs /Set x y\n", []string{"objectid-format"}, 3, 0},
		{"the line edited: new, and its entry stale", "# x\n" + bad + bad + ">cs /Set x z\n", []string{"unknown-command"}, 2, 1},
		{"one fixed: its entry stale", "# x\n" + bad + ">cs /Set x y\n", []string{}, 2, 1},
		{"all fixed", "# x\n", []string{}, 0, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			base := written(t, dir, project(t, dir, "# x\n"+bad+bad+">cs /Set x y\n"))
			files := project(t, dir, tt.now)
			before := append([]lint.Diagnostic(nil), files[0].Diags...)
			out, stale := base.Apply(files)
			assert.Equal(t, before, files[0].Diags, "the input is not modified")
			require.Len(t, out, 2)
			assert.Equal(t, tt.new, rules(out[0].Diags))
			assert.Len(t, out[0].Unchanged, tt.unchanged)
			assert.Equal(t, base.Path, stale.Path)
			require.Len(t, stale.Diags, tt.stale)
			for _, d := range stale.Diags {
				assert.Equal(t, report.BaselineRule, d.Rule)
				assert.Equal(t, lint.Info, d.Severity)
				entry := string(base.Src[d.Start:d.End])
				assert.True(t, strings.HasPrefix(entry, `{"file":"cmds/a.cscmd"`) && strings.HasSuffix(entry, "}"), "the finding covers its entry: %q", entry)
				assert.Contains(t, d.Message, "no longer occurs")
			}
		})
	}
}

func TestApplyFilesNotLinted(t *testing.T) {
	dir := t.TempDir()
	files := project(t, dir, bad)
	base := written(t, dir, files)

	// A run over other paths says nothing about the file's entries.
	_, stale := base.Apply([]report.LintFile{{Path: filepath.Join(dir, "clean.js")}})
	assert.Empty(t, stale.Diags)

	// A file that is gone: its entries are stale.
	require.NoError(t, os.Remove(files[0].Path))
	_, stale = base.Apply(nil)
	assert.Len(t, stale.Diags, 1)
}

// TestApplyRelativePaths: the baseline's paths are relative to its own
// directory, so a run from another directory matches them.
func TestApplyRelativePaths(t *testing.T) {
	dir := t.TempDir()
	base := written(t, dir, project(t, dir, bad))
	t.Chdir(filepath.Join(dir, "cmds"))
	out, stale := base.Apply([]report.LintFile{{Path: "a.cscmd", Src: []byte(bad), Diags: []lint.Diagnostic{finding(t, bad, "62c6077ca980127f404b03", 0, "objectid-format")}}})
	assert.Empty(t, out[0].Diags)
	assert.Empty(t, stale.Diags)
}

var parseErrors = []struct {
	name, src, want string
}{
	{"empty file", "", "b.json:1:1: unexpected end of file"},
	{"not JSON", "findings:\n", "b.json:1:2: invalid character 'i' in literal false (expecting 'a')"},
	{"an array", "[]", `b.json:1:1: expected "{", got "["`},
	{"unknown key", "{\"version\":1,\n \"entries\":[]}", `b.json:2:2: unknown key "entries"; a baseline has "version" and "findings"`},
	{"another version", `{"version":2,"findings":[]}`, "b.json:1:2: version 2 is not known to this cscmd (it writes version 1)"},
	{"no version", `{"findings":[]}`, `b.json:1:1: no "version"; is this a file written by cscmd lint --write-baseline?`},
	{"no findings", `{"version":1}`, `b.json:1:1: no "findings"`},
	{"unknown field in a finding", "{\"version\":1,\"findings\":[\n{\"file\":\"a\",\"rule\":\"r\",\"fingerprint\":\"f\",\"line\":3}]}", `b.json:2:1: unknown key "line" in a finding; a finding has "file", "rule", "fingerprint" and "message"`},
	{"missing fingerprint", "{\"version\":1,\"findings\":[\n{\"file\":\"a\",\"rule\":\"r\"},\n{}]}", `b.json:2:1: finding needs a non-empty "fingerprint"`},
	{"wrong type", "{\"version\":1,\"findings\":[\n{\"file\":3}]}", `b.json:2:9: file must be string, not number`},
	{"findings not a list", `{"version":1,"findings":{}}`, `b.json:1:25: expected "[", got "{"`},
	{"truncated", "{\"version\":1,\"findings\":[\n{\"file\":\"a\"", "b.json:2:12: unexpected end of file"},
	{"trailing text", `{"version":1,"findings":[]} x`, `b.json:1:29: text after the baseline's closing "}"`},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range parseErrors {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("b.json", []byte(tt.src))
			require.Error(t, err)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.True(t, strings.HasPrefix(err.Error(), tt.want), "got %q, want prefix %q", err, tt.want)
		})
	}
}

// FuzzParse: any input is a baseline or an *Error inside the file, never
// a panic; a baseline's entries lie inside the file and survive Write.
func FuzzParse(f *testing.F) {
	for _, tt := range parseErrors {
		f.Add([]byte(tt.src))
	}
	f.Add([]byte("{\"version\":1,\"findings\":[\n{\"file\":\"cmds/a.cscmd\",\"rule\":\"syntax\",\"fingerprint\":\"00:1\",\"message\":\"m\"}\n]}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		b, err := Parse("b.json", src)
		if err != nil {
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Positive(t, e.Line)
			assert.Positive(t, e.Col)
			return
		}
		for _, e := range b.Entries {
			require.True(t, 0 <= e.start && e.start <= e.end && e.end <= len(src), "entry at %d..%d of %d bytes", e.start, e.end, len(src))
			assert.NotEmpty(t, e.File)
			assert.NotEmpty(t, e.Fingerprint)
		}
	})
}
