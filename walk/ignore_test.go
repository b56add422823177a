package walk

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPatternMatchesGit checks one-line .gitignore files against answers
// recorded from `git check-ignore --no-index` (git 2.x), with the path
// created as a file or a directory as isDir says.
func TestPatternMatchesGit(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		isDir   bool
		want    bool
	}{
		{`*.log`, `a.log`, false, true},
		{`*.log`, `d/a.log`, false, true},
		{`*.log`, `a.logx`, false, false},
		{`build/`, `build`, true, true},
		{`build/`, `build`, false, false},
		{`build/`, `src/build`, true, true},
		{`/root.txt`, `root.txt`, false, true},
		{`/root.txt`, `d/root.txt`, false, false},
		{`docs/build`, `docs/build`, false, true},
		{`docs/build`, `x/docs/build`, false, false},
		{`**/foo`, `foo`, false, true},
		{`**/foo`, `a/b/foo`, false, true},
		{`a/**/b`, `a/b`, false, true},
		{`a/**/b`, `a/x/y/b`, false, true},
		{`a/**/b`, `x/a/b`, false, false},
		{`abc/**`, `abc`, true, false},
		{`abc/**`, `abc/x`, false, true},
		{`abc/**`, `abc/x/y`, false, true},
		{`fil?.txt`, `file.txt`, false, true},
		{`fil?.txt`, `fi.txt`, false, false},
		{`fil?.txt`, `filé.txt`, false, false},
		{`[a-c]*.md`, `b.md`, false, true},
		{`[a-c]*.md`, `d.md`, false, false},
		{`[!a]x`, `bx`, false, true},
		{`[!a]x`, `ax`, false, false},
		{`[^a]x`, `ax`, false, false},
		{`\#hash`, `#hash`, false, true},
		{`\!bang`, `!bang`, false, true},
		{`trail\ `, `trail `, false, true},
		{`trail   `, `trail`, false, true},
		{`a+b`, `a+b`, false, true},
		{`a+b`, `aab`, false, false},
		{`a(b`, `a(b`, false, true},
		{`foo/*.c`, `foo/x.c`, false, true},
		{`foo/*.c`, `foo/bar/x.c`, false, false},
		{`**`, `anything`, false, true},
		{`a/**/`, `a/x`, true, true},
		{`a/**/`, `a/x`, false, false},
		{`[[:digit:]]*`, `1abc`, false, true},
		{`[[:digit:]]*`, `abc`, false, false},
		{`*.[ch]`, `x.c`, false, true},
		{`é*`, `éa`, false, true},
		{`ab[`, `ab[`, false, false},
		{`[]]x`, `]x`, false, true},
		{`a\*b`, `a*b`, false, true},
		{`a\*b`, `axb`, false, false},
		{`*/`, `x`, true, true},
		{`*/`, `x`, false, false},
		{`a/b/`, `a/b`, true, true},
		{`a/b/`, `c/a/b`, true, false},
		{`**/a/**`, `x/a/y`, false, true},
		{`**/a/**`, `a`, true, false},
		{`*a*b*`, `xaybz`, false, true},
		{`*a*b*`, `xbya`, false, false},
		{`.*`, `.hidden`, false, true},
		{`[a-]`, `-`, false, true},
		{`[!]`, `x`, false, false},
		{`\`, `\`, false, false},
		{`*~`, `file~`, false, true},
		{`x*`, `x`, false, true},
		{`?`, `ab`, false, false},
		{`?`, `a`, false, true},
		{`!a`, `a`, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+"|"+tt.path, func(t *testing.T) {
			f := &ignoreFile{base: "/r", patterns: parseIgnore([]byte(tt.pattern + "\n"))}
			assert.Equal(t, tt.want, f.ignored("/r/"+tt.path, tt.isDir))
		})
	}
}

func TestIgnoreFile(t *testing.T) {
	src := "# comment\n\n*.log\n!keep.log\r\nbuild/\n/gen\n"
	tests := []struct {
		path  string
		isDir bool
		want  bool
	}{
		{"x.log", false, true},
		{"keep.log", false, false}, // the later negation wins
		{"sub/keep.log", false, false},
		{"build", true, true},
		{"gen", true, true},
		{"sub/gen", true, false},
		{"# comment", false, false},
		{"", false, false},
	}
	f := &ignoreFile{base: "/r", patterns: parseIgnore([]byte(src))}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			assert.Equal(t, tt.want, f.ignored("/r/"+tt.path, tt.isDir))
		})
	}
}

func TestIgnoreChain(t *testing.T) {
	top := &ignoreFile{base: "/r", patterns: parseIgnore([]byte("*.log\ntmp/\n"))}
	sub := &ignoreFile{parent: top, base: "/r/sub", patterns: parseIgnore([]byte("!keep.log\n/local.log\n"))}
	tests := []struct {
		path  string
		isDir bool
		want  bool
	}{
		{"/r/a.log", false, true},
		{"/r/sub/a.log", false, true},     // the parent's pattern still applies
		{"/r/sub/keep.log", false, false}, // the deeper file overrides
		{"/r/keep.log", false, true},      // but only below it
		{"/r/sub/tmp", true, true},
		{"/r/sub/local.log", false, true},
		{"/r/subway/keep.log", false, true}, // a sibling sharing a prefix is not below sub
		{"/elsewhere/a.log", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			assert.Equal(t, tt.want, sub.ignored(tt.path, tt.isDir))
		})
	}
}

func TestRelSlash(t *testing.T) {
	rel, ok := relSlash("/", "/a/b")
	assert.True(t, ok)
	assert.Equal(t, "a/b", rel)
	rel, ok = relSlash("/r", "/r/a")
	assert.True(t, ok)
	assert.Equal(t, "a", rel)
	_, ok = relSlash("/r", "/r")
	assert.False(t, ok)
	_, ok = relSlash("/r", "/rx/a")
	assert.False(t, ok)
}

func FuzzMatchSegment(f *testing.F) {
	for _, s := range [][2]string{{"*.log", "a.log"}, {"[!a-c]?x*", "dzx"}, {"[[:alpha:]]", "q"}, {`a\*b`, "a*b"}, {"[", "["}, {"*a*b*c", "aabbcc"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pat, name string) {
		matchSegment(pat, name) // must not panic or hang
		if !strings.ContainsAny(name, `*?[\`) && !matchSegment(name, name) {
			t.Fatalf("a name without wildcards does not match itself: %q", name)
		}
		p, ok := parsePattern(pat)
		if ok {
			p.match(name, name, true)
		}
	})
}
