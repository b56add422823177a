// Package lint checks >cs messages against the rules of SPEC §4 and yields
// diagnostics: rule id, severity, byte range, message, and where it can, a
// safe fix and suggestions.
//
// Each rule is one small unit in its own file (rule_<id>.go) with a doc page
// in docs/<id>.md and test data in testdata/rules/. All rules are listed in
// Rules. The engine (Linter) parses each file — a .cscmd command file, or
// the >cs strings of a host file — runs the rules, applies the
// configuration's severities and the suppression comments, and maps every
// position and fix back to the bytes of the file.
package lint

import (
	"fmt"
	"strings"
)

// Severity is how much a diagnostic matters. The zero value is Off.
type Severity int

// Severities, least to most severe.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity reads a severity as written in .cscmd.yaml or --fail-on.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "off":
		return Off, nil
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Off, fmt.Errorf("severity must be error, warning, info or off, got %q", s)
}

// Edit replaces the bytes [Start, End) of a file with New.
type Edit struct {
	Start, End int
	New        string
}

// Fix is a change that resolves a diagnostic.
type Fix struct {
	Title string // imperative, shown in editors: "Replace with \"/set\""
	Edits []Edit
}

// Diagnostic is one finding in one file. Start and End are byte offsets in
// the file; the output formats turn them into lines and columns.
type Diagnostic struct {
	Rule     string
	Severity Severity
	Start    int
	End      int
	Message  string
	// Fix is safe to apply without a person looking: `cscmd lint --fix`
	// applies it. Nil when there is none.
	Fix *Fix
	// Suggestions are changes a person may choose, such as a did-you-mean;
	// editors offer them as quick fixes.
	Suggestions []Fix
}
