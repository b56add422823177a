package ide

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/lsp"
	"go.lsp.dev/uri"
)

func testWorkspace(t *testing.T) *Workspace {
	t.Helper()
	cfg, err := config.LoadFile("../lint/testdata/catalog.yaml", lint.RuleIDs())
	require.NoError(t, err)
	return &Workspace{Config: cfg}
}

func applyFix(text string, f lsp.Fix) string {
	out := text
	for i := len(f.Edits) - 1; i >= 0; i-- {
		e := f.Edits[i]
		out = out[:e.Start] + e.NewText + out[e.End:]
	}
	return out
}

func fixTitled(t *testing.T, f lsp.Finding, title string) lsp.Fix {
	t.Helper()
	for _, x := range f.Fixes {
		if x.Title == title {
			return x
		}
	}
	require.Failf(t, "no such fix", "%q among %+v", title, f.Fixes)
	return lsp.Fix{}
}

func TestAnalyzeFixes(t *testing.T) {
	a := &Analyzer{}
	ws := testWorkspace(t)
	text := "# page\n  >cs /assign 62C6077CA980127F404B0301\r\n>cs /set @category Used Cars\n"
	got := a.Analyze(ws, "file:///p/a.cscmd", "cscmd", []byte(text))
	require.Len(t, got, 2)

	caseFix := got[0]
	assert.Equal(t, "prefix", caseFix.Code)
	assert.Equal(t, lsp.SeverityWarning, caseFix.Severity)
	assert.Equal(t, "https://github.com/web1on1/cscmd/blob/main/lint/docs/prefix.md", caseFix.Href)
	assert.True(t, caseFix.Fixes[0].Preferred, "the safe fix is preferred")
	assert.Equal(t, "# page\n>cs /assign 62C6077CA980127F404B0301\r\n>cs /set @category Used Cars\n", applyFix(text, caseFix.Fixes[0]))
	assert.Equal(t, "# page\n  # cscmd-ignore prefix\r\n  >cs /assign 62C6077CA980127F404B0301\r\n>cs /set @category Used Cars\n",
		applyFix(text, fixTitled(t, caseFix, "Ignore prefix here")), "indented like the line, with its line ending")

	cat := got[1]
	assert.Equal(t, "unknown-category", cat.Code)
	did := fixTitled(t, cat, `Replace with "Used Car"`)
	assert.False(t, did.Preferred, "a did-you-mean is offered, not preferred")
	fixed := applyFix(text, did)
	assert.Contains(t, fixed, ">cs /set @category Used Car\n")

	ignored := applyFix(text, fixTitled(t, cat, "Ignore unknown-category here"))
	for _, f := range a.Analyze(ws, "file:///p/a.cscmd", "cscmd", []byte(ignored)) {
		assert.NotEqual(t, "unknown-category", f.Code, "the inserted comment silences the rule")
	}
}

func TestIgnoreInHosts(t *testing.T) {
	a := &Analyzer{}
	for _, tc := range []struct {
		lang, text, want string
	}{
		{"javascript", "if (x) {\n    web1on1.api.sendClientMessage('>cs /sett a b');\n}\n", "    // cscmd-ignore unknown-command\n"},
		{"html", "<body>\n  <button onclick=\"web1on1.api.sendClientMessage('&gt;cs /sett a b')\">x</button>\n", "  <!-- cscmd-ignore unknown-command -->\n"},
		{"html", "<script>\n  web1on1.api.sendClientMessage('>cs /sett a b');\n</script>\n", "  // cscmd-ignore unknown-command\n"},
		{"yaml", "onOpen:\n  - '>cs /sett a b'\n", "  # cscmd-ignore unknown-command\n"},
		{"html", "<script>web1on1.api.sendClientMessage('>cs /sett a b')</script>\n", "<!-- cscmd-ignore unknown-command -->\n<script>"},
		{"javascript", "el.innerHTML =\n  '<b onclick=\"web1on1.api.sendClientMessage(\\'>cs /sett a b\\')\">';\n", "  // cscmd-ignore unknown-command\n  '<b"},
	} {
		got := a.Analyze(nil, "file:///p/x", tc.lang, []byte(tc.text))
		require.NotEmpty(t, got, tc.lang)
		fix := fixTitled(t, got[0], "Ignore unknown-command here")
		fixed := applyFix(tc.text, fix)
		assert.Contains(t, fixed, tc.want, tc.lang)
		assert.Empty(t, a.Analyze(nil, "file:///p/x", tc.lang, []byte(fixed)), "%s: silenced", tc.lang)
	}
	for _, tc := range []struct{ lang, text string }{
		{"json", `{"a": ">cs /sett a b"}`},
		{"yaml", "greeting: |\n  >cs /sett a b\n"},
		{"yaml", "html: |\n  <script>\n    web1on1.api.sendClientMessage('>cs /sett a b');\n  </script>\n"},
		{"json", `{"html": "<script>\n web1on1.api.sendClientMessage('>cs /sett a b');\n</script>"}`},
		{"javascript", "el.innerHTML = `<script>\n  web1on1.api.sendClientMessage('>cs /sett a b');\n</script>`;\n"},
	} {
		got := a.Analyze(nil, "file:///p/x", tc.lang, []byte(tc.text))
		require.NotEmpty(t, got, tc.lang)
		for _, f := range got[0].Fixes {
			assert.NotContains(t, f.Title, "Ignore", "%s: no comment can stand there", tc.lang)
		}
	}
}

func TestWorkspaces(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "pages")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	cfgPath := filepath.Join(dir, ".cscmd.yaml")
	require.NoError(t, os.WriteFile(cfgPath, []byte("catalog:\n  categories: [Used Car]\n"), 0o644))

	var w Workspaces
	doc := string(uri.File(filepath.Join(sub, "a.cscmd")))
	ws := w.For(doc)
	require.NotNil(t, ws)
	assert.True(t, ws.Catalog().Categories().Contains("Used Car"))
	assert.Same(t, ws, w.For(doc), "loaded once")
	assert.Nil(t, w.For("untitled:Untitled-1").Config, "a document that is not a file has no configuration")

	require.NoError(t, os.WriteFile(cfgPath, []byte("rules:\n  prefx: off\ncatalog:\n  categories: [New Car]\n"), 0o644))
	err := w.Reload(t.Context(), []string{dir})
	var ce *lsp.ConfigError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, cfgPath, ce.Path)
	assert.Equal(t, 2, ce.Line)
	assert.Contains(t, ce.Message, `rules.prefx: unknown rule "prefx"; did you mean "prefix"?`)
	assert.True(t, w.For(doc).Catalog().Categories().Contains("New Car"), "the reloaded config is in force, with its valid parts")
}

func TestAnalyzerForget(t *testing.T) {
	a := &Analyzer{}
	a.Analyze(nil, "file:///p/a.cscmd", "cscmd", []byte(">cs /notify\n"))
	require.Contains(t, a.caches, "file:///p/a.cscmd")
	a.Forget("file:///p/a.cscmd")
	assert.NotContains(t, a.caches, "file:///p/a.cscmd", "a closed document's cache goes")
}
