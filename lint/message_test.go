package lint

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Messages show ObjectIds in full, so that they can be copied and searched
// for; only the editor's names and hints abbreviate them (ast.ShortID).
func TestMessagesShowFullIDs(t *testing.T) {
	short := regexp.MustCompile(`[0-9a-fA-F]{3,}…`)
	l := testLinter(t)
	files, _ := filepath.Glob("testdata/rules/*")
	ids := 0
	for _, f := range files {
		if filepath.Ext(f) == ".golden" {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, d := range lintFile(t, l, f, src) {
			assert.NotRegexp(t, short, d.Message, "%s: %s", f, d.Rule)
			if regexp.MustCompile(`[0-9a-fA-F]{24}`).MatchString(d.Message) {
				ids++
			}
		}
	}
	assert.Greater(t, ids, 10, "messages that name an id")
}
