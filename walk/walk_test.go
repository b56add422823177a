package walk

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mktree creates files (content after "=", if any) and, for names ending in
// "/", directories under root.
func mktree(t testing.TB, root string, entries ...string) {
	t.Helper()
	for _, e := range entries {
		name, content, _ := strings.Cut(e, "=")
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			require.NoError(t, os.MkdirAll(p, 0o755))
			continue
		}
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(strings.ReplaceAll(content, `\n`, "\n")), 0o644))
	}
}

// rel collects a walk's paths relative to root, with "/" separators.
func rel(t *testing.T, root string, roots []string, opt Options) []string {
	t.Helper()
	paths, err := Collect(context.Background(), roots, opt)
	require.NoError(t, err)
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		r, err := filepath.Rel(root, p)
		require.NoError(t, err)
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

func TestGitignore(t *testing.T) {
	root := t.TempDir()
	mktree(t, root,
		`.gitignore=*.log\n!keep.log\nbuild/\n/only-root.txt\ndocs/**/draft.cscmd\n`,
		".git/HEAD", ".git/config=*.cscmd\n", `.git/info/exclude=secret.txt\n`,
		"a.cscmd", "x.log", "keep.log", "secret.txt",
		"build/b.cscmd", "sub/build",
		"only-root.txt", "sub/only-root.txt",
		"docs/draft.cscmd", "docs/a/b/draft.cscmd", "docs/ok.cscmd",
		`sub/.gitignore=!x.log\n*.tmp\n/gen/\n`,
		"sub/x.log", "sub/y.tmp", "y.tmp",
		"sub/gen/g.cscmd", "sub/deeper/gen/g.cscmd",
		"node_modules/pkg/index.js", ".hidden/h.cscmd", "empty/",
	)
	want := []string{
		".gitignore", ".hidden/h.cscmd", "a.cscmd", "docs/ok.cscmd", "keep.log",
		"node_modules/pkg/index.js", "sub/.gitignore", "sub/build", "sub/deeper/gen/g.cscmd",
		"sub/only-root.txt", "sub/x.log", "y.tmp",
	}
	assert.Equal(t, want, rel(t, root, []string{root}, Options{}))

	t.Run("relative root", func(t *testing.T) {
		t.Chdir(root)
		paths, err := Collect(context.Background(), nil, Options{})
		require.NoError(t, err)
		assert.Equal(t, want, paths, "paths are joined onto the root as given, here the default \".\"")
		paths, err = Collect(context.Background(), []string{"./sub/"}, Options{})
		require.NoError(t, err)
		assert.Equal(t, []string{"sub/.gitignore", "sub/build", "sub/deeper/gen/g.cscmd", "sub/only-root.txt", "sub/x.log"}, paths)
	})

	t.Run("one worker", func(t *testing.T) {
		assert.Equal(t, want, rel(t, root, []string{root}, Options{Workers: 1}))
	})
}

func TestSkipAndMatch(t *testing.T) {
	root := t.TempDir()
	mktree(t, root, "a.cscmd", "b.js", "dist/c.cscmd", "lib/dist/d.cscmd", "lib/e.txt")
	var mu sync.Mutex
	var asked []string
	opt := Options{
		Skip: func(path string, isDir bool) bool {
			mu.Lock()
			defer mu.Unlock()
			r, _ := filepath.Rel(root, path)
			if isDir {
				r += "/"
			}
			asked = append(asked, filepath.ToSlash(r))
			return r == "dist/"
		},
		Match: func(path string) bool { return filepath.Ext(path) != ".txt" },
	}
	assert.Equal(t, []string{"a.cscmd", "b.js", "lib/dist/d.cscmd"}, rel(t, root, []string{root}, opt))
	assert.ElementsMatch(t, []string{"a.cscmd", "b.js", "dist/", "lib/", "lib/dist/", "lib/dist/d.cscmd", "lib/e.txt"}, asked,
		"Skip sees every entry but those inside a skipped directory, and never the root")
}

func TestExplicitFiles(t *testing.T) {
	root := t.TempDir()
	mktree(t, root, `.gitignore=*.log\nbuild/\n`, "x.log", "build/b.cscmd", "a.cscmd")
	opt := Options{
		Skip:  func(string, bool) bool { return true },
		Match: func(string) bool { return false },
	}
	got := rel(t, root, []string{filepath.Join(root, "x.log"), filepath.Join(root, "build", "b.cscmd")}, opt)
	assert.Equal(t, []string{"build/b.cscmd", "x.log"}, got, "a file named on the command line is always visited")

	t.Run("ignored directory named as a root", func(t *testing.T) {
		got := rel(t, root, []string{filepath.Join(root, "build")}, Options{})
		assert.Equal(t, []string{"build/b.cscmd"}, got)
	})
}

func TestOverlappingRoots(t *testing.T) {
	root := t.TempDir()
	mktree(t, root, "a.cscmd", "sub/b.cscmd")
	var calls atomic.Int32
	err := Files(context.Background(), []string{root, filepath.Join(root, "sub"), filepath.Join(root, "a.cscmd"), root + "/"}, Options{}, func(string) error {
		calls.Add(1)
		return nil
	})
	require.NoError(t, err)
	assert.EqualValues(t, 2, calls.Load(), "each file once")
}

func TestAncestorGitignore(t *testing.T) {
	repo := t.TempDir()
	mktree(t, repo,
		".git/", `.gitignore=*.gen.js\n`, `app/.gitignore=local/\n`,
		"app/src/a.js", "app/src/b.gen.js", "app/src/local/x.js",
		`.git/info/exclude=*.secret\n`, "app/src/c.secret",
	)
	src := filepath.Join(repo, "app", "src")
	assert.Equal(t, []string{"a.js"}, rel(t, src, []string{src}, Options{}),
		"the .gitignore files and info/exclude up to the repository's top apply")

	require.NoError(t, os.RemoveAll(filepath.Join(repo, ".git")))
	assert.Equal(t, []string{"a.js", "b.gen.js", "c.secret", "local/x.js"}, rel(t, src, []string{src}, Options{}),
		"outside a repository, nothing above the root applies")
}

func TestGitFileMarksRepository(t *testing.T) {
	// A worktree or submodule has a .git file rather than a directory.
	repo := t.TempDir()
	mktree(t, repo, ".git=gitdir: /elsewhere\n", `.gitignore=*.tmp\n`, "src/a.js", "src/b.tmp")
	src := filepath.Join(repo, "src")
	assert.Equal(t, []string{"a.js"}, rel(t, src, []string{src}, Options{}))
	assert.Equal(t, []string{".gitignore", "src/a.js"}, rel(t, repo, []string{repo}, Options{}), "a .git file is skipped too")
}

func TestSymlinks(t *testing.T) {
	root := t.TempDir()
	mktree(t, root, "a.cscmd", "sub/b.cscmd", "other/c.cscmd")
	links := map[string]string{
		"loop":           ".",             // a cycle back to the root
		"sub/up":         "..",            // and one from below
		"sub/other":      "../other",      // a directory link elsewhere in the tree
		"link.cscmd":     "a.cscmd",       // a file link: visited
		"dangling.cscmd": "missing.cscmd", // nothing to visit, and no error
	}
	for name, target := range links {
		require.NoError(t, os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))))
	}
	var errs []string
	opt := Options{OnError: func(path string, err error) { errs = append(errs, path) }}
	assert.Equal(t, []string{"a.cscmd", "link.cscmd", "other/c.cscmd", "sub/b.cscmd"}, rel(t, root, []string{root}, opt))
	assert.Empty(t, errs)

	t.Run("a symlinked root is followed", func(t *testing.T) {
		alias := filepath.Join(t.TempDir(), "alias")
		require.NoError(t, os.Symlink(root, alias))
		assert.Equal(t, []string{"a.cscmd", "link.cscmd", "other/c.cscmd", "sub/b.cscmd"}, rel(t, alias, []string{alias}, opt))
	})
}

