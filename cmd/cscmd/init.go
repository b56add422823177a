package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/linemap"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/rewrite"
	"github.com/web1on1/cscmd/walk"
)

type initCmd struct {
	Dir   string `arg:"" optional:"" default:"." name:"DIR" help:"The repository to scan; .cscmd.yaml is written there (default \".\")."`
	Force bool   `help:"Overwrite an existing .cscmd.yaml."`
}

// initExcludes are the build and dependency folders of the usual web
// toolchains: generated copies of the source, whose findings would repeat.
var initExcludes = []string{"node_modules/**", "vendor/**", "dist/**", "build/**", "out/**", ".next/**", ".nuxt/**", "coverage/**"}

func (c *initCmd) Run(e *env) error {
	target := filepath.Join(c.Dir, config.FileName)
	if st, err := os.Stat(c.Dir); err != nil {
		return pathError(c.Dir, err)
	} else if !st.IsDir() {
		return fmt.Errorf("%s: not a directory", c.Dir)
	}
	if _, err := os.Stat(target); err == nil && !c.Force {
		return fmt.Errorf("%s already exists; use --force to overwrite it", target)
	}
	used, files := c.scan(e)
	out := used.yaml()
	if c.Force {
		if st, err := os.Stat(target); err == nil {
			// Replaced as --fix replaces a file: mode, owner and links kept.
			if err := rewrite.File(target, out, rewrite.StampOf(st), rewrite.Options{Within: walk.Inside([]string{c.Dir})}); err != nil {
				return err
			}
			c.say(e, target, used, files)
			return nil
		}
	}
	// O_EXCL: a file that appeared since the check above is not replaced.
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; use --force to overwrite it", target)
		}
		return pathError(target, err)
	}
	if _, err := f.Write(out); err != nil {
		f.Close()
		return pathError(target, err)
	}
	if err := f.Close(); err != nil {
		return pathError(target, err)
	}
	c.say(e, target, used, files)
	return nil
}

func (c *initCmd) say(e *env, target string, u *usage, files int) {
	slices.Sort(u.skipped)
	for _, s := range u.skipped {
		e.warn("%s", s)
	}
	hint := ""
	if len(u.ids) > 0 {
		hint = "; replace each \"unnamed …\" name"
	}
	fmt.Fprintf(e.stderr, "cscmd: wrote %s: %s and %s found in %s%s\n", target,
		counted(len(u.ids), "object id", "object ids"), counted(u.names(), "name", "names"), counted(files, "file", "files"), hint)
}

// scan collects what the lintable files under the directory use, skipping
// what .gitignore ignores and what the written config will exclude.
func (c *initCmd) scan(e *env) (*usage, int) {
	u := newUsage()
	// The excludes as the written config will apply them.
	var b bytes.Buffer
	writeExcludes(&b)
	excludes, err := config.Load(filepath.Join(c.Dir, config.FileName), b.Bytes(), nil)
	if err != nil {
		panic(err) // initExcludes are wrong: a programming error
	}
	var mu sync.Mutex
	files := 0
	opt := walk.Options{
		Match:   lintable,
		Skip:    func(path string, _ bool) bool { return excludes.Excluded(path) },
		OnError: func(path string, err error) { e.fail("%v", pathError(path, err)) },
	}
	err = walk.Files(context.Background(), []string{c.Dir}, opt, func(path string) error {
		src, err := os.ReadFile(path)
		if err != nil {
			e.fail("%v", pathError(path, err))
			return nil
		}
		rel, err := filepath.Rel(c.Dir, path)
		if err != nil {
			rel = path
		}
		found := collect(filepath.ToSlash(rel), src)
		mu.Lock()
		defer mu.Unlock()
		files++
		u.merge(found)
		return nil
	})
	if err != nil {
		e.fail("%v", err)
	}
	return u, files
}

// seen is one message's use of the catalog, with where it was written and
// the catalog rules that report it against an empty catalog.
type seen struct {
	where place
	msg   ast.Message
	rules map[string]bool
}

// emptyCatalog has every section, and nothing in them: linted with it, a
// file reports each catalog use that no cscmd-ignore comment silences.
var emptyCatalog = func() *config.Config {
	cfg, err := config.Load(config.FileName, []byte("catalog: {organizations: [], forms: [], users: [], bots: [], inboxes: [], categories: [], fields: [], variables: []}"), lint.RuleIDs())
	if err != nil {
		panic(err) // the text above is wrong: a programming error
	}
	return cfg
}()

