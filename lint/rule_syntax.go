package lint

import "github.com/web1on1/cscmd/grammar"

// ruleSyntax reports commands the parser cannot read: nothing after ">cs",
// a word where a command should be, a bad name, invalid UTF-8, a command
// over more than one line.
var ruleSyntax = &Rule{
	ID:       "syntax",
	Severity: Error,
	Summary:  "the command cannot be parsed",
	Needs:    HasErrors,
	Check:    func(p *Pass) { p.parseErrors(grammar.CodeSyntax) },
}
