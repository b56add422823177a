package lint

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/host"
	"golang.org/x/sync/errgroup"
)

// Linter runs the rules over files. The zero Linter uses every rule at its
// default severity, with no catalog.
type Linter struct {
	// Config supplies rule severities and the catalog; nil means defaults.
	Config *config.Config
	// Now is the current time for ObjectId times; zero means time.Now().
	Now time.Time

	rules []*Rule // the rules run; nil means Rules
}

// severity is the configured severity of r.
func (l *Linter) severity(r *Rule) Severity {
	s, err := ParseSeverity(l.Config.Severity(r.ID, r.Severity.String()))
	if err != nil {
		return r.Severity // config.Load already rejected bad severities
	}
	return s
}

func (l *Linter) now() time.Time {
	if l.Now.IsZero() {
		return time.Now()
	}
	return l.Now
}

// Lint lints one file by its name (see LanguageOf): a command file, or a
// host file of SPEC §2. The error reports a file of another kind. A file
// that could be read only in part, or not at all, has a host-syntax
// finding; a panic while linting it becomes one too (see Guard).
func (l *Linter) Lint(path string, src []byte) ([]Diagnostic, error) {
	lang := l.LanguageOf(path)
	if lang == nil {
		return nil, fmt.Errorf("not %s", host.Kinds())
	}
	return Guard(func() []Diagnostic {
		if d, ok := l.unsupportedEncoding(src); ok {
			return d
		}
		if lang == host.Commands {
			return l.LintCommands(src)
		}
		return l.LintHost(lang, src)
	}), nil
}

// IsCommandFile reports whether path is a command file by its name.
func IsCommandFile(path string) bool { return host.ByPath(path) == host.Commands }

// LanguageOf is the language path is linted as: the one the configuration's
// `languages:` gives it, or the one its name says; nil for a file cscmd
// does not lint.
func (l *Linter) LanguageOf(path string) *host.Language {
	if name := l.Config.Language(path); name != "" {
		return host.ByName(name)
	}
	return host.ByPath(path)
}

