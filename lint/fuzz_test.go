package lint

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/host"
)

// FuzzLint runs every rule over arbitrary command files and host files: no
// panic, every diagnostic and fix edit inside the file and, in valid UTF-8,
// on rune boundaries; the fixes apply and the result lints again; and no
// rule finds anything in a unit its Needs let the engine skip.
func FuzzLint(f *testing.F) {
	files, _ := filepath.Glob("testdata/rules/*")
	more, _ := filepath.Glob("../testdata/lint/project/*/*")
	for _, name := range append(files, more...) {
		if b, err := os.ReadFile(name); err == nil && filepath.Ext(name) != ".golden" {
			f.Add(uint8(0), b)
			f.Add(uint8(1), b)
		}
	}
	f.Add(uint8(2), []byte(`{"a": ">cs /sett x", "b": ["\u003ecs +6093490651A8B5629324AE4F"]}`))
	f.Add(uint8(3), []byte("a: '>CS /assign 62C6077CA980127F404B0301'\nb: |\n  >cs @6248f0083ab5d5001e523146\n"))
	f.Add(uint8(4), []byte(`<b onclick="web1on1.opne('&gt;cs /set @category Used Cars')">`))
	l := testLinter(f)
	unscoped := *l
	unscoped.rules = unscopedRules()
	names := []string{"f.cscmd", "f.js", "f.json", "f.yaml", "f.html"}
	f.Fuzz(func(t *testing.T, kind uint8, src []byte) {
		name := names[int(kind)%len(names)]
		diags, _ := l.Lint(name, src)
		all, _ := unscoped.Lint(name, src)
		require.Equal(t, all, diags, "a rule found something where its Needs skip it")
		valid := utf8.Valid(src)
		inFile := func(what string, start, end int) {
			if start < 0 || start > end || end > len(src) {
				t.Fatalf("%s [%d,%d) outside the file of %d bytes", what, start, end, len(src))
			}
			if valid && (start < len(src) && !utf8.RuneStart(src[start]) || end < len(src) && !utf8.RuneStart(src[end])) {
				t.Fatalf("%s [%d,%d) splits a character", what, start, end)
			}
		}
		for _, d := range diags {
			inFile(d.Rule, d.Start, d.End)
			fixes := d.Suggestions
			if d.Fix != nil {
				fixes = append(fixes, *d.Fix)
			}
			for _, fx := range fixes {
				for _, e := range fx.Edits {
					inFile(d.Rule+" fix", e.Start, e.End)
				}
			}
		}
		fixed, _ := ApplyFixes(src, diags)
		l.Lint(name, fixed)
		if host.ByPath(name) == host.Commands {
			l.LintCommandsCached(src, &LineCache{})
		}
	})
}
