package ide

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The editor shows what the command line reports: a host file's syntax
// error and a YAML file that once crashed the analysis are host-syntax
// findings, next to the others.
func TestAnalyzeHostSyntax(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"javascript", "javascript", "a = 'x\nweb1on1.api.sendClientMessage('>cs /sett x');\n", []string{"host-syntax", "unknown-command"}},
		{"yaml after a byte order mark", "yaml", "\xef\xbb\xbf]: >cs", []string{"host-syntax"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a Analyzer
			var got []string
			for _, f := range a.Analyze(nil, "file:///t", tt.lang, []byte(tt.text)) {
				got = append(got, f.Code)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// "Ignore this rule here" writes its comment line with the line's own
// break, a lone CR included, and the comment then silences the rule.
func TestIgnoreKeepsLoneCR(t *testing.T) {
	var a Analyzer
	text := ">cs /notify\r>cs /sett x\r"
	got := a.Analyze(nil, "file:///a.cscmd", "cscmd", []byte(text))
	assert.Len(t, got, 1)
	ignored := applyFix(text, fixTitled(t, got[0], "Ignore unknown-command here"))
	assert.Equal(t, ">cs /notify\r# cscmd-ignore unknown-command\r>cs /sett x\r", ignored)
	assert.Empty(t, a.Analyze(nil, "file:///a.cscmd", "cscmd", []byte(ignored)))
}
