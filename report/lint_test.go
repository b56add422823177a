package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
)

var update = flag.Bool("update", false, "rewrite golden files")

// find returns the byte range of the n-th (0-based) occurrence of needle
// in src, failing the test when there is none.
func find(t *testing.T, src, needle string, n int) (start, end int) {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(src[from:], needle)
		require.GreaterOrEqual(t, j, 0, "%q occurrence %d not in source", needle, n)
		if i == n {
			return from + j, from + j + len(needle)
		}
		from += j + len(needle)
	}
}

func diag(t *testing.T, src, needle string, n int, rule string, sev lint.Severity, msg string) lint.Diagnostic {
	t.Helper()
	s, e := find(t, src, needle, n)
	return lint.Diagnostic{Rule: rule, Severity: sev, Start: s, End: e, Message: msg}
}

// empty returns a diagnostic with an empty range just after needle.
func empty(t *testing.T, src, needle string, rule string, sev lint.Severity, msg string) lint.Diagnostic {
	t.Helper()
	_, e := find(t, src, needle, 0)
	return lint.Diagnostic{Rule: rule, Severity: sev, Start: e, End: e, Message: msg}
}

var longText = strings.Repeat("lorem ipsum ", 12)

// fixture returns files that exercise every case the formats must get
// right: several files and one without findings, all severities, safe fixes
// (a replacement and an insertion), code points beyond ASCII and the BMP
// before a range, a BOM, CRLF, a tab before a range, empty ranges inside
// and at the end of a line, a long line, a message that needs escaping, a
// path with a space, the same finding twice on identical lines, and a rule
// missing from the rule list.
func fixture(t *testing.T) []LintFile {
	leads := "# leads\n" +
		">cs /assign 62c6077ca980127f404b03\n" +
		">cs /assign 62c6077ca980127f404b03\n" +
		">cs +6093490651A8B5629324AE4F\n" +
		">cs/set isLead yes\n" +
		">cs .location 61be87aeafdf672d381a9db4\n" +
		">cs @6248f0083ab5d5001e523146 " + longText + "see you " + longText + "/Set\n" +
		"# cscmd-ignore objectid-time\n"
	caseFix := diag(t, leads, "6093490651A8B5629324AE4F", 0, "objectid-case", lint.Warning,
		"object id should be lowercase")
	s, e := find(t, leads, "6093490651A8B5629324AE4F", 0)
	caseFix.Fix = &lint.Fix{Title: "Lowercase the object id", Edits: []lint.Edit{{Start: s, End: e, New: "6093490651a8b5629324ae4f"}}}
	s, _ = find(t, leads, ">cs/set", 0)
	prefix := lint.Diagnostic{Rule: "prefix", Severity: lint.Warning, Start: s + 3, End: s + 3,
		Message: `">cs" must be followed by a space; this line is sent as chat`,
		Fix:     &lint.Fix{Title: `Insert a space after ">cs"`, Edits: []lint.Edit{{Start: s + 3, End: s + 3, New: " "}}},
	}

	bom := "\uFEFF>cs +6093490651A8B5629324AE4F\r\n>cs /assign\r\n"
	bomCase := diag(t, bom, "6093490651A8B5629324AE4F", 0, "objectid-case", lint.Warning,
		"object id should be lowercase")
	s, e = find(t, bom, "6093490651A8B5629324AE4F", 0)
	bomCase.Fix = &lint.Fix{Title: "Lowercase the object id", Edits: []lint.Edit{{Start: s, End: e, New: "6093490651a8b5629324ae4f"}}}

	js := "// café 😀 widget\n" +
		"const greeting = \"café 😀\"; web1on1.api.sendClientMessage(\">cs /Set isLead yes\");\n" +
		"function notify() {\n" +
		"\tweb1on1.api.sendClientMessage(\">cs /notify 605411853c68d83fd1ac765\");\n" +
		"\tweb1on1.setPredefinedMessage(\">cs /set isLead yes\");\n" +
		"}\n" +
		"const a = \"" + longText + "\"; web1on1.opne(); const b = \"" + longText + "\";\n"

	return []LintFile{
		{Path: "cmds/leads.cscmd", Src: []byte(leads), Diags: []lint.Diagnostic{
			// Given out of order: the formats sort them.
			diag(t, leads, "/Set", 0, "unknown-command", lint.Error, `unknown command "/Set"; did you mean "/set"?`),
			caseFix,
			diag(t, leads, "62c6077ca980127f404b03", 1, "objectid-format", lint.Error, "object id must be 24 hex digits, got 22"),
			diag(t, leads, "62c6077ca980127f404b03", 0, "objectid-format", lint.Error, "object id must be 24 hex digits, got 22"),
			prefix,
			diag(t, leads, "61be87aeafdf672d381a9db4", 0, "location-department", lint.Info, "location has no department"),
			diag(t, leads, "# cscmd-ignore objectid-time", 0, "unused-suppression", lint.Info, `nothing to ignore for "objectid-time" here`),
			diag(t, leads, "# leads", 0, "syntax", lint.Off, "a rule turned off is never reported"),
		}},
		{Path: "cmds/bom.cscmd", Src: []byte(bom), Diags: []lint.Diagnostic{
			empty(t, bom, ">cs /assign", "missing-argument", lint.Error, "/assign needs a user or bot id"),
			bomCase,
		}},
		{Path: "web/widget page.js", Src: []byte(js), Diags: []lint.Diagnostic{
			diag(t, js, "/Set", 0, "unknown-command", lint.Error, `unknown command "/Set"; did you mean "/set"?`),
			diag(t, js, "605411853c68d83fd1ac765", 0, "objectid-format", lint.Error, "object id must be 24 hex digits, got 23"),
			diag(t, js, `">cs /set isLead yes"`, 0, "visible-command", lint.Warning,
				"setPredefinedMessage shows \">cs /set isLead yes\" to the visitor: 100% visible, never run,\nuse sendClientMessage"),
			diag(t, js, "opne", 0, "widget-api", lint.Error, `unknown member "web1on1.opne"; did you mean "open"?`),
		}},
		{Path: "web/clean.html", Src: []byte("<p>nothing to see</p>\n")},
	}
}

