package lint

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/host"
)

// A rule page starts with "# ID" and has the sections "## Why", "## Bad"
// and "## Good". Bad holds an example file in a fenced block whose info
// string names its language (a name of host.Languages, see exampleFile),
// followed by a ```text block with the diagnostics of the rule it produces,
// `line:col: severity: message [rule]`. Good holds an example that produces
// none of the rule's diagnostics. The examples run with the catalog of
// testdata/catalog.yaml.
var (
	sectionRE = regexp.MustCompile(`(?m)^## (.+)$`)
	fenceRE   = regexp.MustCompile("(?ms)^```([a-z]*)\n(.*?)^```")
)

// docSections splits a page into its "## " sections.
func docSections(page string) map[string]string {
	out := map[string]string{}
	locs := sectionRE.FindAllStringSubmatchIndex(page, -1)
	for i, l := range locs {
		end := len(page)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		out[page[l[2]:l[3]]] = page[l[1]:end]
	}
	return out
}

// exampleFile names an example by the language of its fence, a name or
// alias of host.Languages.
func exampleFile(fence string) (string, bool) {
	lang := host.ByName(fence)
	if lang == nil || len(lang.Extensions) == 0 {
		return "", false
	}
	return "example" + lang.Extensions[0], true
}

func TestDocExamples(t *testing.T) {
	l := testLinter(t)
	for _, r := range Rules {
		t.Run(r.ID, func(t *testing.T) {
			page := r.Doc()
			require.True(t, strings.HasPrefix(page, "# "+r.ID+"\n"), "the page starts with its rule id as title")
			sec := docSections(page)
			for _, name := range []string{"Why", "Bad", "Good"} {
				require.Contains(t, sec, name, "the page has a ## %s section", name)
			}
			run := func(section string) (string, string) {
				blocks := fenceRE.FindAllStringSubmatch(section, -1)
				require.NotEmpty(t, blocks, "no example")
				file, ok := exampleFile(blocks[0][1])
				require.True(t, ok, "unknown example language %q", blocks[0][1])
				src := []byte(blocks[0][2])
				var mine []Diagnostic
				for _, d := range lintFile(t, l, file, src) {
					if d.Rule == r.ID {
						mine = append(mine, d)
					}
				}
				want := ""
				if len(blocks) > 1 && blocks[1][1] == "text" {
					want = blocks[1][2]
				}
				return render(src, mine, false), want
			}
			got, want := run(sec["Bad"])
			assert.NotEmpty(t, want, "the Bad example lists what it produces in a ```text block")
			assert.Equal(t, want, got, "the Bad example produces what the page says")
			got, _ = run(sec["Good"])
			assert.Empty(t, got, "the Good example is clean")
		})
	}
}

// TestRuleFiles checks that a file named rule_<id>.go holds a rule: a
// newcomer finds a rule by its id alone, and helpers live elsewhere.
func TestRuleFiles(t *testing.T) {
	files, err := filepath.Glob("rule_*.go")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		id := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(f, "rule_"), ".go"), "_", "-")
		assert.NotNil(t, RuleByID(id), "%s holds no rule %q; name a file of helpers after what it holds", f, id)
	}
}
