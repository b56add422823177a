package lsp

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// requestHandler answers a request from its raw params.
type requestHandler func(s *server, ctx context.Context, params jsonrpc2.RawMessage) (any, error)

// notificationHandler handles a notification from its raw params.
type notificationHandler func(s *server, ctx context.Context, params jsonrpc2.RawMessage) error

type route struct {
	handle requestHandler
	// inline requests run on the connection's read loop, so that the messages
	// after them see their effect; the others run concurrently.
	inline bool
}

// requests and notifications list every method the server handles. A feature
// adds its handler here and its capability in capabilities.
var (
	requests = map[string]route{
		protocol.MethodInitialize:             {handle: request((*server).initialize), inline: true},
		protocol.MethodShutdown:               {handle: (*server).shutdown, inline: true},
		protocol.MethodTextDocumentCodeAction: {handle: request((*server).codeAction)},
		protocol.MethodTextDocumentFormatting: {handle: request((*server).formatting)},
		protocol.MethodTextDocumentCompletion: {handle: request((*server).completion)},

		protocol.MethodTextDocumentHover:              {handle: request((*server).hover)},
		protocol.MethodTextDocumentInlayHint:          {handle: request((*server).inlayHint)},
		protocol.MethodTextDocumentSemanticTokensFull: {handle: request((*server).semanticTokensFull)},
		protocol.MethodTextDocumentDocumentSymbol:     {handle: request((*server).documentSymbol)},
	}

	// Notifications all run inline: document changes must apply in order.
	notifications = map[string]notificationHandler{
		protocol.MethodInitialized:                        notification((*server).initialized),
		protocol.MethodExit:                               (*server).exitNotification,
		protocol.MethodTextDocumentDidOpen:                notification((*server).didOpen),
		protocol.MethodTextDocumentDidChange:              notification((*server).didChange),
		protocol.MethodTextDocumentDidSave:                notification((*server).didSave),
		protocol.MethodTextDocumentDidClose:               notification((*server).didClose),
		protocol.MethodWorkspaceDidChangeWatchedFiles:     notification((*server).didChangeWatchedFiles),
		protocol.MethodWorkspaceDidChangeWorkspaceFolders: notification((*server).didChangeWorkspaceFolders),
	}
)

// request adapts a typed request method to a requestHandler.
func request[P, R any](fn func(*server, context.Context, *P) (R, error)) requestHandler {
	return func(s *server, ctx context.Context, raw jsonrpc2.RawMessage) (any, error) {
		var params P
		if err := decode(raw, &params); err != nil {
			return nil, err
		}
		return fn(s, ctx, &params)
	}
}

// notification adapts a typed notification method to a notificationHandler.
func notification[P any](fn func(*server, context.Context, *P) error) notificationHandler {
	return func(s *server, ctx context.Context, raw jsonrpc2.RawMessage) error {
		var params P
		if err := decode(raw, &params); err != nil {
			return err
		}
		return fn(s, ctx, &params)
	}
}

func decode(raw jsonrpc2.RawMessage, v any) error {
	if len(raw) == 0 {
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, "invalid params: missing")
	}
	if err := unmarshal(raw, v); err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid params: %v", err)
	}
	return nil
}

