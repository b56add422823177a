package lint

import "github.com/web1on1/cscmd/ast"

// ruleNotACommand warns of a line of a command file that is chat: sent
// through the widget it would appear in the conversation as text. Near
// misses are left to the prefix rule.
var ruleNotACommand = &Rule{
	ID:       "not-a-command",
	Severity: Warning,
	Summary:  "a line of a .cscmd file that is chat",
	Needs:    IsChat,
	Check: func(p *Pass) {
		if c, ok := p.Msg.(*ast.Chat); ok && p.CommandFile && c.Intended == nil {
			p.ReportNode(c, "this line is chat, not a command; the widget would send it to the conversation as text")
		}
	},
}
