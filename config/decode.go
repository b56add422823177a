package config

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	csast "github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/suggest"
)

// decoder walks the YAML syntax tree rather than unmarshalling into structs,
// because unmarshalling loses the position of every value and stops at the
// first error, while a user needs all errors with their lines.
type decoder struct {
	file  string
	rules []string
	errs  ErrorList
	ids   map[string]int // lowercase ObjectId → line of its first definition
	// keyOf maps an implicit null (a key with no value) to its key: the
	// parser places such a null past the end of the line, where a caret
	// would point at nothing.
	keyOf map[ast.Node]ast.Node
}

var severities = []string{SeverityError, SeverityWarning, SeverityInfo, SeverityOff}

// pair is one key: value of a mapping, with anchors and tags removed.
type pair struct {
	key  string
	k, v ast.Node
}

func (d *decoder) errorf(n ast.Node, key, format string, args ...any) {
	if k, ok := d.keyOf[n]; ok {
		n = k
	}
	line, col := pos(n)
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Column: col, Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) decodeFile(f *ast.File, cfg *Config) {
	if f == nil {
		return
	}
	// The parser gives a %YAML directive, and a "---" with nothing after
	// it, documents of their own; only documents with content count.
	var docs []ast.Node
	for _, doc := range f.Docs {
		switch doc.Body.(type) {
		case nil, *ast.DirectiveNode, *ast.CommentGroupNode, *ast.CommentNode:
			continue
		}
		docs = append(docs, doc.Body)
	}
	if len(docs) == 0 {
		return
	}
	if len(docs) > 1 {
		d.errorf(docs[1], "", "a config file holds one yaml document, got %d", len(docs))
	}
	body := d.unwrap(docs[0], "")
	if body == nil {
		return
	}
	if _, ok := body.(*ast.NullNode); ok {
		return
	}
	ps, ok := d.pairs(body, "", "rules", "exclude", "languages", "catalog")
	if !ok {
		return
	}
	for _, p := range ps {
		switch p.key {
		case "rules":
			d.decodeRules(p.v, p.key, cfg)
		case "exclude":
			d.decodeExclude(p.v, p.key, cfg)
		case "languages":
			d.decodeLanguages(p.v, p.key, cfg)
		case "catalog":
			d.decodeCatalog(p.v, p.key, cfg)
		}
	}
}

func (d *decoder) decodeRules(n ast.Node, key string, cfg *Config) {
	if isNull(n) {
		return
	}
	ps, ok := d.pairs(n, key)
	if !ok {
		return
	}
	for _, p := range ps {
		k := key + "." + p.key
		known := true
		if d.rules != nil && !slices.Contains(d.rules, p.key) {
			known = false
			d.unknownName(p.k, k, "rule", p.key, d.rules, nil, "")
		}
		sev, ok := scalar(p.v)
		if !ok || !slices.Contains(severities, sev) {
			d.errorf(p.v, k, "severity must be error, warning, info or off, got %s", show(p.v, sev, ok))
			continue
		}
		if known {
			cfg.Rules[p.key] = sev
		}
	}
}

func (d *decoder) decodeExclude(n ast.Node, key string, cfg *Config) {
	if isNull(n) {
		return
	}
	d.list(n, key, func(k string, v ast.Node) {
		s, ok := d.text(v, k)
		if !ok {
			return
		}
		if p, msg := pattern("exclude", s); msg != "" {
			d.errorf(v, k, "%s", msg)
		} else {
			cfg.Exclude = append(cfg.Exclude, p)
		}
	})
}

// pattern cleans a doublestar glob of the key what, or says why it cannot
// be one.
func pattern(what, s string) (string, string) {
	p := path.Clean(s)
	switch {
	case p == "." || strings.HasPrefix(p, "/") || p == ".." || strings.HasPrefix(p, "../"):
		return "", fmt.Sprintf("%s pattern must be relative to the config directory, got %q", what, s)
	case !doublestar.ValidatePattern(p):
		return "", fmt.Sprintf("invalid glob pattern %q", s)
	}
	return p, ""
}

