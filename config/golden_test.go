package config

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata")

// ruleIDs are the rule ids of SPEC §4; config must not import the linter, so
// the tests carry their own copy.
var ruleIDs = []string{
	"syntax", "unknown-command", "missing-argument", "unexpected-argument",
	"objectid-format", "objectid-case", "objectid-time", "location-pair",
	"location-department", "empty-value", "prefix", "not-a-command",
	"unknown-reserved", "unknown-reference", "department-mismatch",
	"unknown-category", "unknown-field", "unknown-variable", "visible-command",
	"widget-api",
}

// TestGolden loads each testdata/*.yaml and compares its errors and the
// resulting config with the .golden file beside it.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			require.NoError(t, err)
			cfg, err := Load(filepath.ToSlash(file), src, ruleIDs)
			require.NotNil(t, cfg)
			got := dump(cfg, err)
			golden := strings.TrimSuffix(file, ".yaml") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./config -update to create it")
			assert.Equal(t, string(want), got)
		})
	}
}

// dump prints a config in a stable, readable form.
func dump(cfg *Config, err error) string {
	var b strings.Builder
	if err != nil {
		b.WriteString("errors:\n")
		for _, e := range err.(ErrorList) {
			fmt.Fprintf(&b, "  %s\n", e)
		}
	}
	if len(cfg.Rules) > 0 {
		b.WriteString("rules:\n")
		ids := make([]string, 0, len(cfg.Rules))
		for id := range cfg.Rules {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			fmt.Fprintf(&b, "  %s: %s\n", id, cfg.Rules[id])
		}
	}
	if len(cfg.Exclude) > 0 {
		fmt.Fprintf(&b, "exclude: %q\n", cfg.Exclude)
	}
	if c := cfg.Catalog; c != nil {
		b.WriteString("catalog:\n")
		var secs []string
		for _, s := range []Section{Organizations, Forms, Users, Bots, Inboxes, Categories, Fields, Variables} {
			if c.Has(s) {
				secs = append(secs, string(s))
			}
		}
		fmt.Fprintf(&b, "  sections: %s\n", strings.Join(secs, " "))
		for _, e := range c.Entries() {
			fmt.Fprintf(&b, "  %d:%d %s %s %q", e.Line, e.Column, e.Kind, e.ID, e.Name)
			if e.Org != "" {
				fmt.Fprintf(&b, " org=%s", e.Org)
			}
			if e.Kind == Form {
				fmt.Fprintf(&b, " fields=%q", e.Fields)
			}
			b.WriteString("\n")
		}
		for _, l := range []struct {
			name  string
			names *Names
		}{{"categories", c.Categories()}, {"fields", c.Fields()}, {"variables", c.Variables()}} {
			if len(l.names.All()) > 0 {
				fmt.Fprintf(&b, "  %s: %q\n", l.name, l.names.All())
			}
		}
	}
	if b.Len() == 0 {
		return "empty\n"
	}
	return b.String()
}
