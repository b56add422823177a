// Package engine is what the WebAssembly build of cscmd (package
// github.com/web1on1/cscmd/wasm) serves to JavaScript: parse, lint,
// completion, hover and the plain words of each command, each answered as
// JSON text that the JavaScript side decodes with JSON.parse — one string
// crosses into JavaScript instead of one syscall/js call per field. It is
// ordinary Go, tested natively; only the thin wrapper is built for js/wasm.
//
// parse and lint answer with the bytes the CLI writes (report.AppendDocument
// with report.AppendJSON, report.WriteJSON), so the two cannot disagree.
package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/ide"
	"github.com/web1on1/cscmd/linemap"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/lsp/feature"
	"github.com/web1on1/cscmd/plain"
	"github.com/web1on1/cscmd/report"
)

// Options are what lint, complete, hover and explain take besides the text.
type Options struct {
	// Language is a language id ("cscmd", "javascript", "typescript",
	// "html", "json", "yaml", …) or a file name whose extension decides
	// ("pages/car.html"); a file name is also the "file" of diagnostics.
	// Empty means a command file.
	Language string
	// Config is the text of a .cscmd.yaml; empty means none.
	Config string
}

// resolve reads o.Language: the file name diagnostics are reported for,
// its language, and the editor language id package ide takes. A file name
// is read as the CLI reads it, with the config's languages: mapping.
func (o Options) resolve(cfg *config.Config) (name string, lang *host.Language, id string, err error) {
	name = o.Language
	if name == "" {
		name = host.Commands.IDs[0]
	}
	if l := host.ByID(name); l != nil {
		return "document" + l.Extensions[0], l, name, nil
	}
	if l := (&lint.Linter{Config: cfg}).LanguageOf(name); l != nil {
		return name, l, l.IDs[0], nil
	}
	var ids []string
	for _, l := range host.Languages {
		ids = append(ids, l.IDs...)
	}
	return "", nil, "", fmt.Errorf("unknown language %q: a language id (%s) or the name of %s", o.Language, strings.Join(ids, ", "), host.Kinds())
}

// ConfigError is one problem of the config text, as the CLI prints it.
type ConfigError struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Key     string `json:"key,omitempty"`
	Message string `json:"message"`
}

// lastConfig is the config text last loaded and what it gave: an editor
// lints after every keystroke with the same config, and loading one costs
// more than linting a short document. Calls from JavaScript come one at a
// time, but the mutex keeps the engine safe for Go callers too.
var lastConfig struct {
	sync.Mutex
	text string
	cfg  *config.Config
	errs []ConfigError
}

// loadConfig loads the config text; its valid parts are used even when it
// has errors, as in the CLI, and the errors are returned to be shown.
func loadConfig(text string) (*config.Config, []ConfigError) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	lastConfig.Lock()
	defer lastConfig.Unlock()
	if lastConfig.cfg != nil && lastConfig.text == text {
		return lastConfig.cfg, lastConfig.errs
	}
	cfg, errs := decodeConfig(text)
	lastConfig.text, lastConfig.cfg, lastConfig.errs = text, cfg, errs
	return cfg, errs
}

func decodeConfig(text string) (*config.Config, []ConfigError) {
	cfg, err := config.Load(".cscmd.yaml", []byte(text), lint.RuleIDs())
	var list config.ErrorList
	switch {
	case errors.As(err, &list):
		out := make([]ConfigError, len(list))
		for i, e := range list {
			out[i] = ConfigError{Line: e.Line, Column: e.Column, Key: e.Key, Message: e.Msg}
		}
		return cfg, out
	case err != nil:
		return cfg, []ConfigError{{Line: 1, Column: 1, Message: err.Error()}}
	}
	return cfg, nil
}

// Parse returns, as a JSON array, the objects `cscmd parse --format json`
// prints for src read from standard input.
func Parse(src []byte) string {
	bom := bytes.HasPrefix(src, []byte("\uFEFF"))
	out := []byte{'['}
	for _, p := range grammar.Pieces(src, 64<<10, ast.Pos{Line: 1, Column: 1}, nil) {
		out = report.AppendDocument(out, "", src, p, bom, report.AppendJSON)
	}
	// JSON Lines to an array: every line ends in '\n'; the last becomes ']'.
	if len(out) == 1 {
		return "[]"
	}
	out = bytes.ReplaceAll(out[:len(out)-1], []byte{'\n'}, []byte{','})
	return string(append(out, ']'))
}

