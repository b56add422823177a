package lint

import (
	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
)

// ruleUnknownVariable warns of /set NAME for a meta variable the catalog
// does not list: routing rules test variables by exact name.
var ruleUnknownVariable = &Rule{
	ID:       "unknown-variable",
	Severity: Warning,
	Summary:  "a meta variable absent from the catalog",
	Needs:    IsCommand | HasCatalog,
	Check: func(p *Pass) {
		s, ok := p.Command().(*ast.Set)
		if !ok || len(p.Errors) > 0 || s.Name == nil || s.Reserved() || !p.Catalog.Has(config.Variables) || ast.HasPlaceholder(s.Name.Name) {
			return
		}
		p.checkName(s.Name, s.Name.Name, p.Catalog.Variables(), "variable")
	},
}