// unknownName reports a name of kind what that is not one of known, with
// the closest as a did-you-mean (through canonical, when not nil), or else
// with otherwise after it.
func (d *decoder) unknownName(n ast.Node, key, what, name string, known []string, canonical func(string) string, otherwise string) {
	if s, ok := suggest.Closest(name, known); ok {
		if canonical != nil {
			s = canonical(s)
		}
		d.errorf(n, key, "unknown %s %q; did you mean %q?", what, name, s)
		return
	}
	d.errorf(n, key, "unknown %s %q%s", what, name, otherwise)
}

// decodeLanguages reads `languages: {GLOB: LANGUAGE}`, where LANGUAGE is
// any language name or alias that package host registers.
func (d *decoder) decodeLanguages(n ast.Node, key string, cfg *Config) {
	if isNull(n) {
		return
	}
	ps, ok := d.pairs(n, key)
	if !ok {
		return
	}
	for _, p := range ps {
		k := key + "." + p.key
		pat, msg := pattern("languages", p.key)
		if msg != "" {
			d.errorf(p.k, k, "%s", msg)
			continue
		}
		name, ok := scalar(p.v)
		if !ok || name == "" {
			d.errorf(p.v, k, "language must be one of %s, got %s", oneOf(languageNames()), show(p.v, name, ok))
			continue
		}
		lang := host.ByName(name)
		if lang == nil {
			d.unknownName(p.v, k, "language", name, host.Names(), func(s string) string { return host.ByName(s).Name },
				"; known: "+strings.Join(languageNames(), ", "))
			continue
		}
		cfg.Languages = append(cfg.Languages, LanguageGlob{Pattern: pat, Name: lang.Name})
	}
}

// languageNames are the names (not the aliases) of the languages.
func languageNames() []string {
	out := make([]string, len(host.Languages))
	for i, l := range host.Languages {
		out[i] = l.Name
	}
	return out
}

func (d *decoder) decodeCatalog(n ast.Node, key string, cfg *Config) {
	if isNull(n) {
		return
	}
	ps, ok := d.pairs(n, key, string(Organizations), string(Forms), string(Users), string(Bots),
		string(Inboxes), string(Categories), string(Fields), string(Variables))
	if !ok {
		return
	}
	cat := newCatalog()
	cfg.Catalog = cat
	for _, p := range ps {
		if isNull(p.v) {
			continue
		}
		sec := Section(p.key)
		k := key + "." + p.key
		cat.present[sec] = true
		switch sec {
		case Organizations:
			d.list(p.v, k, func(k string, v ast.Node) {
				org, rest := d.entry(cat, v, k, Organization, "", "departments")
				if dn, ok := rest["departments"]; ok && !isNull(dn) {
					d.list(dn, k+".departments", func(k string, v ast.Node) {
						d.entry(cat, v, k, Department, org.ID)
					})
				}
			})
		case Forms:
			d.list(p.v, k, func(k string, v ast.Node) {
				form, rest := d.entry(cat, v, k, Form, "", "fields")
				fn, ok := rest["fields"]
				if !ok || isNull(fn) {
					return
				}
				var fields []string
				d.names(fn, k+".fields", "field", checkName("field name"), func(s string) {
					fields = append(fields, s)
					cat.fields.add(s)
				})
				if form.ID != "" {
					cat.entries[cat.byID[form.ID]].Fields = fields
				}
			})
		case Users, Bots, Inboxes:
			kind := map[Section]Kind{Users: User, Bots: Bot, Inboxes: Inbox}[sec]
			d.list(p.v, k, func(k string, v ast.Node) { d.entry(cat, v, k, kind, "") })
		case Categories:
			d.names(p.v, k, "category", checkCategory, cat.categories.add)
		case Fields:
			d.names(p.v, k, "field", checkName("field name"), cat.fields.add)
		case Variables:
			d.names(p.v, k, "variable", checkName("variable name"), cat.variables.add)
		}
	}
}

