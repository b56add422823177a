package lint

import "github.com/web1on1/cscmd/grammar"

// ruleLocationPair reports a malformed ORG#DEPT: a "#" with nothing before or
// after it, or more than one "#".
var ruleLocationPair = &Rule{
	ID:       "location-pair",
	Severity: Error,
	Summary:  "a malformed ORG#DEPT location",
	Needs:    HasErrors,
	Check:    func(p *Pass) { p.parseErrors(grammar.CodeLocationPair) },
}
