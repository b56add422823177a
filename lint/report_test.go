package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReportKeepsFixes reports several findings and gives the first its fix
// last, as a rule that decides on a fix after looking further may: the
// fix must reach the output.
func TestReportKeepsFixes(t *testing.T) {
	rule := &Rule{ID: "test-late-fix", Severity: Warning, Check: func(p *Pass) {
		first := p.Report(0, 3, "first")
		for i := range 8 {
			p.Report(i, i+1, "more")
		}
		first.Fix = &Fix{Title: "Lowercase", Edits: []Edit{{Start: 0, End: 3, New: ">cs"}}}
	}}
	l := &Linter{Now: testNow, rules: []*Rule{rule}}
	diags := l.LintCommands([]byte(">CS /notify\n"))
	require.Len(t, diags, 9)
	require.Equal(t, "first", diags[0].Message)
	require.NotNil(t, diags[0].Fix, "the fix set through the first Report's result is kept")
	assert.Equal(t, "Lowercase", diags[0].Fix.Title)
}
