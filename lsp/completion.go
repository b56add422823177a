package lsp

import (
	"context"

	"go.lsp.dev/protocol"
)

func (s *server) completionCapability(caps *protocol.ServerCapabilities) {
	if s.opts.Complete != nil {
		// What may follow each of these is listed in SPEC §6.
		caps.CompletionProvider = &protocol.CompletionOptions{
			TriggerCharacters: []string{" ", "/", "@", ".", "+", "#"},
		}
	}
}

func (s *server) completion(ctx context.Context, params *protocol.CompletionParams) (protocol.CompletionResult, error) {
	snap := s.docs.get(params.TextDocument.URI)
	if snap == nil || s.opts.Complete == nil {
		return nil, nil
	}
	off, err := s.offsetOf(snap, params.Position)
	if err != nil {
		return nil, err
	}
	candidates := s.opts.Complete(ctx, string(snap.uri), snap.language, snap.text, off)
	items := make(protocol.CompletionItemSlice, 0, len(candidates))
	for _, c := range candidates {
		item := protocol.CompletionItem{Label: c.Label, Kind: protocol.CompletionItemKind(c.Kind)}
		if c.FilterText != "" {
			item.FilterText = protocol.NewOptional(c.FilterText)
		}
		if c.Detail != "" {
			item.Detail = protocol.NewOptional(c.Detail)
		}
		if c.Documentation != "" {
			item.Documentation = &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: c.Documentation}
		}
		if e := c.Edit; e != nil {
			if e.Start < 0 || e.Start > off || e.End < off || e.End > len(snap.text) {
				s.log.Warn("completion edit does not contain the cursor", "label", c.Label, "start", e.Start, "end", e.End, "cursor", off)
				continue
			}
			item.TextEdit = &protocol.TextEdit{Range: s.rangeOf(snap, e.Start, e.End), NewText: e.NewText}
		}
		items = append(items, item)
	}
	return items, nil
}