// Lint returns the document `cscmd lint --format json` prints for src,
// named o.Language, with o.Config as its .cscmd.yaml; when the config has
// errors they are added as "configErrors".
func Lint(src []byte, o Options) (string, error) {
	cfg, cfgErrs := loadConfig(o.Config)
	name, _, _, err := o.resolve(cfg)
	if err != nil {
		return "", err
	}
	l := &lint.Linter{Config: cfg}
	diags, err := l.Lint(name, src)
	if err != nil {
		return "", err
	}
	f := report.LintFile{Path: name}
	if len(diags) > 0 {
		f.Src, f.Diags = src, diags
	}
	var b bytes.Buffer
	if err := report.WriteJSON(&b, []report.LintFile{f}, report.LintOptions{}); err != nil {
		return "", err
	}
	if len(cfgErrs) == 0 {
		return b.String(), nil
	}
	extra, _ := json.Marshal(cfgErrs)
	out := bytes.TrimRight(b.Bytes(), "}\n")
	return string(out) + `},"configErrors":` + string(extra) + "}", nil
}

// Position is a place in a document: 0-based line and UTF-16 column, as in
// JavaScript strings and the Language Server Protocol.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Range is the text between two positions.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// doc is a document with its line map, for converting positions.
type doc struct {
	src []byte
	m   *linemap.Map
}

func newDoc(src []byte) doc { return doc{src: src, m: linemap.New(src)} }

func (d doc) offset(p Position) (int, error) { return d.m.Offset(p.Line, p.Character, linemap.UTF16) }

func (d doc) position(offset int) Position {
	line, col := d.m.Position(offset, linemap.UTF16)
	return Position{Line: line, Character: col}
}

func (d doc) span(start, end int) Range { return Range{Start: d.position(start), End: d.position(end)} }

// Completion is one completion candidate.
type Completion struct {
	Label         string    `json:"label"`
	Detail        string    `json:"detail,omitempty"`
	Documentation string    `json:"documentation,omitempty"`
	Kind          int       `json:"kind,omitempty"`
	FilterText    string    `json:"filterText,omitempty"`
	Edit          *TextEdit `json:"edit,omitempty"`
}

// TextEdit replaces a range with new text.
type TextEdit struct {
	Range   Range  `json:"range"`
	NewText string `json:"newText"`
}

// cursor is what completion and hover take: the workspace, the editor
// language id, the document and the byte offset of pos in it.
func cursor(src []byte, pos Position, o Options) (ws *ide.Workspace, id string, d doc, at int, err error) {
	cfg, _ := loadConfig(o.Config)
	if _, _, id, err = o.resolve(cfg); err != nil {
		return nil, "", doc{}, 0, err
	}
	d = newDoc(src)
	at, err = d.offset(pos)
	return &ide.Workspace{Config: cfg}, id, d, at, err
}

// Complete returns, as a JSON array, the completion candidates at pos.
func Complete(src []byte, pos Position, o Options) (string, error) {
	ws, id, d, at, err := cursor(src, pos, o)
	if err != nil {
		return "", err
	}
	items := ide.Complete(ws, id, src, at)
	out := make([]Completion, len(items))
	for i, c := range items {
		out[i] = Completion{Label: c.Label, Detail: c.Detail, Documentation: c.Documentation, Kind: c.Kind, FilterText: c.FilterText}
		if c.Edit != nil {
			out[i].Edit = &TextEdit{Range: d.span(c.Edit.Start, c.Edit.End), NewText: c.Edit.NewText}
		}
	}
	return marshal(out)
}

// Hover is what hover shows at a position.
type Hover struct {
	Markdown string `json:"markdown"`
	Range    Range  `json:"range"`
}

// HoverAt returns, as JSON, the hover at pos, or null when there is none.
func HoverAt(src []byte, pos Position, o Options) (string, error) {
	ws, id, d, at, err := cursor(src, pos, o)
	if err != nil {
		return "", err
	}
	md, start, end, ok := ide.Hover(ws, id, src, at)
	if !ok {
		return "null", nil
	}
	return marshal(Hover{Markdown: md, Range: d.span(start, end)})
}

