package lsp

import (
	"context"
	"strings"

	"go.lsp.dev/protocol"
)

func (s *server) documentSymbolCapability(caps *protocol.ServerCapabilities) {
	if s.opts.Symbols != nil {
		caps.DocumentSymbolProvider = protocol.Boolean(true)
	}
}

func (s *server) documentSymbol(ctx context.Context, params *protocol.DocumentSymbolParams) ([]protocol.DocumentSymbol, error) {
	if s.opts.Symbols == nil {
		return nil, unsupported(protocol.MethodTextDocumentDocumentSymbol)
	}
	snap := s.docs.get(params.TextDocument.URI)
	if snap == nil {
		return nil, nil
	}
	syms := s.opts.Symbols(ctx, string(snap.uri), snap.language, snap.text)
	out := make([]protocol.DocumentSymbol, 0, len(syms))
	for _, sym := range syms {
		if strings.TrimSpace(sym.Name) == "" {
			// The protocol forbids a blank name, and clients reject the
			// whole outline for one.
			s.log.Warn("dropped symbol without a name", "start", sym.Start)
			continue
		}
		kind := protocol.SymbolKind(sym.Kind)
		if kind == 0 {
			kind = protocol.SymbolKindNull
		}
		// The selection must lie inside the range.
		start := max(0, min(sym.Start, len(snap.text)))
		end := max(start, min(sym.End, len(snap.text)))
		selStart := max(start, min(sym.SelStart, end))
		selEnd := max(selStart, min(sym.SelEnd, end))
		ds := protocol.DocumentSymbol{
			Name:           sym.Name,
			Kind:           kind,
			Range:          s.rangeOf(snap, start, end),
			SelectionRange: s.rangeOf(snap, selStart, selEnd),
		}
		if sym.Detail != "" {
			ds.Detail = new(sym.Detail)
		}
		out = append(out, ds)
	}
	return out, nil
}
