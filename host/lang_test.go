package host

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every language with an extractor has golden data under testdata/NAME and
// a fuzz target FuzzNAME (any case); names, aliases, extensions and editor
// ids each belong to one language.
func TestLanguagesRegistered(t *testing.T) {
	fuzzRE := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(`)
	fuzz := map[string]bool{}
	tests, err := filepath.Glob("*_test.go")
	require.NoError(t, err)
	for _, name := range tests {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		for _, m := range fuzzRE.FindAllStringSubmatch(string(b), -1) {
			fuzz[strings.ToLower(m[1])] = true
		}
	}
	seen := map[string]string{}
	once := func(kind, key, lang string) {
		t.Helper()
		if other, ok := seen[kind+" "+key]; ok {
			t.Errorf("%s %q belongs to %s and %s", kind, key, other, lang)
		}
		seen[kind+" "+key] = lang
	}
	for _, l := range Languages {
		t.Run(l.Name, func(t *testing.T) {
			once("name", strings.ToLower(l.Name), l.Name)
			for _, a := range l.Aliases {
				once("name", strings.ToLower(a), l.Name)
			}
			for _, e := range l.Extensions {
				assert.True(t, strings.HasPrefix(e, ".") && e == strings.ToLower(e), "extension %q is lowercase with its dot", e)
				once("extension", e, l.Name)
			}
			for _, id := range l.IDs {
				once("id", id, l.Name)
			}
			for _, d := range l.Comments {
				assert.NotEmpty(t, d.Open, "a comment has an opening delimiter")
			}
			if l.Extract == nil {
				return
			}
			goldens, _ := filepath.Glob(filepath.Join("testdata", l.Name, "*.golden"))
			assert.NotEmpty(t, goldens, "testdata/%s holds golden files", l.Name)
			assert.True(t, fuzz["fuzz"+strings.ToLower(l.Name)], "a fuzz target Fuzz%s exists", l.Name)
		})
	}
}

func TestLanguageLookup(t *testing.T) {
	tests := []struct {
		name string
		got  *Language
		want *Language
	}{
		{"name", ByName("yaml"), YAML},
		{"alias any case", ByName("TypeScript"), JS},
		{"unknown name", ByName("cobol"), nil},
		{"extension", ByPath("dir/app.tsx"), JS},
		{"extension any case", ByPath("PAGE.HTM"), HTML},
		{"command file", ByPath("a/b.cscmd"), Commands},
		{"jsonc file", ByPath("tsconfig.jsonc"), JSONC},
		{"no extension", ByPath("Makefile"), nil},
		{"extension inside the name", ByPath("a.js.txt"), nil},
		{"editor id", ByID("typescriptreact"), JS},
		{"unknown id", ByID("go"), nil},
		{"a dialect's family", JSONC.Family(), JSON},
		{"a language's own family", JS.Family(), JS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Same(t, tt.want, tt.got)
		})
	}
	assert.Contains(t, Kinds(), "(.cscmd)")
	assert.Contains(t, Kinds(), ".yml")
}

func TestLanguageComments(t *testing.T) {
	tests := []struct {
		lang       *Language
		text, body string
		line       string // CommentLine("x"); "" when none can be written
	}{
		{JS, "// cscmd-ignore a", " cscmd-ignore a", "// x"},
		{JS, "/* cscmd-ignore a */", " cscmd-ignore a ", "// x"},
		{HTML, "<!-- cscmd-ignore -->", " cscmd-ignore ", "<!-- x -->"},
		{YAML, "# cscmd-ignore", " cscmd-ignore", "# x"},
		{JSON, "// c", " c", ""},
		{JSONC, "// c", " c", "// x"},
		{Commands, "# c", " c", "# x"},
	}
	for _, tt := range tests {
		t.Run(tt.lang.Name+" "+tt.text, func(t *testing.T) {
			body, at := tt.lang.Body(tt.text)
			assert.Equal(t, tt.body, body)
			assert.Equal(t, tt.body, tt.text[at:at+len(body)])
			line, ok := tt.lang.CommentLine("x")
			assert.Equal(t, tt.line, line)
			assert.Equal(t, tt.line != "", ok)
		})
	}
}

// ExtractCached finds what Extract finds, the first time and when every
// embedded document comes from the cache, and the cache's documents are
// not changed by being lifted into two files.
func TestExtractCached(t *testing.T) {
	files, err := filepath.Glob("../lint/testdata/embedded/*")
	require.NoError(t, err)
	var cache DocCache
	for _, name := range files {
		lang := ByPath(name)
		if lang == nil {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		f, xerr := Extract(lang, src)
		want := dumpFile(src, f, xerr)
		require.Contains(t, want, "string", name)
		for range 2 {
			f, xerr := ExtractCached(lang, src, &cache)
			assert.Equal(t, want, dumpFile(src, f, xerr), name)
		}
		// The same tag in another file, at another offset.
		shifted := append([]byte("\n\n"), src...)
		f, xerr = ExtractCached(lang, shifted, &cache)
		g, gerr := Extract(lang, shifted)
		assert.Equal(t, dumpFile(shifted, g, gerr), dumpFile(shifted, f, xerr), name)
	}
}
