package lsp

import (
	"fmt"

	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/linemap"
)

// Positions cross the protocol boundary only here, in the encoding negotiated
// at initialize; everything else works in byte offsets.

func offset(m *linemap.Map, p protocol.Position, unit linemap.Unit) (int, error) {
	return m.Offset(int(p.Line), int(p.Character), unit)
}

func position(m *linemap.Map, off int, unit linemap.Unit) protocol.Position {
	line, col := m.Position(off, unit)
	return protocol.Position{Line: uint32(line), Character: uint32(col)}
}

// offsetOf converts a position in a request about snap; a position outside the
// document is the client's mistake.
func (s *server) offsetOf(snap *snapshot, p protocol.Position) (int, error) {
	off, err := offset(snap.lines(), p, s.unit)
	if err != nil {
		return 0, invalidParams("position %d:%d in %s: %v", p.Line, p.Character, snap.uri, err)
	}
	return off, nil
}

// rangeOf converts byte offsets in snap, clamping them into the text, so that
// a finding slightly off never fails a whole publication.
func (s *server) rangeOf(snap *snapshot, start, end int) protocol.Range {
	m := snap.lines()
	start = max(0, min(start, len(snap.text)))
	end = max(start, min(end, len(snap.text)))
	return protocol.Range{Start: position(m, start, s.unit), End: position(m, end, s.unit)}
}

// textEdits converts the edits of a fix, which must lie within the text and
// not overlap.
func (s *server) textEdits(snap *snapshot, edits []Edit) ([]protocol.TextEdit, error) {
	out := make([]protocol.TextEdit, 0, len(edits))
	for i, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > len(snap.text) {
			return nil, fmt.Errorf("edit [%d, %d) outside the text of %d bytes", e.Start, e.End, len(snap.text))
		}
		for _, prev := range edits[:i] {
			if overlap(prev, e) {
				return nil, fmt.Errorf("edits [%d, %d) and [%d, %d) overlap", prev.Start, prev.End, e.Start, e.End)
			}
		}
		out = append(out, protocol.TextEdit{Range: s.rangeOf(snap, e.Start, e.End), NewText: e.NewText})
	}
	return out, nil
}

// overlap reports whether two edits touch the same bytes, or insert at the
// same place, where the order they apply in would be ambiguous.
func overlap(a, b Edit) bool {
	return a.Start < b.End && b.Start < a.End || a.Start == b.Start
}
