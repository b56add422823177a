package lint

import (
	"fmt"
	"strings"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/suggest"
)

// suppressionMarker opens a suppression comment: `cscmd-ignore` silences
// every rule, `cscmd-ignore a,b` the rules a and b.
const suppressionMarker = "cscmd-ignore"

// suppression is one `cscmd-ignore` comment and what it has silenced.
type suppression struct {
	start, end int      // byte range of the comment in its file
	scope      [2]int   // in a host file, the range it covers (see host.Comment)
	all        bool     // no rules named: every rule
	rules      []string // named rules, as written
	used       map[string]bool
	bad        []badRule // named rules that do not exist
}

// suppressions are the comments that cover one unit.
type suppressions []*suppression

type badRule struct {
	id         string
	start, end int
}

// parseSuppression reads a comment line of a command file.
func parseSuppression(c *ast.Comment) *suppression {
	start, end := ast.Span(c)
	return commandSuppression(c.Text, start, end)
}

// commandSuppression reads a comment of a command file, "#" included, that
// spans [start, end) of its file.
func commandSuppression(text string, start, end int) *suppression {
	body, at := host.Commands.Body(text)
	return findSuppression(body, host.VerbatimMap(start+at, len(body)), start, end)
}

// findSuppression reads the suppression in the body of a comment (its
// text without delimiters, which m maps to the file) that spans [start,
// end) of its file, or returns nil. The marker is followed by a
// comma-separated rule list without blanks; anything after the list is a
// free-text reason: `cscmd-ignore widget-api,prefix legacy page`.
func findSuppression(body string, m host.Map, start, end int) *suppression {
	i := strings.Index(body, suppressionMarker)
	if i < 0 {
		return nil
	}
	rest := body[i+len(suppressionMarker):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil // "cscmd-ignored" is prose, not a marker
	}
	s := &suppression{start: start, end: end, used: map[string]bool{}}
	trimmed := strings.TrimLeft(rest, " \t")
	listAt := i + len(suppressionMarker) + len(rest) - len(trimmed)
	list := trimmed
	if j := strings.IndexAny(list, " \t\r\n"); j >= 0 {
		list = list[:j]
	}
	off := 0
	for _, id := range strings.Split(list, ",") {
		at := listAt + off
		off += len(id) + 1
		if id == "" {
			continue
		}
		if RuleByID(id) == nil {
			s.bad = append(s.bad, badRule{id: id, start: m.Start(at), end: m.End(at + len(id))})
			continue
		}
		s.rules = append(s.rules, id)
	}
	s.all = len(s.rules) == 0 && len(s.bad) == 0
	return s
}

// covers reports whether a diagnostic of rule is silenced, and records the
// use.
func (t suppressions) covers(rule string) bool {
	covered := false
	for _, s := range t {
		if s.all {
			s.used[rule] = true
			covered = true
			continue
		}
		for _, r := range s.rules {
			if r == rule {
				s.used[rule] = true
				covered = true
			}
		}
	}
	return covered
}

// unused reports each named rule that silenced nothing, each unknown rule,
// and a bare marker that silenced nothing.
func (s *suppression) unused() []Diagnostic {
	var out []Diagnostic
	d := func(start, end int, msg string) Diagnostic {
		return Diagnostic{Rule: ruleUnusedSuppression.ID, Start: start, End: end, Message: msg,
			Suggestions: []Fix{replace("Remove the suppression", s.start, s.end, "")}}
	}
	for _, b := range s.bad {
		msg := fmt.Sprintf("unknown rule %q in %s", b.id, suppressionMarker)
		if guess, ok := suggest.Closest(b.id, RuleIDs()); ok {
			msg += fmt.Sprintf("; did you mean %q?", guess)
		}
		out = append(out, d(b.start, b.end, msg))
	}
	if s.all && len(s.used) == 0 {
		out = append(out, d(s.start, s.end, suppressionMarker+" silences nothing: no finding where it applies; remove it"))
	}
	for _, r := range s.rules {
		if !s.used[r] {
			out = append(out, d(s.start, s.end, fmt.Sprintf("%s %s silences nothing: %s reports nothing where it applies; remove it", suppressionMarker, r, r)))
		}
	}
	return out
}
