package lint

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/host"
)

// Rule is one check with a stable id.
type Rule struct {
	ID       string
	Severity Severity // default; .cscmd.yaml may change it
	Summary  string   // one line, lowercase: what the rule finds
	// Check reports what the rule finds in the unit of p: a message, or in a
	// host file a call on web1on1. It is nil for a rule the engine reports
	// itself.
	Check func(p *Pass)
	// Needs is what a unit must have for Check to find anything in it; the
	// engine does not call Check on other units.
	Needs Scope
}

// Scope is a set of things a unit has. Over a file of valid commands most
// rules have nothing to look at in most messages, and calling each rule on
// each message would cost the run more than the checks it makes.
type Scope uint8

const (
	// HasErrors: the message has parse errors, the findings of the rules
	// that report them.
	HasErrors Scope = 1 << iota
	// HasCatalog: the configuration has a catalog.
	HasCatalog
	// InHost: the unit is in a host file, not in a command file.
	InHost
	// IsChat: the message is chat, a near miss among it.
	IsChat
	// IsCommand: the message is a command, an invalid one among them.
	IsCommand
)

// scope is what the unit of p has.
func (p *Pass) scope() Scope {
	var s Scope
	if len(p.Errors) > 0 {
		s |= HasErrors
	}
	if p.Catalog != nil {
		s |= HasCatalog
	}
	if !p.CommandFile {
		s |= InHost
	}
	switch p.Msg.(type) {
	case nil: // a call
	case *ast.Chat:
		s |= IsChat
	default:
		s |= IsCommand
	}
	return s
}

// Rules lists every rule, in the order of SPEC §4.
var Rules = []*Rule{
	ruleSyntax,
	ruleUnknownCommand,
	ruleMissingArgument,
	ruleUnexpectedArgument,
	ruleObjectIDFormat,
	ruleObjectIDCase,
	ruleObjectIDTime,
	ruleLocationPair,
	ruleLocationDepartment,
	ruleEmptyValue,
	rulePrefix,
	ruleNotACommand,
	ruleUnknownReserved,
	ruleUnknownReference,
	ruleDepartmentMismatch,
	ruleUnknownCategory,
	ruleUnknownField,
	ruleUnknownVariable,
	ruleVisibleCommand,
	ruleWidgetAPI,
	ruleHostSyntax,
	ruleUnusedSuppression,
}

// RuleByID returns the rule with the id, or nil.
func RuleByID(id string) *Rule {
	for _, r := range Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// RuleIDs returns the ids of every rule, for validating configuration.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}

//go:embed docs/*.md
var docs embed.FS

// Doc returns the rule's documentation page, Markdown.
func (r *Rule) Doc() string {
	b, err := docs.ReadFile("docs/" + r.ID + ".md")
	if err != nil {
		return "# " + r.ID + "\n\n" + r.Summary + "\n"
	}
	return string(b)
}

// DocURL is where a rule's page is published, for editors and SARIF.
func (r *Rule) DocURL() string {
	return "https://github.com/web1on1/cscmd/blob/main/lint/docs/" + r.ID + ".md"
}

// Pass is what a rule sees of one unit, and where it reports.
type Pass struct {
	// Msg is the message being checked, nil when checking a Call.
	Msg ast.Message
	// Errors are the parse errors of Msg.
	Errors grammar.ErrorList
	// Src is the text the unit's offsets index: a command file's whole
	// source, or the decoded text of a host string.
	Src string
	// Call is the web1on1 call being checked in a host file, or nil.
	Call *host.Call
	// Catalog is the configuration's catalog; nil when there is none.
	Catalog *config.Catalog
	// CommandFile is set for a line of a .cscmd file, where chat is a mistake.
	CommandFile bool
	// Callee is, in a host file, the web1on1 member the message is passed
	// to ("api.sendClientMessage"), or "".
	Callee string
	// Now is the time the run started, for ObjectId times.
	Now time.Time

	rule     *Rule
	diags    []*Diagnostic // each its own allocation: see Report
	ids      []roleID      // of Msg, once found
	idsFound bool
}

// Report records a finding of the pass's rule over [from, to) in the
// coordinates of the unit: the message's for a message, the file's for a
// call. The returned diagnostic may be given a fix or suggestions at any
// time during the rule's Check: it is not an element of a slice that a
// later Report could move, so a fix set through it is never lost.
func (p *Pass) Report(from, to int, format string, args ...any) *Diagnostic {
	d := &Diagnostic{Rule: p.rule.ID, Start: from, End: to, Message: fmt.Sprintf(format, args...)}
	p.diags = append(p.diags, d)
	return d
}

// ReportNode records a finding over a node.
func (p *Pass) ReportNode(n ast.Node, format string, args ...any) *Diagnostic {
	from, to := ast.Span(n)
	return p.Report(from, to, format, args...)
}

// parseErrors reports the parse errors of one code: the parser judges a
// command's shape once, and each rule owns the errors of its id.
func (p *Pass) parseErrors(code string) {
	for _, e := range p.Errors {
		if e.Code == code {
			p.Report(e.Pos.Offset, e.End.Offset, "%s", e.Msg)
		}
	}
}

// textAt returns the unit's text in [from, to).
func (p *Pass) textAt(from, to int) string { return p.Src[from:to] }

// Command returns the message when it is a command, or nil for chat: most
// rules judge commands only.
func (p *Pass) Command() ast.Message {
	switch p.Msg.(type) {
	case nil, *ast.Chat:
		return nil
	}
	return p.Msg
}

// replace is a fix that replaces [from, to) with text.
func replace(title string, from, to int, text string) Fix {
	return Fix{Title: title, Edits: []Edit{{Start: from, End: to, New: text}}}
}

// quoteList quotes names for a message: "a", "b" or "c".
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	sort.Strings(q)
	if len(q) > 1 {
		return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
	}
	return strings.Join(q, "")
}
