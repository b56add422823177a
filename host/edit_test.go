package host

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A DocCache finds what Extract finds, through every edit of a component,
// a template page and a Markdown file.
func TestDocCacheEdits(t *testing.T) {
	for _, l := range []*Language{Vue, Svelte, PHP, Liquid, Markdown, HTML} {
		for _, path := range langInputs(t, l) {
			t.Run(path, func(t *testing.T) {
				src, err := os.ReadFile(path)
				require.NoError(t, err)
				var c DocCache
				mid := len(src) / 2
				for _, edit := range []string{"", "x", "'", "", "<script>'>cs /notify'</script>"} {
					text := append(append(append([]byte{}, src[:mid]...), edit...), src[mid:]...)
					want, werr := Extract(l, text)
					got, gerr := ExtractCached(l, text, &c)
					assert.Equal(t, dumpFile(text, want, werr), dumpFile(text, got, gerr), "after inserting %q", edit)
				}
			})
		}
	}
}

// benchEdit returns src with one byte changed on line i*37 of 10,000,
// inside a tag or an attribute value as a typist's would be.
func benchEdit(src []byte, i int) []byte {
	out := append([]byte{}, src...)
	line := (i * 37) % 10000
	at := 0
	for n := 0; n < line; n++ {
		at += bytes.IndexByte(out[at:], '\n') + 1
	}
	out[at+20] ^= 1
	return out
}

// BenchmarkUnclosed extracts pages made of one opener repeated and never
// closed, at 64 KB and at 256 KB: four times the size must cost about four
// times the time, not sixteen (each once took minutes at 256 KB).
func BenchmarkUnclosed(b *testing.B) {
	for _, tc := range []struct {
		lang   *Language
		opener string
	}{
		{Svelte, "{'\n"},
		{Svelte, "{ "},
		{Liquid, "{% comment %}"},
		{Blade, "@if( "},
		{Blade, "@php "},
		{GoTemplate, "{{/* "},
		{Handlebars, `\{{ `},
	} {
		for _, size := range []int{64 << 10, 256 << 10} {
			src := bytes.Repeat([]byte(tc.opener), size/len(tc.opener))
			b.Run(fmt.Sprintf("%s/%q/%dK", tc.lang.Name, tc.opener, size>>10), func(b *testing.B) {
				for b.Loop() {
					_, _ = Extract(tc.lang, src)
				}
			})
		}
	}
}
