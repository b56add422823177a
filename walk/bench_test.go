package walk

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

// benchDir is the tree benchTree built, for TestMain to remove.
var benchDir string

// benchTree is built once per test binary, and only if a benchmark runs: 20
// top directories × 10 subdirectories × 100 files = 20,000 files, a
// .gitignore at the top and in each top directory, and an ignored directory
// per top directory.
var benchTree = sync.OnceValues(func() (string, error) {
	root, err := os.MkdirTemp("", "walkbench")
	if err != nil {
		return "", err
	}
	benchDir = root
	write := func(p, content string) error {
		return os.WriteFile(filepath.Join(root, p), []byte(content), 0o644)
	}
	if err := write(".gitignore", "*.log\n/dist/\nnode_modules/\n"); err != nil {
		return "", err
	}
	for i := range 20 {
		top := fmt.Sprintf("pkg%02d", i)
		if err := os.MkdirAll(filepath.Join(root, top, "gen"), 0o755); err != nil {
			return "", err
		}
		if err := write(filepath.Join(top, ".gitignore"), "/gen/\n*.tmp\n!keep.tmp\n"); err != nil {
			return "", err
		}
		for j := range 10 {
			dir := filepath.Join(top, fmt.Sprintf("dir%d", j))
			if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
				return "", err
			}
			for k := range 100 {
				if err := write(filepath.Join(dir, fmt.Sprintf("f%03d.cscmd", k)), ""); err != nil {
					return "", err
				}
			}
		}
	}
	return root, nil
})

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func benchWalk(b *testing.B, workers int) {
	root, err := benchTree()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		var n atomic.Int64
		err := Files(context.Background(), []string{root}, Options{Workers: workers}, func(string) error {
			n.Add(1)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if n.Load() != 20000+21 { // the files plus the .gitignore files
			b.Fatalf("walked %d files", n.Load())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/20021, "ns/file")
}

func BenchmarkFiles(b *testing.B)       { benchWalk(b, 0) }
func BenchmarkFilesSerial(b *testing.B) { benchWalk(b, 1) }

// BenchmarkWalkDir is the baseline: the standard library's serial walk,
// which reads no .gitignore.
func BenchmarkWalkDir(b *testing.B) {
	root, err := benchTree()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		n := 0
		err := filepath.WalkDir(root, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
