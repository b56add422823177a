package lint

import "github.com/web1on1/cscmd/grammar"

// ruleObjectIDFormat reports an ObjectId that is not 24 hex digits.
var ruleObjectIDFormat = &Rule{
	ID:       "objectid-format",
	Severity: Error,
	Summary:  "an ObjectId that is not 24 hex digits",
	Needs:    HasErrors,
	Check:    func(p *Pass) { p.parseErrors(grammar.CodeObjectIDFormat) },
}
