package host

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/internal/yamldepth"
)

// deepYAML nests a command n levels deep in one of three ways.
func deepYAML(kind string, n int) []byte {
	const cmd = "'>cs /sett x'"
	switch kind {
	case "flow":
		return []byte("a: " + strings.Repeat("[", n) + cmd + strings.Repeat("]", n) + "\n")
	case "entries":
		return []byte(strings.Repeat("- ", n) + cmd + "\n")
	}
	var b strings.Builder // block mappings, one more space per level
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "b: " + cmd + "\n")
	return []byte(b.String())
}

// YAML nested past yamldepth.Max is not given to the parser, whose memory
// grows with the square of the depth; the command inside is still found,
// and the file gets a syntax error at the level that is too deep.
func TestExtractYAMLDeepNesting(t *testing.T) {
	for _, tt := range []struct {
		kind  string
		depth int
	}{
		{"flow", 100_000},
		{"entries", 100_000},
		{"block", 2_000}, // 2 MB of indentation
	} {
		t.Run(fmt.Sprintf("%s %d", tt.kind, tt.depth), func(t *testing.T) {
			src := deepYAML(tt.kind, tt.depth)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			f, err := extractYAML(src)
			runtime.ReadMemStats(&after)
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, yamldepth.Message, se.Msg)
			require.Len(t, f.Strings, 1)
			assert.Equal(t, ">cs /sett x", f.Strings[0].Text)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(400<<20), "bytes allocated")
		})
	}
	_, err := extractYAML(deepYAML("flow", yamldepth.Max-2))
	assert.NoError(t, err, "nesting up to the limit is parsed")
}

// BenchmarkExtractYAMLDeep extracts YAML nested ever deeper: with the limit,
// time and memory grow with the size of the file, as for the shallow
// baseline, not with the square of the depth.
func BenchmarkExtractYAMLDeep(b *testing.B) {
	for _, tc := range []struct {
		kind  string
		depth int
	}{
		{"flow", 100}, // the baseline
		{"flow", 10_000},
		{"flow", 100_000},
		{"entries", 100_000},
	} {
		src := deepYAML(tc.kind, tc.depth)
		b.Run(fmt.Sprintf("%s-%d", tc.kind, tc.depth), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				extractYAML(src)
			}
		})
	}
}

// A run of closing brackets that close nothing nearby, over deep nesting,
// is linear: each looks only a few containers up. It took 92 s for 400 KB.
func BenchmarkExtractJSONStrayClosers(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		balanced := []byte(`[">cs /sett x",` + strings.Repeat("[", n) + strings.Repeat("]", n) + "]")
		stray := []byte(`[">cs /sett x",` + strings.Repeat("[", n) + strings.Repeat("}", n) + "]")
		for _, tc := range []struct {
			name string
			src  []byte
		}{{"balanced", balanced}, {"stray", stray}} {
			b.Run(fmt.Sprintf("%s-%d", tc.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(tc.src)))
				for b.Loop() {
					extractJSON(tc.src)
				}
			})
		}
	}
}

func TestExtractJSONStrayClosers(t *testing.T) {
	src := []byte(`[">cs /sett x",` + strings.Repeat("[", 10) + strings.Repeat("}", 10) + "]")
	f, err := extractJSON(src)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, `unexpected '}'; expected a value`, se.Msg)
	assert.Equal(t, 25, se.Offset)
	require.Len(t, f.Strings, 1)
}