// LintCommands lints a command file: one message per line, where chat is a
// mistake and a comment `# cscmd-ignore RULE[,RULE]` silences the next
// message. Diagnostics come sorted by position. A large file is linted in
// pieces on every core.
func (l *Linter) LintCommands(src []byte) []Diagnostic {
	text := string(src)
	if len(src) < pieceSize*2 || runtime.GOMAXPROCS(0) == 1 {
		return l.lintCommands(text, text, ast.Pos{Line: 1, Column: 1})
	}
	type piece struct {
		grammar.Piece
		out    []Diagnostic
		failed any // a panic in the worker, raised again on the caller's goroutine
	}
	var pieces []*piece
	for _, p := range grammar.Pieces(src, pieceSize, ast.Pos{Line: 1, Column: 1}, isMessageLine) {
		pieces = append(pieces, &piece{Piece: p})
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, p := range pieces {
		g.Go(func() error {
			// A panic here would end the process: no caller's Guard can
			// recover another goroutine's panic.
			defer func() { p.failed = recover() }()
			p.out = l.lintCommands(text, text[p.Start:p.End], p.Base)
			return nil
		})
	}
	g.Wait() // no piece fails: findings are data
	var out []Diagnostic
	for _, p := range pieces {
		if p.failed != nil {
			panic(p.failed)
		}
		out = append(out, p.out...)
	}
	return out
}

// pieceSize is how much of a large command file one worker lints at a time;
// below grammar's own threshold for parsing in parallel.
const pieceSize = 128 << 10

// isMessageLine tells where a piece may end: after a message line, so that
// a suppression comment and the message it covers, blank lines between them
// or not, stay together.
func isMessageLine(line []byte) bool {
	t := bytes.TrimLeft(line, " \t\r")
	return len(t) > 0 && t[0] != '#'
}

// lintCommands lints the whole lines src placed at base in the file whose
// text is whole.
func (l *Linter) lintCommands(whole, src string, base ast.Pos) []Diagnostic {
	doc, errs := grammar.ParseText(src, grammar.Base(base))
	c := l.newChecker()
	c.pass.Src = whole
	var pending suppressions
	for _, n := range doc.Lines() {
		switch n := n.(type) {
		case *ast.Comment:
			if s := parseSuppression(n); s != nil {
				c.sups = append(c.sups, s)
				pending = append(pending, s)
			}
		case ast.Message:
			line := n.Pos().Line
			k := 0
			for k < len(errs) && errs[k].Pos.Line == line {
				k++
			}
			c.check(n, errs[:k], nil, pending, true, "")
			errs, pending = errs[k:], nil
		}
	}
	return c.finish()
}

// checker runs the rules over the units of one file.
type checker struct {
	l     *Linter
	rules []*Rule
	sevs  []Severity
	pass  Pass
	out   []Diagnostic
	sups  []*suppression
}

func (l *Linter) newChecker() *checker {
	c := &checker{l: l}
	rules := l.rules
	if rules == nil {
		rules = Rules
	}
	for _, r := range rules {
		if s := l.severity(r); s != Off && r.Check != nil {
			c.rules = append(c.rules, r)
			c.sevs = append(c.sevs, s)
		}
	}
	if l.Config != nil {
		c.pass.Catalog = l.Config.Catalog
	}
	c.pass.Now = l.now()
	return c
}

// check runs every rule over one message. One Pass is reused for every
// rule: the run over a large file makes no allocation per rule.
// pos is the string of a host file the message was found in, nil for a
// line of a command file, whose offsets are the file's.
func (c *checker) check(m ast.Message, errs grammar.ErrorList, pos *host.String, sup suppressions, commandFile bool, callee string) {
	p := &c.pass
	p.Msg, p.Errors, p.Call, p.CommandFile, p.Callee = m, errs, nil, commandFile, callee
	p.idsFound = false
	c.run(pos, sup)
}

func (c *checker) run(pos *host.String, sup suppressions) {
	p := &c.pass
	has := p.scope()
	for i, r := range c.rules {
		if r.Needs&^has != 0 {
			continue
		}
		p.rule, p.diags = r, p.diags[:0]
		r.Check(p)
		for _, d := range p.diags {
			if sup.covers(d.Rule) {
				continue
			}
			d.Severity = c.sevs[i]
			c.out = append(c.out, mapDiagnostic(*d, pos, p.Src))
		}
	}
}

// mapDiagnostic moves a diagnostic and its fixes from the offsets of the
// string pos to the file's (nil: they are the file's already), escaping
// each edit for the literal and every layer around it. A fix that the
// literal's syntax cannot hold is offered, where the literal can be
// written anew in another syntax, as a suggestion that rewrites it whole —
// it changes more than the fix, so --fix does not apply it; otherwise, and
// when it would change a dynamic part, it is dropped.
func mapDiagnostic(d Diagnostic, pos *host.String, src string) Diagnostic {
	if pos == nil {
		return d
	}
	m := pos.Map()
	d.Start, d.End = m.Start(d.Start), m.End(d.End)
	var sugg []Fix
	if d.Fix != nil {
		f, how := mapFix(*d.Fix, pos, src)
		d.Fix = nil
		switch how {
		case fixMapped:
			d.Fix = &f
		case fixRewrites:
			sugg = append(sugg, f)
		}
	}
	for _, f := range d.Suggestions {
		if f, how := mapFix(f, pos, src); how != fixDropped {
			sugg = append(sugg, f)
		}
	}
	d.Suggestions = sugg
	return d
}

// How mapFix could move a fix into a host literal.
const (
	fixDropped  = iota
	fixMapped   // edit for edit, each escaped
	fixRewrites // as one edit that writes the whole literal anew
)

func mapFix(f Fix, pos *host.String, src string) (Fix, int) {
	m := pos.Map()
	edits := make([]Edit, len(f.Edits))
	for i, e := range f.Edits {
		if ast.HasPlaceholder(src[e.Start:e.End]) {
			return f, fixDropped
		}
		text, ok := pos.Escape(e.New)
		if !ok {
			return requoteFix(f, pos, src)
		}
		edits[i] = Edit{Start: m.Start(e.Start), End: m.End(e.End), New: text}
	}
	f.Edits = edits
	return f, fixMapped
}

// requoteFix applies the fix to the string's text and writes the result as
// a new literal over the old one, when the string allows it.
func requoteFix(f Fix, pos *host.String, src string) (Fix, int) {
	edits := slices.Clone(f.Edits)
	slices.SortFunc(edits, func(a, b Edit) int { return a.Start - b.Start })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		if e.Start < at {
			return f, fixDropped // overlapping edits: no one text they mean
		}
		b.WriteString(src[at:e.Start])
		b.WriteString(e.New)
		at = e.End
	}
	b.WriteString(src[at:])
	lit, ok := pos.Requote(b.String())
	if !ok {
		return f, fixDropped
	}
	f.Title += ", quoting the value"
	f.Edits = []Edit{{Start: pos.Start, End: pos.End, New: lit}}
	return f, fixRewrites
}

// finish reports unused suppressions and sorts the diagnostics.
func (c *checker) finish() []Diagnostic {
	if sev := c.l.severity(ruleUnusedSuppression); sev != Off {
		for _, s := range c.sups {
			for _, d := range s.unused() {
				d.Severity = sev
				c.out = append(c.out, d)
			}
		}
	}
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i], c.out[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Rule < b.Rule
	})
	return c.out
}
