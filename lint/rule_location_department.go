package lint

import "github.com/web1on1/cscmd/ast"

// ruleLocationDepartment notes a location without a department: valid, but
// routing by department then cannot apply.
var ruleLocationDepartment = &Rule{
	ID:       "location-department",
	Severity: Info,
	Summary:  "a location without a department",
	Check: func(p *Pass) {
		f, ok := p.Command().(*ast.Field)
		if !ok {
			return
		}
		if loc, ok := f.Value.(*ast.Location); ok && loc.Org != nil && !loc.Hash.IsValid() {
			p.ReportNode(loc, "location %s has no department; write ORG#DEPT to route by department", short(loc.Org.Raw))
		}
	},
}
