package lsp

import (
	"context"
	"github.com/web1on1/cscmd/lsp/feature"
	"slices"

	"go.lsp.dev/protocol"
)

// SemanticTokenTypes and SemanticTokenModifiers are the legend of semantic
// tokens (package feature's): the protocol's predefined types and
// modifiers, which every theme colours. The legend thus holds no knowledge
// of the language: Options picks from it by name. They must not be modified.
var (
	SemanticTokenTypes     = feature.SemanticTokenTypes
	SemanticTokenModifiers = feature.SemanticTokenModifiers
)

// tokenTypeIndex and tokenModifierBit encode the legend for the wire.
var (
	tokenTypeIndex   = indexOf(SemanticTokenTypes)
	tokenModifierBit = indexOf(SemanticTokenModifiers)
)

func indexOf(names []string) map[string]uint32 {
	m := make(map[string]uint32, len(names))
	for i, n := range names {
		m[n] = uint32(i)
	}
	return m
}

func (s *server) semanticTokensCapability(caps *protocol.ServerCapabilities) {
	if s.opts.SemanticTokens != nil {
		caps.SemanticTokensProvider = &protocol.SemanticTokensOptions{
			Legend: protocol.SemanticTokensLegend{
				TokenTypes:     slices.Clone(SemanticTokenTypes),
				TokenModifiers: slices.Clone(SemanticTokenModifiers),
			},
			Full: protocol.Boolean(true),
		}
	}
}

// semanticTokensFull encodes the tokens as the protocol wants them: five
// numbers each — line and start relative to the previous token, length,
// type index and modifier bits — with positions and lengths in the
// negotiated encoding, one token per line that a token spans.
func (s *server) semanticTokensFull(ctx context.Context, params *protocol.SemanticTokensParams) (*protocol.SemanticTokens, error) {
	if s.opts.SemanticTokens == nil {
		return nil, unsupported(protocol.MethodTextDocumentSemanticTokensFull)
	}
	snap := s.docs.get(params.TextDocument.URI)
	if snap == nil {
		return nil, nil
	}
	tokens := s.opts.SemanticTokens(ctx, string(snap.uri), snap.language, snap.text)
	slices.SortStableFunc(tokens, func(a, b SemanticToken) int { return a.Start - b.Start })
	m := snap.lines()
	data := make([]uint32, 0, 5*len(tokens))
	var prevLine, prevCol, prevEnd uint32
	done := 0 // end of the last token sent: overlapping tokens are dropped
	for _, t := range tokens {
		typ, ok := tokenTypeIndex[t.Type]
		start, end := max(t.Start, 0), min(t.End, len(snap.text))
		if !ok || start >= end || start < done {
			continue
		}
		var mods uint32
		for _, mod := range t.Modifiers {
			if bit, ok := tokenModifierBit[mod]; ok {
				mods |= 1 << bit
			}
		}
		for start < end {
			line, col := m.Position(start, s.unit)
			_, lineEnd, _ := m.Line(line)
			if start >= lineEnd {
				// At a line break: go on at the start of the next line.
				next, _, ok := m.Line(line + 1)
				if !ok {
					break
				}
				start = next
				continue
			}
			_, endCol := m.Position(min(end, lineEnd), s.unit)
			// A bound inside a character moves to its start: such a piece may
			// come out empty, or before the last one sent.
			if endCol > col && (len(data) == 0 || uint32(line) > prevLine || uint32(col) >= prevEnd) {
				deltaLine, deltaCol := uint32(line)-prevLine, uint32(col)
				if deltaLine == 0 {
					deltaCol -= prevCol
				}
				data = append(data, deltaLine, deltaCol, uint32(endCol-col), typ, mods)
				prevLine, prevCol, prevEnd = uint32(line), uint32(col), uint32(endCol)
			}
			start = min(end, lineEnd)
		}
		done = end
	}
	return &protocol.SemanticTokens{Data: data}, nil
}
