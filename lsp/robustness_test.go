package lsp_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/web1on1/cscmd/linemap"
	"github.com/web1on1/cscmd/lsp"
	"github.com/web1on1/cscmd/lsp/internal/fake"
)

// rawClient speaks to the server frame by frame, to send what a well-behaved
// connection would not and to see every response as it is.
type rawClient struct {
	t      *testing.T
	conn   net.Conn
	stream jsonrpc2.Stream
}

func startRaw(t *testing.T, opts lsp.Options) *rawClient {
	t.Helper()
	opts.Logger = testLogger(t)
	serverEnd, clientEnd := net.Pipe()
	done := make(chan error, 1)
	go func() { done <- lsp.Serve(context.Background(), serverEnd, opts) }()
	t.Cleanup(func() {
		_ = clientEnd.Close()
		select {
		case <-done:
		case <-time.After(timeout):
			t.Error("server did not stop")
		}
	})
	return &rawClient{t: t, conn: clientEnd, stream: jsonrpc2.NewStream(clientEnd)}
}

func (r *rawClient) send(msg jsonrpc2.Message) {
	r.t.Helper()
	_, err := r.stream.Write(context.Background(), msg)
	require.NoError(r.t, err)
}

// frame writes body as one frame, whatever it holds.
func (r *rawClient) frame(body string) {
	r.t.Helper()
	_, err := fmt.Fprintf(r.conn, "Content-Length: %d\r\n\r\n%s", len(body), body)
	require.NoError(r.t, err)
}

func (r *rawClient) params(v any) jsonrpc2.RawMessage {
	r.t.Helper()
	if v == nil {
		return nil
	}
	b, err := protocol.Marshal(v)
	require.NoError(r.t, err)
	return b
}

func (r *rawClient) call(id jsonrpc2.ID, method string, params any) {
	r.t.Helper()
	r.send(jsonrpc2.NewCall(id, method, r.params(params)))
}

func (r *rawClient) notify(method string, params any) {
	r.t.Helper()
	r.send(jsonrpc2.NewNotification(method, r.params(params)))
}

// response reads until the response to id, skipping notifications.
func (r *rawClient) response(id jsonrpc2.ID) *jsonrpc2.Response {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		msg, _, err := r.stream.Read(ctx)
		require.NoError(r.t, err)
		if resp, ok := msg.(*jsonrpc2.Response); ok && resp.ID() == id {
			return resp
		}
	}
}

func TestCancelRequest(t *testing.T) {
	opts := fakeOptions()
	opts.Debounce = time.Hour // only the requests analyse
	r := startRaw(t, opts)
	r.call(jsonrpc2.NewStringID("init"), protocol.MethodInitialize, &protocol.InitializeParams{})
	require.NoError(t, r.response(jsonrpc2.NewStringID("init")).Err())
	r.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
	u := fileURI("slow.cscmd")
	r.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "cscmd", Version: 1, Text: ">cs SLOW\n",
	}})
	params := &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}

	// Two slow requests in flight, cancelled by string and by number.
	slow, slower := jsonrpc2.NewStringID("slow"), jsonrpc2.NewNumberID(77)
	r.call(slow, protocol.MethodTextDocumentCodeAction, params)
	r.call(slower, protocol.MethodTextDocumentCodeAction, params)
	r.notify(protocol.MethodCancelRequest, &protocol.CancelParams{ID: protocol.Integer(77)})
	assertCode(t, protocol.CodeRequestCancelled, r.response(slower).Err())
	r.notify(protocol.MethodCancelRequest, &protocol.CancelParams{ID: protocol.String("slow")})
	assertCode(t, protocol.CodeRequestCancelled, r.response(slow).Err())

	// Cancelling what is not in flight changes nothing.
	r.notify(protocol.MethodCancelRequest, &protocol.CancelParams{ID: protocol.String("never")})
	r.notify(protocol.MethodCancelRequest, jsonrpc2.RawMessage(`{"id":{"nested":true}}`))
	r.call(jsonrpc2.NewStringID("bye"), protocol.MethodShutdown, nil)
	assert.NoError(t, r.response(jsonrpc2.NewStringID("bye")).Err())
}

