package config

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A .cscmd.yaml nested deeper than the parser can afford is a config error
// with its place; the memory spent on it stays small at any depth (the
// parser took 2.4 GB at 40,000 levels, and died at 100,000).
func TestLoadDeepNesting(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		col       int
	}{
		{"flow", "exclude: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n", 1009},
		{"sequence entries", "exclude:\n" + strings.Repeat("- ", 100_000) + "x\n", 2001},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Load(".cscmd.yaml", []byte(tt.src), nil)
			runtime.ReadMemStats(&after)
			var list ErrorList
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1)
			assert.Equal(t, "nesting is deeper than 1000 levels; the file is not parsed", list[0].Msg)
			assert.Equal(t, tt.col, list[0].Column)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(400<<20), "bytes allocated")
		})
	}
}