// entry decodes a mapping with an id, a name and the extra keys of its kind,
// adds it to the catalog when its id is valid and new, and returns it with the
// value nodes of the extra keys for the caller to decode.
func (d *decoder) entry(cat *Catalog, n ast.Node, key string, kind Kind, org string, extra ...string) (Entry, map[string]ast.Node) {
	e := Entry{Kind: kind, Org: org}
	ps, ok := d.pairs(n, key, append([]string{"id", "name"}, extra...)...)
	if !ok {
		return e, nil
	}
	rest := map[string]ast.Node{}
	var idNode ast.Node
	hasName := false
	for _, p := range ps {
		k := key + "." + p.key
		switch p.key {
		case "id":
			idNode = p.v
			e.ID = d.objectID(p.v, k)
			e.Line, e.Column = pos(p.v)
		case "name":
			hasName = true
			e.Name, _ = d.text(p.v, k)
		default:
			rest[p.key] = p.v
		}
	}
	if idNode == nil {
		d.errorf(n, key, "missing key %q", "id")
	}
	if !hasName {
		d.errorf(n, key, "missing key %q", "name")
	}
	if e.ID == "" {
		return e, rest
	}
	if line, dup := d.ids[e.ID]; dup {
		d.errorf(idNode, key+".id", "duplicate object id %s; first defined at line %d", e.ID, line)
		e.ID = ""
		return e, rest
	}
	d.ids[e.ID] = e.Line
	if kind == Department && org == "" {
		// The organization's own id is broken and already reported; a
		// department that belongs to no organization would only mislead
		// the department-mismatch check.
		return e, rest
	}
	cat.add(e)
	return e, rest
}

// objectID returns the lowercased id, or "" after reporting why it is not one.
func (d *decoder) objectID(n ast.Node, key string) string {
	s, ok := scalar(n)
	if !ok {
		d.errorf(n, key, "object id must be 24 hex digits, got %s", describe(n))
		return ""
	}
	if c := utf8.RuneCountInString(s); c != 24 {
		d.errorf(n, key, "object id must be 24 hex digits, got %d", c)
		return ""
	}
	for i, r := range s {
		if !isHex(r) {
			d.errorf(n, key, "object id must be 24 hex digits, got %q at digit %d", string(r), i+1)
			return ""
		}
	}
	return strings.ToLower(s)
}

// names decodes a list of strings, each checked by check (which returns a
// message, or "" when the name is fine), reporting duplicates.
func (d *decoder) names(n ast.Node, key, what string, check func(string) string, add func(string)) {
	seen := map[string]int{}
	d.list(n, key, func(k string, v ast.Node) {
		s, ok := d.text(v, k)
		if !ok {
			return
		}
		if msg := check(s); msg != "" {
			d.errorf(v, k, "%s", msg)
			return
		}
		line, _ := pos(v)
		if first, dup := seen[s]; dup {
			d.errorf(v, k, "duplicate %s %q; first defined at line %d", what, s, first)
			return
		}
		seen[s] = line
		add(s)
	})
}

func checkCategory(s string) string {
	if strings.TrimSpace(s) != s || strings.ContainsAny(s, "\r\n") {
		// A command's value is one line, trimmed: such a category could
		// never be set.
		return fmt.Sprintf("category must be one line without leading or trailing spaces, got %q", s)
	}
	return ""
}

// checkName checks the NAME syntax of SPEC §1, since a field or variable
// spelt otherwise could never be referenced by a command.
func checkName(what string) func(string) string {
	return func(s string) string {
		for i, r := range s {
			if r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || r == '-' || r == '.') {
				continue
			}
			return fmt.Sprintf("%s must start with a letter or \"_\" and hold only letters, digits, \"_\", \"-\" and \".\", got %q", what, s)
		}
		return ""
	}
}

// list calls fn for each item of a sequence, with the item's dotted key.
func (d *decoder) list(n ast.Node, key string, fn func(key string, v ast.Node)) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		d.errorf(n, key, "expected a list, got %s", describe(n))
		return
	}
	for i, v := range seq.Values {
		k := fmt.Sprintf("%s[%d]", key, i)
		if v = d.unwrap(v, k); v != nil {
			fn(k, v)
		}
	}
}