func TestMalformedMessages(t *testing.T) {
	r := startRaw(t, fakeOptions())
	r.call(jsonrpc2.NewNumberID(1), protocol.MethodInitialize, &protocol.InitializeParams{})
	require.NoError(t, r.response(jsonrpc2.NewNumberID(1)).Err())
	r.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
	for _, raw := range []string{
		`{"textDocument":{"uri":"file:///x.cscmd","languageId":"cscmd","version":1,"text":5}}`,
		`"just a string"`,
		`{"textDocument":null}`,
		``,
	} {
		r.notify(protocol.MethodTextDocumentDidOpen, jsonrpc2.RawMessage(raw))
		r.notify(protocol.MethodTextDocumentDidChange, jsonrpc2.RawMessage(raw))
		r.notify(protocol.MethodTextDocumentDidClose, jsonrpc2.RawMessage(raw))
	}
	r.call(jsonrpc2.NewNumberID(2), protocol.MethodTextDocumentCodeAction, jsonrpc2.RawMessage(`{"textDocument":`))
	assertCode(t, jsonrpc2.InvalidParams, r.response(jsonrpc2.NewNumberID(2)).Err())
	r.call(jsonrpc2.NewNumberID(3), protocol.MethodShutdown, nil)
	assert.NoError(t, r.response(jsonrpc2.NewNumberID(3)).Err())
}

// mirror is the client's copy of a document, edited at random.
type mirror struct {
	text []byte
	unit linemap.Unit
}

// boundary moves off back to the nearest offset a position can name: a
// character start or the end, never between the CR and LF of a line break.
func (m *mirror) boundary(off int) int {
	for off > 0 && off < len(m.text) && (!utf8.RuneStart(m.text[off]) || m.text[off-1] == '\r' && m.text[off] == '\n') {
		off--
	}
	return off
}

// position computes the position of off the slow way, independently of
// linemap.
func (m *mirror) position(off int) protocol.Position {
	var line, col uint32
	for i := 0; i < off; {
		r, size := utf8.DecodeRune(m.text[i:])
		switch {
		case r == '\r' && i+1 < len(m.text) && m.text[i+1] == '\n':
			line, col, size = line+1, 0, 2
		case r == '\r' || r == '\n':
			line, col = line+1, 0
		case m.unit == linemap.Bytes:
			col += uint32(size)
		case r > 0xFFFF:
			col += 2
		default:
			col++
		}
		i += size
	}
	return protocol.Position{Line: line, Character: col}
}

var fragments = []string{"a", "b", " ", "Ü", "é", "中", "😀", "𝄞", "\n", "\r\n", "\r", "\t", "BAD", ">cs /set x y"}

func (m *mirror) randomEdit(rng *rand.Rand) protocol.TextDocumentContentChangeEvent {
	if rng.IntN(100) == 0 {
		m.text = []byte(randomText(rng, rng.IntN(30)))
		return &protocol.TextDocumentContentChangeWholeDocument{Text: string(m.text)}
	}
	start := m.boundary(rng.IntN(len(m.text) + 1))
	span := 8
	if len(m.text) > 4000 {
		span = 400 // shrink the document back
	}
	end := m.boundary(min(len(m.text), start+rng.IntN(span)))
	s := randomText(rng, rng.IntN(6))
	change := replace(m.position(start), m.position(end), s)
	m.text = append(m.text[:start:start], append([]byte(s), m.text[end:]...)...)
	return change
}

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(fragments[rng.IntN(len(fragments))])
	}
	return b.String()
}

// digestOptions analyses a document into one finding whose message is the
// digest of its text, ranging over its last character: a publication then
// shows exactly what text the server holds, and whether positions agree.
func digestOptions() lsp.Options {
	return lsp.Options{Analyze: func(_ context.Context, _, _ string, text []byte) []lsp.Finding {
		return []lsp.Finding{{Start: len(text) - lastSize(text), End: len(text), Severity: lsp.SeverityInfo, Message: digest(text)}}
	}}
}

// lastSize is the size of the last character of text, a CRLF counting as one.
func lastSize(text []byte) int {
	if len(text) >= 2 && text[len(text)-2] == '\r' && text[len(text)-1] == '\n' {
		return 2
	}
	_, size := utf8.DecodeLastRune(text)
	return size
}

