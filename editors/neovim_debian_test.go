package editors_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakePackage is a package of the fake Debian archive: its control fields
// and files.
type fakePackage struct {
	name, version, fields string
	files                 map[string]string
}

// fakeArchive serves a Debian archive on the loopback: the suite "fake",
// whose Packages index lists pkgs, and their .deb files. It returns its URL
// and the names of the .deb files requested so far.
func fakeArchive(t *testing.T, pkgs []fakePackage) (string, func() []string) {
	t.Helper()
	dir := t.TempDir()
	var index strings.Builder
	for _, p := range pkgs {
		tree := filepath.Join(dir, "tree", p.name)
		write(t, filepath.Join(tree, "DEBIAN", "control"), "Package: "+p.name+"\nVersion: "+p.version+
			"\nArchitecture: all\nMaintainer: test <test@example.org>\nDescription: test\n")
		for name, text := range p.files {
			write(t, filepath.Join(tree, name), text)
			require.NoError(t, os.Chmod(filepath.Join(tree, name), 0o755))
		}
		deb := filepath.Join(dir, "pool", p.name+".deb")
		require.NoError(t, os.MkdirAll(filepath.Dir(deb), 0o755))
		out, err := exec.Command("dpkg-deb", "--root-owner-group", "-b", tree, deb).CombinedOutput()
		require.NoError(t, err, "%s", out)
		index.WriteString("Package: " + p.name + "\nVersion: " + p.version + "\n" + p.fields +
			"Filename: pool/" + p.name + ".deb\n\n")
	}
	write(t, filepath.Join(dir, "dists", "fake", "main", "Packages"), index.String())
	out, err := exec.Command("xz", filepath.Join(dir, "dists", "fake", "main", "Packages")).CombinedOutput()
	require.NoError(t, err, "%s", out)

	var mu sync.Mutex
	var debs []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.Path
		if strings.HasPrefix(path, "/debian/dists/fake/main/binary-") {
			path = "/debian/dists/fake/main/Packages.xz"
		}
		if strings.HasSuffix(path, ".deb") {
			mu.Lock()
			debs = append(debs, filepath.Base(path))
			mu.Unlock()
		}
		http.ServeFile(w, r, filepath.Join(dir, strings.TrimPrefix(path, "/debian/")))
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/debian/", func() []string {
		mu.Lock()
		defer mu.Unlock()
		got := slices.Clone(debs)
		slices.Sort(got)
		debs = nil
		return got
	}
}

// neovimPackages is a fake neovim VERSION with dependencies that exercise
// the resolver: a version constraint, an alternative whose first choice
// the index lacks, a virtual package, a cycle (libc6 and libgcc-s1).
// Its loader runs the program it is given, and its nvim prints its version
// and the environment the wrapper set.
func neovimPackages(version, extra string) []fakePackage {
	return []fakePackage{
		{"neovim", version, "Depends: neovim-runtime (= " + version + "), libc6 (>= 2.99), libmissing | libfoo, lua-virtual" + extra + "\n",
			map[string]string{"usr/bin/nvim": "#!/bin/sh\necho \"NVIM v" + version + "\"\necho \"VIMRUNTIME=$VIMRUNTIME\"\necho \"LD_LIBRARY_PATH=${LD_LIBRARY_PATH-unset}\"\n"}},
		{"neovim-runtime", version, "", map[string]string{"usr/share/nvim/runtime/filetype.lua": ""}},
		{"libc6", "2.99-1", "Depends: libgcc-s1\n", map[string]string{
			"usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2": "#!/bin/sh\n[ \"$1\" = --library-path ] || exit 9\nshift 2\nexec \"$@\"\n",
			"usr/lib/x86_64-linux-gnu/libc.so.6":            "",
		}},
		{"libgcc-s1", "1-1", "Depends: libc6\n", nil},
		{"libfoo", "1-1", "", nil},
		{"lua-real", "1-1", "Provides: lua-virtual (= 1)\n", nil},
		{"unrelated", "1-1", "", nil},
	}
}

