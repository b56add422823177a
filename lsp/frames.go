package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"

	"go.lsp.dev/jsonrpc2"
)

// frameReader is the header stream's reader of raw frames, which the
// connection uses, when a stream has one, to classify a frame without
// decoding it twice.
type frameReader interface {
	ReadFrame(ctx context.Context) ([]byte, int64, error)
}

// tolerantStream answers a frame that is whole but not a JSON-RPC 2.0
// message — a body that is not JSON, "jsonrpc":"1.0", an id that is an
// object, a request whose id is null — with the JSON-RPC error it deserves,
// and reads on. The connection ends on any error from its stream, and one
// client's bad message must not cost the user their server. A frame whose
// header is broken cannot be skipped: where the next one starts is unknown,
// so that still ends the connection.
type tolerantStream struct {
	jsonrpc2.Stream
	frames frameReader
	log    func(msg string, args ...any)
}

func newTolerantStream(s jsonrpc2.Stream, log func(string, ...any)) *tolerantStream {
	fr, _ := s.(frameReader)
	return &tolerantStream{Stream: s, frames: fr, log: log}
}

// ReadFrame returns the next frame that the connection can decode.
func (t *tolerantStream) ReadFrame(ctx context.Context) ([]byte, int64, error) {
	for {
		frame, n, err := t.frames.ReadFrame(ctx)
		if err != nil {
			return nil, 0, err
		}
		if resp := refuse(frame); resp != nil {
			t.log("refused a malformed message", "error", resp.Err())
			if _, err := t.Stream.Write(ctx, resp); err != nil {
				return nil, 0, err
			}
			continue
		}
		return frame, n, nil
	}
}

// Read decodes the next acceptable frame, for a connection that does not
// read raw frames.
func (t *tolerantStream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	if t.frames == nil {
		return t.Stream.Read(ctx)
	}
	frame, n, err := t.ReadFrame(ctx)
	if err != nil {
		return nil, 0, err
	}
	msg, err := jsonrpc2.DecodeMessage(frame)
	return msg, n, err
}

// refuse returns the error response for a frame the connection would fail
// on, or nil for one it accepts. Batches (arrays) are left to the
// connection, which answers their bad members itself.
func refuse(frame []byte) *jsonrpc2.Response {
	if t := bytes.TrimLeft(frame, " \t\r\n"); len(t) > 0 && t[0] == '[' {
		return nil
	}
	msg, err := jsonrpc2.DecodeMessage(frame)
	if err != nil {
		var wire *jsonrpc2.Error
		if !errors.As(err, &wire) {
			wire = jsonrpc2.NewError(jsonrpc2.ParseError, err.Error())
		}
		return jsonrpc2.NewResponse(idOf(frame), nil, wire)
	}
	// The connection reads {"id": null, "method": …} as a notification and
	// would drop it; its sender waits for an answer.
	if _, ok := msg.(*jsonrpc2.Notification); ok && bytes.Contains(frame, []byte(`"id"`)) {
		var env map[string]json.RawMessage
		if json.Unmarshal(frame, &env) == nil && env["id"] != nil {
			return jsonrpc2.NewResponse(jsonrpc2.ID{}, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "invalid request: id must be a number or a string"))
		}
	}
	return nil
}

// idOf is the id of a frame that is JSON but not a valid message, so that
// the error reaches the request it answers; null when there is none to tell.
func idOf(frame []byte) jsonrpc2.ID {
	var env struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(frame, &env) != nil {
		return jsonrpc2.ID{}
	}
	var n int64
	if json.Unmarshal(env.ID, &n) == nil {
		return jsonrpc2.NewNumberID(n)
	}
	var s string
	if json.Unmarshal(env.ID, &s) == nil {
		return jsonrpc2.NewStringID(s)
	}
	return jsonrpc2.ID{}
}
