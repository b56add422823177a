package lint

import (
	"fmt"
	"sort"

	"github.com/web1on1/cscmd/suggest"
)

// widgetAPI is the widget's JavaScript API from the seed document: each
// member with the fewest and most arguments it takes.
var widgetAPI = map[string][2]int{
	"open":                     {0, 0},
	"close":                    {0, 0},
	"isOpened":                 {0, 0},
	"setPredefinedMessage":     {1, 1},
	"api.showFakeAgentMessage": {1, 2},
	"api.sendClientMessage":    {1, 1},
}

// widgetMembers are the keys of widgetAPI, sorted, for did-you-mean.
var widgetMembers = func() []string {
	out := make([]string, 0, len(widgetAPI))
	for k := range widgetAPI {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}()

// ruleWidgetAPI reports a call on web1on1 that the widget does not have, or
// with the wrong number of arguments: in production it throws, or silently
// drops the message.
var ruleWidgetAPI = &Rule{
	ID:       "widget-api",
	Severity: Error,
	Summary:  "an unknown web1on1 member or a wrong argument count",
	Needs:    InHost,
	Check: func(p *Pass) {
		c := p.Call
		if c == nil {
			return
		}
		arity, ok := widgetAPI[c.Path]
		if !ok {
			guess, close := suggest.Closest(c.Path, widgetMembers)
			if !close {
				p.Report(c.Start, c.End, "web1on1 has no member %q; it has %s", c.Path, quoteList(widgetMembers))
				return
			}
			d := p.Report(c.Start, c.End, "web1on1 has no member %q; did you mean %q?", c.Path, guess)
			d.Suggestions = append(d.Suggestions, replace(fmt.Sprintf("Replace with %q", guess), c.Start, c.End, guess))
			return
		}
		if c.Args < arity[0] || c.Args > arity[1] {
			p.Report(c.Start, c.End, "web1on1.%s takes %s, got %d", c.Path, arguments(arity), c.Args)
		}
	},
}

func arguments(a [2]int) string {
	plural := func(n int) string {
		if n == 1 {
			return "1 argument"
		}
		return fmt.Sprintf("%d arguments", n)
	}
	if a[0] == a[1] {
		if a[0] == 0 {
			return "no arguments"
		}
		return plural(a[0])
	}
	return fmt.Sprintf("%d or %s", a[0], plural(a[1]))
}
