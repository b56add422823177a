package lsp

import (
	"fmt"
	"time"
)

// ErrClientGone is returned by Serve when the client's process, named by
// initialize's processId or Options.ClientProcessID, exits. The LSP asks a
// server to exit then, as if told to without a shutdown; the error also
// wraps ErrNoShutdown.
var ErrClientGone = fmt.Errorf("client process exited: %w", ErrNoShutdown)

// clientPoll is how often the client's process is checked. No operating
// system tells a process of the death of one that is not its child, so it is
// polled; a check is a system call.
const clientPoll = time.Second

// watchClient ends the server when the process pid exits. A process that does
// not exist when the watch starts is not watched but logged: a client in a
// container or on another machine names a process this server cannot see.
func (s *server) watchClient(pid int) {
	if pid <= 0 {
		return
	}
	s.bgMu.Lock()
	seen := s.watched[pid]
	s.watched[pid] = true
	s.bgMu.Unlock()
	if seen {
		return
	}
	if !processAlive(pid) {
		s.log.Warn("client process not found; not watching it", "pid", pid)
		return
	}
	s.spawn(func() {
		t := time.NewTicker(clientPoll)
		defer t.Stop()
		for {
			select {
			case <-s.ctx.Done():
				return
			case <-t.C:
				if !processAlive(pid) {
					s.log.Info("client process exited; stopping", "pid", pid)
					s.goneOnce.Do(func() { close(s.gone) })
					return
				}
			}
		}
	})
}
