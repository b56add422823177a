package config

import (
	"strings"
	"sync"

	"github.com/web1on1/cscmd/suggest"
)

// Kind is the role of a catalog entry that has an ObjectId.
type Kind string

// The kinds of entries with an ObjectId.
const (
	Organization Kind = "organization"
	Department   Kind = "department"
	Form         Kind = "form"
	User         Kind = "user"
	Bot          Kind = "bot"
	Inbox        Kind = "inbox"
)

// Section is a top-level key under catalog.
type Section string

// The catalog sections of SPEC §3.
const (
	Organizations Section = "organizations"
	Forms         Section = "forms"
	Users         Section = "users"
	Bots          Section = "bots"
	Inboxes       Section = "inboxes"
	Categories    Section = "categories"
	Fields        Section = "fields"
	Variables     Section = "variables"
)

// Entry is a catalog entry that has an ObjectId.
type Entry struct {
	Kind Kind
	ID   string // 24 lowercase hex digits
	Name string
	// Org is, for a department, the id of its organization; empty otherwise.
	Org string
	// Fields are, for a form, its field names in file order.
	Fields []string
	// Line and Column locate the id in the config file, for go-to-definition.
	Line, Column int
}

// Catalog is the organization's inventory from the catalog section of a
// config. Checks against a section run only when the section is present, so
// the catalog remembers which sections were written, even empty ones: see Has.
//
// Every method is safe on a nil *Catalog, which behaves as a catalog with no
// sections, and safe for concurrent use since a Catalog is never modified
// after Load.
type Catalog struct {
	present    map[Section]bool
	entries    []Entry // file order
	byID       map[string]int
	categories *Names
	fields     *Names
	variables  *Names
}

func newCatalog() *Catalog {
	return &Catalog{
		present:    map[Section]bool{},
		byID:       map[string]int{},
		categories: newNames(),
		fields:     newNames(),
		variables:  newNames(),
	}
}

// Has reports whether the section was written in the config, even as an empty
// list. A section written as null (a key whose entries were all commented out)
// counts as absent.
func (c *Catalog) Has(s Section) bool {
	return c != nil && c.present[s]
}

// Lookup finds the entry with the ObjectId id, in any case.
func (c *Catalog) Lookup(id string) (Entry, bool) {
	if c == nil {
		return Entry{}, false
	}
	i, ok := c.byID[strings.ToLower(id)]
	if !ok {
		return Entry{}, false
	}
	return c.entries[i], true
}

// IsUserOrBot reports whether id names a user or a bot: a valid target of
// /assign and of a mention.
func (c *Catalog) IsUserOrBot(id string) bool {
	e, ok := c.Lookup(id)
	return ok && (e.Kind == User || e.Kind == Bot)
}

// Entries lists the entries of the given kinds, or of every kind when none is
// given, in the order they appear in the file — the order to offer them in
// completion. Departments follow their organization.
func (c *Catalog) Entries(kinds ...Kind) []Entry {
	if c == nil {
		return nil
	}
	var out []Entry
	for _, e := range c.entries {
		if len(kinds) == 0 || containsKind(kinds, e.Kind) {
			out = append(out, e)
		}
	}
	return out
}

// Departments lists the departments of the organization org (any case), in
// file order; none when org is not an organization of the catalog.
func (c *Catalog) Departments(org string) []Entry {
	if c == nil {
		return nil
	}
	org = strings.ToLower(org)
	var out []Entry
	for _, e := range c.entries {
		if e.Kind == Department && e.Org == org {
			out = append(out, e)
		}
	}
	return out
}

// Categories is the categories section: the values /set @category accepts.
func (c *Catalog) Categories() *Names {
	if c == nil {
		return nil
	}
	return c.categories
}

// Fields is the names that .NAME may set: the fields section together with
// the fields of every form, since a form field is set the same way. Whether
// to check fields at all is still decided by Has(Fields).
func (c *Catalog) Fields() *Names {
	if c == nil {
		return nil
	}
	return c.fields
}

// Variables is the variables section: the meta variables /set NAME may set.
func (c *Catalog) Variables() *Names {
	if c == nil {
		return nil
	}
	return c.variables
}

func (c *Catalog) add(e Entry) {
	c.byID[e.ID] = len(c.entries)
	c.entries = append(c.entries, e)
}

func containsKind(kinds []Kind, k Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Names is a list of names from the catalog: categories, fields or variables.
// Membership is exact: names are compared case-sensitively, as the widget
// does. Every method is safe on a nil *Names, which holds nothing.
type Names struct {
	list  []string
	set   map[string]bool
	once  sync.Once
	index *suggest.Index // made on the first Closest: most runs never ask
}

func newNames() *Names { return &Names{set: map[string]bool{}} }

// Contains reports whether name is in the list, exactly.
func (n *Names) Contains(name string) bool {
	return n != nil && n.set[name]
}

// Closest returns the name nearest to name for a "did you mean" hint; see
// suggest.Closest for what counts as near.
func (n *Names) Closest(name string) (string, bool) {
	if n == nil {
		return "", false
	}
	n.once.Do(func() { n.index = suggest.NewIndex(n.list) })
	return n.index.Closest(name)
}

// All returns the names in file order; the caller must not modify the slice.
func (n *Names) All() []string {
	if n == nil {
		return nil
	}
	return n.list
}

func (n *Names) add(name string) {
	if !n.set[name] {
		n.set[name] = true
		n.list = append(n.list, name)
	}
}
