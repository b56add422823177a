package lint

import "github.com/web1on1/cscmd/config"

// ruleDepartmentMismatch reports a location whose department belongs to
// another organization than the one written before the "#": the widget
// would set a location that does not exist.
var ruleDepartmentMismatch = &Rule{
	ID:       "department-mismatch",
	Severity: Error,
	Summary:  "a department that belongs to another organization",
	Needs:    IsCommand | HasCatalog,
	Check: func(p *Pass) {
		for _, r := range p.objectIDs() {
			if r.role != roleDepartment || !r.ok || r.org == nil || !wellFormed(r.org) {
				continue
			}
			dept, ok := p.Catalog.Lookup(r.id.Raw)
			if !ok || dept.Kind != config.Department || dept.Org == r.org.Canonical() {
				continue
			}
			written, ok := p.Catalog.Lookup(r.org.Raw)
			if ok && written.Kind != config.Organization {
				continue // no organization at all: unknown-reference says what it is
			}
			owner, _ := p.Catalog.Lookup(dept.Org)
			name := r.org.Raw
			if ok {
				name = written.Name
			}
			d := p.ReportNode(r.id, "department %s belongs to %q, not %q", r.id.Raw, owner.Name, name)
			d.Suggestions = append(d.Suggestions, replace("Use the organization \""+owner.Name+"\"", r.org.Pos().Offset, r.org.End().Offset, owner.ID))
		}
	},
}
