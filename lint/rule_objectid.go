package lint

import "github.com/web1on1/cscmd/ast"

// role is what an ObjectId names, by where it is written.
type role int

const (
	roleOrganization role = iota
	roleDepartment
	roleForm
	roleUserOrBot
	roleInbox
)

// roleID is an ObjectId of a command with its role; org is, for a
// department, the organization written before the "#".
type roleID struct {
	id   *ast.ObjectID
	role role
	org  *ast.ObjectID
}

// objectIDs lists the ObjectIds of a command with their roles.
func objectIDs(m ast.Message) []roleID {
	switch m := m.(type) {
	case *ast.Field:
		if loc, ok := m.Value.(*ast.Location); ok {
			var out []roleID
			if loc.Org != nil {
				out = append(out, roleID{id: loc.Org, role: roleOrganization})
			}
			if loc.Dept != nil {
				out = append(out, roleID{id: loc.Dept, role: roleDepartment, org: loc.Org})
			}
			return out
		}
	case *ast.Form:
		if m.Form != nil {
			return []roleID{{id: m.Form, role: roleForm}}
		}
	case *ast.Assign:
		if m.Target != nil {
			return []roleID{{id: m.Target, role: roleUserOrBot}}
		}
	case *ast.Notify:
		if m.Inbox != nil {
			return []roleID{{id: m.Inbox, role: roleInbox}}
		}
	case *ast.Mention:
		if m.Target != nil {
			return []roleID{{id: m.Target, role: roleUserOrBot}}
		}
	}
	return nil
}

// wellFormed reports whether id is 24 hex digits written out, not dynamic:
// the ids whose case, time and catalog entry can be judged.
func wellFormed(id *ast.ObjectID) bool { return ast.IsObjectID(id.Raw) }
