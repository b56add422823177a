package lint

import (
	"fmt"
	"strings"

	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/suggest"
)

// ruleUnknownCommand reports a verb the widget does not know, with the
// closest one. A verb that differs only in case is fixed safely; any other
// guess is a suggestion for a person to accept.
var ruleUnknownCommand = &Rule{
	ID:       "unknown-command",
	Severity: Error,
	Summary:  "an unknown command; suggests the closest verb",
	Needs:    HasErrors,
	Check: func(p *Pass) {
		for _, e := range p.Errors {
			if e.Code != grammar.CodeUnknownCommand {
				continue
			}
			d := p.Report(e.Pos.Offset, e.End.Offset, "%s", e.Msg)
			if e.Suggest == "" {
				continue
			}
			word := e.End.Offset - e.Pos.Offset
			fix := replace(fmt.Sprintf("Replace with %q", e.Suggest), e.Pos.Offset, e.End.Offset, e.Suggest)
			if word == len(e.Suggest) && strings.EqualFold(e.Suggest, p.textAt(e.Pos.Offset, e.End.Offset)) {
				d.Fix = &fix
			} else if word > len(e.Suggest) && strings.EqualFold(e.Suggest, p.textAt(e.Pos.Offset, e.Pos.Offset+len(e.Suggest))) &&
				suggest.Distance(p.textAt(e.Pos.Offset, e.End.Offset), e.Suggest) > 2 {
				// A verb glued to its argument, "/assign62c6…", needs a
				// space; "/sett" is a typo, not "/set t".
				at := e.Pos.Offset + len(e.Suggest)
				fix = replace(fmt.Sprintf("Insert a space after %q", e.Suggest), e.Pos.Offset, at, e.Suggest+" ")
				d.Fix = &fix
			} else {
				d.Suggestions = append(d.Suggestions, fix)
			}
		}
	},
}