// pairs returns the pairs of the mapping n, reporting the keys not in known
// (any key is known when known is empty) and leaving them out.
func (d *decoder) pairs(n ast.Node, key string, known ...string) ([]pair, bool) {
	var values []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		d.errorf(n, key, "expected a mapping, got %s", describe(n))
		return nil, false
	}
	var ps []pair
	for _, mv := range values {
		if mv.Key != nil && mv.Key.IsMergeKey() {
			d.errorf(mv.Key, key, "merge keys are not supported; write the keys out")
			continue
		}
		kn := d.unwrap(mv.Key, key)
		if kn == nil {
			continue
		}
		name, ok := scalar(kn)
		if !ok {
			d.errorf(kn, key, "expected a string key, got %s", describe(kn))
			continue
		}
		k := name
		if key != "" {
			k = key + "." + name
		}
		if len(known) > 0 && !slices.Contains(known, name) {
			if s, ok := suggest.Closest(name, known); ok {
				d.errorf(kn, k, "unknown key %q; did you mean %q?", name, s)
			} else {
				d.errorf(kn, k, "unknown key %q; expected %s", name, oneOf(known))
			}
			continue
		}
		v := d.unwrap(mv.Value, k)
		if v == nil {
			continue
		}
		if null, ok := v.(*ast.NullNode); ok && null.Token != nil && null.Token.Type == token.ImplicitNullType {
			d.keyOf[v] = kn
		}
		ps = append(ps, pair{key: name, k: kn, v: v})
	}
	return ps, true
}

// unwrap strips anchors, tags and complex-key markers, which carry no meaning
// in a config, and rejects aliases: resolving one would point errors at the
// anchor, far from the line the user must fix, and a catalog gains nothing
// from shared nodes. It returns nil for a rejected or missing node.
func (d *decoder) unwrap(n ast.Node, key string) ast.Node {
	for {
		switch m := n.(type) {
		case nil:
			return nil
		case *ast.AnchorNode:
			n = m.Value
		case *ast.TagNode:
			n = m.Value
		case *ast.MappingKeyNode:
			n = m.Value
		case *ast.AliasNode:
			d.errorf(m, key, "aliases are not supported; repeat the value")
			return nil
		case *ast.CommentGroupNode, *ast.CommentNode:
			return nil
		default:
			return n
		}
	}
}

// text returns a non-empty string value, reporting anything else.
func (d *decoder) text(n ast.Node, key string) (string, bool) {
	s, ok := scalar(n)
	switch {
	case !ok:
		d.errorf(n, key, "expected a string, got %s", describe(n))
		return "", false
	case s == "":
		d.errorf(n, key, "must not be empty")
		return "", false
	}
	return s, true
}

// scalar returns the text of a scalar as the user wrote it: a number or a
// boolean stands for its own spelling, so that an ObjectId of 24 decimal
// digits or a category named "yes" keeps its exact text. Null is not text.
func scalar(n ast.Node) (string, bool) {
	switch s := n.(type) {
	case *ast.StringNode:
		return s.Value, true
	case *ast.LiteralNode:
		if s.Value == nil {
			return "", true
		}
		return s.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		if tk := n.GetToken(); tk != nil {
			return tk.Value, true
		}
	}
	return "", false
}

func isNull(n ast.Node) bool {
	_, ok := n.(*ast.NullNode)
	return ok
}

// show quotes a scalar for a message, or describes a non-scalar.
func show(n ast.Node, s string, ok bool) string {
	if ok {
		return fmt.Sprintf("%q", s)
	}
	return describe(n)
}

func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "null"
	case *ast.BoolNode:
		return "a boolean"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.StringNode, *ast.LiteralNode:
		return "a string"
	case nil:
		return "nothing"
	}
	return strings.ToLower(n.Type().String())
}

// pos is where a node starts: for a mapping, its first key rather than the
// colon the parser records.
func pos(n ast.Node) (line, col int) {
	switch m := n.(type) {
	case *ast.MappingNode:
		if len(m.Values) > 0 && !m.IsFlowStyle {
			return pos(m.Values[0])
		}
	case *ast.MappingValueNode:
		if m.Key != nil {
			return pos(m.Key)
		}
	case nil:
		return 1, 1
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return 1, 1
	}
	return max(tk.Position.Line, 1), max(tk.Position.Column, 1)
}

func oneOf(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func isHex(r rune) bool { return r < utf8.RuneSelf && csast.HexValue(byte(r)) >= 0 }