// rules returns a rule list as the CLI builds it from lint.Rules; it lacks
// unused-suppression on purpose.
func rules() []RuleInfo {
	list := []struct {
		id, summary string
		sev         lint.Severity
	}{
		{"syntax", "the command cannot be parsed", lint.Error},
		{"unknown-command", "an unknown command verb", lint.Error},
		{"missing-argument", "a required argument is absent", lint.Error},
		{"unexpected-argument", "text after a command that takes no more", lint.Error},
		{"objectid-format", "an ObjectId that is not 24 hex digits", lint.Error},
		{"objectid-case", "an ObjectId with uppercase hex digits", lint.Warning},
		{"objectid-time", "an ObjectId time before 2009 or in the future", lint.Info},
		{"location-pair", "a malformed ORG#DEPT location", lint.Error},
		{"location-department", "a location without a department", lint.Info},
		{"empty-value", "a mention without text", lint.Warning},
		{"prefix", "a near-miss >cs prefix", lint.Warning},
		{"not-a-command", "a line of a command file that is chat", lint.Warning},
		{"unknown-reserved", "a reserved @ name other than @category", lint.Warning},
		{"unknown-reference", "an ObjectId absent from the catalog", lint.Warning},
		{"department-mismatch", "a department of another organization", lint.Error},
		{"unknown-category", "a category absent from the catalog", lint.Warning},
		{"unknown-field", "a field absent from the catalog", lint.Off},
		{"unknown-variable", "a meta variable absent from the catalog", lint.Warning},
		{"visible-command", "a >cs string shown to the visitor instead of run", lint.Warning},
		{"widget-api", "an unknown web1on1 member or a wrong argument count", lint.Error},
	}
	out := make([]RuleInfo, len(list))
	for i, r := range list {
		out[i] = RuleInfo{
			ID:      r.id,
			Summary: r.summary,
			Help: "# " + r.id + "\n\nReports " + r.summary + ".\nSee the examples.\n\n" +
				"## Avoid\n\n```cscmd\n>cs /Set x 1\n```\n",
			HelpURI: "https://github.com/web1on1/cscmd/blob/main/lint/docs/" + r.id + ".md",
			Default: r.sev,
		}
	}
	return out
}

func options() LintOptions {
	return LintOptions{Version: "v1.2.3", Rules: rules()}
}

// golden compares got with testdata/lint/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "lint", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./report -run Lint -update to create it")
	assert.Equal(t, string(want), string(got), "output differs from %s; rerun with -update if that is intended", path)
}