// analyzer keeps, per document, the findings of each line or string, so
// that Diagnose after a keystroke re-checks only what changed.
var analyzer ide.Analyzer

// Finding is one problem as an editor shows it: the lint diagnostic with
// every fix the language server offers (the safe fix, preferred; did-you-mean
// suggestions; "ignore this rule here").
type Finding struct {
	Range    Range  `json:"range"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	URL      string `json:"url,omitempty"`
	Fixes    []Fix  `json:"fixes,omitempty"`
}

// Fix is a set of edits applied together.
type Fix struct {
	Title     string     `json:"title"`
	Preferred bool       `json:"preferred,omitempty"`
	Edits     []TextEdit `json:"edits"`
}

var severities = map[int]string{feature.SeverityError: "error", feature.SeverityWarning: "warning", feature.SeverityInfo: "info", feature.SeverityHint: "hint"}

// Diagnose returns, as a JSON array, the findings of the document named
// doc (any string that stays the same while the document is edited) with
// their fixes, as the language server computes them.
func Diagnose(src []byte, doc string, o Options) (string, error) {
	cfg, _ := loadConfig(o.Config)
	_, _, id, err := o.resolve(cfg)
	if err != nil {
		return "", err
	}
	d := newDoc(src)
	found := analyzer.Analyze(&ide.Workspace{Config: cfg}, doc, id, src)
	out := make([]Finding, len(found))
	for i, f := range found {
		out[i] = Finding{Range: d.span(f.Start, f.End), Severity: severities[f.Severity], Rule: f.Code, Message: f.Message, URL: f.Href}
		if out[i].Severity == "" {
			out[i].Severity = "error"
		}
		for _, x := range f.Fixes {
			fix := Fix{Title: x.Title, Preferred: x.Preferred}
			for _, e := range x.Edits {
				fix.Edits = append(fix.Edits, TextEdit{Range: d.span(e.Start, e.End), NewText: e.NewText})
			}
			out[i].Fixes = append(out[i].Fixes, fix)
		}
	}
	return marshal(out)
}

// Step is one message of a document and what the widget does with it.
type Step struct {
	Range Range  `json:"range"`
	Runs  bool   `json:"runs"`
	Text  string `json:"text"`
}

// Explain returns, as a JSON array, what the widget does with each message
// of src, in plain words.
func Explain(src []byte, o Options) (string, error) {
	cfg, _ := loadConfig(o.Config)
	_, lang, _, err := o.resolve(cfg)
	if err != nil {
		return "", err
	}
	var cat *config.Catalog
	if cfg != nil {
		cat = cfg.Catalog
	}
	d := newDoc(src)
	steps := plain.Document(lang, src, cat)
	out := make([]Step, len(steps))
	for i, s := range steps {
		out[i] = Step{Range: d.span(s.Start, s.End), Runs: s.Runs, Text: s.Text}
	}
	return marshal(out)
}

// Rules returns, as a JSON array, every rule with its id, default severity,
// summary and the URL of its page.
func Rules() string {
	type rule struct {
		ID       string `json:"id"`
		Severity string `json:"severity"`
		Summary  string `json:"summary"`
		URL      string `json:"url"`
	}
	out := make([]rule, len(lint.Rules))
	for i, r := range lint.Rules {
		out[i] = rule{ID: r.ID, Severity: r.Severity.String(), Summary: r.Summary, URL: r.DocURL()}
	}
	s, _ := marshal(out)
	return s
}

// Languages returns, as a JSON array, every editor language id the engine
// takes, with the name of its language and that language's extensions, from
// the host registry: a language added there shows up here.
func Languages() string {
	type language struct {
		ID         string   `json:"id"`
		Name       string   `json:"name"`
		Extensions []string `json:"extensions"`
	}
	var out []language
	for _, l := range host.Languages {
		for _, id := range l.IDs {
			out = append(out, language{ID: id, Name: l.Name, Extensions: l.Extensions})
		}
	}
	s, _ := marshal(out)
	return s
}

func marshal(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}
