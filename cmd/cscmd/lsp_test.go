package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// frame writes JSON-RPC messages with their Content-Length headers.
func frame(msgs ...string) string {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	return b.String()
}

// TestLSPExitCodes checks the exit status of `cscmd lsp`: 0 after shutdown
// and exit, 1 for exit without shutdown, as the protocol says; and that it
// takes the flags vscode-languageclient adds for a stdio server.
func TestLSPExitCodes(t *testing.T) {
	initialize := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`
	initialized := `{"jsonrpc":"2.0","method":"initialized","params":{}}`
	shutdown := `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`
	exit := `{"jsonrpc":"2.0","method":"exit"}`
	client := fmt.Sprintf("--clientProcessId=%d", os.Getpid())
	for name, tc := range map[string]struct {
		args  []string
		input string
		code  int
	}{
		"shutdown then exit":            {nil, frame(initialize, initialized, shutdown, exit), 0},
		"exit without shutdown":         {nil, frame(initialize, initialized, exit), 1},
		"vscode-languageclient's flags": {[]string{"--stdio", client}, frame(initialize, initialized, shutdown, exit), 0},
	} {
		t.Run(name, func(t *testing.T) {
			stdin, w := io.Pipe()
			go func() {
				w.Write([]byte(tc.input))
				time.Sleep(time.Second) // the server exits on "exit", before EOF
				w.Close()
			}()
			var out, errOut bytes.Buffer
			e := &env{stdin: stdin, stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
			assert.Equal(t, tc.code, run(append([]string{"lsp"}, tc.args...), e), errOut.String())
			assert.Contains(t, out.String(), `"serverInfo":{"name":"cscmd"`, "stdout carries the protocol")
		})
	}
}

// A transport other than stdio is refused with a message, exit status 2,
// before anything is read.
func TestLSPOtherTransport(t *testing.T) {
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	assert.Equal(t, exitFailure, run([]string{"lsp", "--pipe=/tmp/x"}, e))
	assert.Contains(t, errOut.String(), "unknown flag --pipe")
	assert.Empty(t, out.String())
}
