package lint

import (
	"strings"

	"github.com/web1on1/cscmd/config"
)

// roleSections are the catalog sections that can hold the ids of a role;
// the check runs only when at least one of them is present.
var roleSections = map[role][]config.Section{
	roleOrganization: {config.Organizations},
	roleDepartment:   {config.Organizations},
	roleForm:         {config.Forms},
	roleUserOrBot:    {config.Users, config.Bots},
	roleInbox:        {config.Inboxes},
}

var roleNames = map[role]string{
	roleOrganization: "organization",
	roleDepartment:   "department",
	roleForm:         "form",
	roleUserOrBot:    "user or bot",
	roleInbox:        "inbox",
}

// ruleUnknownReference warns of an ObjectId that the catalog does not hold
// for its role: a form id that is no form, an /assign target that is no user
// or bot. A department of another organization is department-mismatch's.
var ruleUnknownReference = &Rule{
	ID:       "unknown-reference",
	Severity: Warning,
	Summary:  "an ObjectId absent from the catalog for its role",
	Needs:    IsCommand | HasCatalog,
	Check: func(p *Pass) {
		for _, r := range p.objectIDs() {
			if !r.ok || !p.hasAny(roleSections[r.role]) {
				continue
			}
			entry, found := p.Catalog.Lookup(r.id.Raw)
			if found && fits(entry, r) {
				continue
			}
			if r.role == roleDepartment && found && entry.Kind == config.Department {
				continue // another organization's department: department-mismatch
			}
			if r.role == roleDepartment {
				if r.org == nil {
					continue // "#DEPT" without an organization: location-pair's
				}
				if org, ok := p.Catalog.Lookup(r.org.Raw); ok && org.Kind == config.Organization {
					p.ReportNode(r.id, "department %s is not a department of %q", r.id.Raw, org.Name)
				}
				continue // an unknown organization is reported once, on the organization
			}
			if found {
				p.ReportNode(r.id, "%s is the %s %q, not %s", r.id.Raw, entry.Kind, entry.Name, withArticle(roleNames[r.role]))
				continue
			}
			p.ReportNode(r.id, "%s %s is not in the catalog", roleNames[r.role], r.id.Raw)
		}
	},
}

// fits reports whether a catalog entry may stand in a role.
func fits(e config.Entry, r roleID) bool {
	switch r.role {
	case roleOrganization:
		return e.Kind == config.Organization
	case roleDepartment:
		return e.Kind == config.Department && r.org != nil && e.Org == r.org.Canonical()
	case roleForm:
		return e.Kind == config.Form
	case roleUserOrBot:
		return e.Kind == config.User || e.Kind == config.Bot
	case roleInbox:
		return e.Kind == config.Inbox
	}
	return false
}

// hasAny reports whether the catalog has any of the sections.
func (p *Pass) hasAny(sections []config.Section) bool {
	for _, s := range sections {
		if p.Catalog.Has(s) {
			return true
		}
	}
	return false
}

// withArticle puts "a" or "an" before a role name: "an inbox", "a form",
// "a user or bot" (a leading "u" sounds like "you").
func withArticle(name string) string {
	if strings.IndexByte("aeio", name[0]) >= 0 {
		return "an " + name
	}
	return "a " + name
}