func digest(text []byte) string { return fmt.Sprintf("%x", sha256.Sum256(text)) }

// checkMirror waits for the diagnostics of version and checks that the
// server's text is the mirror's.
func checkMirror(t *testing.T, c *client, u uri.URI, version int32, m *mirror) {
	t.Helper()
	d := c.waitVersion(u, version)
	require.Len(t, d.Diagnostics, 1)
	require.Equal(t, protocol.String(digest(m.text)), d.Diagnostics[0].Message, "text of version %d", version)
	want := protocol.Range{Start: m.position(len(m.text) - lastSize(m.text)), End: m.position(len(m.text))}
	require.Equal(t, want, d.Diagnostics[0].Range, "range of the last character in version %d", version)
}

func TestRandomEdits(t *testing.T) {
	for _, enc := range []struct {
		name   string
		params *protocol.InitializeParams
		unit   linemap.Unit
	}{
		{"utf-16", nil, linemap.UTF16},
		{"utf-8", utf8Params(), linemap.Bytes},
	} {
		t.Run(enc.name, func(t *testing.T) {
			opts := digestOptions()
			opts.Debounce = time.Millisecond
			c := start(t, opts)
			c.initialize(enc.params)
			rng := rand.New(rand.NewPCG(42, uint64(enc.unit)))
			u := fileURI("random.cscmd")
			m := &mirror{text: []byte("hello\r\nwörld 😀\n"), unit: enc.unit}
			c.open(u, "cscmd", string(m.text))
			edits, version := 0, int32(2)
			for ; edits < 3000; version++ {
				var changes []protocol.TextDocumentContentChangeEvent
				for range 1 + rng.IntN(3) {
					changes = append(changes, m.randomEdit(rng))
					edits++
				}
				c.change(u, version, changes...)
				if version%200 == 0 {
					checkMirror(t, c, u, version, m)
				}
			}
			c.change(u, 10000, m.randomEdit(rng))
			checkMirror(t, c, u, 10000, m)
			t.Logf("%d edits in %d notifications, final text %d bytes", edits, version-1, len(m.text))
		})
	}
}

func TestLargeDocument(t *testing.T) {
	c := start(t, digestOptions())
	c.initialize(nil)
	u := fileURI("large.cscmd")
	line := ">cs /set @category Über Car 😀\r\n"
	m := &mirror{text: []byte(strings.Repeat(line, 10<<20/len(line))), unit: linemap.UTF16}
	require.Greater(t, len(m.text), 10<<20-len(line))
	began := time.Now()
	c.open(u, "cscmd", string(m.text))
	checkMirror(t, c, u, 1, m)
	rng := rand.New(rand.NewPCG(7, 7))
	for v := int32(2); v <= 6; v++ {
		c.change(u, v, m.randomEdit(rng))
	}
	// An edit at the very end, after hundreds of thousands of lines.
	end := m.position(len(m.text))
	c.change(u, 7, replace(end, end, "BAD 😀"))
	m.text = append(m.text, "BAD 😀"...)
	checkMirror(t, c, u, 7, m)
	t.Logf("10 MB document: open, 6 edits, 2 analyses in %v", time.Since(began))
}

func TestInvalidUTF8(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	u := fileURI("invalid.cscmd")
	// JSON carrying raw invalid bytes: each arrives as U+FFFD, one UTF-16 unit.
	c.notify(protocol.MethodTextDocumentDidOpen, jsonrpc2.RawMessage(
		"{\"textDocument\":{\"uri\":\""+string(u)+"\",\"languageId\":\"cscmd\",\"version\":1,\"text\":\"a\xff\xfeBAD\xe2\x82\"}}"))
	assert.Equal(t, []protocol.Range{rng(0, 3, 0, 6)}, ranges(c.waitVersion(u, 1)))
	c.notify(protocol.MethodTextDocumentDidChange, jsonrpc2.RawMessage(
		"{\"textDocument\":{\"uri\":\""+string(u)+"\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"\xc3BAD\"}]}"))
	assert.Equal(t, []protocol.Range{rng(0, 1, 0, 4), rng(0, 7, 0, 10)}, ranges(c.waitVersion(u, 2)))
	assert.NoError(t, c.shutdown())
}

