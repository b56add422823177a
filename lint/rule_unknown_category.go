package lint

import (
	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
)

// ruleUnknownCategory warns of /set @category with a category the catalog
// does not list: the conversation gets a category no wiki article or route
// is attached to.
var ruleUnknownCategory = &Rule{
	ID:       "unknown-category",
	Severity: Warning,
	Summary:  "a category absent from the catalog; suggests the closest",
	Needs:    IsCommand | HasCatalog,
	Check: func(p *Pass) {
		s, ok := p.Command().(*ast.Set)
		if !ok || s.Name == nil || s.Name.Name != ast.Category || s.Value == nil || !p.Catalog.Has(config.Categories) || ast.HasPlaceholder(s.Value.Value) {
			return
		}
		p.checkName(s.Value, s.Value.Value, p.Catalog.Categories(), "category")
	},
}
