package lint

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/linemap"
)

var update = flag.Bool("update", false, "rewrite golden files")

// testNow is the time the tests run at, so objectid-time is stable.
var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// testLinter lints with the catalog of testdata/catalog.yaml.
func testLinter(t testing.TB) *Linter {
	t.Helper()
	cfg, err := config.LoadFile("testdata/catalog.yaml", RuleIDs())
	require.NoError(t, err)
	return &Linter{Config: cfg, Now: testNow}
}

// lintFile lints src as a file named name.
func lintFile(t testing.TB, l *Linter, name string, src []byte) []Diagnostic {
	t.Helper()
	diags, err := l.Lint(name, src)
	require.NoError(t, err)
	return diags
}

// render prints diagnostics one per line as `line:col: severity: message
// [rule]` with 1-based code-point columns, then their fixes and
// suggestions, for golden files and doc examples.
func render(src []byte, diags []Diagnostic, withFixes bool) string {
	m := linemap.New(src)
	var b strings.Builder
	for _, d := range diags {
		line, col := m.Position(d.Start, linemap.Runes)
		fmt.Fprintf(&b, "%d:%d: %s: %s [%s]\n", line+1, col+1, d.Severity, d.Message, d.Rule)
		if !withFixes {
			continue
		}
		if d.Fix != nil {
			fmt.Fprintf(&b, "\tfix: %s%s\n", d.Fix.Title, edits(d.Fix.Edits))
		}
		for _, s := range d.Suggestions {
			fmt.Fprintf(&b, "\tsuggestion: %s%s\n", s.Title, edits(s.Edits))
		}
	}
	return b.String()
}

func edits(es []Edit) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, " [%d,%d)=%q", e.Start, e.End, e.New)
	}
	return b.String()
}

// TestRuleGolden lints testdata/rules/<rule>.* and compares the result with
// its golden file: each rule's bad cases, good cases and edge cases.
func TestRuleGolden(t *testing.T) {
	l := testLinter(t)
	for _, r := range Rules {
		t.Run(r.ID, func(t *testing.T) {
			inputs, _ := filepath.Glob(filepath.Join("testdata", "rules", r.ID+".*"))
			var in string
			for _, f := range inputs {
				if !strings.HasSuffix(f, ".golden") {
					in = f
				}
			}
			require.NotEmpty(t, in, "rule %s has no test data in testdata/rules", r.ID)
			src, err := os.ReadFile(in)
			require.NoError(t, err)
			diags := lintFile(t, l, in, src)
			var fired bool
			for _, d := range diags {
				fired = fired || d.Rule == r.ID
			}
			assert.True(t, fired, "rule %s never fires on its test data", r.ID)
			golden(t, strings.TrimSuffix(in, filepath.Ext(in))+".golden", render(src, diags, true))
		})
	}
}

// TestRulesHaveDataAndDocs checks that every registered rule has a doc page
// and test data, and that nothing else does.
func TestRulesHaveDataAndDocs(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules {
		ids[r.ID] = true
		_, err := docs.ReadFile("docs/" + r.ID + ".md")
		assert.NoError(t, err, "rule %s has no docs/%s.md", r.ID, r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
	}
	entries, err := docs.ReadDir("docs")
	require.NoError(t, err)
	for _, e := range entries {
		assert.True(t, ids[strings.TrimSuffix(e.Name(), ".md")], "docs/%s documents no registered rule", e.Name())
	}
	files, _ := filepath.Glob("testdata/rules/*")
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		assert.True(t, ids[id], "%s tests no registered rule", f)
	}
}

// TestSeedIsClean checks that every example of the widget document lints
// clean, with and without a catalog.
func TestSeedIsClean(t *testing.T) {
	src, err := os.ReadFile("../testdata/parse/seed.cscmd")
	require.NoError(t, err)
	for _, l := range []*Linter{testLinter(t), {Now: testNow}} {
		assert.Empty(t, render(src, lintFile(t, l, "seed.cscmd", src), false))
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./lint -update to create %s", path)
	assert.Equal(t, string(want), got)
}

// unscopedRules returns copies of the rules without their Needs, so that the
// engine calls every rule on every unit.
func unscopedRules() []*Rule {
	out := make([]*Rule, len(Rules))
	for i, r := range Rules {
		c := *r
		c.Needs = 0
		out[i] = &c
	}
	return out
}

// TestNeedsHideNothing lints every rule's test data, the test projects and
// the seed's examples with and without the rules' Needs: skipping a rule
// where it cannot find anything must change nothing, with a catalog and
// without.
func TestNeedsHideNothing(t *testing.T) {
	files, _ := filepath.Glob("testdata/rules/*")
	more, _ := filepath.Glob("../testdata/lint/project/*/*")
	files = append(files, more...)
	for _, l := range []*Linter{testLinter(t), {Now: testNow}} {
		unscoped := *l
		unscoped.rules = unscopedRules()
		for _, f := range files {
			if filepath.Ext(f) == ".golden" {
				continue
			}
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			want, wantErr := unscoped.Lint(f, src)
			got, gotErr := l.Lint(f, src)
			assert.Equal(t, wantErr, gotErr, f)
			assert.Equal(t, want, got, f)
		}
	}
}
