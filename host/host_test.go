package host

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStringHostOffsets(t *testing.T) {
	// Host file: `0123456789ab\u00e9cd` — "ab" at 10, the escape at 12, "cd"
	// at 18.
	escaped := String{Text: "ab\u00e9cd", Start: 9, End: 21, Segs: []Seg{
		{Dec: 0, Host: 10, HostLen: 2, Verbatim: true},
		{Dec: 2, Host: 12, HostLen: 6},
		{Dec: 4, Host: 18, HostLen: 2, Verbatim: true},
	}}
	// `x${a+b}y`: the placeholder is three decoded bytes written as seven.
	placeholder := String{Text: "x" + string(Placeholder) + "y", Start: 0, End: 11, Segs: []Seg{
		{Dec: 0, Host: 1, HostLen: 1, Verbatim: true},
		{Dec: 1, Host: 2, HostLen: 7},
		{Dec: 4, Host: 9, HostLen: 1, Verbatim: true},
	}}
	// A YAML fold: "a\n\nb" where the two line feeds come from three breaks.
	fold := String{Text: "a\n\nb", Start: 0, End: 12, Segs: []Seg{
		{Dec: 0, Host: 1, HostLen: 1, Verbatim: true},
		{Dec: 1, Host: 2, HostLen: 8},
		{Dec: 3, Host: 10, HostLen: 1, Verbatim: true},
	}}
	// A string that ends with an escape: `"x\n"`.
	endEscape := String{Text: "x\n", Start: 4, End: 9, Segs: []Seg{
		{Dec: 0, Host: 5, HostLen: 1, Verbatim: true},
		{Dec: 1, Host: 6, HostLen: 2},
	}}
	empty := String{Start: 7, End: 9}

	tests := []struct {
		name   string
		s      String
		dec    int
		offset int // HostOffset(dec)
		end    int // HostEnd(dec)
	}{
		{"start of text", escaped, 0, 10, 10},
		{"inside verbatim", escaped, 1, 11, 11},
		{"verbatim before escape", escaped, 2, 12, 12},
		{"inside escape", escaped, 3, 12, 18},
		{"after escape", escaped, 4, 18, 18},
		{"inside second verbatim", escaped, 5, 19, 19},
		{"end of text", escaped, 6, 20, 20},
		{"before start", escaped, -1, 10, 10},
		{"past the end", escaped, 9, 20, 20},
		{"placeholder start", placeholder, 1, 2, 2},
		{"inside placeholder", placeholder, 2, 2, 9},
		{"after placeholder", placeholder, 4, 9, 9},
		{"placeholder end of text", placeholder, 5, 10, 10},
		{"fold start", fold, 1, 2, 2},
		{"inside fold", fold, 2, 2, 10},
		{"after fold", fold, 3, 10, 10},
		{"escape at start", endEscape, 1, 6, 6},
		{"end after escape", endEscape, 2, 8, 8},
		{"empty text", empty, 0, 7, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.offset, tt.s.HostOffset(tt.dec), "HostOffset(%d)", tt.dec)
			assert.Equal(t, tt.end, tt.s.HostEnd(tt.dec), "HostEnd(%d)", tt.dec)
		})
	}
}

// A range inside the text maps to the host bytes that cover it, escapes
// widened to their whole spelling.
func TestStringHostRange(t *testing.T) {
	src := `"ab\u00e9cd"`
	s := String{Text: "ab\u00e9cd", Start: 0, End: len(src), Segs: []Seg{
		{Dec: 0, Host: 1, HostLen: 2, Verbatim: true},
		{Dec: 2, Host: 3, HostLen: 6},
		{Dec: 4, Host: 9, HostLen: 2, Verbatim: true},
	}}
	tests := []struct {
		name       string
		start, end int
		want       string
	}{
		{"whole", 0, 6, `ab\u00e9cd`},
		{"verbatim only", 0, 2, "ab"},
		{"escape only", 2, 4, `\u00e9`},
		{"half an escape", 3, 4, `\u00e9`},
		{"across", 1, 5, `b\u00e9c`},
		{"empty at escape", 2, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, src[s.HostOffset(tt.start):s.HostEnd(tt.end)])
		})
	}
}

// checkExtraction asserts what every extraction promises, for the fuzz
// targets: an error at an offset inside the file; strings in order, each
// mapped back exactly (see jsonCheckString, with the host's decodes); and
// comments in order, once each, as written, on rune boundaries.
func checkExtraction(t *testing.T, src []byte, file *File, err error, decodes jsonDecodes) {
	t.Helper()
	require.NotNil(t, file)
	var se *SyntaxError
	if err != nil {
		require.ErrorAs(t, err, &se)
		require.True(t, se.Offset >= 0 && se.Offset <= len(src), "error offset %d", se.Offset)
	}
	prev := -1
	for _, s := range file.Strings {
		require.Greater(t, s.Start, prev)
		prev = s.Start
		jsonCheckString(t, src, s, decodes)
	}
	prevEnd := 0
	for _, c := range file.Comments {
		require.GreaterOrEqual(t, c.Start, prevEnd, "comments in order, once each")
		prevEnd = c.End
		require.Equal(t, string(src[c.Start:c.End]), c.Text)
		require.True(t, jsonRuneBoundary(src, c.Start) && jsonRuneBoundary(src, c.End))
	}
}

// assertSyntaxError asserts that err is a *SyntaxError with message msg at an
// offset inside a file of size bytes.
func assertSyntaxError(t *testing.T, err error, msg string, size int) {
	t.Helper()
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, msg, se.Msg)
	assert.True(t, se.Offset >= 0 && se.Offset <= size, "error offset %d", se.Offset)
}
