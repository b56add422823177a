package lint

import "github.com/web1on1/cscmd/grammar"

// ruleMissingArgument reports a command without a required argument:
// /assign without an id, + without a form, /set without a name or value,
// .brand without a value.
var ruleMissingArgument = &Rule{
	ID:       "missing-argument",
	Severity: Error,
	Summary:  "a required argument is absent",
	Needs:    HasErrors,
	Check:    func(p *Pass) { p.parseErrors(grammar.CodeMissingArgument) },
}
