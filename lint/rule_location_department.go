package lint

import "github.com/web1on1/cscmd/ast"

// ruleLocationDepartment notes a location without a department: valid, but
// routing by department then cannot apply. A malformed organization is
// objectid-format's; a dynamic one may carry its "#DEPT" at run time.
var ruleLocationDepartment = &Rule{
	ID:       "location-department",
	Severity: Info,
	Summary:  "a location without a department",
	Needs:    IsCommand,
	Check: func(p *Pass) {
		f, ok := p.Command().(*ast.Field)
		if !ok {
			return
		}
		if loc, ok := f.Value.(*ast.Location); ok && loc.Org != nil && wellFormed(loc.Org) && !loc.Hash.IsValid() {
			p.ReportNode(loc, "location %s has no department; write ORG#DEPT to route by department", loc.Org.Raw)
		}
	},
}
