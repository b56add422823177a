package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
)

func TestJSONContract(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, fixture(t), options()))
	require.True(t, json.Valid(b.Bytes()), b.String())

	var out struct {
		Diagnostics []map[string]any `json:"diagnostics"`
		Summary     map[string]int   `json:"summary"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &out))
	assert.Equal(t, map[string]int{"errors": 7, "warnings": 4, "infos": 2, "files": 4}, out.Summary)
	require.Len(t, out.Diagnostics, 13)

	// The contract's keys come first, in order.
	keys := `{"file":"cmds/leads.cscmd","line":2,"column":13,"endLine":2,"endColumn":35,"severity":"error","rule":"objectid-format","message":`
	assert.True(t, strings.HasPrefix(strings.SplitN(b.String(), "\n", 3)[1], keys), b.String())

	last := ""
	for _, d := range out.Diagnostics {
		for _, k := range []string{"file", "line", "column", "endLine", "endColumn", "severity", "rule", "message"} {
			assert.Contains(t, d, k)
		}
		// Files in the order given.
		assert.GreaterOrEqual(t, strings.Index("cmds/leads.cscmd cmds/bom.cscmd web/widget page.js", d["file"].(string)),
			strings.Index("cmds/leads.cscmd cmds/bom.cscmd web/widget page.js", last))
		last = d["file"].(string)
	}
}

func TestJSONEmpty(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, nil, LintOptions{}))
	assert.Equal(t, `{"diagnostics":[],"summary":{"errors":0,"warnings":0,"infos":0,"files":0}}`+"\n", b.String())
}

func TestJSONFixAcrossLines(t *testing.T) {
	src := "a\nb\n"
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, []LintFile{{Path: "f", Src: []byte(src), Diags: []lint.Diagnostic{{
		Rule: "r", Severity: lint.Error, Start: 0, End: 2, Message: "m",
		Fix: &lint.Fix{Title: "Delete the line", Edits: []lint.Edit{{Start: 0, End: 2}}},
	}}}}, LintOptions{}))
	// The diagnostic stops at the end of its line; the fix's edit takes
	// the line break too, so it ends on the next line.
	assert.Contains(t, b.String(), `"line":1,"column":1,"endLine":1,"endColumn":2,"severity"`)
	assert.Contains(t, b.String(), `"edits":[{"line":1,"column":1,"endLine":2,"endColumn":1,"newText":""}]`)
}
