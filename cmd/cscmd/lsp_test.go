package main

import (
	"bytes"
	"fmt"
	"io"
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
// and exit, 1 for exit without shutdown, as the protocol says.
func TestLSPExitCodes(t *testing.T) {
	initialize := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`
	initialized := `{"jsonrpc":"2.0","method":"initialized","params":{}}`
	shutdown := `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`
	exit := `{"jsonrpc":"2.0","method":"exit"}`
	for name, tc := range map[string]struct {
		input string
		code  int
	}{
		"shutdown then exit":    {frame(initialize, initialized, shutdown, exit), 0},
		"exit without shutdown": {frame(initialize, initialized, exit), 1},
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
			assert.Equal(t, tc.code, run([]string{"lsp"}, e), errOut.String())
			assert.Contains(t, out.String(), `"serverInfo":{"name":"cscmd"`, "stdout carries the protocol")
		})
	}
}
