package lint

import "github.com/web1on1/cscmd/grammar"

// ruleUnexpectedArgument reports text after a command that takes no more.
// Removing it is offered, not applied: the text may be a value typed on the
// wrong line.
var ruleUnexpectedArgument = &Rule{
	ID:       "unexpected-argument",
	Severity: Error,
	Summary:  "text after a command that takes no more",
	Needs:    HasErrors,
	Check: func(p *Pass) {
		for _, e := range p.Errors {
			if e.Code != grammar.CodeUnexpectedArgument {
				continue
			}
			d := p.Report(e.Pos.Offset, e.End.Offset, "%s", e.Msg)
			from := e.Pos.Offset
			for from > 0 && (p.Src[from-1] == ' ' || p.Src[from-1] == '\t') {
				from--
			}
			d.Suggestions = append(d.Suggestions, replace("Remove the extra argument", from, e.End.Offset, ""))
		}
	},
}
