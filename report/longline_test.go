package report

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
)

// onLongLine returns a one-line file with n findings spread over it, each
// on "XYZ" with 3,000 bytes around of before and after. With a before of
// "aé", cuts fall inside characters.
func onLongLine(n int, before, after string) LintFile {
	chunk := strings.Repeat(before, 3000/len(before)) + "XYZ" + strings.Repeat(after, 3000/len(after))
	src := []byte(strings.Repeat(chunk, n))
	f := LintFile{Path: "bundle.js", Src: src}
	for i := range n {
		at := i*len(chunk) + strings.Index(chunk, "XYZ")
		f.Diags = append(f.Diags, lint.Diagnostic{Rule: "r", Severity: lint.Error, Start: at, End: at + 3, Message: "m"})
	}
	return f
}

// TestLongLineCostsPerFinding writes 300 findings on one line of a
// megabyte: what each format allocates and writes must not grow with the
// line (before, text decoded the whole line per finding: gigabytes; SARIF
// embedded it per finding: 600 MB of output). The line is ASCII: columns
// on a line with other characters are linemap's business.
func TestLongLineCostsPerFinding(t *testing.T) {
	files := []LintFile{onLongLine(300, "a", "b")}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text":  func(b *bytes.Buffer) error { return WriteText(b, files, LintOptions{}) },
		"sarif": func(b *bytes.Buffer) error { return WriteSARIF(b, files, LintOptions{}) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			require.NoError(t, write(&b))
			runtime.ReadMemStats(&after)
			assert.Less(t, b.Len(), 300*2048, "output per finding is bounded")
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "memory per finding is bounded")
		})
	}
}

func TestSARIFContextWindow(t *testing.T) {
	f := onLongLine(3, "aé", "éb")
	log := readSARIF(t, []LintFile{f}, LintOptions{})
	require.Len(t, log.Runs[0].Results, 3)
	line := []rune(string(f.Src))
	for i, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		require.NotNil(t, loc.Region.Snippet)
		assert.Equal(t, "XYZ", loc.Region.Snippet.Text, "result %d", i)
		assert.Equal(t, "XYZ", string(line[loc.Region.StartColumn-1:loc.Region.EndColumn-1]))
		ctx := loc.ContextRegion
		require.NotNil(t, ctx, "result %d", i)
		require.NotNil(t, ctx.Snippet)
		assert.True(t, utf8.ValidString(ctx.Snippet.Text), "cut between characters")
		assert.Contains(t, ctx.Snippet.Text, "aéXYZéb")
		assert.LessOrEqual(t, len(ctx.Snippet.Text), 2*contextAround+3)
		assert.Equal(t, ctx.Snippet.Text, string(line[ctx.StartColumn-1:ctx.EndColumn-1]), "the columns are those of the snippet")
	}

	t.Run("a region too long for a snippet", func(t *testing.T) {
		f := LintFile{Path: "a.js", Src: []byte(strings.Repeat("x", 10000)), Diags: []lint.Diagnostic{{Rule: "r", Severity: lint.Error, Start: 10, End: 9000, Message: "m"}}}
		log := readSARIF(t, []LintFile{f}, LintOptions{})
		loc := log.Runs[0].Results[0].Locations[0].PhysicalLocation
		assert.Nil(t, loc.Region.Snippet)
		assert.Nil(t, loc.ContextRegion)
		assert.Equal(t, 9001, loc.Region.EndColumn)
	})
}

func TestTextLongLineWindow(t *testing.T) {
	f := onLongLine(3, "aé", "éb")
	out := text(t, []LintFile{f}, false)
	lines := strings.Split(out, "\n")
	require.Len(t, lines, 3*3+2)
	for i := range 3 {
		_, source, ok := strings.Cut(lines[3*i+1], " | ")
		require.True(t, ok)
		_, mark, ok := strings.Cut(lines[3*i+2], " | ")
		require.True(t, ok)
		assert.True(t, strings.HasPrefix(source, "…") && strings.HasSuffix(source, "…"), source)
		assert.LessOrEqual(t, utf8.RuneCountInString(source), maxShown)
		at := strings.Index(mark, "^~~")
		require.GreaterOrEqual(t, at, 0, mark)
		assert.Equal(t, "XYZ", string([]rune(source)[at:at+3]), "the caret is under the range")
	}
}
