package lint

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/host"
)

// TestEmbeddedGolden lints the documents embedded in documents of
// testdata/embedded — a tag manager's container export, HTML written from
// JavaScript strings, HTML in YAML, JSON in a page — with every finding at
// its character of the outer file.
func TestEmbeddedGolden(t *testing.T) {
	l := testLinter(t)
	files, err := filepath.Glob("testdata/embedded/*")
	require.NoError(t, err)
	for _, in := range files {
		if strings.HasSuffix(in, ".golden") {
			continue
		}
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			require.NoError(t, err)
			diags := lintFile(t, l, in, src)
			require.NotEmpty(t, diags)
			golden(t, in+".golden", render(src, diags, true))
		})
	}
}

// applyAll applies the fix, or else the first suggestion, of every finding,
// round after round, and returns the result.
func applyAll(t *testing.T, l *Linter, name string, src []byte) []byte {
	t.Helper()
	for range 5 {
		diags := lintFile(t, l, name, src)
		var fixes []Diagnostic
		for _, d := range diags {
			switch {
			case d.Fix != nil:
				fixes = append(fixes, d)
			case len(d.Suggestions) > 0:
				d.Fix = &d.Suggestions[0]
				fixes = append(fixes, d)
			}
		}
		next, n := ApplyFixes(src, fixes)
		if n == 0 {
			break
		}
		src = next
	}
	return src
}

// Every fix lands through every layer — JS string, HTML attribute or
// entity, JSON or YAML string — re-escaped for each, changes no other byte,
// and leaves a file that lints clean.
func TestEmbeddedFixes(t *testing.T) {
	catalog, err := os.ReadFile("testdata/catalog.yaml")
	require.NoError(t, err)
	withQuote := strings.Replace(string(catalog), "categories: [Used Car,", `categories: ["Mom's Car", Used Car,`, 1)
	require.NotEqual(t, string(catalog), withQuote)
	cfg, err := config.Load("catalog.yaml", []byte(withQuote), RuleIDs())
	require.NoError(t, err)
	l := &Linter{Config: cfg, Now: testNow}
	tests := []struct {
		name, file, src, want string
	}{
		{"js string in attribute in json", "gtm.json",
			`{"html": "<b onclick=\"web1on1.api.sendClientMessage('\u003ecs /Set isLead yes')\">x</b>"}`,
			`{"html": "<b onclick=\"web1on1.api.sendClientMessage('\u003ecs /set isLead yes')\">x</b>"}`},
		{"script in json with a tag variable", "gtm.json",
			`{"html": "<script>\n web1on1.api.sendClientMessage('>CS /assign {{Agent}}');\n</script>"}`,
			`{"html": "<script>\n web1on1.api.sendClientMessage('>cs /assign {{Agent}}');\n</script>"}`},
		{"category with a quote through four layers", "page.json",
			`{"html": "<b onclick=\"web1on1.api.sendClientMessage('>cs /set @category Moms Car')\">x</b>"}`,
			`{"html": "<b onclick=\"web1on1.api.sendClientMessage('>cs /set @category Mom\\&#39;s Car')\">x</b>"}`},
		{"attribute in js string", "a.js",
			`el.innerHTML = '<b onclick="web1on1.api.sendClientMessage(\'>cs +6093490651A8B5629324AE4F\')">x</b>';`,
			`el.innerHTML = '<b onclick="web1on1.api.sendClientMessage(\'>cs +6093490651a8b5629324ae4f\')">x</b>';`},
		{"entity in attribute in template literal", "a.ts",
			"el.innerHTML = `<b onclick=\"web1on1.api.sendClientMessage('&gt;cs/notify ${inbox}')\">x</b>`;",
			"el.innerHTML = `<b onclick=\"web1on1.api.sendClientMessage('>cs /notify ${inbox}')\">x</b>`;"},
		{"script in yaml block", "page.yaml",
			"html: |\n  <script>\n    web1on1.api.sendClientMessage('>cs /sett @category Used Car');\n  </script>\n",
			"html: |\n  <script>\n    web1on1.api.sendClientMessage('>cs /set @category Used Car');\n  </script>\n"},
		{"attribute in yaml double quotes", "page.yaml",
			`html: "<a onclick=\"web1on1.api.sendClientMessage('>cs /asign 62c6077ca980127f404b0301')\">x</a>"` + "\n",
			`html: "<a onclick=\"web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301')\">x</a>"` + "\n"},
		{"four levels: an attribute in a string in a script in a json string", "gtm.json",
			`{"h": "<script>e.innerHTML = '<i onclick=\"x(\\'&gt;cs /set @category Moms Car\\')\">';</script>"}`,
			`{"h": "<script>e.innerHTML = '<i onclick=\"x(\\'&gt;cs /set @category Mom\\\\&#39;s Car\\')\">';</script>"}`},
		{"php output tag in a handler", "page.php",
			`<?php $v = 'yes'; ?><b onclick="web1on1.api.sendClientMessage('&gt;cs /Set isLead <?= $v ?>')">x</b>`,
			`<?php $v = 'yes'; ?><b onclick="web1on1.api.sendClientMessage('&gt;cs /set isLead <?= $v ?>')">x</b>`},
		{"liquid page script", "theme.liquid",
			"{% if customer %}<script>\n  web1on1.api.sendClientMessage('>cs /assign 62C6077CA980127F404B0301');\n</script>{% endif %}",
			"{% if customer %}<script>\n  web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301');\n</script>{% endif %}"},
		{"json script in a page", "page.html",
			`<script type="application/ld+json">{"m": ">cs /notify 605411853C68D83FD1AC7655"}</script>`,
			`<script type="application/ld+json">{"m": ">cs /notify 605411853c68d83fd1ac7655"}</script>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if host.ByPath(tt.file) == nil {
				t.Skipf("no language registered for %s", tt.file)
			}
			require.NotEmpty(t, lintFile(t, l, tt.file, []byte(tt.src)), "the case has a finding")
			got := applyAll(t, l, tt.file, []byte(tt.src))
			assert.Equal(t, tt.want, string(got))
			assert.Empty(t, render(got, lintFile(t, l, tt.file, got), false), "the fixed file lints clean")
		})
	}
}

// coverRules are the rules whose message quotes, first, the token they
// point at.
var coverRules = map[string]bool{
	"unknown-command": true, "prefix": true, "unexpected-argument": true,
	"unknown-reserved": true, "unknown-category": true,
}

// FuzzEmbedded lints documents nested in documents: every finding lies
// inside the file, inside the literal of the string it was found in, on
// the bounds of that string's escapes, and covers the host text of the
// token its message names.
func FuzzEmbedded(f *testing.F) {
	files, _ := filepath.Glob("testdata/embedded/*")
	// The first four are the seeds' kinds; then every other language of
	// the registry, so that the fuzzer nests each one.
	names := []string{"f.json", "f.yaml", "f.js", "f.html"}
	for _, l := range host.Languages {
		if l.Extract != nil && len(l.Extensions) > 0 && !slices.Contains(names, "f"+l.Extensions[0]) && host.ByPath("f"+l.Extensions[0]) == l {
			names = append(names, "f"+l.Extensions[0])
		}
	}
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil && !strings.HasSuffix(name, ".golden") {
			for k, n := range names {
				if filepath.Ext(n) == filepath.Ext(name) {
					f.Add(uint8(k), b)
				}
			}
		}
	}
	f.Add(uint8(0), []byte(`{"h": "<b onclick=\"x('\u003ecs /sett {{A}} b')\">"}`))
	f.Add(uint8(1), []byte("h: |\n  <script>x('>CS /assign 62C6077CA980127F404B0301')</script>\n"))
	f.Add(uint8(2), []byte("e.innerHTML = `<a onclick=\"x('&gt;cs /set @categ ${y} z')\">`"))
	f.Add(uint8(3), []byte(`<script>e.innerHTML = '<i onclick="x(\'>cs /set @category Usd Car\')">'</script>`))
	l := testLinter(f)
	f.Fuzz(func(t *testing.T, kind uint8, src []byte) {
		checkFindings(t, l, names[int(kind)%len(names)], src)
	})
}

