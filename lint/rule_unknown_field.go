package lint

import (
	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
)

// ruleUnknownField warns of .NAME for a field the catalog does not list,
// neither among its fields nor among any form's. The built-in location
// field is always known.
var ruleUnknownField = &Rule{
	ID:       "unknown-field",
	Severity: Warning,
	Summary:  "a field absent from the catalog",
	Needs:    IsCommand | HasCatalog,
	Check: func(p *Pass) {
		f, ok := p.Command().(*ast.Field)
		if !ok || len(p.Errors) > 0 || f.Name == nil || f.Name.Name == "location" || !p.Catalog.Has(config.Fields) || ast.HasPlaceholder(f.Name.Name) {
			return
		}
		p.checkName(f.Name, f.Name.Name, p.Catalog.Fields(), "field")
	},
}
