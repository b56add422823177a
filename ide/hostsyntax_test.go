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
