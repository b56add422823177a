package lsp_test

import (
	"os/exec"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/lsp"
)

// clientProcess starts a process that stands for the editor, and returns it
// with a function that ends it and reaps it (an unreaped child still exists).
func clientProcess(t *testing.T) (int, func()) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in client process is sleep(1)")
	}
	cmd := exec.Command("sleep", "60")
	require.NoError(t, cmd.Start())
	stop := func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	t.Cleanup(stop)
	return cmd.Process.Pid, stop
}

func TestClientProcessExits(t *testing.T) {
	tests := []struct {
		name string
		// start returns the server's options and initialize's params for the
		// client's pid.
		start func(pid int) (lsp.Options, *protocol.InitializeParams)
	}{
		{name: "processId of initialize", start: func(pid int) (lsp.Options, *protocol.InitializeParams) {
			p := int32(pid)
			return fakeOptions(), &protocol.InitializeParams{ProcessID: &p}
		}},
		{name: "--clientProcessId", start: func(pid int) (lsp.Options, *protocol.InitializeParams) {
			opts := fakeOptions()
			opts.ClientProcessID = pid
			return opts, nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pid, stop := clientProcess(t)
			opts, params := tt.start(pid)
			c := start(t, opts)
			c.initialize(params)
			select {
			case err := <-c.served:
				t.Fatalf("server stopped while its client lives: %v", err)
			case <-time.After(1500 * time.Millisecond):
			}
			stop()
			err := c.result()
			assert.ErrorIs(t, err, lsp.ErrClientGone)
			assert.ErrorIs(t, err, lsp.ErrNoShutdown, "exit status 1, as for exit without shutdown")
		})
	}
}

// A client in a container names a process the server cannot see: the server
// serves on rather than stop at once.
func TestClientProcessNotFound(t *testing.T) {
	pid, stop := clientProcess(t)
	stop()
	p := int32(pid)
	c := start(t, fakeOptions())
	c.initialize(&protocol.InitializeParams{ProcessID: &p})
	select {
	case err := <-c.served:
		t.Fatalf("server stopped: %v", err)
	case <-time.After(1500 * time.Millisecond):
	}
	require.NoError(t, c.shutdown())
}
