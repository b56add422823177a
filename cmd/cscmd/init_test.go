package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/lint"
)

func TestInit(t *testing.T) {
	dir := copyTree(t, project)
	require.NoError(t, os.Remove(filepath.Join(dir, ".cscmd.yaml")))
	// What a build folder or .gitignore holds is not the project's own use.
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "node_modules", "w"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "node_modules", "w", "a.cscmd"), []byte(">cs /set @category Vendored\n"), 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("tmp/\n"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "tmp"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "tmp", "a.cscmd"), []byte(">cs /set @category Ignored\n"), 0o644))
	// Dynamic parts and malformed ids are not catalog entries.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "dyn.js"), []byte("web1on1.api.sendClientMessage(`>cs /set @category ${c}`)\nweb1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b030')\n"), 0o644))

	r := cscmd(t, "", "init", dir)
	require.Equal(t, exitOK, r.code, r.stderr)
	target := filepath.Join(dir, ".cscmd.yaml")
	assert.Equal(t, "cscmd: wrote "+target+": 7 object ids and 6 names found in 6 files; replace each \"unnamed …\" name\n", r.stderr)
	src, err := os.ReadFile(target)
	require.NoError(t, err)
	golden(t, "testdata/init/project.yaml", string(src))

	cfg, err := config.Load(target, src, lint.RuleIDs())
	require.NoError(t, err, "the written file loads")
	cat := cfg.Catalog
	for id, kind := range map[string]config.Kind{
		"61be87aeafdf672d381a9db4": config.Organization,
		"61be87aeafdf672d381a9dc1": config.Department, // written after the organization
		"6093490651a8b5629324ae4f": config.Form,
		"62c6077ca980127f404b0301": config.User,  // written in uppercase in the project
		"6248f0083ab5d5001e523146": config.User,  // a mention: user or bot
		"605411853c68d83fd1ac7655": config.Inbox, // in a near miss, >CS
	} {
		e, ok := cat.Lookup(id)
		if assert.True(t, ok, id) {
			assert.Equal(t, kind, e.Kind, id)
		}
	}
	assert.True(t, cat.Has(config.Bots), "bots is there to move entries to")
	assert.ElementsMatch(t, []string{"New Car", "Used Car", "Used Cars"}, cat.Categories().All())
	assert.ElementsMatch(t, []string{"brand", "brnd"}, cat.Fields().All(), "location is no ordinary field")
	assert.ElementsMatch(t, []string{"isLead"}, cat.Variables().All(), "isHot is silenced by cscmd-ignore unknown-variable")
	assert.Equal(t, []string{"node_modules/**", "vendor/**", "dist/**", "build/**", "out/**", ".next/**", ".nuxt/**", "coverage/**"}, cfg.Exclude)
	assert.Empty(t, cfg.Rules, "every rule is left at its default")

	// Every rule is there, commented, at its default; uncommented, the
	// lines load as they are.
	uncommented := regexp.MustCompile(`(?m)^  # ([a-z-]+: [a-z]+)$`).ReplaceAllString(string(src), "  $1")
	cfg, err = config.Load(target, []byte(uncommented), lint.RuleIDs())
	require.NoError(t, err)
	require.Len(t, cfg.Rules, len(lint.Rules))
	for _, rule := range lint.Rules {
		assert.Equal(t, rule.Severity.String(), cfg.Rules[rule.ID], rule.ID)
	}

	// With it, no catalog rule reports what the project uses, and the
	// suppression in a command file is still needed.
	r = cscmd(t, "", "lint", "--format", "json", dir)
	for _, rule := range []string{"unknown-reference", "unknown-category", "unknown-field", "unknown-variable"} {
		assert.NotContains(t, r.stdout, `"rule":"`+rule+`"`)
	}
	assert.NotContains(t, r.stdout, `"file":"`+filepath.Join(dir, "onopen.cscmd")+`","line":9,`)

	r = cscmd(t, "", "init", dir)
	assert.Equal(t, exitFailure, r.code)
	assert.Equal(t, "cscmd: "+target+" already exists; use --force to overwrite it\n", r.stderr)
	require.NoError(t, os.WriteFile(target, []byte("rules: {}\n"), 0o644))
	r = cscmd(t, "", "init", "--force", dir)
	assert.Equal(t, exitOK, r.code, r.stderr)
	again, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, string(src), string(again))
}

func TestInitEmptyAndErrors(t *testing.T) {
	dir := t.TempDir()
	r := cscmd(t, "", "init", dir)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, "cscmd: wrote "+filepath.Join(dir, ".cscmd.yaml")+": 0 object ids and 0 names found in 0 files\n", r.stderr)
	src, err := os.ReadFile(filepath.Join(dir, ".cscmd.yaml"))
	require.NoError(t, err)
	_, err = config.Load("x", src, lint.RuleIDs())
	require.NoError(t, err, "a repository without commands gets a file that loads too")
	assert.True(t, strings.HasSuffix(string(src), "catalog: {} # no command found yet\n"), string(src))

	odd := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(odd, "a.cscmd"), []byte(">cs /set @category \u00a0Used Car\n>cs /set @category New Car\n"), 0o644))
	r = cscmd(t, "", "init", odd)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stderr, "cscmd: warning: a.cscmd:1: category \"\\u00a0Used Car\" has a Unicode space at an end; left out\n",
		"a category the config cannot hold is named, not written")
	src, err = os.ReadFile(filepath.Join(odd, ".cscmd.yaml"))
	require.NoError(t, err)
	cfg, err := config.Load("x", src, lint.RuleIDs())
	require.NoError(t, err)
	assert.Equal(t, []string{"New Car"}, cfg.Catalog.Categories().All())

	r = cscmd(t, "", "init", filepath.Join(dir, "missing"))
	assert.Equal(t, exitFailure, r.code)
	assert.Equal(t, "cscmd: "+filepath.Join(dir, "missing")+": no such file or directory\n", r.stderr)
	r = cscmd(t, "", "init", filepath.Join(dir, ".cscmd.yaml"))
	assert.Equal(t, exitFailure, r.code)
	assert.Equal(t, "cscmd: "+filepath.Join(dir, ".cscmd.yaml")+": not a directory\n", r.stderr)
}

// FuzzInit checks that whatever names and ids a command file uses, the
// config init writes from it loads without error.
func FuzzInit(f *testing.F) {
	for _, seed := range []struct{ category, field, variable, id string }{
		{"Used Car", "brand", "isLead", "62c6077ca980127f404b0301"},
		{`a "quoted" \ value: # not a comment`, "yes", "null", "62C6077CA980127F404B0301"},
		{"énorme  café\t", "_x.y-z", "true", "62c6077ca980127f404b030"},
		{"\u2028\ufeff<&>", "on", "~", "zzzzzzzzzzzzzzzzzzzzzzzz"},
	} {
		f.Add(seed.category, seed.field, seed.variable, seed.id)
	}
	f.Fuzz(func(t *testing.T, category, field, variable, id string) {
		src := ">cs /set @category " + category + "\n>cs ." + field + " v\n>cs /set " + variable + " x\n" +
			">cs /assign " + id + "\n>cs .location " + id + "#" + id + "\n>cs /notify " + id + "\n"
		u := newUsage()
		u.merge(collect("a.cscmd", []byte(src)))
		out := u.yaml()
		_, err := config.Load(config.FileName, out, lint.RuleIDs())
		require.NoError(t, err, "%s", out)
	})
}