// checkFindings lints src as a file called name and asserts the invariant
// of every finding: its range lies inside the file and, for a rule about a
// token, inside one string, on whole escapes, covering the host text of the
// token its message names.
func checkFindings(t *testing.T, l *Linter, name string, src []byte) {
	diags, err := l.Lint(name, src)
	require.NoError(t, err)
	file, _ := host.Extract(host.ByPath(name), src)
	for _, d := range diags {
		if d.Start < 0 || d.Start > d.End || d.End > len(src) {
			t.Fatalf("%s [%d,%d) outside the file of %d bytes", d.Rule, d.Start, d.End, len(src))
		}
		if !coverRules[d.Rule] {
			continue
		}
		s := stringAt(file, d.Start, d.End)
		require.NotNil(t, s, "%s [%d,%d) inside no string", d.Rule, d.Start, d.End)
		a, okA := s.Decoded(d.Start)
		b, okB := s.Decoded(d.End)
		require.True(t, okA && okB && a <= b, "%s [%d,%d) cuts an escape of %q", d.Rule, d.Start, d.End, s.Text)
		q := strings.IndexByte(d.Message, '"')
		require.GreaterOrEqual(t, q, 0, "%s quotes its token", d.Message)
		token, err := strconv.QuotedPrefix(d.Message[q:])
		require.NoError(t, err)
		token, _ = strconv.Unquote(token)
		if strings.Contains(token, "…") || strings.ContainsRune(s.Text[a:b], ast.Placeholder) {
			continue // a dynamic part is quoted as the host wrote it
		}
		assert.Contains(t, token, strings.TrimSpace(s.Text[a:b]), "%s: the range holds the token the message names", d.Message)
	}
}

// stringAt returns the extracted string whose literal holds [start, end].
func stringAt(f *host.File, start, end int) *host.String {
	for i := range f.Strings {
		if s := &f.Strings[i]; s.Start <= start && end <= s.End {
			return s
		}
	}
	return nil
}
