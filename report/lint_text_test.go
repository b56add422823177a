package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
)

func text(t *testing.T, files []LintFile, color bool) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, WriteText(&b, files, LintOptions{Color: color}))
	return b.String()
}

func TestTextColor(t *testing.T) {
	files := fixture(t)
	plain := text(t, files, false)
	assert.NotContains(t, plain, "\x1b", "no escape codes without colour")

	colored := text(t, files, true)
	assert.Contains(t, colored, ansiRed+"error"+ansiReset)
	assert.Contains(t, colored, ansiYellow+"warning"+ansiReset)
	assert.Contains(t, colored, ansiCyan+"info"+ansiReset)
	assert.Contains(t, colored, ansiDim+"[objectid-format]"+ansiReset)
	assert.Contains(t, colored, ansiGreen+"^~~~"+ansiReset)

	// Without its escape codes the coloured output is the plain one.
	stripped := strings.NewReplacer(ansiReset, "", ansiBold, "", ansiDim, "", ansiGreen, "",
		ansiRed, "", ansiYellow, "", ansiCyan, "").Replace(colored)
	assert.Equal(t, plain, stripped)
}

// marker returns the source and marker lines printed for the only
// diagnostic of src, without the gutter.
func marker(t *testing.T, src string, start, end int) (source, mark string) {
	t.Helper()
	out := text(t, []LintFile{{Path: "f", Src: []byte(src), Diags: []lint.Diagnostic{
		{Rule: "r", Severity: lint.Error, Start: start, End: end, Message: "m"},
	}}}, false)
	lines := strings.Split(out, "\n")
	require.GreaterOrEqual(t, len(lines), 3, out)
	_, source, ok := strings.Cut(lines[1], " | ")
	require.True(t, ok, out)
	_, mark, ok = strings.Cut(lines[2], " | ")
	require.True(t, ok, out)
	return source, mark
}

func TestTextMarker(t *testing.T) {
	tests := []struct {
		name, src, needle string
		source, mark      string
	}{
		{"ascii", ">cs /assign 123", "123", ">cs /assign 123", "            ^~~"},
		{"wide before", "😀é x", "x", "😀é x", "    ^"},
		{"wide inside", "a 😀b", "😀b", "a 😀b", "  ^~~"},
		{"tabs kept", "\t\tab", "b", "\t\tab", "\t\t ^"},
		{"control shown as U+FFFD", "\x1b[2Jab", "b", "\uFFFD[2Jab", "     ^"},
		{"bidi override", "a\u202eb", "b", "a\uFFFDb", "  ^"},
		{"bom", "\uFEFFab", "b", "ab", " ^"},
		{"crlf", "ab\r\n", "b", "ab", " ^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := find(t, tt.src, tt.needle, 0)
			source, mark := marker(t, tt.src, s, e)
			assert.Equal(t, tt.source, source)
			assert.Equal(t, tt.mark, mark)
		})
	}
}

func TestTextEmptyAndMultiLineRanges(t *testing.T) {
	_, mark := marker(t, ">cs /assign", 11, 11)
	assert.Equal(t, "           ^", mark, "an empty range at the end of the line")
	_, mark = marker(t, "abcd\nefgh\n", 2, 7)
	assert.Equal(t, "  ^~", mark, "a range into the next line is marked to the end of its first line")
}

func TestTextLongLine(t *testing.T) {
	long := strings.Repeat("0123456789", 30)
	for _, at := range []int{0, 5, 100, 150, 290, 300} {
		src := long[:at] + "XY" + long[at:]
		source, mark := marker(t, src, at, at+2)
		assert.LessOrEqual(t, utf8.RuneCountInString(source), maxShown, "at %d", at)
		i := strings.Index(mark, "^")
		require.GreaterOrEqual(t, i, 0)
		assert.Equal(t, "XY", string([]rune(source)[i:i+2]), "at %d: the caret is under the range", at)
		assert.Equal(t, at > before, strings.HasPrefix(source, "…"), "at %d", at)
		assert.Equal(t, at < 300-before, strings.HasSuffix(source, "…"), "at %d", at)
	}
}

func TestTextMessageOnOneLine(t *testing.T) {
	out := text(t, []LintFile{{Path: "f", Src: []byte("x"), Diags: []lint.Diagnostic{
		{Rule: "r", Severity: lint.Warning, Start: 0, End: 1, Message: "two\nlines\r\tand a tab"},
	}}}, false)
	first, _, _ := strings.Cut(out, "\n")
	assert.Equal(t, "f:1:1: warning: two lines  and a tab [r]", first)
}

func TestTextSummary(t *testing.T) {
	assert.Empty(t, text(t, fixture(t)[3:], false), "no findings, no output")
	out := text(t, []LintFile{{Path: "f", Src: []byte("x"), Diags: []lint.Diagnostic{
		{Rule: "r", Severity: lint.Info, Start: 0, End: 1, Message: "m"},
		{Rule: "r", Severity: lint.Off, Start: 0, End: 1, Message: "off"},
	}}}, false)
	assert.True(t, strings.HasSuffix(out, "\n1 problem (1 info) in 1 file\n"), out)
	assert.NotContains(t, out, "off")
}
