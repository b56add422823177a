package lint

import (
	"fmt"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
)

// checkName reports a name missing from a catalog list, with a did-you-mean
// replacement when one is close. what names the list in the message.
func (p *Pass) checkName(n ast.Node, name string, names *config.Names, what string) {
	if names.Contains(name) {
		return
	}
	guess, ok := names.Closest(name)
	if !ok {
		p.ReportNode(n, "unknown %s %q; the catalog has no such %s", what, name, what)
		return
	}
	d := p.ReportNode(n, "unknown %s %q; did you mean %q?", what, name, guess)
	d.Suggestions = append(d.Suggestions, replace(fmt.Sprintf("Replace with %q", guess), n.Pos().Offset, n.End().Offset, guess))
}