func TestLintGolden(t *testing.T) {
	files := fixture(t)
	formats := []struct {
		name  string
		write func(*bytes.Buffer, LintOptions) error
	}{
		{"all.txt", func(b *bytes.Buffer, o LintOptions) error { return WriteText(b, files, o) }},
		{"all.color.txt", func(b *bytes.Buffer, o LintOptions) error {
			o.Color = true
			return WriteText(b, files, o)
		}},
		{"all.json", func(b *bytes.Buffer, o LintOptions) error { return WriteJSON(b, files, o) }},
		{"all.sarif", func(b *bytes.Buffer, o LintOptions) error { return WriteSARIF(b, files, o) }},
		{"all.github", func(b *bytes.Buffer, o LintOptions) error { return WriteGitHub(b, files, o) }},
		{"all.summary.md", func(b *bytes.Buffer, o LintOptions) error {
			o.Summary = b
			return WriteGitHub(new(bytes.Buffer), files, o)
		}},
		{"all.checkstyle.xml", func(b *bytes.Buffer, o LintOptions) error { return WriteCheckstyle(b, files, o) }},
		{"all.junit.xml", func(b *bytes.Buffer, o LintOptions) error { return WriteJUnit(b, files, o) }},
		{"all.rdjson", func(b *bytes.Buffer, o LintOptions) error { return WriteRDJSON(b, files, o) }},
		{"all.rdjsonl", func(b *bytes.Buffer, o LintOptions) error { return WriteRDJSONL(b, files, o) }},
		{"all.codeclimate.json", func(b *bytes.Buffer, o LintOptions) error { return WriteCodeClimate(b, files, o) }},
		{"baseline.sarif", func(b *bytes.Buffer, o LintOptions) error {
			o.Baseline = true
			return WriteSARIF(b, baselined(t), o)
		}},
		{"empty.checkstyle.xml", func(b *bytes.Buffer, o LintOptions) error { return WriteCheckstyle(b, files[3:], o) }},
		{"empty.junit.xml", func(b *bytes.Buffer, o LintOptions) error { return WriteJUnit(b, files[3:], o) }},
		{"empty.rdjson", func(b *bytes.Buffer, o LintOptions) error { return WriteRDJSON(b, files[3:], o) }},
		{"empty.rdjsonl", func(b *bytes.Buffer, o LintOptions) error { return WriteRDJSONL(b, files[3:], o) }},
		{"empty.codeclimate.json", func(b *bytes.Buffer, o LintOptions) error { return WriteCodeClimate(b, files[3:], o) }},
		{"empty.txt", func(b *bytes.Buffer, o LintOptions) error { return WriteText(b, files[3:], o) }},
		{"empty.json", func(b *bytes.Buffer, o LintOptions) error { return WriteJSON(b, files[3:], o) }},
		{"empty.sarif", func(b *bytes.Buffer, o LintOptions) error { return WriteSARIF(b, nil, o) }},
		{"empty.summary.md", func(b *bytes.Buffer, o LintOptions) error {
			o.Summary = b
			return WriteGitHub(new(bytes.Buffer), files[3:], o)
		}},
	}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, f.write(&b, options()))
			golden(t, f.name, b.Bytes())
		})
	}
}

func TestCount(t *testing.T) {
	n := Count(fixture(t))
	assert.Equal(t, map[lint.Severity]int{lint.Error: 7, lint.Warning: 4, lint.Info: 2}, n)
}

func TestLintDoesNotModifyInput(t *testing.T) {
	files := fixture(t)
	before := append([]lint.Diagnostic(nil), files[0].Diags...)
	require.NoError(t, WriteJSON(new(bytes.Buffer), files, options()))
	assert.Equal(t, before, files[0].Diags)
}

func TestPositions(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		start, end int
		want       [4]int // line, column, endLine, endColumn
	}{
		{"ascii", "ab\ncd", 3, 4, [4]int{2, 1, 2, 2}},
		{"code points", "é😀x", 6, 7, [4]int{1, 3, 1, 4}},
		{"bom", "\uFEFFab", 4, 5, [4]int{1, 2, 1, 3}},
		{"bom start", "\uFEFFab", 0, 3, [4]int{1, 1, 1, 1}},
		{"bom line 2", "\uFEFFa\nb", 5, 6, [4]int{2, 1, 2, 2}},
		{"crlf", "a\r\nb", 3, 4, [4]int{2, 1, 2, 2}},
		{"empty", "abc", 1, 1, [4]int{1, 2, 1, 2}},
		{"reversed", "abc", 2, 1, [4]int{1, 3, 1, 3}},
		{"past end", "abc", 2, 99, [4]int{1, 3, 1, 4}},
		{"through a line break", "ab\ncd", 0, 3, [4]int{1, 1, 1, 3}},
		{"through a crlf", "ab\r\ncd", 1, 4, [4]int{1, 2, 1, 3}},
		{"line break only", "ab\ncd", 2, 3, [4]int{1, 3, 1, 3}},
		{"two lines", "ab\ncd", 1, 4, [4]int{1, 2, 2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := prepare([]LintFile{{Src: []byte(tt.src), Diags: []lint.Diagnostic{
				{Rule: "r", Severity: lint.Error, Start: tt.start, End: tt.end},
			}}}, 0)
			f := docs[0].diags[0]
			assert.Equal(t, tt.want, [4]int{f.start.line, f.start.col, f.end.line, f.end.col})
		})
	}
}

func TestTallyString(t *testing.T) {
	assert.Equal(t, "1 problem (1 error) in 1 file", tally{errors: 1, withProblems: 1}.String())
	assert.Equal(t, "5 problems (2 warnings, 3 info) in 2 files", tally{warnings: 2, infos: 3, withProblems: 2}.String())
}