// TestNeovimDebian runs testdata/neovim-debian.sh, which TestNeovim's newer
// Neovims come from, against a fake archive: what it fetches, the wrapper
// it writes, and what it says when it cannot.
func TestNeovimDebian(t *testing.T) {
	for _, tool := range []string{"dpkg-deb", "dpkg", "xz", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (Debian: dpkg, xz-utils, curl)", tool)
		}
	}
	script, err := filepath.Abs("testdata/neovim-debian.sh")
	require.NoError(t, err)
	run := func(t *testing.T, mirror, cache string, env ...string) (string, error) {
		cmd := exec.Command(script, "fake")
		cmd.Env = append(os.Environ(), append([]string{"CSCMD_DEBIAN_MIRROR=" + mirror, "CSCMD_E2E_CACHE=" + cache}, env...)...)
		out, err := cmd.Output()
		if ee, ok := err.(*exec.ExitError); ok {
			return string(ee.Stderr), err
		}
		return strings.TrimSpace(string(out)), err
	}

	t.Run("fetch once, then a new version", func(t *testing.T) {
		cache := t.TempDir()
		mirror, debs := fakeArchive(t, neovimPackages("0.99.1-1", ""))
		wrapper, err := run(t, mirror, cache)
		require.NoError(t, err, wrapper)
		root := filepath.Join(cache, "nvim-0.99.1-1")
		assert.Equal(t, filepath.Join(root, "bin", "nvim"), wrapper)
		assert.Equal(t, []string{"libc6.deb", "libfoo.deb", "libgcc-s1.deb", "lua-real.deb", "neovim-runtime.deb", "neovim.deb"}, debs())
		assert.FileExists(t, filepath.Join(root, ".complete"))
		link, err := os.Readlink(filepath.Join(cache, "nvim-fake"))
		require.NoError(t, err)
		assert.Equal(t, "nvim-0.99.1-1", link)

		out, err := exec.Command(filepath.Join(cache, "nvim-fake", "bin", "nvim"), "--version").CombinedOutput()
		require.NoError(t, err, "%s", out)
		assert.Equal(t, "NVIM v0.99.1-1\nVIMRUNTIME="+filepath.Join(cache, "nvim-fake", "usr", "share", "nvim", "runtime")+
			"\nLD_LIBRARY_PATH=unset\n", string(out), "the wrapper runs nvim through the root's loader, LD_LIBRARY_PATH left alone")

		again, err := run(t, mirror, cache)
		require.NoError(t, err, again)
		assert.Equal(t, wrapper, again)
		assert.Empty(t, debs(), "a version unpacked in full is not fetched again")

		mirror, debs = fakeArchive(t, neovimPackages("0.99.2-1", ""))
		wrapper, err = run(t, mirror, cache)
		require.NoError(t, err, wrapper)
		assert.Equal(t, filepath.Join(cache, "nvim-0.99.2-1", "bin", "nvim"), wrapper)
		assert.Len(t, debs(), 6)
		assert.NoDirExists(t, root, "the version the suite replaced is removed")
	})

	for _, tc := range []struct {
		name, message string
		pkgs          []fakePackage
	}{
		{"unresolvable dependency", "cannot resolve libnothing (>= 1) (a dependency of neovim)", neovimPackages("0.99.1-1", ", libnothing (>= 1)")},
		{"no neovim", "the index has no package neovim", neovimPackages("0.99.1-1", "")[1:]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mirror, debs := fakeArchive(t, tc.pkgs)
			cache := t.TempDir()
			msg, err := run(t, mirror, cache)
			require.Error(t, err)
			assert.Contains(t, msg, tc.message)
			assert.Empty(t, debs())
			assert.NoFileExists(t, filepath.Join(cache, "nvim-fake"))
		})
	}

	t.Run("no archive", func(t *testing.T) {
		// An apt that knows no archive, as on a machine without apt.
		bin := t.TempDir()
		write(t, filepath.Join(bin, "apt-get"), "#!/bin/sh\nexit 100\n")
		require.NoError(t, os.Chmod(filepath.Join(bin, "apt-get"), 0o755))
		msg, err := run(t, "", t.TempDir(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		require.Error(t, err)
		assert.Contains(t, msg, "apt knows no Debian archive: set CSCMD_DEBIAN_MIRROR to one")
	})

	t.Run("no index", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		t.Cleanup(srv.Close)
		msg, err := run(t, srv.URL+"/debian/", t.TempDir())
		require.Error(t, err)
		assert.Contains(t, msg, "cannot fetch "+srv.URL+"/debian/dists/fake/main/binary-")
	})
}
