package yamldepth

import (
	"strings"
	"testing"

	"github.com/goccy/go-yaml/lexer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func blockMappings(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return b.String()
}

func TestTooDeep(t *testing.T) {
	tests := []struct {
		name string
		src  string
		deep bool
	}{
		{"flat", "a: b\nc: [d, {e: f}]\n", false},
		{"flow at the limit", "a: " + strings.Repeat("[", Max-1) + "x" + strings.Repeat("]", Max-1), false},
		{"flow past the limit", "a: " + strings.Repeat("[", Max) + "x" + strings.Repeat("]", Max), true},
		{"mappings in flow", strings.Repeat("{a: ", Max+1) + "x" + strings.Repeat("}", Max+1), true},
		{"flow closed and reopened", strings.Repeat("- "+strings.Repeat("[", Max/2)+"x"+strings.Repeat("]", Max/2)+"\n", 10), false},
		{"sequence entries on one line", strings.Repeat("- ", Max+1) + "x\n", true},
		{"sequence entries at the limit", strings.Repeat("- ", Max-1) + "x\n", false},
		{"block mappings", blockMappings(Max + 1), true},
		{"block siblings", strings.Repeat("a:\n  b: c\n  d: e\n", 2*Max), false},
		{"documents reset", strings.Repeat("- "+strings.Repeat("[", Max/2+1)+"\n---\n", 3), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := TooDeep(lexer.Tokenize(tt.src))
			if !tt.deep {
				assert.Nil(t, tk)
				return
			}
			require.NotNil(t, tk)
			assert.NotNil(t, tk.Position)
		})
	}
}
