package lsp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/web1on1/cscmd/linemap"
)

// ErrNoShutdown is returned by Serve when the client sent exit, or closed the
// connection, without asking the server to shut down first. The LSP asks the
// server process to exit with status 1 then.
var ErrNoShutdown = errors.New("exit without shutdown")

// Serve runs a language server on rwc, framed with Content-Length headers,
// until the client sends exit, the connection closes or ctx ends.
//
// It returns nil after an orderly shutdown and exit, an error wrapping
// ErrNoShutdown when the client exits or disconnects without shutdown, the
// connection's error when it fails, and ctx's error when ctx ends first. A
// command maps nil to exit status 0 and anything else to 1.
//
// Serve closes rwc before it returns.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// A read blocked on a terminal or pipe stdin cannot be interrupted by Close,
	// nor a write to a client that does not read; when the process is about to
	// exit anyway, give up on them after a moment rather than hang.
	const grace = time.Second
	s := newServer(ctx, opts)
	out := newOutbox(rwc, grace)
	conn := jsonrpc2.NewConn(newTolerantStream(jsonrpc2.NewStream(out), s.log.Warn), jsonrpc2.WithCodec(codec{}))
	s.client = protocol.ClientDispatcher(conn)
	conn.Go(ctx, s.handler())
	s.watchClient(opts.ClientProcessID)

	var err error
	exited := false
	select {
	case <-s.exit:
		exited = true
		if s.state.Load() != stateShutdown {
			err = ErrNoShutdown
		}
	case <-s.gone:
		err = ErrClientGone
	case <-conn.Done():
		switch {
		case ctx.Err() != nil:
			// The connection stops reading when ctx ends, so both can be ready.
			err = context.Cause(ctx)
		case conn.Err() != nil:
			err = conn.Err()
		case s.state.Load() != stateShutdown:
			err = fmt.Errorf("connection closed: %w", ErrNoShutdown)
		}
	case <-ctx.Done():
		err = context.Cause(ctx)
	}

	cancel()
	s.stopBackground()
	_ = out.Close()
	// After exit, the reader may be blocked on a stdin that the client keeps
	// open, as clients do, and that no Close interrupts; the process is about
	// to end, so there is nothing to wait for.
	if !exited {
		select {
		case <-conn.Done():
		case <-time.After(grace):
			s.log.Warn("connection reader did not stop", "after", grace)
		}
	}
	if !waitTimeout(&s.bg, grace) {
		s.log.Warn("background work did not stop", "after", grace)
	}
	return err
}

func waitTimeout(wg *sync.WaitGroup, d time.Duration) bool {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}

// Lifecycle states of a server.
const (
	stateNew int32 = iota
	stateInitialized
	stateShutdown
)

// server is the state of one connection. Handlers live in one file per
// feature; each converts positions and calls the injected functions.
type server struct {
	opts   Options
	log    *slog.Logger
	ctx    context.Context // ends with the connection
	client protocol.Client
	docs   *documents

	state    atomic.Int32
	inflight sync.Map // jsonrpc2.ID of a request → its context.CancelFunc
	// slots bounds the requests that work at once: a client may send a
	// thousand and cancel them all, and each would hold a result the size of
	// its document.
	slots    chan struct{}
	exit     chan struct{}
	exitOnce sync.Once
	gone     chan struct{} // closed when the client's process exits
	goneOnce sync.Once

	// Set by initialize, before the state leaves stateNew, and read-only after.
	caps     protocol.ClientCapabilities
	encoding protocol.PositionEncodingKind
	unit     linemap.Unit

	foldersMu sync.Mutex
	folders   []string

	// bg counts goroutines that outlive the handler that started them.
	bgMu     sync.Mutex
	bgClosed bool
	bg       sync.WaitGroup
	runs     map[uri.URI]*run // pending diagnostics, guarded by bgMu
	watched  map[int]bool     // client processes watched, guarded by bgMu

	// pubMu orders each publication of a document's diagnostics with the
	// check that its snapshot is still current.
	pubMu sync.Mutex

	configMu    sync.Mutex
	configDiags map[uri.URI][]protocol.Diagnostic
}

func newServer(ctx context.Context, opts Options) *server {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return &server{
		opts:     opts,
		log:      log,
		ctx:      ctx,
		docs:     newDocuments(),
		exit:     make(chan struct{}),
		gone:     make(chan struct{}),
		watched:  make(map[int]bool),
		encoding: protocol.PositionEncodingKindUTF16,
		unit:     linemap.UTF16,
		runs:     make(map[uri.URI]*run),
		slots:    make(chan struct{}, max(2, runtime.GOMAXPROCS(0))),
	}
}

// spawn runs f on its own goroutine, counted in s.bg, unless the server is
// stopping.
func (s *server) spawn(f func()) {
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	if s.bgClosed {
		return
	}
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		f()
	}()
}

// stopBackground stops pending diagnostics and refuses new background work,
// so that s.bg can be waited for.
func (s *server) stopBackground() {
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	s.bgClosed = true
	for u, r := range s.runs {
		s.stopRun(r)
		delete(s.runs, u)
	}
}

// codec marshals payloads with the protocol package's union-aware JSON, like
// the codec protocol.NewServer installs; Serve builds its own connection so
// that it can handle notifications in order and survive handler panics.
type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case *jsonrpc2.RawMessage:
		if m == nil || *m == nil {
			return []byte("null"), nil
		}
		return *m, nil
	}
	return protocol.Marshal(v)
}

func (codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = bytes.Clone(data)
		return nil
	}
	return unmarshal(data, v)
}

// unmarshal decodes a copy of data. The connection hands out views of its
// read buffer, and protocol.Unmarshal leaves strings pointing into its input
// for some destinations (a slice of unions, such as []CommandOrCodeAction),
// which the next message would then overwrite.
func unmarshal(data []byte, v any) error {
	return protocol.Unmarshal(bytes.Clone(data), v)
}
