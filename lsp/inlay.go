package lsp

import (
	"context"

	"go.lsp.dev/protocol"
)

func (s *server) inlayHintCapability(caps *protocol.ServerCapabilities) {
	if s.opts.InlayHints != nil {
		caps.InlayHintProvider = protocol.Boolean(true)
	}
}

func (s *server) inlayHint(ctx context.Context, params *protocol.InlayHintParams) ([]protocol.InlayHint, error) {
	if s.opts.InlayHints == nil {
		return nil, unsupported(protocol.MethodTextDocumentInlayHint)
	}
	snap := s.docs.get(params.TextDocument.URI)
	if snap == nil {
		return nil, nil
	}
	start, err := s.offsetOf(snap, params.Range.Start)
	if err != nil {
		return nil, err
	}
	end, err := s.offsetOf(snap, params.Range.End)
	if err != nil {
		return nil, err
	}
	if end < start {
		return nil, invalidParams("range %d:%d-%d:%d ends before it starts", params.Range.Start.Line, params.Range.Start.Character, params.Range.End.Line, params.Range.End.Character)
	}
	hints := s.opts.InlayHints(ctx, string(snap.uri), snap.language, snap.text, start, end)
	out := make([]protocol.InlayHint, 0, len(hints))
	for _, h := range hints {
		if h.Label == "" || h.Offset < 0 || h.Offset > len(snap.text) {
			// The protocol forbids an empty label; an offset outside the text
			// has no position.
			s.log.Warn("dropped inlay hint", "label", h.Label, "offset", h.Offset)
			continue
		}
		hint := protocol.InlayHint{Position: position(snap.lines(), h.Offset, s.unit), Label: protocol.String(h.Label)}
		if h.PaddingLeft {
			hint.PaddingLeft = new(true)
		}
		out = append(out, hint)
	}
	return out, nil
}
