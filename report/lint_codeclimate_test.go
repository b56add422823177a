package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
)

// codeClimateIssue is an issue of the Code Climate spec, with the fields
// GitLab's Code Quality reads; decoding refuses any other.
type codeClimateIssue struct {
	Type        string   `json:"type"`
	CheckName   string   `json:"check_name"`
	Description string   `json:"description"`
	Categories  []string `json:"categories"`
	Severity    string   `json:"severity"`
	Fingerprint string   `json:"fingerprint"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
			End   int `json:"end"`
		} `json:"lines"`
	} `json:"location"`
}

func readCodeClimate(t *testing.T, files []LintFile) []codeClimateIssue {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, WriteCodeClimate(&b, files, options()))
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	var issues []codeClimateIssue
	require.NoError(t, dec.Decode(&issues), b.String())
	require.NotNil(t, issues, "an empty report is [], not null")
	return issues
}

// TestCodeClimateGitLab checks what GitLab's Code Quality requires of each
// issue: description, check_name, a fingerprint unique in the report, a
// severity it knows, location.path relative with forward slashes and
// location.lines.begin; and what the Code Climate spec adds: type "issue"
// and a known category.
func TestCodeClimateGitLab(t *testing.T) {
	tests := []struct {
		name   string
		files  []LintFile
		issues int
	}{
		{"fixture", fixture(t), 13},
		{"no findings", fixture(t)[3:], 0},
		{"hostile text", hostile(t), 1},
	}
	categories := []string{"Bug Risk", "Clarity", "Compatibility", "Complexity", "Duplication", "Performance", "Security", "Style"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			issues := readCodeClimate(t, tt.files)
			require.Len(t, issues, tt.issues)
			seen := map[string]bool{}
			for i, is := range issues {
				assert.Equal(t, "issue", is.Type)
				assert.NotEmpty(t, is.CheckName)
				assert.NotEmpty(t, is.Description)
				assert.Contains(t, []string{"info", "minor", "major", "critical", "blocker"}, is.Severity)
				require.NotEmpty(t, is.Categories)
				assert.Subset(t, categories, is.Categories)
				assert.Regexp(t, `^[0-9a-f]{32}$`, is.Fingerprint)
				assert.False(t, seen[is.Fingerprint], "fingerprint of issue %d is not unique", i)
				seen[is.Fingerprint] = true
				assert.NotEmpty(t, is.Location.Path)
				assert.NotContains(t, is.Location.Path, `\`)
				assert.Positive(t, is.Location.Lines.Begin)
				assert.GreaterOrEqual(t, is.Location.Lines.End, is.Location.Lines.Begin)
			}
		})
	}
}

// TestCodeClimateFingerprintStable: a line inserted above a finding moves
// it but keeps its fingerprint, so GitLab does not report it as fixed and
// new again; the same finding in another file has another fingerprint.
func TestCodeClimateFingerprintStable(t *testing.T) {
	src := ">cs /assign 62c6077ca980127f404b03\n"
	at := func(path, src string) []LintFile {
		return []LintFile{{Path: path, Src: []byte(src), Diags: []lint.Diagnostic{
			diag(t, src, "62c6077ca980127f404b03", 0, "objectid-format", lint.Error, "object id must be 24 hex digits, got 22"),
		}}}
	}
	before := readCodeClimate(t, at("a.cscmd", src))[0]
	after := readCodeClimate(t, at("a.cscmd", "# new comment\n\n"+src))[0]
	assert.Equal(t, 1, before.Location.Lines.Begin)
	assert.Equal(t, 3, after.Location.Lines.Begin)
	assert.Equal(t, before.Fingerprint, after.Fingerprint)
	assert.NotEqual(t, before.Fingerprint, readCodeClimate(t, at("b.cscmd", src))[0].Fingerprint)
}
