package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/web1on1/cscmd/host"
)

// FuzzSurfaces lints components, templates and Markdown — seeded with the
// test data of their languages — and checks every finding's range as
// FuzzEmbedded does: inside the file, covering the token it names, never
// inside a template tag that stands for a value.
func FuzzSurfaces(f *testing.F) {
	names := []string{"f.php", "f.blade.php", "f.liquid", "f.twig", "f.j2", "f.erb", "f.ejs",
		"f.hbs", "f.gohtml", "f.vue", "f.svelte", "f.astro", "f.md"}
	for k, n := range names {
		lang := host.ByPath(n)
		files, _ := filepath.Glob(filepath.Join("..", "host", "testdata", lang.Name, "*"))
		for _, path := range files {
			if b, err := os.ReadFile(path); err == nil && !strings.HasSuffix(path, ".golden") {
				f.Add(uint8(k), b)
			}
		}
	}
	l := testLinter(f)
	f.Fuzz(func(t *testing.T, kind uint8, src []byte) {
		checkFindings(t, l, names[int(kind)%len(names)], src)
	})
}
