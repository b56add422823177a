package host

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The map of `"a\u00e9b"` written at offset 10: "a" verbatim, "é" (two
// bytes) from a six-byte escape, "b" verbatim.
var escMap = Map{Len: 4, Base: 11, Segs: []Seg{
	{Dec: 0, Host: 11, HostLen: 1, Verbatim: true},
	{Dec: 1, Host: 12, HostLen: 6},
	{Dec: 3, Host: 18, HostLen: 1, Verbatim: true},
}}

func TestMapBothDirections(t *testing.T) {
	tests := []struct {
		name       string
		m          Map
		dec        int
		start, end int // Start(dec), End(dec)
		back       int // Decoded(start); -1 when there is none
	}{
		{"first byte", escMap, 0, 11, 11, 0},
		{"before escape", escMap, 1, 12, 12, 1},
		{"inside escape", escMap, 2, 12, 18, 1},
		{"after escape", escMap, 3, 18, 18, 3},
		{"end of text", escMap, 4, 19, 19, 4},
		{"before start clamps", escMap, -3, 11, 11, 0},
		{"past end clamps", escMap, 9, 19, 19, 4},
		{"empty map", Map{Base: 7}, 0, 7, 7, -1},
		{"verbatim", VerbatimMap(5, 3), 2, 7, 7, 2},
		{"verbatim end", VerbatimMap(5, 3), 3, 8, 8, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.start, tt.m.Start(tt.dec), "Start")
			assert.Equal(t, tt.end, tt.m.End(tt.dec), "End")
			got, ok := tt.m.Decoded(tt.start)
			if tt.back < 0 {
				assert.False(t, ok, "Decoded(%d)", tt.start)
				return
			}
			require.True(t, ok, "Decoded(%d)", tt.start)
			assert.Equal(t, tt.back, got, "Decoded(%d)", tt.start)
		})
	}
}

// Host offsets strictly inside an escape, and outside the text, have no
// decoded offset.
func TestMapDecodedOutside(t *testing.T) {
	for _, h := range []int{0, 10, 13, 17, 20, 100} {
		_, ok := escMap.Decoded(h)
		assert.False(t, ok, "Decoded(%d)", h)
	}
}

// A text decoded from a decoded text maps straight to the outer host:
// `&gt;cs` (an HTML reference) inside a JSON string that writes "&" as
// \u0026.
func TestMapCompose(t *testing.T) {
	// Outer: the JSON string `"\u0026gt;cs"` at offset 0 decodes to "&gt;cs".
	outer := Map{Len: 6, Base: 1, Segs: []Seg{
		{Dec: 0, Host: 1, HostLen: 6},
		{Dec: 1, Host: 7, HostLen: 5, Verbatim: true},
	}}
	// Inner: "&gt;cs" decodes to ">cs".
	inner := Map{Len: 3, Base: 0, Segs: []Seg{
		{Dec: 0, Host: 0, HostLen: 4},
		{Dec: 1, Host: 4, HostLen: 2, Verbatim: true},
	}}
	got := inner.Compose(outer)
	assert.Equal(t, Map{Len: 3, Base: 1, Segs: []Seg{
		{Dec: 0, Host: 1, HostLen: 9},
		{Dec: 1, Host: 10, HostLen: 2, Verbatim: true},
	}}, got)
	src := `"\u0026gt;cs"`
	assert.Equal(t, `\u0026gt;`, src[got.Start(0):got.End(1)])
	assert.Equal(t, "cs", src[got.Start(1):got.End(3)])
	back, ok := got.Decoded(10)
	require.True(t, ok)
	assert.Equal(t, 1, back)

	// A verbatim run of the inner text that crosses an escape of the outer
	// one is split there.
	outer2 := Map{Len: 3, Base: 0, Segs: []Seg{
		{Dec: 0, Host: 0, HostLen: 1, Verbatim: true},
		{Dec: 1, Host: 1, HostLen: 2}, // `\n`
		{Dec: 2, Host: 3, HostLen: 1, Verbatim: true},
	}}
	assert.Equal(t, []Seg{
		{Dec: 0, Host: 0, HostLen: 1, Verbatim: true},
		{Dec: 1, Host: 1, HostLen: 2},
		{Dec: 2, Host: 3, HostLen: 1, Verbatim: true},
	}, VerbatimMap(0, 3).Compose(outer2).Segs)
	// Composing with a verbatim outer map only shifts.
	assert.Equal(t, escMap.Segs[1].HostLen, escMap.Compose(VerbatimMap(0, 30)).Segs[1].HostLen)
}
