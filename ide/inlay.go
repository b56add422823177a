package ide

import (
	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/lsp/feature"
)

// InlayHints names the catalog entry behind each well-formed ObjectId whose
// end lies in the byte range [start, end] — `‹Jane Doe›`, or for a
// department `‹Sales · Acme Cars Amsterdam›` — so that a reader sees whom a
// command targets without leaving the line. Without a catalog there are
// none.
func InlayHints(ws *Workspace, languageID string, text []byte, start, end int) []feature.InlayHint {
	cat := ws.Catalog()
	if cat == nil {
		return nil
	}
	var out []feature.InlayHint
	messages(ws.extractions(), languageID, text, start, end, func(m *message) {
		if grammar.Classify(m.text) == grammar.Chat {
			return // comments, chat, and host strings that only look like commands
		}
		ast.Inspect(m.parse(), func(n ast.Node) bool {
			id, ok := n.(*ast.ObjectID)
			if !ok || !ast.IsObjectID(id.Raw) {
				return true
			}
			e, ok := cat.Lookup(id.Raw)
			if !ok || e.Name == "" {
				return true
			}
			label := e.Name
			if o, ok := cat.Lookup(e.Org); ok && e.Org != "" {
				label += " · " + o.Name
			}
			if at := m.end(id.End().Offset); start <= at && at <= end {
				out = append(out, feature.InlayHint{Offset: at, Label: "‹" + label + "›", PaddingLeft: true})
			}
			return true
		})
	})
	return out
}
