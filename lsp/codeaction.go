package lsp

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

func (s *server) codeActionCapability(caps *protocol.ServerCapabilities) {
	if s.opts.Analyze == nil {
		return
	}
	// Kinds may be listed only to clients that understand code action literals.
	if td := s.caps.TextDocument; td != nil && td.CodeAction != nil && len(td.CodeAction.CodeActionLiteralSupport.CodeActionKind.ValueSet) > 0 {
		caps.CodeActionProvider = &protocol.CodeActionOptions{
			CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, protocol.CodeActionKindSourceFixAll},
		}
		return
	}
	caps.CodeActionProvider = protocol.Boolean(true)
}

// codeAction offers the fixes of the findings that touch the requested range
// as quick fixes, and all preferred fixes of the document as "fix all".
func (s *server) codeAction(ctx context.Context, params *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
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
	findings, err := s.findings(ctx, snap)
	if err != nil {
		return nil, err
	}

	actions := []protocol.CommandOrCodeAction{}
	if wants(params.Context.Only, protocol.CodeActionKindQuickFix) {
		for _, f := range findings {
			if f.Start > end || start > f.End {
				continue
			}
			diag := s.diagnostic(snap, f)
			for _, fix := range f.Fixes {
				edits, err := s.textEdits(snap, fix.Edits)
				if err != nil {
					s.log.Warn("bad fix", "uri", snap.uri, "fix", fix.Title, "error", err)
					continue
				}
				action := &protocol.CodeAction{
					Title:       fix.Title,
					Kind:        new(protocol.CodeActionKindQuickFix),
					Diagnostics: []protocol.Diagnostic{diag},
					Edit:        workspaceEdit(snap.uri, edits),
				}
				if fix.Preferred {
					action.IsPreferred = new(true)
				}
				actions = append(actions, action)
			}
		}
	}
	if wants(params.Context.Only, protocol.CodeActionKindSourceFixAll) {
		if edits := s.fixAll(snap, findings); len(edits) > 0 {
			actions = append(actions, &protocol.CodeAction{
				Title: "fix all cscmd problems",
				Kind:  new(protocol.CodeActionKindSourceFixAll),
				Edit:  workspaceEdit(snap.uri, edits),
			})
		}
	}
	return actions, nil
}

// wants reports whether a request restricted to the kinds in only (none: no
// restriction) wants actions of kind; kinds are hierarchical, so "source"
// covers "source.fixAll".
func wants(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(string(kind), string(o)+".") {
			return true
		}
	}
	return false
}

// fixAll merges the preferred fixes of all findings, in document order. A fix
// that overlaps one already taken is left for a later round: its finding will
// still be there after the others are applied.
func (s *server) fixAll(snap *snapshot, findings []Finding) []protocol.TextEdit {
	var fixes []Fix
	for _, f := range findings {
		for _, fix := range f.Fixes {
			if fix.Preferred && len(fix.Edits) > 0 {
				fixes = append(fixes, fix)
			}
		}
	}
	first := func(fix Fix) int {
		return slices.MinFunc(fix.Edits, func(a, b Edit) int { return cmp.Compare(a.Start, b.Start) }).Start
	}
	slices.SortStableFunc(fixes, func(a, b Fix) int { return cmp.Compare(first(a), first(b)) })

	var taken []Edit
	var out []protocol.TextEdit
	for _, fix := range fixes {
		edits, err := s.textEdits(snap, fix.Edits)
		if err != nil {
			s.log.Warn("bad fix", "uri", snap.uri, "fix", fix.Title, "error", err)
			continue
		}
		if slices.ContainsFunc(fix.Edits, func(e Edit) bool {
			return slices.ContainsFunc(taken, func(t Edit) bool { return overlap(t, e) })
		}) {
			continue
		}
		taken = append(taken, fix.Edits...)
		out = append(out, edits...)
	}
	return out
}

func workspaceEdit(u uri.URI, edits []protocol.TextEdit) *protocol.WorkspaceEdit {
	return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: edits}}
}
