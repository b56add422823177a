package lsp

import (
	"bytes"
	"io"
	"sync"
	"time"
)

// outbox queues the server's writes and sends them from a goroutine of its
// own, in order.
//
// Handlers write on the connection's read loop. Were those writes direct, a
// client that is itself busy writing and not reading (over an unbuffered pipe,
// or once an OS pipe buffer fills) would block the server's read loop, which
// is then no longer reading what the client writes: both would wait forever.
// The framing writes each message with a single Write, so queued writes stay
// whole messages.
type outbox struct {
	io.ReadWriteCloser

	mu      sync.Mutex
	pending [][]byte
	err     error // the first failed write; every later write fails with it
	closing bool
	wake    chan struct{}
	drained chan struct{}
	grace   time.Duration
}

func newOutbox(rwc io.ReadWriteCloser, grace time.Duration) *outbox {
	o := &outbox{ReadWriteCloser: rwc, wake: make(chan struct{}, 1), drained: make(chan struct{}), grace: grace}
	go o.run()
	return o
}

func (o *outbox) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	switch {
	case o.err != nil:
		return 0, o.err
	case o.closing:
		return 0, io.ErrClosedPipe
	}
	o.pending = append(o.pending, bytes.Clone(p))
	o.signal()
	return len(p), nil
}

func (o *outbox) signal() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

func (o *outbox) run() {
	defer close(o.drained)
	for {
		o.mu.Lock()
		for len(o.pending) == 0 && !o.closing {
			o.mu.Unlock()
			<-o.wake
			o.mu.Lock()
		}
		batch, closing, failed := o.pending, o.closing, o.err != nil
		o.pending = nil
		o.mu.Unlock()
		if closing && len(batch) == 0 {
			return
		}
		for _, b := range batch {
			if failed {
				break
			}
			if _, err := o.ReadWriteCloser.Write(b); err != nil {
				o.mu.Lock()
				o.err, failed = err, true
				o.mu.Unlock()
			}
		}
	}
}

// Close sends what is queued, waiting at most the grace period for a client
// that does not read, and closes the transport.
func (o *outbox) Close() error {
	o.mu.Lock()
	o.closing = true
	o.mu.Unlock()
	o.signal()
	select {
	case <-o.drained:
	case <-time.After(o.grace):
	}
	return o.ReadWriteCloser.Close()
}