func TestChangeStorm(t *testing.T) {
	opts := fakeOptions()
	opts.Debounce = 20 * time.Millisecond
	c := start(t, opts)
	c.initialize(nil)
	u := fileURI("storm.cscmd")
	c.open(u, "cscmd", "")
	const last = 1001
	text := ""
	for v := int32(2); v <= last; v++ {
		s := "x"
		if v%3 == 0 {
			s = "BAD "
		}
		end := protocol.Position{Character: uint32(len(text))}
		c.change(u, v, replace(end, end, s))
		text += s
	}
	d := c.waitVersion(u, last)
	assert.Len(t, d.Diagnostics, strings.Count(text, "BAD"))
	time.Sleep(5 * opts.Debounce)
	published := c.diagnostics(u)
	assert.Same(t, d, published[len(published)-1], "nothing after the final version")
	assert.Less(t, len(published), 100, "debounced")
	prev := int32(0)
	for _, p := range published {
		v, _ := p.Version.Get()
		assert.Greater(t, v, prev, "versions only move forward")
		prev = v
	}
}

func TestConcurrentRequests(t *testing.T) {
	c := start(t, fakeOptions())
	c.initialize(nil)
	docs := []uri.URI{fileURI("c1.cscmd"), fileURI("c2.cscmd"), fileURI("c3.cscmd")}
	for _, u := range docs {
		c.open(u, "cscmd", ">cs  /set  BAD  😀\n")
	}
	var wg sync.WaitGroup
	errs := make(chan error, 1000)
	for g := range 20 {
		wg.Go(func() {
			for i := range 25 {
				u := docs[(g+i)%len(docs)]
				var err error
				switch i % 3 {
				case 0:
					var actions []protocol.CommandOrCodeAction
					err = c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
						TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: rng(0, 0, 0, 0),
					}, &actions)
				case 1:
					_, err = format(c, u)
				case 2:
					var result protocol.CompletionResult
					err = c.call(protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{
						TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}},
					}, &result)
				}
				if err != nil {
					errs <- err
				}
			}
		})
	}
	// Edits race the requests; every request sees some whole version.
	for v := int32(2); v < 100; v++ {
		c.change(docs[int(v)%len(docs)], v, replace(pos(0, 0), pos(0, 0), "BAD "))
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	assert.NoError(t, c.shutdown())
}

// Compile-time check that the fake still matches what Options expects.
var _ = lsp.Options{Analyze: fake.Analyze, Format: fake.Format, Complete: fake.Complete}

// A whole frame that is not a JSON-RPC 2.0 message gets the JSON-RPC error
// it deserves, and the server reads on.
func TestMalformedFrames(t *testing.T) {
	r := startRaw(t, fakeOptions())
	r.call(jsonrpc2.NewNumberID(1), protocol.MethodInitialize, &protocol.InitializeParams{})
	require.NoError(t, r.response(jsonrpc2.NewNumberID(1)).Err())
	for _, tt := range []struct {
		name, body string
		id         jsonrpc2.ID
		code       jsonrpc2.Code
	}{
		{"not JSON", `not json`, jsonrpc2.ID{}, jsonrpc2.ParseError},
		{"truncated JSON", `{"jsonrpc":"2.0","id":4,"method":`, jsonrpc2.ID{}, jsonrpc2.ParseError},
		{"JSON-RPC 1.0", `{"jsonrpc":"1.0","id":5,"method":"shutdown"}`, jsonrpc2.NewNumberID(5), jsonrpc2.InvalidRequest},
		{"no version", `{"id":"six","method":"shutdown"}`, jsonrpc2.NewStringID("six"), jsonrpc2.InvalidRequest},
		{"null id", `{"jsonrpc":"2.0","id":null,"method":"textDocument/hover","params":{}}`, jsonrpc2.ID{}, jsonrpc2.InvalidRequest},
		{"object id", `{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}`, jsonrpc2.ID{}, jsonrpc2.InvalidRequest},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r.frame(tt.body)
			assertCode(t, tt.code, r.response(tt.id).Err())
		})
	}
	// The connection is intact: requests are answered as before.
	r.call(jsonrpc2.NewNumberID(7), protocol.MethodShutdown, nil)
	assert.NoError(t, r.response(jsonrpc2.NewNumberID(7)).Err())
}

