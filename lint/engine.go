package lint

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
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

// Lint lints one file by its name: a .cscmd command file, or a host file
// of SPEC §2. The error reports a file of another kind. A file that could be
// read only in part, or not at all, has a host-syntax finding; a panic while
// linting it becomes one too (see Guard).
func (l *Linter) Lint(path string, src []byte) ([]Diagnostic, error) {
	lang, isHost := host.LangOf(path)
	if !isHost && !IsCommandFile(path) {
		return nil, fmt.Errorf("not a command file (.cscmd) or a host file (.js, .ts, .jsx, .tsx, .html, .json, .yaml …)")
	}
	return Guard(func() []Diagnostic {
		if d, ok := l.unsupportedEncoding(src); ok {
			return d
		}
		if isHost {
			return l.LintHost(lang, src)
		}
		return l.LintCommands(src)
	}), nil
}

// IsCommandFile reports whether path is a command file, linted line by line.
func IsCommandFile(path string) bool { return strings.EqualFold(filepath.Ext(path), ".cscmd") }

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
			c.check(n, errs[:k], identity{}, pending, true, "")
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

// positions maps offsets of a unit to offsets of its file, and text of the
// unit to text of the file: *host.String for a string in a host file.
type positions interface {
	HostOffset(int) int
	HostEnd(int) int
	Escape(string) (string, bool)
}

// identity is the positions of a unit that is its file's own text.
type identity struct{}

func (identity) HostOffset(i int) int           { return i }
func (identity) HostEnd(i int) int              { return i }
func (identity) Escape(s string) (string, bool) { return s, true }

// check runs every rule over one message. One Pass is reused for every
// rule: the run over a large file makes no allocation per rule.
func (c *checker) check(m ast.Message, errs grammar.ErrorList, pos positions, sup suppressions, commandFile bool, callee string) {
	p := &c.pass
	p.Msg, p.Errors, p.Call, p.CommandFile, p.Callee = m, errs, nil, commandFile, callee
	p.idsFound = false
	c.run(pos, sup)
}

func (c *checker) run(pos positions, sup suppressions) {
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

// mapDiagnostic moves a diagnostic and its fixes from a unit's offsets to
// the file's. A fix whose text cannot be written in the host literal, or
// that would change a dynamic part, is dropped.
func mapDiagnostic(d Diagnostic, pos positions, src string) Diagnostic {
	if _, ok := pos.(identity); ok {
		return d
	}
	d.Start, d.End = pos.HostOffset(d.Start), pos.HostEnd(d.End)
	mapFix := func(f Fix) (Fix, bool) {
		edits := make([]Edit, len(f.Edits))
		for i, e := range f.Edits {
			text, ok := pos.Escape(e.New)
			if !ok || ast.HasPlaceholder(src[e.Start:e.End]) {
				return f, false
			}
			edits[i] = Edit{Start: pos.HostOffset(e.Start), End: pos.HostEnd(e.End), New: text}
		}
		f.Edits = edits
		return f, true
	}
	if d.Fix != nil {
		f, ok := mapFix(*d.Fix)
		d.Fix = nil
		if ok {
			d.Fix = &f
		}
	}
	var sugg []Fix
	for _, f := range d.Suggestions {
		if f, ok := mapFix(f); ok {
			sugg = append(sugg, f)
		}
	}
	d.Suggestions = sugg
	return d
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
