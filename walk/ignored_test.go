package walk

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIgnored(t *testing.T) {
	repo := t.TempDir()
	for name, data := range map[string]string{
		".git/info/exclude": "secret.js\n",
		".gitignore":        "dist/\n*.min.js\n!keep.min.js\n",
		"src/.gitignore":    "generated.js\n",
	} {
		p := filepath.Join(repo, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"page.js", false},
		{"dist/page.js", true},
		{"src/dist/deep/page.js", true},
		{"app.min.js", true},
		{"keep.min.js", false},
		{"src/generated.js", true},
		{"generated.js", false},
		{"secret.js", true},
		{".git/config.js", true},
		{"not/yet/written.cscmd", false},
	} {
		t.Run(tc.path, func(t *testing.T) {
			got, err := Ignored(filepath.Join(repo, tc.path))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	got, err := Ignored(filepath.Join(t.TempDir(), "dist", "a.js"))
	require.NoError(t, err)
	assert.False(t, got, "outside a repository nothing is ignored")
}