// stdinLike is a connection whose reads, like those of a terminal or a pipe
// that the client keeps open, block until data comes and are not interrupted
// by Close.
type stdinLike struct {
	io.Reader
	io.Writer
}

func (stdinLike) Close() error { return nil }

// After exit, Serve returns at once: it does not wait for a reader that
// nothing will ever wake.
func TestExitWithStdinOpen(t *testing.T) {
	in, feed := io.Pipe()
	defer feed.Close()
	var logs bytes.Buffer
	var mu sync.Mutex
	opts := fakeOptions()
	opts.Logger = slog.New(slog.NewTextHandler(lockedWriter{&mu, &logs}, nil))
	done := make(chan error, 1)
	go func() { done <- lsp.Serve(context.Background(), stdinLike{in, io.Discard}, opts) }()
	client := jsonrpc2.NewStream(stdinLike{strings.NewReader(""), feed})
	for _, msg := range []jsonrpc2.Message{
		jsonrpc2.NewCall(jsonrpc2.NewNumberID(1), protocol.MethodInitialize, jsonrpc2.RawMessage(`{}`)),
		jsonrpc2.NewCall(jsonrpc2.NewNumberID(2), protocol.MethodShutdown, nil),
		jsonrpc2.NewNotification(protocol.MethodExit, nil),
	} {
		_, err := client.Write(context.Background(), msg)
		require.NoError(t, err)
	}
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(timeout):
		t.Fatal("Serve did not return after exit")
	}
	mu.Lock()
	defer mu.Unlock()
	assert.NotContains(t, logs.String(), "did not stop")
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// A thousand requests cancelled at once do the work of a few: requests run a
// few at a time, and one cancelled while it waits never starts.
func TestCancelStorm(t *testing.T) {
	var running, most, ran atomic.Int32
	release := make(chan struct{})
	opts := fakeOptions()
	opts.Debounce = time.Hour
	opts.SemanticTokens = func(ctx context.Context, uri, lang string, text []byte) []lsp.SemanticToken {
		n := running.Add(1)
		defer running.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		ran.Add(1)
		<-release // work that does not look at ctx
		return nil
	}
	r := startRaw(t, opts)
	r.call(jsonrpc2.NewNumberID(0), protocol.MethodInitialize, &protocol.InitializeParams{})
	require.NoError(t, r.response(jsonrpc2.NewNumberID(0)).Err())
	r.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
	u := fileURI("storm.cscmd")
	r.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "cscmd", Version: 1, Text: strings.Repeat(">cs /set a b\n", 10000),
	}})
	const n = 1000
	params := &protocol.SemanticTokensParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}
	for i := 1; i <= n; i++ {
		r.call(jsonrpc2.NewNumberID(int64(i)), protocol.MethodTextDocumentSemanticTokensFull, params)
	}
	for i := 1; i <= n; i++ {
		r.notify(protocol.MethodCancelRequest, &protocol.CancelParams{ID: protocol.Integer(i)})
	}
	// Messages are read in order: once this inline request is answered,
	// every cancellation has been read.
	r.call(jsonrpc2.NewStringID("sync"), protocol.MethodInitialize, &protocol.InitializeParams{})
	cancelled := 0
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for seen := 0; seen < n+1; {
		msg, _, err := r.stream.Read(ctx)
		require.NoError(t, err)
		resp, ok := msg.(*jsonrpc2.Response)
		if !ok {
			continue
		}
		seen++
		if resp.ID() == jsonrpc2.NewStringID("sync") {
			close(release)
			continue
		}
		var wire *jsonrpc2.Error
		if errors.As(resp.Err(), &wire) && wire.Code == protocol.CodeRequestCancelled {
			cancelled++
		}
	}
	slots := max(2, runtime.GOMAXPROCS(0))
	assert.LessOrEqual(t, int(most.Load()), slots, "requests working at once")
	assert.LessOrEqual(t, int(ran.Load()), slots, "cancelled requests that still did their work")
	assert.Equal(t, n, cancelled)
}
