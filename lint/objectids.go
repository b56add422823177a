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
// department, the organization written before the "#". ok tells that the
// id is well formed (see wellFormed).
type roleID struct {
	id   *ast.ObjectID
	role role
	org  *ast.ObjectID
	ok   bool
}

// objectIDs returns the ObjectIds of the pass's command with their roles.
// Several rules look at them, so they are found once per message.
func (p *Pass) objectIDs() []roleID {
	if !p.idsFound {
		p.ids = appendObjectIDs(p.ids[:0], p.Command())
		p.idsFound = true
	}
	return p.ids
}

func appendObjectIDs(out []roleID, m ast.Message) []roleID {
	add := func(id *ast.ObjectID, r role, org *ast.ObjectID) {
		if id != nil {
			out = append(out, roleID{id: id, role: r, org: org, ok: wellFormed(id)})
		}
	}
	switch m := m.(type) {
	case *ast.Field:
		if loc, ok := m.Value.(*ast.Location); ok {
			add(loc.Org, roleOrganization, nil)
			add(loc.Dept, roleDepartment, loc.Org)
		}
	case *ast.Form:
		add(m.Form, roleForm, nil)
	case *ast.Assign:
		add(m.Target, roleUserOrBot, nil)
	case *ast.Notify:
		add(m.Inbox, roleInbox, nil)
	case *ast.Mention:
		add(m.Target, roleUserOrBot, nil)
	}
	return out
}

// wellFormed reports whether id is 24 hex digits written out, not dynamic:
// the ids whose case, time and catalog entry can be judged.
func wellFormed(id *ast.ObjectID) bool { return ast.IsObjectID(id.Raw) }
