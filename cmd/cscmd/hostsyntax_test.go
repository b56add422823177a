package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
)

// lintJSON lints dir with --format json and returns the exit code and each
// finding as "file:line:col rule".
func lintJSON(t *testing.T, dir string) (int, []string) {
	t.Helper()
	r := cscmd(t, "", "lint", "--format", "json", dir)
	var out struct {
		Diagnostics []struct {
			File         string
			Line, Column int
			Rule         string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), "stdout: %s\nstderr: %s", r.stdout, r.stderr)
	var got []string
	for _, d := range out.Diagnostics {
		rel, err := filepath.Rel(dir, d.File)
		require.NoError(t, err)
		got = append(got, fmt.Sprintf("%s:%d:%d %s", rel, d.Line, d.Column, d.Rule))
	}
	return r.code, got
}

func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), src, 0o644))
	}
	return dir
}

// utf16LE encodes s as UTF-16LE with a byte order mark.
func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// A file that breaks the linter, or that it cannot read, is a finding of its
// own: every other file's findings are still reported, and nothing is left
// on stderr only.
func TestLintUnreadableFilesAreFindings(t *testing.T) {
	tests := []struct {
		name  string
		files map[string][]byte
		code  int
		want  []string
	}{
		{
			name: "yaml that crashed the run",
			files: map[string][]byte{
				"a.cscmd": []byte(">cs /sett x\n"),
				"b.yaml":  []byte("\xef\xbb\xbf]: >cs"),
			},
			code: exitFindings,
			want: []string{"a.cscmd:1:5 unknown-command", "b.yaml:1:4 host-syntax"},
		},
		// UTF-16 and UTF-32 files are decoded: positions count the code
		// points of the text they hold.
		{
			name:  "utf-16 javascript",
			files: map[string][]byte{"w.js": utf16LE("web1on1.api.sendClientMessage('>cs /sett x');\n")},
			code:  exitFindings,
			want:  []string{"w.js:1:36 unknown-command"},
		},
		{
			name:  "utf-16 command file",
			files: map[string][]byte{"c.cscmd": utf16LE("# é😀\n>cs /sett x\n")},
			code:  exitFindings,
			want:  []string{"c.cscmd:2:5 unknown-command"},
		},
		{
			name:  "utf-32 big endian",
			files: map[string][]byte{"c.cscmd": lint.EncodeUTF([]byte("# 😀\n>cs /sett x\n"), "UTF-32BE")},
			code:  exitFindings,
			want:  []string{"c.cscmd:2:5 unknown-command"},
		},
		{
			name:  "javascript syntax error",
			files: map[string][]byte{"p.js": []byte("a = 'x\nweb1on1.api.sendClientMessage('>cs /sett x');\n")},
			code:  exitFindings,
			want:  []string{"p.js:1:5 host-syntax", "p.js:2:36 unknown-command"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, got := lintJSON(t, writeFiles(t, tt.files))
			assert.Equal(t, tt.code, code)
			assert.Equal(t, tt.want, got)
		})
	}
}

// --fix writes a UTF-16 file back in UTF-16, byte order mark first; one
// whose units do not all decode is left as it is.
func TestFixKeepsUTF16(t *testing.T) {
	const id = "62C6077CA980127F404B0301"
	dir := writeFiles(t, map[string][]byte{
		"good.cscmd":   lint.EncodeUTF([]byte(">cs /assign "+id+"\r\n"), "UTF-16LE"),
		"broken.cscmd": append(lint.EncodeUTF([]byte(">cs /assign "+id+"\n"), "UTF-16BE"), 0xD8, 0x3D),
	})
	cscmd(t, "", "lint", "--fix", dir)
	got, err := os.ReadFile(filepath.Join(dir, "good.cscmd"))
	require.NoError(t, err)
	assert.Equal(t, lint.EncodeUTF([]byte(">cs /assign "+strings.ToLower(id)+"\r\n"), "UTF-16LE"), got)
	got, err = os.ReadFile(filepath.Join(dir, "broken.cscmd"))
	require.NoError(t, err)
	assert.Equal(t, append(lint.EncodeUTF([]byte(">cs /assign "+id+"\n"), "UTF-16BE"), 0xD8, 0x3D), got, "not written: the lone surrogate would not survive")
}