// handler returns the connection's handler.
//
// Handlers never get the connection's per-request context: it is pooled and
// recycled when the handler returns, and a context derived from it (by
// context.WithCancel, as jsonrpc2.CancelHandler does) may still ask it for
// Done afterwards, which panics. Handlers get contexts derived from the
// server's instead, cancelled by $/cancelRequest and when the server stops.
func (s *server) handler() jsonrpc2.Handler {
	return func(rctx context.Context, req *jsonrpc2.Request) (any, error) {
		// The method is borrowed from the read buffer, which the next message reuses.
		method := strings.Clone(req.Method())
		switch {
		case method == protocol.MethodCancelRequest:
			s.cancelRequest(req.Params())
			return nil, nil
		case !req.IsCall():
			// Never an error: the connection treats one from a notification as
			// fatal, and the server must outlive any bad message.
			s.notify(s.ctx, method, req.Params())
			return nil, nil
		}
		if err := s.admit(method); err != nil {
			return nil, err
		}
		r, ok := requests[method]
		if !ok {
			return nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not found: %q", method)
		}
		ctx, cancel := context.WithCancel(s.ctx)
		defer cancel()
		// Register before releasing the read loop, which may read the
		// $/cancelRequest for this call next.
		id := req.ID()
		s.inflight.Store(id, cancel)
		defer s.inflight.Delete(id)
		if !r.inline {
			jsonrpc2.Async(rctx)
			// A request cancelled while it waits for a slot never starts.
			select {
			case s.slots <- struct{}{}:
				defer func() { <-s.slots }()
			case <-ctx.Done():
				return nil, jsonrpc2.NewError(protocol.CodeRequestCancelled, "request cancelled")
			}
			if ctx.Err() != nil {
				return nil, jsonrpc2.NewError(protocol.CodeRequestCancelled, "request cancelled")
			}
		}
		// Async copies the params it releases; take them only now.
		result, err := s.call(ctx, method, r.handle, req.Params())
		if ctx.Err() != nil {
			return nil, jsonrpc2.NewError(protocol.CodeRequestCancelled, "request cancelled")
		}
		return result, wireError(err)
	}
}

// cancelRequest cancels the context of an in-flight request; one that has
// already been answered, or was never sent, is ignored.
func (s *server) cancelRequest(params jsonrpc2.RawMessage) {
	var p protocol.CancelParams
	if err := decode(params, &p); err != nil {
		s.log.Warn("bad cancel request", "error", err)
		return
	}
	var id jsonrpc2.ID
	switch v := p.ID.(type) {
	case protocol.Integer:
		id = jsonrpc2.NewNumberID(int64(v))
	case protocol.String:
		id = jsonrpc2.NewStringID(string(v))
	default:
		return
	}
	if cancel, ok := s.inflight.Load(id); ok {
		cancel.(context.CancelFunc)()
	}
}

// admit enforces the lifecycle: initialize first and once, nothing after
// shutdown.
func (s *server) admit(method string) error {
	state := s.state.Load()
	switch {
	case method == protocol.MethodInitialize && state == stateNew:
		return nil
	case method == protocol.MethodInitialize:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "server already initialized")
	case state == stateNew:
		return jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "server not initialized")
	case state == stateShutdown:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "server is shutting down")
	}
	return nil
}

// call runs a request handler, turning a panic into an internal error.
func (s *server) call(ctx context.Context, method string, handle requestHandler, params jsonrpc2.RawMessage) (result any, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = s.panicked(method, v)
		}
	}()
	return handle(s, ctx, params)
}

func (s *server) notify(ctx context.Context, method string, params jsonrpc2.RawMessage) {
	handle, ok := notifications[method]
	switch state := s.state.Load(); {
	case method == protocol.MethodExit:
	case state == stateNew, state == stateShutdown:
		s.log.Debug("dropped notification", "method", method, "state", state)
		return
	case !ok:
		s.log.Debug("ignored notification", "method", method)
		return
	}
	defer func() {
		if v := recover(); v != nil {
			s.panicked(method, v)
		}
	}()
	if err := handle(s, ctx, params); err != nil {
		s.log.Error("notification failed", "method", method, "error", err)
	}
}

// panicked logs a recovered panic with its stack and returns the error that
// answers the request.
func (s *server) panicked(what string, v any) error {
	s.log.Error("panic", "in", what, "panic", v, "stack", string(debug.Stack()))
	return jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s: %v", what, v)
}

// wireError gives every error a code: the connection would send a plain error
// with code 0.
func wireError(err error) error {
	if err == nil {
		return nil
	}
	var wire *jsonrpc2.Error
	switch {
	case errors.As(err, &wire):
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return jsonrpc2.NewError(protocol.CodeRequestCancelled, "request cancelled")
	}
	return jsonrpc2.NewError(jsonrpc2.Code(protocol.LSPErrorCodesRequestFailed), err.Error())
}

// invalidParams reports a request whose params decode but make no sense, such
// as a position outside the document.
func invalidParams(format string, args ...any) error {
	return jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf(format, args...))
}
