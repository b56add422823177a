package engine

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, language, file, id, err string
	}{
		{"default", "", "document.cscmd", "cscmd", ""},
		{"id", "typescriptreact", "document.js", "typescriptreact", ""},
		{"jsonc", "jsonc", "document.jsonc", "jsonc", ""},
		{"file name", "pages/car.HTM", "pages/car.HTM", "html", ""},
		{"module", "a.mjs", "a.mjs", "javascript", ""},
		{"yml", "x.yml", "x.yml", "yaml", ""},
		{"unknown id", "python", "", "", `unknown language "python": a language id (cscmd, javascript`},
		{"unknown extension", "a.py", "", "", `unknown language "a.py"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file, _, id, err := Options{Language: tt.language}.resolve(nil)
			if tt.err != "" {
				require.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.file, file)
			assert.Equal(t, tt.id, id)
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, src string
		kinds     []string
	}{
		{"empty", "", nil},
		{"comments only", "# x\n\n", nil},
		{"two", "\uFEFF>cs /notify\r\n>CS /notify", []string{"notify", "chat"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []map[string]any
			require.NoError(t, json.Unmarshal([]byte(Parse([]byte(tt.src))), &got))
			var kinds []string
			for _, m := range got {
				kinds = append(kinds, m["kind"].(string))
			}
			assert.Equal(t, tt.kinds, kinds)
		})
	}
}

func TestLintConfigErrors(t *testing.T) {
	tests := []struct {
		name, config string
		errors       int
		rules        []string
	}{
		{"none", "", 0, []string{"objectid-case"}},
		{"rule off", "rules: {objectid-case: off}\n", 0, nil},
		{"unknown rule, the rest applied", "rules: {nope: error, objectid-case: off}\n", 1, nil},
		{"not YAML", "rules: [\n", 1, []string{"objectid-case"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Lint([]byte(">cs /assign 62C6077CA980127F404B0301"), Options{Config: tt.config})
			require.NoError(t, err)
			var got struct {
				Diagnostics  []struct{ Rule string }
				ConfigErrors []ConfigError
			}
			require.NoError(t, json.Unmarshal([]byte(out), &got), out)
			assert.Len(t, got.ConfigErrors, tt.errors)
			var rules []string
			for _, d := range got.Diagnostics {
				rules = append(rules, d.Rule)
			}
			assert.Equal(t, tt.rules, rules)
		})
	}
}

func TestPositionsOutOfRange(t *testing.T) {
	_, err := Complete([]byte(">cs /"), Position{Line: 3}, Options{})
	require.ErrorContains(t, err, "out of range")
	_, err = HoverAt([]byte(">cs /"), Position{Line: -1}, Options{})
	require.ErrorContains(t, err, "out of range")
	_, err = Explain(nil, Options{Language: "x.py"})
	require.ErrorContains(t, err, "unknown language")
}

func TestRules(t *testing.T) {
	var rules []struct{ ID, Severity, URL string }
	require.NoError(t, json.Unmarshal([]byte(Rules()), &rules))
	require.NotEmpty(t, rules)
	assert.Equal(t, "syntax", rules[0].ID)
	assert.NotEmpty(t, rules[0].URL)
}

func TestLanguagesResolve(t *testing.T) {
	var langs []struct{ ID, Name string }
	require.NoError(t, json.Unmarshal([]byte(Languages()), &langs))
	require.NotEmpty(t, langs)
	for _, l := range langs {
		_, lang, id, err := Options{Language: l.ID}.resolve(nil)
		require.NoError(t, err, l.ID)
		assert.Equal(t, l.ID, id)
		assert.Equal(t, l.Name, lang.Name)
	}
}

func TestDiagnose(t *testing.T) {
	src := []byte("# é\n>cs /sett isLead yes\n>CS /notify")
	out, err := Diagnose(src, "test-doc", Options{})
	require.NoError(t, err)
	var got []Finding
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	require.Len(t, got, 2)
	assert.Equal(t, "unknown-command", got[0].Rule)
	assert.Equal(t, Range{Start: Position{1, 4}, End: Position{1, 9}}, got[0].Range)
	var titles []string
	for _, f := range got[0].Fixes {
		titles = append(titles, f.Title)
	}
	assert.Contains(t, strings.Join(titles, "|"), "/set")
	assert.Equal(t, "prefix", got[1].Rule)
	assert.Equal(t, "warning", got[1].Severity)
	require.NotEmpty(t, got[1].Fixes)
	assert.True(t, got[1].Fixes[0].Preferred)
	assert.Equal(t, ">cs", got[1].Fixes[0].Edits[0].NewText)

	_, err = Diagnose(src, "test-doc", Options{Language: "a.py"})
	require.ErrorContains(t, err, "unknown language")
}
