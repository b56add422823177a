package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/suggest"
)

type explainCmd struct {
	Rule string `arg:"" name:"RULE" help:"The rule id, as in the brackets of a diagnostic."`
}

func (c *explainCmd) Run(e *env) error {
	if c.Rule == baselineRule.ID {
		// Not a lint rule: stale entries of --baseline, found after linting.
		_, err := fmt.Fprint(e.stdout, baselineRule.Help)
		return err
	}
	r := lint.RuleByID(c.Rule)
	if r == nil {
		msg := fmt.Sprintf("unknown rule %q", c.Rule)
		if guess, ok := suggest.Closest(c.Rule, lint.RuleIDs()); ok {
			msg += fmt.Sprintf("; did you mean %q?", guess)
		} else {
			msg += "; run \"cscmd rules\" for the list"
		}
		e.fail("%s", msg)
		return nil
	}
	_, err := fmt.Fprint(e.stdout, r.Doc())
	return err
}

type rulesCmd struct{}

func (rulesCmd) Run(e *env) error {
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, r := range lint.Rules {
		fmt.Fprintf(w, "%s\t%s\t%s\n", r.ID, r.Severity, r.Summary)
	}
	return w.Flush()
}