func TestMissingRoot(t *testing.T) {
	root := t.TempDir()
	mktree(t, root, "a.cscmd")
	missing := filepath.Join(root, "missing")
	var gotPath string
	var gotErr error
	opt := Options{OnError: func(path string, err error) { gotPath, gotErr = path, err }}
	assert.Equal(t, []string{"a.cscmd"}, rel(t, root, []string{missing, root}, opt), "the walk goes on")
	assert.Equal(t, missing, gotPath)
	assert.ErrorIs(t, gotErr, fs.ErrNotExist)

	t.Run("without OnError the walk fails", func(t *testing.T) {
		err := Files(context.Background(), []string{missing}, Options{}, func(string) error { return nil })
		assert.ErrorIs(t, err, fs.ErrNotExist)
	})
}

// TestUnreadableDir makes a directory unreadable for real. Root (or a
// process with CAP_DAC_READ_SEARCH) reads it anyway, which the test detects
// by trying rather than by asking for the user id; TestReadDirError covers
// the same path for everyone.
func TestUnreadableDir(t *testing.T) {
	root := t.TempDir()
	mktree(t, root, "a.cscmd", "locked/b.cscmd")
	locked := filepath.Join(root, "locked")
	require.NoError(t, os.Chmod(locked, 0))
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	if _, err := os.ReadDir(locked); err == nil {
		t.Skip("this process can read a directory with mode 000")
	}
	var errPaths []string
	opt := Options{OnError: func(path string, err error) {
		assert.ErrorIs(t, err, fs.ErrPermission)
		errPaths = append(errPaths, path)
	}}
	assert.Equal(t, []string{"a.cscmd"}, rel(t, root, []string{root}, opt))
	assert.Equal(t, []string{locked}, errPaths)
}

