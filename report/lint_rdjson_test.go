package report

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/internal/citool"
)

// TestRDJSONReviewdog feeds both reviewdog formats to reviewdog itself
// (.ci/run installs it): it parses them with its protobuf JSON decoder,
// which refuses unknown fields and wrong types, reads every finding, and
// fails at -fail-level=error only when an ERROR is among them.
func TestRDJSONReviewdog(t *testing.T) {
	reviewdog := citool.Path(t, "reviewdog")
	only := func(files []LintFile, sev string) []LintFile {
		// The fixture's warnings alone, to see the severity read.
		out := make([]LintFile, len(files))
		for i, f := range files {
			out[i] = LintFile{Path: f.Path, Src: f.Src}
			for _, d := range f.Diags {
				if d.Severity.String() == sev {
					out[i].Diags = append(out[i].Diags, d)
				}
			}
		}
		return out
	}
	tests := []struct {
		name     string
		format   string
		files    []LintFile
		findings int
		fails    bool
	}{
		{"rdjson", "rdjson", fixture(t), 13, true},
		{"rdjsonl", "rdjsonl", fixture(t), 13, true},
		{"rdjson warnings", "rdjson", only(fixture(t), "warning"), 4, false},
		{"rdjsonl warnings", "rdjsonl", only(fixture(t), "warning"), 4, false},
		{"rdjson empty", "rdjson", nil, 0, false},
		{"rdjson hostile", "rdjson", hostile(t), 1, true},
		{"rdjsonl hostile", "rdjsonl", hostile(t), 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in bytes.Buffer
			write := WriteRDJSON
			if tt.format == "rdjsonl" {
				write = WriteRDJSONL
			}
			require.NoError(t, write(&in, tt.files, options()))
			cmd := exec.Command(reviewdog, "-f="+tt.format, "-reporter=local", "-filter-mode=nofilter", "-fail-level=error")
			cmd.Dir = t.TempDir() // no repository: nothing to filter against
			cmd.Stdin = &in
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			assert.NotContains(t, stderr.String(), "parse error")
			if tt.fails {
				assert.Error(t, err, "reviewdog saw no error: %s", stderr.String())
				assert.Contains(t, stderr.String(), "severity greater than or equal to the given level: error")
			} else {
				assert.NoError(t, err, stderr.String())
			}
			assert.Equal(t, tt.findings, strings.Count(stdout.String(), "message:")+strings.Count(stdout.String(), `{"message":`))
		})
	}
}

// TestRDJSONColumns: reviewdog counts columns in UTF-8 bytes, and so do
// both formats, through a BOM and characters beyond ASCII and the BMP.
func TestRDJSONColumns(t *testing.T) {
	type position struct{ Line, Column int }
	type rng struct{ Start, End position }
	type diagnostic struct {
		Message  string
		Location struct {
			Path  string
			Range rng
		}
		Severity    string
		Code        struct{ Value, URL string }
		Suggestions []struct {
			Range rng
			Text  string
		}
	}
	var b bytes.Buffer
	require.NoError(t, WriteRDJSON(&b, fixture(t), options()))
	var result struct {
		Source      struct{ Name, URL string }
		Diagnostics []diagnostic
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &result))
	assert.Equal(t, "cscmd", result.Source.Name)
	require.Len(t, result.Diagnostics, 13)

	var lines bytes.Buffer
	require.NoError(t, WriteRDJSONL(&lines, fixture(t), options()))
	for i, line := range strings.Split(strings.TrimSuffix(lines.String(), "\n"), "\n") {
		var d diagnostic
		require.NoError(t, json.Unmarshal([]byte(line), &d))
		assert.Equal(t, result.Diagnostics[i], d, "rdjsonl line %d", i+1)
	}

	get := func(path, rule string) diagnostic {
		for _, d := range result.Diagnostics {
			if d.Location.Path == path && d.Code.Value == rule {
				return d
			}
		}
		t.Fatalf("no %s in %s", rule, path)
		return diagnostic{}
	}
	// "é" is 2 bytes and "😀" 4: /Set is at code point 63, byte 67.
	d := get("web/widget page.js", "unknown-command")
	assert.Equal(t, rng{position{2, 67}, position{2, 71}}, d.Location.Range)
	assert.Equal(t, "ERROR", d.Severity)
	assert.Equal(t, "https://github.com/web1on1/cscmd/blob/main/lint/docs/unknown-command.md", d.Code.URL)
	// The BOM takes no column; the suggestion is the safe fix.
	d = get("cmds/bom.cscmd", "objectid-case")
	assert.Equal(t, rng{position{1, 6}, position{1, 30}}, d.Location.Range)
	require.Len(t, d.Suggestions, 1)
	assert.Equal(t, rng{position{1, 6}, position{1, 30}}, d.Suggestions[0].Range)
	assert.Equal(t, "6093490651a8b5629324ae4f", d.Suggestions[0].Text)
	assert.Equal(t, "WARNING", d.Severity)
	assert.Equal(t, "INFO", get("cmds/leads.cscmd", "location-department").Severity)
}
