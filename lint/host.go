package lint

import (
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/linemap"
)

// LintHost lints the >cs strings and the web1on1 calls of a host file. A
// comment holding `cscmd-ignore RULE[,RULE]` silences the rules on its own
// line and the next. The error is the host's syntax error, if any: the
// strings before it are linted all the same.
func (l *Linter) LintHost(lang host.Lang, src []byte) ([]Diagnostic, error) {
	f, err := host.Extract(lang, src)
	c := l.newChecker()
	sups := hostSuppressions(f, src)
	c.sups = sups.all
	for i := range f.Strings {
		s := &f.Strings[i]
		if grammar.Classify(s.Text) == grammar.Chat {
			continue // chat in a host file is the page's business
		}
		m, perr := grammar.Parse(s.Text, grammar.Placeholders())
		errs, _ := perr.(grammar.ErrorList)
		c.pass.Src = s.Text
		c.check(m, errs, s, sups.at(s.Start), false, s.Callee)
	}
	if len(f.Calls) > 0 {
		c.pass.Src = string(src)
		for i := range f.Calls {
			call := &f.Calls[i]
			p := &c.pass
			p.Msg, p.Errors, p.Call, p.CommandFile, p.Callee = nil, nil, call, false, ""
			p.idsFound = false
			c.run(identity{}, sups.at(call.Start))
		}
	}
	return c.finish(), err
}

// hostSups are the suppression comments of a host file by line.
type hostSups struct {
	all    suppressions
	byLine map[int]suppressions // the lines each comment covers
	lines  *linemap.Map
}

func hostSuppressions(f *host.File, src []byte) hostSups {
	var h hostSups
	for _, c := range f.Comments {
		s := findSuppression(c.Text, c.Start, c.End)
		if s == nil {
			continue
		}
		if h.lines == nil {
			h.lines = linemap.New(src)
			h.byLine = map[int]suppressions{}
		}
		h.all = append(h.all, s)
		last, _ := h.lines.Position(c.End, linemap.Bytes)
		first, _ := h.lines.Position(c.Start, linemap.Bytes)
		for line := first; line <= last+1; line++ {
			h.byLine[line] = append(h.byLine[line], s)
		}
	}
	return h
}

// at returns the suppressions that cover a unit starting at offset.
func (h hostSups) at(offset int) suppressions {
	if h.lines == nil {
		return nil
	}
	line, _ := h.lines.Position(offset, linemap.Bytes)
	return h.byLine[line]
}
