package lint

import "github.com/web1on1/cscmd/ast"

// ruleEmptyValue warns of a mention without text: the user or bot is
// notified, but of nothing. A malformed target is objectid-format's; a
// dynamic one may carry its text at run time.
var ruleEmptyValue = &Rule{
	ID:       "empty-value",
	Severity: Warning,
	Summary:  "a mention without text",
	Needs:    IsCommand,
	Check: func(p *Pass) {
		if m, ok := p.Command().(*ast.Mention); ok && m.Target != nil && wellFormed(m.Target) && m.Text == nil {
			p.ReportNode(m, "mention of %s has no text; write @ID TEXT", m.Target.Raw)
		}
	},
}
