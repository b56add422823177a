package lint

import (
	"github.com/web1on1/cscmd/ast"
)

// visibleCallees are the widget members that show their argument to the
// visitor instead of running it.
var visibleCallees = map[string]string{
	"setPredefinedMessage":     "prefills the visitor's chat input with it",
	"api.showFakeAgentMessage": "shows it to the visitor as an agent's message",
}

// ruleVisibleCommand warns of a >cs command passed to a widget call that
// shows its text to the visitor: the command is never run, and the visitor
// sees ">cs /assign 62c6…".
var ruleVisibleCommand = &Rule{
	ID:       "visible-command",
	Severity: Warning,
	Summary:  "a >cs string passed to setPredefinedMessage or showFakeAgentMessage",
	Needs:    InHost,
	Check: func(p *Pass) {
		what, ok := visibleCallees[p.Callee]
		if !ok || p.Msg == nil {
			return
		}
		if c, isChat := p.Msg.(*ast.Chat); isChat && c.Intended == nil {
			return
		}
		from, to := ast.Span(p.Msg)
		p.Report(from, to, "web1on1.%s %s, so this command is never run; send commands with web1on1.api.sendClientMessage", p.Callee, what)
	},
}
