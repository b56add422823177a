package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
)

// fmtTree writes a small repository: two command files that are not in
// canonical form, one that is, and files fmt must never touch.
func fmtTree(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		".cscmd.yaml":          "exclude: [\"vendor/**\"]\n",
		"a.cscmd":              ">cs  /notify\n",
		"sub/b.cscmd":          ">cs /assign 62C6077CA980127F404B0301\n",
		"sub/ok.cscmd":         ">cs /notify\n",
		"vendor/v.cscmd":       ">cs  /notify\n",
		"block.yaml":           "send: |\n  >cs  /notify\n\n\n  >cs /set a b\n",
		"page.js":              "send('>cs  /notify')\n\n\n",
		"notes/readme.cscmd.t": ">cs  /notify\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	return dir, files
}

func TestFmtDirectories(t *testing.T) {
	dir, files := fmtTree(t)
	a, b := filepath.Join(dir, "a.cscmd"), filepath.Join(dir, "sub", "b.cscmd")

	r := cscmd(t, "", "fmt", "-l", dir)
	assert.Equal(t, exitOK, r.code, "-l lists, as gofmt -l, and does not fail")
	assert.Equal(t, a+"\n"+b+"\n", r.stdout, "command files only, in order, the excluded folder left out")

	r = cscmd(t, "", "fmt", "--check", dir)
	assert.Equal(t, exitFindings, r.code)
	assert.Equal(t, a+"\n"+b+"\n", r.stdout)

	r = cscmd(t, "", "fmt", "-d", dir)
	assert.Equal(t, exitFindings, r.code, "a diff means something would change")
	assert.Contains(t, r.stdout, "+++ "+b+"\n")
	assert.Contains(t, r.stdout, "+>cs /assign 62c6077ca980127f404b0301\n")

	r = cscmd(t, "", "fmt", dir)
	assert.Equal(t, exitOK, r.code)
	assert.Equal(t, ">cs /notify\n>cs /assign 62c6077ca980127f404b0301\n>cs /notify\n", r.stdout, "each file's canonical form, in order")

	r = cscmd(t, "", "fmt", "-l", "-w", dir)
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, a+"\n"+b+"\n", r.stdout, "-l with -w lists what it rewrote")
	for name, data := range files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		switch name {
		case "a.cscmd":
			assert.Equal(t, ">cs /notify\n", string(got))
		case "sub/b.cscmd":
			assert.Equal(t, ">cs /assign 62c6077ca980127f404b0301\n", string(got))
		default:
			assert.Equal(t, data, string(got), "%s is left alone", name)
		}
	}

	for _, flags := range [][]string{{"--check"}, {"-d"}, {"-l"}} {
		r = cscmd(t, "", append(append([]string{"fmt"}, flags...), dir)...)
		assert.Equal(t, exitOK, r.code, flags)
		assert.Empty(t, r.stdout, flags)
	}
}

func TestFmtRefusesOtherFiles(t *testing.T) {
	dir, files := fmtTree(t)
	for _, name := range []string{"block.yaml", "page.js"} {
		p := filepath.Join(dir, name)
		for _, flags := range [][]string{{"-w"}, {"-d"}, {}} {
			r := cscmd(t, "", append(append([]string{"fmt"}, flags...), p)...)
			assert.Equal(t, exitFailure, r.code, flags)
			assert.Equal(t, "cscmd: "+p+": not a command file (.cscmd); fmt rewrites command files only, and leaves the formatting of host files to their own tools\n", r.stderr)
			assert.Empty(t, r.stdout)
			got, err := os.ReadFile(p)
			require.NoError(t, err)
			assert.Equal(t, files[name], string(got), "%s is never rewritten", name)
		}
	}
	a := filepath.Join(dir, "a.cscmd")
	r := cscmd(t, "", "fmt", "-l", filepath.Join(dir, "page.js"), a)
	assert.Equal(t, exitFailure, r.code)
	assert.Equal(t, a+"\n", r.stdout, "the other inputs are still formatted")

	r = cscmd(t, "", "fmt", "-w", "--check", a)
	assert.Equal(t, exitFailure, r.code, "--check writes nothing, so it excludes -w")
	r = cscmd(t, "", "fmt", filepath.Join(dir, "missing.cscmd"))
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, "missing.cscmd: no such file or directory")
}

func TestFmtStdinCheck(t *testing.T) {
	r := cscmd(t, ">cs  /notify\n", "fmt", "--check")
	assert.Equal(t, exitFindings, r.code)
	assert.Equal(t, "<stdin>\n", r.stdout)
	r = cscmd(t, ">cs /notify\n", "fmt", "--check", "-")
	assert.Equal(t, exitOK, r.code)
	assert.Empty(t, r.stdout)
}

func TestFmtWriteThroughLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	outside := t.TempDir()
	for _, p := range []string{filepath.Join(dir, "real.cscmd"), filepath.Join(outside, "secret.cscmd")} {
		require.NoError(t, os.WriteFile(p, []byte(">cs  /notify\n"), 0o644))
	}
	require.NoError(t, os.Symlink("real.cscmd", filepath.Join(dir, "link.cscmd")))
	require.NoError(t, os.Symlink(filepath.Join(outside, "secret.cscmd"), filepath.Join(dir, "out.cscmd")))

	r := cscmd(t, "", "fmt", "-l", "-w", dir)
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, filepath.Join(dir, "link.cscmd")+"\n", r.stdout,
		"the link inside the tree is written through (so real.cscmd, after it, is formatted already); the one out of it is not walked")
	fi, err := os.Lstat(filepath.Join(dir, "link.cscmd"))
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link stays a link")
	b, err := os.ReadFile(filepath.Join(dir, "real.cscmd"))
	require.NoError(t, err)
	assert.Equal(t, ">cs /notify\n", string(b))
	b, err = os.ReadFile(filepath.Join(outside, "secret.cscmd"))
	require.NoError(t, err)
	assert.Equal(t, ">cs  /notify\n", string(b), "a file out of the tree is left alone")
}

// A UTF-16 command file is formatted as the text it holds and written back
// in UTF-16; one that does not decode cleanly is refused, never mangled.
func TestFmtUTF16(t *testing.T) {
	messy, clean := ">cs  /set a   b\r\n", ">cs /set a b\r\n"
	broken := append(lint.EncodeUTF([]byte(messy), "UTF-16BE"), 0xD8)
	dir := writeFiles(t, map[string][]byte{
		"a.cscmd": lint.EncodeUTF([]byte(messy), "UTF-16LE"),
		"b.cscmd": broken,
	})
	r := cscmd(t, "", "fmt", "-w", dir)
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, "b.cscmd: not every UTF-16BE unit of the file is a character")
	got, err := os.ReadFile(filepath.Join(dir, "a.cscmd"))
	require.NoError(t, err)
	assert.Equal(t, lint.EncodeUTF([]byte(clean), "UTF-16LE"), got)
	got, err = os.ReadFile(filepath.Join(dir, "b.cscmd"))
	require.NoError(t, err)
	assert.Equal(t, broken, got)
}
