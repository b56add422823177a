package walk

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gitPatterns are the .gitignore lines the random trees draw from: "**"
// in every position, anchoring, negation, directory-only patterns.
var gitPatterns = []string{
	"*.js", "!a.js", "b/", "/c", "a/**", "**/b", "**/b/**", "a/**/c", "**/a/**/b/**",
	"**/**/c", "*/b", "a/*/", "!**/c/**", "c/**/*.cscmd", "**/x.cscmd", "!b/x.cscmd", "/a/b/",
}

// TestWalkAgreesWithGit builds random trees with .gitignore files and
// compares the walk with `git ls-files --others --exclude-standard`, which
// lists what git does not ignore.
func TestWalkAgreesWithGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	trees := 149
	if testing.Short() {
		trees = 20
	}
	for seed := range trees {
		r := rand.New(rand.NewPCG(uint64(seed), 9))
		root := t.TempDir()
		var entries []string
		for range 12 {
			var dir []string
			for range r.IntN(4) {
				dir = append(dir, []string{"a", "b", "c"}[r.IntN(3)])
			}
			name := []string{"x.cscmd", "a.js", "c"}[r.IntN(3)]
			entries = append(entries, strings.Join(append(dir, name), "/"))
		}
		for _, at := range []string{"", "a/", "a/b/"} {
			var lines []string
			for range r.IntN(4) + 1 {
				lines = append(lines, gitPatterns[r.IntN(len(gitPatterns))])
			}
			entries = append(entries, at+".gitignore="+strings.Join(lines, `\n`)+`\n`)
		}
		entries = slices.DeleteFunc(entries, func(e string) bool { return clashes(e, entries) })
		mktree(t, root, entries...)
		git := exec.Command("git", "-c", "core.excludesFile=", "init", "-q")
		git.Dir = root
		require.NoError(t, git.Run())
		git = exec.Command("git", "-c", "core.excludesFile=", "ls-files", "--others", "--exclude-standard")
		git.Dir = root
		out, err := git.Output()
		require.NoError(t, err)
		want := strings.Fields(string(out))
		slices.Sort(want)
		got, err := Collect(context.Background(), []string{root}, Options{})
		require.NoError(t, err)
		for i, p := range got {
			got[i] = filepath.ToSlash(strings.TrimPrefix(p, root+string(filepath.Separator)))
		}
		if !assert.Equal(t, want, got, "tree %d", seed) {
			dump, _ := exec.Command("sh", "-c", fmt.Sprintf("cd %s && find . -name .git -prune -o -print && tail -n +1 $(find . -name .gitignore)", root)).Output()
			t.Log(string(dump))
			return
		}
		os.RemoveAll(root)
	}
}

// clashes reports an entry that would be a file where another entry needs
// a directory.
func clashes(e string, all []string) bool {
	name, _, _ := strings.Cut(e, "=")
	for _, o := range all {
		if strings.HasPrefix(o, name+"/") {
			return true
		}
	}
	return false
}
