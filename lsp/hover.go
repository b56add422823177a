package lsp

import (
	"context"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

func (s *server) hoverCapability(caps *protocol.ServerCapabilities) {
	if s.opts.Hover != nil {
		caps.HoverProvider = protocol.Boolean(true)
	}
}

func (s *server) hover(ctx context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	if s.opts.Hover == nil {
		return nil, unsupported(protocol.MethodTextDocumentHover)
	}
	snap := s.docs.get(params.TextDocument.URI)
	if snap == nil {
		return nil, nil
	}
	off, err := s.offsetOf(snap, params.Position)
	if err != nil {
		return nil, err
	}
	h := s.opts.Hover(ctx, string(snap.uri), snap.language, snap.text, off)
	if h == nil || h.Markdown == "" {
		return nil, nil
	}
	out := &protocol.Hover{Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: h.Markdown}}
	if h.Start < h.End {
		r := s.rangeOf(snap, h.Start, h.End)
		out.Range = &r
	}
	return out, nil
}

// unsupported answers a request for a feature the server was started
// without, as for a method it does not know: the client was not told of it.
func unsupported(method string) error {
	return jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not found: %q", method)
}
