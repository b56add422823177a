package lint

import (
	"fmt"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/suggest"
)

// reservedNames are the @ names /set knows.
var reservedNames = []string{ast.Category}

// ruleUnknownReserved warns of /set @NAME other than @category: the widget
// knows no other reserved name, so the command most likely does nothing.
var ruleUnknownReserved = &Rule{
	ID:       "unknown-reserved",
	Severity: Warning,
	Summary:  "/set with a reserved @name other than @category",
	Needs:    IsCommand,
	Check: func(p *Pass) {
		s, ok := p.Command().(*ast.Set)
		if !ok || !s.Reserved() || s.Name.Name == ast.Category || len(p.Errors) > 0 || ast.HasPlaceholder(s.Name.Name) {
			return
		}
		guess, ok := suggest.Closest(s.Name.Name, reservedNames)
		if !ok {
			p.ReportNode(s.Name, "unknown reserved name %q; the only one is %q", s.Name.Name, ast.Category)
			return
		}
		d := p.ReportNode(s.Name, "unknown reserved name %q; did you mean %q?", s.Name.Name, guess)
		d.Suggestions = append(d.Suggestions, replace(fmt.Sprintf("Replace with %q", guess), s.Name.Pos().Offset, s.Name.End().Offset, guess))
	},
}
