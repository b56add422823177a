package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/ide"
	"github.com/web1on1/cscmd/linemap"
)

// The command line and the language server agree on lines: a lone CR ends
// one, as LF and CRLF do, in a command file and in a host file.
func TestLineBreaksAgree(t *testing.T) {
	tests := []struct {
		name, file, lang, src string
		want                  []string
	}{
		{"lone cr", "a.cscmd", "cscmd", ">cs /set a b\r>cs /sett c d\r", []string{"a.cscmd:2:5 unknown-command"}},
		{"lone cr after an id", "a.cscmd", "cscmd", ">cs /assign 62c6077ca980127f404b0301\r>cs /sett x", []string{"a.cscmd:2:5 unknown-command"}},
		{"mixed", "a.cscmd", "cscmd", "# c\r\n\r>cs /sett x\n>CS /notify\r", []string{"a.cscmd:3:5 unknown-command", "a.cscmd:4:1 prefix"}},
		{"javascript", "a.js", "javascript", "a = 1;\rweb1on1.api.sendClientMessage('>cs /sett x');\r", []string{"a.js:2:36 unknown-command"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string][]byte{tt.file: []byte(tt.src)})
			_, cli := lintJSON(t, dir)
			assert.Equal(t, tt.want, cli)

			var a ide.Analyzer
			m := linemap.New([]byte(tt.src))
			var server []string
			for _, f := range a.Analyze(nil, "file:///"+filepath.ToSlash(tt.file), tt.lang, []byte(tt.src)) {
				line, col := m.Position(f.Start, linemap.Runes)
				server = append(server, fmt.Sprintf("%s:%d:%d %s", tt.file, line+1, col+1, f.Code))
			}
			assert.Equal(t, cli, server, "the language server reports what the command line does")
		})
	}
}

// `cscmd parse` splits lines as lint does: a lone CR ends one, and is not
// part of the line's text.
func TestParseLoneCR(t *testing.T) {
	r := cscmd(t, ">cs /set a b\r>cs /assign 62c6077ca980127f404b0301\r\n\r>cs /sett x", "parse", "--format", "json", "-")
	assert.Equal(t, exitOK, r.code, r.stderr)
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var m struct {
			Line       int
			Kind, Text string
		}
		require.NoError(t, json.Unmarshal([]byte(line), &m))
		got = append(got, fmt.Sprintf("%d %s %q", m.Line, m.Kind, m.Text))
	}
	assert.Equal(t, []string{`1 set ">cs /set a b"`, `2 assign ">cs /assign 62c6077ca980127f404b0301"`, `4 invalid ">cs /sett x"`}, got)
}
