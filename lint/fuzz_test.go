package lint

import (
	"os"
	"path/filepath"
	"strings"
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
	// Shapes from the hardening pass: byte order marks, lone CRs, deep
	// nesting, TypeScript's non-null `!` and optional calls.
	f.Add(uint8(3), []byte("\xef\xbb\xbf]: >cs"))
	f.Add(uint8(0), []byte("\xff\xfe>\x00c\x00s\x00 \x00/\x00"))
	f.Add(uint8(0), []byte(">cs /assign 62c6077ca980127f404b0301\r>cs /sett x\r\n\r"))
	f.Add(uint8(3), []byte("a: "+strings.Repeat("[", 1001)+"'>cs /sett x'"+strings.Repeat("]", 1001)))
	f.Add(uint8(2), []byte(`[">cs /sett x",`+strings.Repeat("[", 50)+strings.Repeat("}", 50)))
	f.Add(uint8(1), []byte("avg = sum! / total;\rweb1on1!.api?.sendClientMessage?.('>cs /sett x')"))
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
			if strings.HasPrefix(d.Message, "internal error") {
				t.Fatalf("linting panicked: %s", d.Message)
			}
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