// collect returns every message of a file, command file or host file, with
// its line. Broken messages count too: their well-formed parts are used.
// The rules of each are those that report it against an empty catalog, so
// that a use silenced by cscmd-ignore — a name kept out of the catalog on
// purpose — is left out.
func collect(path string, src []byte) []seen {
	type span struct{ start, end int }
	var (
		out   []seen
		spans []span
	)
	lang := host.ByPath(path)
	if lang == host.Commands {
		doc, _ := grammar.ParseDocument(src)
		for _, m := range doc.Messages {
			out = append(out, seen{where: place{path, m.Pos().Line}, msg: m})
			spans = append(spans, span{m.Pos().Offset, m.End().Offset})
		}
	} else {
		if !lang.MayHold(src) {
			return nil
		}
		f, _ := host.Extract(lang, src) // what could be read is enough for a starter
		lines := linemap.New(src)
		for _, s := range f.Strings {
			m, _ := grammar.Parse(s.Text, grammar.Placeholders())
			if m == nil {
				continue
			}
			line, _ := lines.Position(s.Start, linemap.Runes)
			out = append(out, seen{where: place{path, line + 1}, msg: m})
			spans = append(spans, span{s.Start, s.End})
		}
	}
	l := &lint.Linter{Config: emptyCatalog}
	diags, _ := l.Lint(path, src)
	for _, d := range diags {
		// Messages and diagnostics are both in source order.
		i := sort.Search(len(spans), func(i int) bool { return spans[i].end > d.Start })
		if i < len(spans) && spans[i].start <= d.Start {
			if out[i].rules == nil {
				out[i].rules = map[string]bool{}
			}
			out[i].rules[d.Rule] = true
		}
	}
	return out
}

// place is where a message is written.
type place struct {
	path string // relative to the scanned directory, with "/"
	line int
}

func (p place) String() string { return fmt.Sprintf("%s:%d", p.path, p.line) }

// before orders places by file, then by line as a number: the first use of
// an id is line 2, not line 10.
func (p place) before(q place) bool {
	return p.path < q.path || p.path == q.path && p.line < q.line
}

// role is the catalog section an ObjectId goes under, in the order an id
// used in two roles is placed: a config holds each id once.
type role int

const (
	roleOrganization role = iota
	roleDepartment
	roleForm
	roleUser // /assign and @mention: a user or a bot
	roleInbox
)

type idUse struct {
	role  role
	org   string // a department's organization
	where place  // its first use
}

// usage is what a repository's messages use.
type usage struct {
	ids                           map[string]idUse
	categories, fields, variables map[string]bool
	skipped                       []string // uses a config cannot hold, said on stderr
}

func newUsage() *usage {
	return &usage{ids: map[string]idUse{}, categories: map[string]bool{}, fields: map[string]bool{}, variables: map[string]bool{}}
}

func (u *usage) names() int { return len(u.categories) + len(u.fields) + len(u.variables) }

func (u *usage) merge(found []seen) {
	for _, s := range found {
		m, reported := s.msg, func(rule string) bool { return s.rules[rule] }
		if c, ok := m.(*ast.Chat); ok && c.Intended != nil {
			// A near miss still tells what the author meant; as chat, no
			// catalog rule looks at it until it is fixed.
			m, reported = c.Intended, func(string) bool { return true }
		}
		ids := reported("unknown-reference")
		switch m := m.(type) {
		case *ast.Field:
			if m.Name == nil {
				continue
			}
			if reported("unknown-field") {
				u.name(u.fields, m.Name.Name)
			}
			if loc, ok := m.Value.(*ast.Location); ok && ids {
				org := u.id(loc.Org, roleOrganization, "", s.where)
				if org != "" {
					u.id(loc.Dept, roleDepartment, org, s.where)
				}
			}
		case *ast.Form:
			if ids {
				u.id(m.Form, roleForm, "", s.where)
			}
		case *ast.Set:
			if m.Name == nil || m.Value == nil {
				continue
			}
			if m.Name.Name == ast.Category && reported("unknown-category") {
				if v := m.Value.Value; strings.TrimSpace(v) != v {
					// A value is trimmed of spaces and tabs only; the
					// config refuses a category with any other space at
					// an end (U+00A0, U+2028), so it cannot be listed.
					u.skipped = append(u.skipped, fmt.Sprintf("%s: category %q has a Unicode space at an end; left out", s.where, v))
					continue
				}
				u.name(u.categories, m.Value.Value)
			} else if !m.Reserved() && reported("unknown-variable") {
				u.name(u.variables, m.Name.Name)
			}
		case *ast.Assign:
			if ids {
				u.id(m.Target, roleUser, "", s.where)
			}
		case *ast.Notify:
			if ids {
				u.id(m.Inbox, roleInbox, "", s.where)
			}
		case *ast.Mention:
			if ids {
				u.id(m.Target, roleUser, "", s.where)
			}
		}
	}
}

