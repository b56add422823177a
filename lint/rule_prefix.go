package lint

import (
	"fmt"

	"github.com/web1on1/cscmd/ast"
)

// rulePrefix warns of a near miss: a message that looks like a command but
// whose prefix is not exactly ">cs" and a blank at the start, so the widget
// sends it to the conversation as chat. The fix rewrites the prefix.
var rulePrefix = &Rule{
	ID:       "prefix",
	Severity: Warning,
	Summary:  "a near-miss prefix that makes a command chat",
	Needs:    IsChat,
	Check: func(p *Pass) {
		c, ok := p.Msg.(*ast.Chat)
		if !ok || c.Intended == nil {
			return
		}
		pr := ast.PrefixOf(c.Intended)
		start, end := c.Pos().Offset, pr.End().Offset
		repl, msg := ">cs", fmt.Sprintf("%q is not the command prefix %q, so the widget sends this message as chat", p.textAt(start, end), ">cs")
		switch next := byteAt(p.Src, end); {
		case pr.Text == ">cs":
			// ">cs/set …": the prefix is right but glued to the command.
			repl, msg = ">cs ", fmt.Sprintf("%q must be followed by a space, or the widget sends this message as chat", pr.Text)
		case next != ' ' && next != '\t' && next != '\n' && next != '\r' && next != 0:
			repl = ">cs " // ">CS/set …"
		}
		d := p.Report(start, end, "%s", msg)
		fix := replace(fmt.Sprintf("Replace with %q", repl), start, end, repl)
		d.Fix = &fix
	},
}

// byteAt returns s[i], or 0 past the end.
func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}
