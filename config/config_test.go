package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Error // File is filled in
	}{
		{"yaml syntax", "catalog:\n  categories: [a, b\n", []Error{
			{Line: 2, Column: 15, Msg: "sequence end token ']' not found"}}},
		{"tab indentation", "rules:\n\tsyntax: off\n", []Error{
			{Line: 2, Column: 1, Msg: "found character '\\t' that cannot start any token"}}},
		{"duplicate key", "rules: {}\nrules: {}\n", []Error{
			{Line: 2, Column: 1, Msg: `duplicate key "rules"; first defined at line 1`}}},
		{"unknown top-level key", "rule:\n  syntax: off\n", []Error{
			{Line: 1, Column: 1, Key: "rule", Msg: `unknown key "rule"; did you mean "rules"?`}}},
		{"unknown key without a near miss", "colour: red\n", []Error{
			{Line: 1, Column: 1, Key: "colour", Msg: `unknown key "colour"; expected rules, exclude, languages or catalog`}}},
		{"unknown nested key", "catalog:\n  users:\n    - {id: 62c6077ca980127f404b0301, name: Jane, email: j@x}\n", []Error{
			{Line: 3, Column: 50, Key: "catalog.users[0].email", Msg: `unknown key "email"; expected id or name`}}},
		{"unknown rule", "rules:\n  objectid-formt: off\n", []Error{
			{Line: 2, Column: 3, Key: "rules.objectid-formt", Msg: `unknown rule "objectid-formt"; did you mean "objectid-format"?`}}},
		{"unknown rule without a near miss", "rules:\n  banana: off\n", []Error{
			{Line: 2, Column: 3, Key: "rules.banana", Msg: `unknown rule "banana"`}}},
		{"bad severity", "rules:\n  syntax: warn\n", []Error{
			{Line: 2, Column: 11, Key: "rules.syntax", Msg: `severity must be error, warning, info or off, got "warn"`}}},
		{"null severity", "rules:\n  syntax:\n", []Error{
			{Line: 2, Column: 3, Key: "rules.syntax", Msg: `severity must be error, warning, info or off, got null`}}},
		{"rules not a mapping", "rules: [syntax]\n", []Error{
			{Line: 1, Column: 8, Key: "rules", Msg: "expected a mapping, got a list"}}},
		{"exclude not a list", "exclude: dist/**\n", []Error{
			{Line: 1, Column: 10, Key: "exclude", Msg: "expected a list, got a string"}}},
		{"absolute exclude", "exclude: [/dist]\n", []Error{
			{Line: 1, Column: 11, Key: "exclude[0]", Msg: `exclude pattern must be relative to the config directory, got "/dist"`}}},
		{"exclude outside", "exclude: [x, ../dist]\n", []Error{
			{Line: 1, Column: 14, Key: "exclude[1]", Msg: `exclude pattern must be relative to the config directory, got "../dist"`}}},
		{"bad glob", "exclude: ['a/[b']\n", []Error{
			{Line: 1, Column: 11, Key: "exclude[0]", Msg: `invalid glob pattern "a/[b"`}}},
		{"unknown language", "languages:\n  '**/*.tpl': htlm\n", []Error{
			{Line: 2, Column: 15, Key: "languages.**/*.tpl", Msg: `unknown language "htlm"; did you mean "html"?`}}},
		{"unknown language without a near miss", "languages:\n  '*.x': cobol\n", []Error{
			{Line: 2, Column: 10, Key: "languages.*.x", Msg: `unknown language "cobol"; known: ` + strings.Join(languageNames(), ", ")}}},
		{"language not a name", "languages:\n  '*.x': [html]\n", []Error{
			{Line: 2, Column: 10, Key: "languages.*.x", Msg: "language must be one of " + oneOf(languageNames()) + ", got a list"}}},
		{"language pattern outside", "languages:\n  ../x.tpl: html\n", []Error{
			{Line: 2, Column: 3, Key: "languages.../x.tpl", Msg: `languages pattern must be relative to the config directory, got "../x.tpl"`}}},
		{"languages not a mapping", "languages: [html]\n", []Error{
			{Line: 1, Column: 12, Key: "languages", Msg: "expected a mapping, got a list"}}},
		{"empty exclude", "exclude: ['']\n", []Error{
			{Line: 1, Column: 11, Key: "exclude[0]", Msg: "must not be empty"}}},
		{"short object id", "catalog:\n  users:\n    - id: 62c6077ca980127f404b030\n      name: Jane\n", []Error{
			{Line: 3, Column: 11, Key: "catalog.users[0].id", Msg: "object id must be 24 hex digits, got 23"}}},
		{"long object id", "catalog:\n  users:\n    - id: 62c6077ca980127f404b03011\n      name: Jane\n", []Error{
			{Line: 3, Column: 11, Key: "catalog.users[0].id", Msg: "object id must be 24 hex digits, got 25"}}},
		{"non-hex object id", "catalog:\n  users:\n    - id: 62c6077ca980127f404g0301\n      name: Jane\n", []Error{
			{Line: 3, Column: 11, Key: "catalog.users[0].id", Msg: `object id must be 24 hex digits, got "g" at digit 20`}}},
		{"object id not a scalar", "catalog:\n  users:\n    - id: {}\n      name: Jane\n", []Error{
			{Line: 3, Column: 11, Key: "catalog.users[0].id", Msg: "object id must be 24 hex digits, got a mapping"}}},
		{"duplicate object id across sections", "catalog:\n  users:\n    - id: 62c6077ca980127f404b0301\n      name: Jane\n  bots:\n    - {id: 62C6077CA980127F404B0301, name: Bot}\n", []Error{
			{Line: 6, Column: 12, Key: "catalog.bots[0].id", Msg: "duplicate object id 62c6077ca980127f404b0301; first defined at line 3"}}},
		{"duplicate object id in departments", "catalog:\n  organizations:\n    - id: 61be87aeafdf672d381a9db4\n      name: Acme\n      departments:\n        - {id: 61be87aeafdf672d381a9db4, name: Sales}\n", []Error{
			{Line: 6, Column: 16, Key: "catalog.organizations[0].departments[0].id", Msg: "duplicate object id 61be87aeafdf672d381a9db4; first defined at line 3"}}},
		{"missing id", "catalog:\n  inboxes:\n    - name: Sales inbox\n", []Error{
			{Line: 3, Column: 7, Key: "catalog.inboxes[0]", Msg: `missing key "id"`}}},
		{"missing name", "catalog:\n  forms:\n    - id: 6093490651a8b5629324ae4f\n", []Error{
			{Line: 3, Column: 7, Key: "catalog.forms[0]", Msg: `missing key "name"`}}},
		{"missing department name", "catalog:\n  organizations:\n    - id: 61be87aeafdf672d381a9db4\n      name: Acme\n      departments: [{id: 61be87aeafdf672d381a9db5}]\n", []Error{
			{Line: 5, Column: 21, Key: "catalog.organizations[0].departments[0]", Msg: `missing key "name"`}}},
		{"null id", "catalog:\n  bots:\n    - id:\n      name: Bot\n", []Error{
			{Line: 3, Column: 7, Key: "catalog.bots[0].id", Msg: "object id must be 24 hex digits, got null"}}},
		{"empty name", "catalog:\n  bots: [{id: 6248f0083ab5d5001e523146, name: ''}]\n", []Error{
			{Line: 2, Column: 47, Key: "catalog.bots[0].name", Msg: "must not be empty"}}},
		{"name not a string", "catalog:\n  bots: [{id: 6248f0083ab5d5001e523146, name: [x]}]\n", []Error{
			{Line: 2, Column: 47, Key: "catalog.bots[0].name", Msg: "expected a string, got a list"}}},
		{"section not a list", "catalog:\n  categories: Used Car\n", []Error{
			{Line: 2, Column: 15, Key: "catalog.categories", Msg: "expected a list, got a string"}}},
		{"entry not a mapping", "catalog:\n  users: [62c6077ca980127f404b0301]\n", []Error{
			{Line: 2, Column: 11, Key: "catalog.users[0]", Msg: "expected a mapping, got a string"}}},
		{"catalog not a mapping", "catalog: 7\n", []Error{
			{Line: 1, Column: 10, Key: "catalog", Msg: "expected a mapping, got a number"}}},
		{"top level not a mapping", "just text\n", []Error{
			{Line: 1, Column: 1, Msg: "expected a mapping, got a string"}}},
		{"bad field name", "catalog:\n  fields: [email, first name]\n", []Error{
			{Line: 2, Column: 19, Key: "catalog.fields[1]", Msg: `field name must start with a letter or "_" and hold only letters, digits, "_", "-" and ".", got "first name"`}}},
		{"bad variable name", "catalog:\n  variables: [-x]\n", []Error{
			{Line: 2, Column: 15, Key: "catalog.variables[0]", Msg: `variable name must start with a letter or "_" and hold only letters, digits, "_", "-" and ".", got "-x"`}}},
		{"duplicate category", "catalog:\n  categories:\n    - Used Car\n    - New Car\n    - Used Car\n", []Error{
			{Line: 5, Column: 7, Key: "catalog.categories[2]", Msg: `duplicate category "Used Car"; first defined at line 3`}}},
		{"padded category", "catalog:\n  categories: ['Used Car ']\n", []Error{
			{Line: 2, Column: 16, Key: "catalog.categories[0]", Msg: `category must be one line without leading or trailing spaces, got "Used Car "`}}},
		{"alias", "catalog:\n  categories: &c [A]\n  variables: *c\n", []Error{
			{Line: 3, Column: 14, Key: "catalog.variables", Msg: "aliases are not supported; repeat the value"}}},
		{"merge key", "catalog:\n  users:\n    - <<: {name: x}\n      id: 62c6077ca980127f404b0301\n", []Error{
			{Line: 3, Column: 7, Key: "catalog.users[0]", Msg: "merge keys are not supported; write the keys out"},
			{Line: 3, Column: 7, Key: "catalog.users[0]", Msg: `missing key "name"`}}},
		{"two documents", "rules: {}\n---\nrules: {}\n", []Error{
			{Line: 3, Column: 1, Msg: "a config file holds one yaml document, got 2"}}},
		{"invalid utf-8", "catalog:\n  categories: [ok, caf\xe9]\n", []Error{
			{Line: 2, Column: 23, Msg: "invalid utf-8; the file must be saved as utf-8"}}},
		{"invalid utf-8 after lone CRs", "catalog:\r  categories: [ok, caf\xe9]\r", []Error{
			{Line: 2, Column: 23, Msg: "invalid utf-8; the file must be saved as utf-8"}}},
		{"several errors sorted by position", "catalog:\n  users: [{id: 1, name: a}]\nrules: {x: y}\n", []Error{
			{Line: 2, Column: 16, Key: "catalog.users[0].id", Msg: "object id must be 24 hex digits, got 1"},
			{Line: 3, Column: 9, Key: "rules.x", Msg: `unknown rule "x"`},
			{Line: 3, Column: 12, Key: "rules.x", Msg: `severity must be error, warning, info or off, got "y"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const file = "dir/.cscmd.yaml"
			cfg, err := Load(file, []byte(tt.src), ruleIDs)
			require.NotNil(t, cfg, "Load returns the valid parts even on error")
			require.Error(t, err)
			var list ErrorList
			require.ErrorAs(t, err, &list)
			got := make([]Error, len(list))
			for i, e := range list {
				got[i] = *e
			}
			want := make([]Error, len(tt.want))
			for i, e := range tt.want {
				e.File = file
				want[i] = e
			}
			assert.Equal(t, want, got)
		})
	}
}

func TestErrorString(t *testing.T) {
	e := &Error{File: ".cscmd.yaml", Line: 3, Column: 5, Key: "rules.syntax", Msg: "bad"}
	assert.Equal(t, ".cscmd.yaml:3:5: rules.syntax: bad", e.Error())
	assert.Equal(t, "1:1: bad", (&Error{Line: 1, Column: 1, Msg: "bad"}).Error())
	list := ErrorList{e, {File: "f", Line: 4, Column: 1, Msg: "worse"}}
	assert.Equal(t, ".cscmd.yaml:3:5: rules.syntax: bad\nf:4:1: worse", list.Error())
	var one *Error
	require.ErrorAs(t, error(list), &one)
	assert.Same(t, e, one)
}

func TestLoadValid(t *testing.T) {
	for _, src := range []string{"", "\n", "# comment only\n", "---\n", "---\n---\n", "~\n", "{}\n", "rules: {}\n",
		"%YAML 1.2\n---\nrules: {}\n...\n", "\ufeffrules: {}\n", "rules: {}\n---\n"} {
		cfg, err := Load(".cscmd.yaml", []byte(src), ruleIDs)
		require.NoError(t, err, "%q", src)
		assert.Empty(t, cfg.Rules)
		assert.Nil(t, cfg.Catalog)
	}
}

func TestLoadNilRulesAcceptsAnyID(t *testing.T) {
	cfg, err := Load(".cscmd.yaml", []byte("rules: {made-up: off}\n"), nil)
	require.NoError(t, err)
	assert.Equal(t, "off", cfg.Severity("made-up", "error"))
}

func TestSeverity(t *testing.T) {
	cfg, err := Load(".cscmd.yaml", []byte("rules:\n  objectid-time: off\n  prefix: error\n"), ruleIDs)
	require.NoError(t, err)
	assert.Equal(t, "off", cfg.Severity("objectid-time", "info"))
	assert.Equal(t, "error", cfg.Severity("prefix", "warning"))
	assert.Equal(t, "warning", cfg.Severity("empty-value", "warning"))
	var none *Config
	assert.Equal(t, "info", none.Severity("objectid-time", "info"))
	assert.False(t, none.Excluded("x"))
}

func TestDir(t *testing.T) {
	cfg, err := Load("sub/.cscmd.yaml", nil, nil)
	require.NoError(t, err)
	wd, err := os.Getwd()
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(wd, "sub"), cfg.Dir)
	assert.Equal(t, "sub/.cscmd.yaml", cfg.Path)
}

func BenchmarkExcluded(b *testing.B) {
	cfg, err := Load(".cscmd.yaml", []byte(`exclude: ["dist/**", vendor, "**/*.gen.js"]`), nil)
	require.NoError(b, err)
	for b.Loop() {
		cfg.Excluded("src/app/main.js")
	}
}

func TestExcluded(t *testing.T) {
	root := t.TempDir()
	cfg, err := Load(filepath.Join(root, FileName), []byte(`exclude: ["dist/**", vendor, "**/*.gen.js", "./build/", "docs/*.cscmd"]`), nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"dist/**", "vendor", "**/*.gen.js", "build", "docs/*.cscmd"}, cfg.Exclude)
	tests := []struct {
		path string
		want bool
	}{
		{"dist", true}, // the directory itself, so a walk can skip it
		{"dist/app.js", true},
		{"dist/a/b/c.cscmd", true},
		{"distant/app.js", false},
		{"vendor", true},
		{"vendor/lib/x.js", true}, // inside an excluded directory
		{"src/vendor/x.js", false},
		{"a/b/c.gen.js", true},
		{"c.gen.js", true},
		{"c.js", false},
		{"build", true},
		{"build/x", true},
		{"docs/a.cscmd", true},
		{"docs/sub/a.cscmd", false},
		{"", false}, // the config directory itself
		{"../outside/dist/x.js", false},
		{"../" + filepath.Base(root) + "x/dist/a.js", false}, // a sibling whose name extends Dir's
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			assert.Equal(t, tt.want, cfg.Excluded(filepath.Join(root, tt.path)))
		})
	}
	t.Run("relative to the working directory", func(t *testing.T) {
		t.Chdir(root)
		cfg, err := Load(FileName, []byte(`exclude: ["dist/**", vendor]`), nil)
		require.NoError(t, err)
		assert.Equal(t, root, cfg.Dir)
		assert.True(t, cfg.Excluded("dist/x.js"))
		assert.True(t, cfg.Excluded("./vendor"))
		assert.False(t, cfg.Excluded("src/x.js"))
		assert.False(t, cfg.Excluded("../dist/x.js"))
		assert.True(t, cfg.Excluded("src/../dist/x.js"))
	})
	t.Run("config built by hand", func(t *testing.T) {
		t.Chdir(root)
		cfg := &Config{Dir: root, Exclude: []string{"vendor"}}
		assert.True(t, cfg.Excluded("vendor/x.js"))
		assert.True(t, cfg.Excluded(filepath.Join(root, "vendor")))
		assert.False(t, cfg.Excluded("src/x.js"))
	})
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	mkdir := func(p string) string {
		full := filepath.Join(root, p)
		require.NoError(t, os.MkdirAll(full, 0o755))
		return full
	}
	write := func(p string) string {
		full := filepath.Join(root, p)
		require.NoError(t, os.WriteFile(full, nil, 0o644))
		return full
	}
	mkdir("a/b/c")
	top := write("a/" + FileName)
	inner := write("a/b/c/" + FileName)
	write("a/b/page.html")
	mkdir("a/b/" + FileName) // a directory of that name is not a config

	tests := []struct {
		name, start, want string
	}{
		{"directory holding the file", "a/b/c", inner},
		{"file beside the config", "a/b/c/" + FileName, inner},
		{"walks up from a directory", "a/b", top},
		{"walks up from a file", "a/b/page.html", top},
		{"missing file in an existing directory", "a/b/new.cscmd", top},
		{"missing directories", "a/x/y/z.cscmd", top},
		{"none above", ".", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Find(filepath.Join(root, tt.start))
			require.NoError(t, err)
			if tt.want == "" {
				// Something above the temp dir could hold a config; only
				// require that the search left the tree.
				assert.NotContains(t, got, root)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
	t.Run("relative start", func(t *testing.T) {
		t.Chdir(filepath.Join(root, "a", "b"))
		got, err := Find("page.html")
		require.NoError(t, err)
		assert.Equal(t, top, got)
	})
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	_, err := LoadFile(p, ruleIDs)
	assert.True(t, errors.Is(err, fs.ErrNotExist))

	require.NoError(t, os.WriteFile(p, []byte("rules:\n  prefix: loud\n"), 0o644))
	cfg, err := LoadFile(p, ruleIDs)
	require.NotNil(t, cfg)
	require.EqualError(t, err, p+`:2:11: rules.prefix: severity must be error, warning, info or off, got "loud"`)
	assert.Equal(t, dir, cfg.Dir)
}

// `languages:` maps globs relative to the config to languages, by name or
// alias; the first pattern that matches wins.
func TestLanguages(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	cfg, err := Load(path, []byte("languages:\n  'snippets/*.txt': cscmd\n  '**/*.tpl': HTML\n  '**/*.txt': javascript\n"), nil)
	require.NoError(t, err)
	assert.Equal(t, []LanguageGlob{{"snippets/*.txt", "cscmd"}, {"**/*.tpl", "html"}, {"**/*.txt", "js"}}, cfg.Languages)
	for file, want := range map[string]string{
		"snippets/a.txt":      "cscmd",
		"snippets/deep/a.txt": "js",
		"page.tpl":            "html",
		"a/b/page.tpl":        "html",
		"a.js":                "",
		"../elsewhere.tpl":    "",
	} {
		assert.Equal(t, want, cfg.Language(filepath.Join(dir, file)), file)
	}
	var none *Config
	assert.Equal(t, "", none.Language("a.tpl"))
}