// name records a name that holds no dynamic part.
func (u *usage) name(set map[string]bool, name string) {
	if name != "" && !strings.ContainsRune(name, ast.Placeholder) {
		set[name] = true
	}
}

// id records a well-formed id in its role, unless it has one already; it
// returns the id, lowercased, or "" when there is none.
func (u *usage) id(id *ast.ObjectID, r role, org string, where place) string {
	if id == nil || !ast.IsObjectID(id.Raw) {
		return ""
	}
	key := strings.ToLower(id.Raw)
	if prev, ok := u.ids[key]; !ok || r < prev.role || r == prev.role && where.before(prev.where) {
		u.ids[key] = idUse{role: r, org: org, where: where}
	}
	return key
}

// yaml writes the starter config.
func (u *usage) yaml() []byte {
	var b bytes.Buffer
	b.WriteString(`# cscmd configuration, written by "cscmd init" from what this repository
# already uses. Replace each "unnamed …" with the entry's name (hover,
# completion and messages show it), check the roles, then commit this file.
# Reference: docs/config.md in the cscmd repository.

# Severity per rule: error, warning, info or off. Every rule is at its
# default; uncomment a line to change it. "cscmd explain RULE" shows a rule.
rules:
`)
	for _, r := range lint.Rules {
		fmt.Fprintf(&b, "  # %s: %s\n", r.ID, r.Severity)
	}
	b.WriteString("\n")
	writeExcludes(&b)
	b.WriteString("\n# Checks run only for the sections present. Each id is listed under the\n# role its commands give it, named after where it is first used.\n")
	if len(u.ids) == 0 && u.names() == 0 {
		b.WriteString("catalog: {} # no command found yet\n")
		return b.Bytes()
	}
	b.WriteString("catalog:\n")
	u.entries(&b, roleOrganization, "organizations", "organization", "")
	u.entries(&b, roleForm, "forms", "form", "")
	u.entries(&b, roleUser, "users", "user or bot", "/assign and @mention targets: move the bots to bots")
	if u.has(roleUser) {
		b.WriteString("  bots: []\n")
	}
	u.entries(&b, roleInbox, "inboxes", "inbox", "")
	for _, sec := range []struct {
		name string
		set  map[string]bool
	}{{"categories", u.categories}, {"fields", u.fields}, {"variables", u.variables}} {
		if len(sec.set) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  %s:\n", sec.name)
		for _, n := range sorted(sec.set) {
			fmt.Fprintf(&b, "    - %s\n", quote(n))
		}
	}
	return b.Bytes()
}

func writeExcludes(b *bytes.Buffer) {
	b.WriteString("# Generated and third-party folders; globs relative to this file.\nexclude:\n")
	for _, p := range initExcludes {
		fmt.Fprintf(b, "  - %s\n", quote(p))
	}
}

func (u *usage) has(r role) bool {
	for _, use := range u.ids {
		if use.role == r {
			return true
		}
	}
	return false
}

// entries writes a section of entries with an id, departments under their
// organization.
func (u *usage) entries(b *bytes.Buffer, r role, section, kind, note string) {
	ids := u.byRole(r, "")
	if len(ids) == 0 {
		return
	}
	if note != "" {
		fmt.Fprintf(b, "  # %s\n", note)
	}
	fmt.Fprintf(b, "  %s:\n", section)
	for _, id := range ids {
		fmt.Fprintf(b, "    - id: %s\n      name: %s\n", id, u.placeholder(id, kind))
		if r != roleOrganization {
			continue
		}
		if depts := u.byRole(roleDepartment, id); len(depts) > 0 {
			b.WriteString("      departments:\n")
			for _, d := range depts {
				fmt.Fprintf(b, "        - id: %s\n          name: %s\n", d, u.placeholder(d, "department"))
			}
		}
	}
}

// placeholder is the name written for an id until the user gives its real
// one: a config needs a name, and this one says where to look.
func (u *usage) placeholder(id, kind string) string {
	return quote(fmt.Sprintf("unnamed %s (%s)", kind, u.ids[id].where))
}

func (u *usage) byRole(r role, org string) []string {
	var out []string
	for id, use := range u.ids {
		if use.role == r && use.org == org {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// quote writes s as a YAML double-quoted scalar: JSON's string syntax is
// YAML's, and a quoted name is never read as a number, a boolean or null.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
