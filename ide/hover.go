package ide

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/suggest"
)

// Hover describes what is at a byte offset of a document: a command's
// documentation on its prefix, verb or sigil; on an ObjectId, the catalog
// entry it names and its creation time; on a name or a category, whether the
// catalog knows it. start and end are the document range described.
func Hover(ws *Workspace, languageID string, text []byte, offset int) (markdown string, start, end int, ok bool) {
	m, cur, ok := messageAt(ws.extractions(), languageID, text, offset)
	if !ok {
		return "", 0, 0, false
	}
	msg := m.parse()
	if c, ok := msg.(*ast.Chat); ok {
		if c.Intended == nil {
			return "", 0, 0, false
		}
		msg = c.Intended // a near miss: explain what was meant, and why it is not run
	}
	h := hoverer{cat: ws.Catalog()}
	h.collect(msg)
	t, ok := h.at(cur)
	if !ok || t.markdown == "" {
		return "", 0, 0, false
	}
	return t.markdown, m.start(t.start), m.end(t.end), true
}

// target is a part of a message that hover describes.
type target struct {
	start, end int
	markdown   string
}

type hoverer struct {
	cat     *config.Catalog
	targets []target
}

// at returns the target under the cursor: the one whose characters it
// touches, or else the one it stands just after, as a keyboard cursor at the
// end of a word does.
func (h *hoverer) at(cur int) (target, bool) {
	for _, t := range h.targets {
		if t.start <= cur && cur < t.end {
			return t, true
		}
	}
	for _, t := range h.targets {
		if cur == t.end {
			return t, true
		}
	}
	return target{}, false
}

func (h *hoverer) add(from, to ast.Pos, markdown string) {
	if from.IsValid() && to.Offset > from.Offset {
		h.targets = append(h.targets, target{from.Offset, to.Offset, markdown})
	}
}

func (h *hoverer) node(n ast.Node, markdown string) {
	if n != nil && n.Pos().IsValid() {
		h.add(n.Pos(), n.End(), markdown)
	}
}

func (h *hoverer) verb(m ast.Message, cmd command) {
	if from, to, ok := ast.VerbSpan(m); ok {
		h.add(from, to, cmd.markdown())
	}
}

// collect lists the parts of msg that hover describes. They never overlap,
// so the order matters only where one ends as the next begins.
func (h *hoverer) collect(msg ast.Message) {
	var p *ast.Prefix
	switch m := msg.(type) {
	case *ast.Field:
		p = m.Prefix
		if m.Name != nil && m.Name.Name == "location" {
			h.verb(m, cmdLocation)
			h.node(m.Name, cmdLocation.markdown())
		} else {
			h.verb(m, cmdField)
			if m.Name != nil {
				h.node(m.Name, h.name("field", m.Name.Name, config.Fields, h.cat.Fields()))
			}
		}
		if loc, ok := m.Value.(*ast.Location); ok {
			if loc.Org != nil {
				h.node(loc.Org, h.objectID(loc.Org, roleOrg, ""))
			}
			if loc.Dept != nil {
				org := ""
				if loc.Org != nil {
					org = loc.Org.Raw
				}
				h.node(loc.Dept, h.objectID(loc.Dept, roleDept, org))
			}
		}
	case *ast.Form:
		p = m.Prefix
		h.verb(m, cmdForm)
		h.id(m.Form, roleForm)
	case *ast.Set:
		p = m.Prefix
		h.verb(m, cmdSet)
		switch {
		case m.Name == nil:
		case m.Name.Name == ast.Category:
			h.node(m.Name, "**@category** — the reserved name that sets the conversation category\n\n"+cmdSet.markdown())
			if m.Value != nil {
				h.node(m.Value, h.name("category", m.Value.Value, config.Categories, h.cat.Categories()))
			}
		case m.Reserved():
			h.node(m.Name, fmt.Sprintf("**%s** — not a reserved name of `/set`: the only one is `@category`", m.Name.Name))
		default:
			h.node(m.Name, h.name("meta variable", m.Name.Name, config.Variables, h.cat.Variables()))
		}
	case *ast.Assign:
		p = m.Prefix
		h.verb(m, cmdAssign)
		h.id(m.Target, roleUserBot)
	case *ast.Notify:
		p = m.Prefix
		h.verb(m, cmdNotify)
		h.id(m.Inbox, roleInbox)
	case *ast.Mention:
		p = m.Prefix
		h.verb(m, cmdMention)
		h.id(m.Target, roleUserBot)
	case *ast.Invalid:
		p = m.Prefix
		if m.Head != nil {
			h.node(m.Head, unknownCommand(m.Head.Value))
		}
	}
	if p != nil {
		doc := cmdPrefix.markdown()
		if !p.Exact() {
			doc = fmt.Sprintf("**%s** — not the command prefix: the widget sends this message as chat. Write `>cs` at the very start, followed by a space.", strings.TrimSpace(p.Text))
		}
		h.node(p, doc)
	}
}

func (h *hoverer) id(id *ast.ObjectID, r role) {
	if id != nil {
		h.node(id, h.objectID(id, r, ""))
	}
}

