package lint

import "strings"

// ruleObjectIDCase reports uppercase hex digits in an ObjectId. The widget
// may accept them, but lowercase is canonical and catalog lookups, logs and
// searches compare ids as written.
var ruleObjectIDCase = &Rule{
	ID:       "objectid-case",
	Severity: Warning,
	Summary:  "an ObjectId with uppercase hex digits",
	Needs:    IsCommand,
	Check: func(p *Pass) {
		for _, r := range p.objectIDs() {
			if !r.ok || !hasUpper(r.id.Raw) {
				continue
			}
			d := p.ReportNode(r.id, "object id %s has uppercase hex digits; lowercase is canonical", r.id.Raw)
			fix := replace("Lowercase the object id", r.id.Pos().Offset, r.id.End().Offset, strings.ToLower(r.id.Raw))
			d.Fix = &fix
		}
	},
}

// hasUpper reports whether s has an ASCII uppercase letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}
