package lint

import "fmt"

// InternalError is the finding for a file whose linting failed with a
// panic: a bug in cscmd, reported against that file so that the run goes on
// with the others. It is an error whatever the configuration: the file was
// not checked.
func InternalError(v any) Diagnostic {
	return Diagnostic{Rule: ruleHostSyntax.ID, Severity: Error, Message: fmt.Sprintf(
		"internal error: cscmd failed while linting this file (%v), so it was not checked; "+
			"please report it with the file at https://github.com/web1on1/cscmd/issues", v)}
}

// Guard runs lint and returns its findings, or, if it panics, the
// InternalError finding: one file's failure never ends a run or an editor
// session.
func Guard(lint func() []Diagnostic) (diags []Diagnostic) {
	defer func() {
		if r := recover(); r != nil {
			diags = []Diagnostic{InternalError(r)}
		}
	}()
	return lint()
}