func unknownCommand(head string) string {
	forms := make([]string, len(commands))
	for i, c := range commands {
		forms[i] = c.form
	}
	s := fmt.Sprintf("**%s** — not a command; the commands are `%s`", head, strings.Join(forms, "`, `"))
	if strings.HasPrefix(head, "/") {
		names := make([]string, len(verbs))
		for i, v := range verbs {
			names[i] = v.form
		}
		if near, ok := suggest.Closest(head, names); ok {
			s += fmt.Sprintf("\n\nDid you mean `%s`?", near)
		}
	}
	return s
}

// name describes a field, meta-variable or category name, and whether the
// catalog knows it when the catalog has that section.
func (h *hoverer) name(what, name string, sec config.Section, names *config.Names) string {
	s := fmt.Sprintf("**%s** `%s`", what, name)
	switch {
	case !h.cat.Has(sec):
	case names.Contains(name):
		s += "\n\nin the catalog"
	default:
		s += "\n\nnot in the catalog"
		if near, ok := names.Closest(name); ok {
			s += fmt.Sprintf("; did you mean `%s`?", near)
		}
	}
	return s
}

// role is what an ObjectId must name where it is written.
type role int

const (
	roleForm role = iota
	roleUserBot
	roleInbox
	roleOrg
	roleDept
)

// expects lists the entry kinds of a role and the catalog sections that
// hold them.
func (r role) expects() ([]config.Kind, []config.Section, string) {
	switch r {
	case roleForm:
		return []config.Kind{config.Form}, []config.Section{config.Forms}, "a form"
	case roleUserBot:
		return []config.Kind{config.User, config.Bot}, []config.Section{config.Users, config.Bots}, "a user or bot"
	case roleInbox:
		return []config.Kind{config.Inbox}, []config.Section{config.Inboxes}, "an inbox"
	case roleOrg:
		return []config.Kind{config.Organization}, []config.Section{config.Organizations}, "an organization"
	}
	return []config.Kind{config.Department}, []config.Section{config.Organizations}, "a department"
}

// objectID describes an id written for role r: the catalog entry it names,
// whether that fits, and when the id was made. org is, for a department, the
// id of the location's organization.
func (h *hoverer) objectID(id *ast.ObjectID, r role, org string) string {
	if id.Dynamic() {
		return ""
	}
	if !ast.IsObjectID(id.Raw) {
		return fmt.Sprintf("**malformed object id** — an object id is 24 hex digits, got %d characters", len([]rune(id.Raw)))
	}
	kinds, sections, want := r.expects()
	var b strings.Builder
	e, found := h.cat.Lookup(id.Raw)
	switch {
	case found:
		b.WriteString(describeEntry(h.cat, e))
		if !slices.Contains(kinds, e.Kind) {
			fmt.Fprintf(&b, "\n\nexpected %s here, not %s %s", want, article(e.Kind), e.Kind)
		} else if r == roleDept && ast.IsObjectID(org) && e.Org != strings.ToLower(org) {
			name := "`" + org + "`"
			if o, ok := h.cat.Lookup(org); ok {
				name = o.Name
			}
			fmt.Fprintf(&b, "\n\nnot a department of %s, the location's organization", name)
		}
	case slices.ContainsFunc(sections, h.cat.Has):
		fmt.Fprintf(&b, "**object id** `%s`\n\nnot in the catalog: expected %s", id.Raw, want)
		describeTime(&b, id.Raw)
	default:
		fmt.Fprintf(&b, "**object id** `%s`", id.Raw)
		describeTime(&b, id.Raw)
	}
	return b.String()
}

// describeEntry is the hover and completion documentation of a catalog
// entry: its kind and name, its place, and its id with its creation time.
func describeEntry(cat *config.Catalog, e config.Entry) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** %s", e.Kind, e.Name)
	if e.Kind == config.Department {
		if o, ok := cat.Lookup(e.Org); ok {
			fmt.Fprintf(&b, " · %s", o.Name)
		}
	}
	fmt.Fprintf(&b, "\n\n`%s`", e.ID)
	if len(e.Fields) > 0 {
		fmt.Fprintf(&b, "\n\nfields: %s", strings.Join(e.Fields, ", "))
	}
	describeTime(&b, e.ID)
	return b.String()
}

// describeTime writes the creation time held in the first 8 hex digits of a
// well-formed id, noting a time no real id has: before MongoDB existed, or
// in the future.
func describeTime(b *strings.Builder, id string) {
	t, ok := (&ast.ObjectID{Raw: id}).Time()
	if !ok {
		return
	}
	fmt.Fprintf(b, "\n\ncreated %s", t.Format(time.RFC3339))
	switch {
	case t.Before(time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC)):
		b.WriteString(" — before 2009, so unlikely to be a real id")
	case t.After(time.Now().Add(24 * time.Hour)):
		b.WriteString(" — in the future, so unlikely to be a real id")
	}
}

func article(k config.Kind) string {
	if strings.ContainsRune("aeiou", rune(k[0])) {
		return "an"
	}
	return "a"
}
