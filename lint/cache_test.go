package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/host"
)

// TestLintCommandsCached checks that the cached linter gives what the plain
// one gives, over every command file of the tests, before and after edits.
func TestLintCommandsCached(t *testing.T) {
	l := testLinter(t)
	files, _ := filepath.Glob("testdata/rules/*.cscmd")
	more, _ := filepath.Glob("../testdata/parse/*.cscmd")
	files = append(files, more...)
	require.NotEmpty(t, files)
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		cache := &LineCache{}
		want := render(src, l.LintCommands(src), true)
		assert.Equal(t, want, render(src, l.LintCommandsCached(src, cache), true), f)
		assert.Equal(t, want, render(src, l.LintCommandsCached(src, cache), true), "%s, from the cache", f)

		// An edit on the first message line, and a line moved down.
		edited := []byte("\n" + strings.Replace(string(src), ">cs", ">cs ", 1))
		assert.Equal(t, render(edited, l.LintCommands(edited), true), render(edited, l.LintCommandsCached(edited, cache), true), "%s, edited", f)
		for text := range cache.lines {
			assert.Contains(t, string(edited), text, "lines gone from the file leave the cache")
		}
	}
}

func BenchmarkLintCommandsCachedEdit(b *testing.B) {
	var sb strings.Builder
	for i := range 10000 {
		switch i % 4 {
		case 0:
			sb.WriteString(">cs /set @category Used Car\n")
		case 1:
			sb.WriteString(">cs .brand Toyota " + strings.Repeat("x", i%50) + "\n")
		case 2:
			sb.WriteString(">cs /assign 62c6077ca980127f404b0301\n")
		default:
			sb.WriteString("# a comment\n")
		}
	}
	src := []byte(sb.String())
	l := testLinter(b)
	cache := &LineCache{}
	l.LintCommandsCached(src, cache)
	b.ResetTimer()
	for i := range b.N {
		edited := append([]byte(nil), src...)
		edited[len(edited)/2+i%100] = 'y' // a one-character edit
		l.LintCommandsCached(edited, cache)
	}
}

// TestLintCommandsPieces checks that a file large enough to be linted in
// pieces gives what one linted whole gives, suppressions included across
// the places where pieces could be cut.
func TestLintCommandsPieces(t *testing.T) {
	l := testLinter(t)
	var sb strings.Builder
	sb.WriteString("\uFEFF")
	for i := 0; sb.Len() < 5*pieceSize; i++ {
		switch i % 6 {
		case 0:
			sb.WriteString("# cscmd-ignore objectid-case\n")
		case 1:
			sb.WriteString(">cs /assign 62C6077CA980127F404B0301\r\n")
		case 2:
			sb.WriteString(">cs /sett isLead yes\n")
		case 3:
			sb.WriteString("# cscmd-ignore unknown-command\n\n\n")
		case 4:
			sb.WriteString(">cs .brand  Citroën 😀\n")
		default:
			sb.WriteString("hello\n")
		}
	}
	src := []byte(sb.String())
	whole := l.lintCommands(string(src), string(src), ast.Pos{Line: 1, Column: 1})
	got := l.LintCommands(src)
	require.NotEmpty(t, whole)
	assert.Equal(t, render(src, whole, true), render(src, got, true))
}

// TestLintExtractedCached checks that the string cache gives what a plain
// lint gives, over every host file of the tests, before and after edits.
func TestLintExtractedCached(t *testing.T) {
	l := testLinter(t)
	files, _ := filepath.Glob("testdata/rules/*.*")
	more, _ := filepath.Glob("../testdata/lint/project/pages/*")
	for _, f := range append(files, more...) {
		lang := host.ByPath(f)
		if lang == nil || lang.Extract == nil {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		cache := &StringCache{}
		for _, text := range [][]byte{src, src, []byte("\n" + strings.Replace(string(src), ">cs", ">cs ", 1))} {
			plain := l.LintHost(lang, text)
			hf, err := host.Extract(lang, text)
			assert.Equal(t, render(text, plain, true), render(text, l.LintExtractedCached(hf, err, text, cache), true), f)
		}
	}
}
