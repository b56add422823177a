package lsp

import (
	"context"
	"unicode/utf8"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/host"
)

func (s *server) formattingCapability(caps *protocol.ServerCapabilities) {
	if s.opts.Format != nil {
		caps.DocumentFormattingProvider = protocol.Boolean(true)
	}
}

// formatting formats a cscmd document as one edit that replaces only the part
// that changed, so that the client keeps the cursor and marks elsewhere.
func (s *server) formatting(_ context.Context, params *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	snap := s.docs.get(params.TextDocument.URI)
	if snap == nil || host.ByID(snap.language) != host.Commands || s.opts.Format == nil {
		return nil, nil
	}
	formatted, err := s.opts.Format(string(snap.uri), snap.language, snap.text)
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.Code(protocol.LSPErrorCodesRequestFailed), "cannot format %s: %v", snap.uri, err)
	}
	start, oldEnd, newEnd := diff(snap.text, formatted)
	if start == oldEnd && start == newEnd {
		return []protocol.TextEdit{}, nil
	}
	return []protocol.TextEdit{{
		Range:   s.rangeOf(snap, start, oldEnd),
		NewText: string(formatted[start:newEnd]),
	}}, nil
}

// diff returns the single replacement that turns old into new: old[start:oldEnd]
// becomes new[start:newEnd]. Its ends fall on character boundaries and never
// between the CR and LF of a line break, where no position can point.
func diff(old, new []byte) (start, oldEnd, newEnd int) {
	n := min(len(old), len(new))
	for start < n && old[start] == new[start] {
		start++
	}
	for start > 0 && !boundary(old, start) {
		start--
	}
	oldEnd, newEnd = len(old), len(new)
	for oldEnd > start && newEnd > start && old[oldEnd-1] == new[newEnd-1] {
		oldEnd--
		newEnd--
	}
	for oldEnd < len(old) && !boundary(old, oldEnd) {
		oldEnd++
		newEnd++
	}
	return start, oldEnd, newEnd
}

// boundary reports whether a position can point at offset i of text.
func boundary(text []byte, i int) bool {
	if i == 0 || i == len(text) {
		return true
	}
	return utf8.RuneStart(text[i]) && !(text[i-1] == '\r' && text[i] == '\n')
}
