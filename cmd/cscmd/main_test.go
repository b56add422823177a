package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
)

var update = flag.Bool("update", false, "rewrite golden files")

type result struct {
	stdout, stderr string
	code           int
}

// TestMain runs the tests from the repository root, so paths in the
// output are the ones a user would type. Run with CSCMD_TEST_AS set, the
// test binary is instead a program of the process benchmarks: cscmd itself,
// or the regexp baseline.
func TestMain(m *testing.M) {
	switch os.Getenv("CSCMD_TEST_AS") {
	case "cscmd":
		main()
	case "regexp":
		os.Exit(regexpMain(os.Args[1:]))
	}
	if err := os.Chdir("../.."); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// cscmd runs the command in-process.
func cscmd(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	code := run(args, e)
	return result{out.String(), errOut.String(), code}
}

// golden compares got with the golden file, rewriting it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	}
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./cmd/cscmd -update to create it")
	assert.Equal(t, string(want), got)
}

func TestParseGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/parse/*.cscmd")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".cscmd")
		rel := filepath.ToSlash(filepath.Join("testdata/parse", filepath.Base(f)))
		wantCode := exitOK
		if name == "invalid-utf8" {
			wantCode = exitFailure
		}
		t.Run(name, func(t *testing.T) {
			r := cscmd(t, "", "parse", rel)
			assert.Equal(t, wantCode, r.code, r.stderr)
			golden(t, "testdata/parse/"+name+".txt", r.stdout)
			r = cscmd(t, "", "parse", "--format", "json", rel)
			assert.Equal(t, wantCode, r.code, r.stderr)
			golden(t, "testdata/parse/"+name+".jsonl", r.stdout)
		})
	}
}

func TestParseStdin(t *testing.T) {
	r := cscmd(t, ">cs /set isLead yes\n>cs /notify\n", "parse", "--format", "json")
	assert.Equal(t, exitOK, r.code)
	assert.Equal(t, `{"line":1,"text":">cs /set isLead yes","kind":"set","name":"isLead","value":"yes","source":">cs /set isLead yes"}
{"line":2,"text":">cs /notify","kind":"notify","source":">cs /notify"}
`, r.stdout)
	r = cscmd(t, ">cs /notify", "parse", "-")
	assert.Equal(t, "<stdin>:1: notify\n", r.stdout)
}

// A UTF-16 file is parsed as the text it holds.
func TestParseUTF16(t *testing.T) {
	r := cscmd(t, string(lint.EncodeUTF([]byte(">cs /set isLead yes\r\n"), "UTF-16LE")), "parse", "--format", "json", "-")
	assert.Equal(t, exitOK, r.code)
	assert.Equal(t, `{"line":1,"text":">cs /set isLead yes","kind":"set","name":"isLead","value":"yes","source":">cs /set isLead yes"}
`, r.stdout)
}

func TestParseErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.cscmd")
	require.NoError(t, os.WriteFile(good, []byte(">cs /notify\n"), 0o644))
	missing := filepath.Join(dir, "missing.cscmd")

	r := cscmd(t, "", "parse", missing, dir, good)
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, "cscmd: "+missing+": no such file or directory\n")
	assert.Contains(t, r.stderr, "cscmd: "+dir+": is a directory, not a command file\n")
	assert.Equal(t, good+":1: notify\n", r.stdout, "the other inputs are still parsed")

	r = cscmd(t, "", "parse", "testdata/parse/invalid-utf8.cscmd")
	assert.Equal(t, exitFailure, r.code)
	assert.Equal(t, "cscmd: testdata/parse/invalid-utf8.cscmd:2:12: invalid UTF-8 byte 0xff\n", r.stderr)
	assert.Contains(t, r.stdout, "invalid-utf8.cscmd:3: set", "lines after the bad one are parsed")

	if os.Geteuid() != 0 { // root reads any file
		unreadable := filepath.Join(dir, "secret.cscmd")
		require.NoError(t, os.WriteFile(unreadable, []byte(">cs /notify\n"), 0o000))
		r = cscmd(t, "", "parse", unreadable)
		assert.Equal(t, exitFailure, r.code)
		assert.Contains(t, r.stderr, unreadable+": permission denied")
	}
}

func TestUsage(t *testing.T) {
	r := cscmd(t, "", "parse", "--format", "xml")
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, `--format must be one of "text","json" but got "xml"`)

	r = cscmd(t, "", "frobnicate")
	assert.Equal(t, exitFailure, r.code)
	assert.Contains(t, r.stderr, "unexpected argument frobnicate")

	for _, cmd := range [][]string{{"--help"}, {"parse", "--help"}, {"lint", "--help"}, {"fmt", "--help"}, {"explain", "--help"}, {"rules", "--help"}, {"version", "--help"}, {"init", "--help"}} {
		r = cscmd(t, "", cmd...)
		assert.Equal(t, exitOK, r.code, cmd)
		assert.Contains(t, r.stdout, "Usage: cscmd", cmd)
	}
}

// fullWriter fails every write, as standard output redirected to /dev/full.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

func TestStdoutWriteError(t *testing.T) {
	f := filepath.Join(t.TempDir(), "a.cscmd")
	require.NoError(t, os.WriteFile(f, []byte(">cs   /notify\n>cs /sett x\n"), 0o644))
	for _, args := range [][]string{
		{"fmt", f}, {"fmt", "-d", f}, {"parse", f}, {"parse", "--format", "json", f},
		{"explain", "syntax"}, {"version"}, {"rules"}, {"lint", f},
	} {
		t.Run(strings.Join(args[:len(args)-1], " "), func(t *testing.T) {
			var errOut bytes.Buffer
			e := &env{stdin: strings.NewReader(""), stdout: fullWriter{}, stderr: &errOut, getenv: func(string) string { return "" }}
			assert.Equal(t, exitFailure, run(args, e))
			assert.Equal(t, "cscmd: no space left on device\n", errOut.String())
		})
	}
}