func TestReadDirError(t *testing.T) {
	root := t.TempDir()
	mktree(t, root, "a.cscmd", "bad/b.cscmd", "bad/c.cscmd", "good/d.cscmd")
	bad := filepath.Join(root, "bad")
	boom := errors.New("boom")
	orig := readDir
	t.Cleanup(func() { readDir = orig })
	readDir = func(name string) ([]os.DirEntry, error) {
		entries, err := orig(name)
		if name == bad {
			// Like os.ReadDir, return what was read before the failure.
			return entries[:1], boom
		}
		return entries, err
	}
	var errs []error
	opt := Options{OnError: func(path string, err error) {
		assert.Equal(t, bad, path)
		errs = append(errs, err)
	}}
	assert.Equal(t, []string{"a.cscmd", "bad/b.cscmd", "good/d.cscmd"}, rel(t, root, []string{root}, opt))
	assert.Equal(t, []error{boom}, errs)

	err := Files(context.Background(), []string{root}, Options{}, func(string) error { return nil })
	assert.ErrorIs(t, err, boom, "without OnError the error ends the walk")
}

func TestCallbackErrorStops(t *testing.T) {
	root := t.TempDir()
	for i := range 200 {
		mktree(t, root, filepath.Join("d"+string(rune('a'+i%20)), string(rune('a'+i/20))+".cscmd"))
	}
	stop := errors.New("stop")
	var calls atomic.Int32
	err := Files(context.Background(), []string{root}, Options{}, func(string) error {
		calls.Add(1)
		return stop
	})
	assert.ErrorIs(t, err, stop)
	assert.Less(t, calls.Load(), int32(200), "the walk stops early")
}

func TestCancelled(t *testing.T) {
	root := t.TempDir()
	mktree(t, root, "a.cscmd")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Files(ctx, []string{root}, Options{}, func(string) error {
		t.Error("called after cancel")
		return nil
	})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestSymlinksOutside(t *testing.T) {
	outside := t.TempDir()
	mktree(t, outside, "secret.cscmd=>cs /notify")
	root := t.TempDir()
	mktree(t, root, "a.cscmd", "sub/b.cscmd")
	require.NoError(t, os.Symlink(filepath.Join(outside, "secret.cscmd"), filepath.Join(root, "passwd.cscmd")))
	require.NoError(t, os.Symlink("../a.cscmd", filepath.Join(root, "sub", "in.cscmd")))
	require.NoError(t, os.Symlink("../../"+filepath.Base(outside)+"/secret.cscmd", filepath.Join(root, "sub", "relative.cscmd")))

	var skipped []string
	opt := Options{OnOutside: func(path, target string) {
		skipped = append(skipped, filepath.Base(path)+" -> "+target)
	}}
	assert.Equal(t, []string{"a.cscmd", "sub/b.cscmd", "sub/in.cscmd"}, rel(t, root, []string{root}, opt), "links out of the tree are not read")
	real, err := filepath.EvalSymlinks(filepath.Join(outside, "secret.cscmd"))
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"passwd.cscmd -> " + real, "relative.cscmd -> " + real}, skipped, "each is told once")

	opt.FollowSymlinks = true
	skipped = nil
	assert.Equal(t, []string{"a.cscmd", "passwd.cscmd", "sub/b.cscmd", "sub/in.cscmd", "sub/relative.cscmd"}, rel(t, root, []string{root}, opt))
	assert.Empty(t, skipped)

	t.Run("a second root is inside the tree", func(t *testing.T) {
		opt := Options{OnOutside: func(string, string) { t.Error("nothing is outside") }}
		paths, err := Collect(context.Background(), []string{root, outside}, opt)
		require.NoError(t, err)
		assert.Contains(t, paths, filepath.Join(root, "passwd.cscmd"))
	})
}
