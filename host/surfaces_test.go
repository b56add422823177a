package host

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// langInputs returns the test inputs of a language: every file of
// testdata/NAME but the golden ones.
func langInputs(t testing.TB, l *Language) []string {
	t.Helper()
	all, err := filepath.Glob(filepath.Join("testdata", l.Name, "*"))
	require.NoError(t, err)
	var files []string
	for _, f := range all {
		if !strings.HasSuffix(f, ".golden") {
			files = append(files, f)
		}
	}
	require.NotEmpty(t, files, "testdata/%s holds inputs", l.Name)
	return files
}

// goldenLang compares what Extract finds in each input of a language with
// its golden file.
func goldenLang(t *testing.T, l *Language) {
	runGolden(t, langInputs(t, l), func(src []byte) (*File, error) { return Extract(l, src) })
}

// fuzzLang fuzzes Extract in a language, seeded with its inputs: the input
// is left alone, and everything found lies inside the file and maps back to
// it exactly (checkFile).
func fuzzLang(f *testing.F, l *Language) {
	for _, path := range langInputs(f, l) {
		src, err := os.ReadFile(path)
		require.NoError(f, err)
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		file, _ := Extract(l, src)
		require.Equal(t, orig, src, "the input must not be modified")
		checkFile(t, src, file)
	})
}
