package ide

import (
	"bytes"
	"fmt"
	"sort"
	"sync"

	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/linemap"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/lsp/feature"
)

// Analyzer lints the documents open in an editor. It keeps, per document,
// the findings of each line of a command file or each string of a host
// file, so that the lint after a keystroke re-checks only what changed.
type Analyzer struct {
	mu     sync.Mutex
	caches map[string]*docCache // by document URI
}

type docCache struct {
	cfg     *config.Config // the configuration the caches were filled under
	lines   *lint.LineCache
	strings *lint.StringCache
}

// Analyze returns the findings of one document with their quick fixes: the
// rule's safe fix (preferred, so "fix all" applies it), its suggestions, and
// "ignore this rule here".
func (a *Analyzer) Analyze(ws *Workspace, docURI, languageID string, text []byte) []feature.Finding {
	var cfg *config.Config
	if ws != nil {
		cfg = ws.Config
	}
	l := &lint.Linter{Config: cfg}
	// A panic while linting is a finding on this document, never the end of
	// the session or of its diagnostics.
	diags := lint.Guard(func() []lint.Diagnostic {
		if isCommands(languageID) {
			return l.LintCommandsCached(text, a.cache(docURI, cfg).lines)
		}
		if lang := hostLanguage(languageID); lang != nil {
			// Through the shared extraction: completion, hover and hints
			// will ask about this very text next.
			f, err := ws.extractions().extractWithError(lang, text)
			return l.LintExtractedCached(f, err, text, a.cache(docURI, cfg).strings)
		}
		return nil
	})
	return findings(ws.extractions(), diags, languageID, text)
}

// Forget drops what the analyzer keeps for a closed document.
func (a *Analyzer) Forget(docURI string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.caches, docURI)
}

func (a *Analyzer) cache(docURI string, cfg *config.Config) *docCache {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.caches == nil {
		a.caches = map[string]*docCache{}
	}
	c := a.caches[docURI]
	if c == nil || c.cfg != cfg {
		c = &docCache{cfg: cfg, lines: &lint.LineCache{}, strings: &lint.StringCache{}}
		a.caches[docURI] = c
	}
	return c
}

var severities = map[lint.Severity]int{
	lint.Error:   feature.SeverityError,
	lint.Warning: feature.SeverityWarning,
	lint.Info:    feature.SeverityInfo,
}

func findings(x *Extractions, diags []lint.Diagnostic, languageID string, text []byte) []feature.Finding {
	if len(diags) == 0 {
		return nil
	}
	ig := newIgnorer(x, languageID, text)
	out := make([]feature.Finding, 0, len(diags))
	for _, d := range diags {
		f := feature.Finding{Start: d.Start, End: d.End, Severity: severities[d.Severity], Code: d.Rule, Message: d.Message}
		if r := lint.RuleByID(d.Rule); r != nil {
			f.Href = r.DocURL()
		}
		if d.Fix != nil {
			f.Fixes = append(f.Fixes, lspFix(*d.Fix, true))
		}
		for _, s := range d.Suggestions {
			f.Fixes = append(f.Fixes, lspFix(s, false))
		}
		if fix, ok := ig.fix(d); ok {
			f.Fixes = append(f.Fixes, fix)
		}
		out = append(out, f)
	}
	return out
}

func lspFix(f lint.Fix, preferred bool) feature.Fix {
	edits := make([]feature.Edit, len(f.Edits))
	for i, e := range f.Edits {
		edits[i] = feature.Edit{Start: e.Start, End: e.End, NewText: e.New}
	}
	return feature.Fix{Title: f.Title, Edits: edits, Preferred: preferred}
}

// ignorer writes "ignore this rule here": a suppression comment (SPEC §3)
// on a line of its own above the finding, indented like that line, in the
// comment syntax of the language at that line.
type ignorer struct {
	lang  *host.Language
	file  *host.File // the extraction of a host file; nil for a command file
	text  []byte
	lines *linemap.Map
	// regions are the file's embedded documents by start, each with the
	// index of the innermost one around it (-1 for none), so that the
	// document at a line is found in O(log n + depth).
	regions []host.Region
	parent  []int
}

func newIgnorer(x *Extractions, languageID string, text []byte) *ignorer {
	ig := &ignorer{lang: host.ByID(languageID), text: text, lines: linemap.New(text)}
	if l := hostLanguage(languageID); l != nil {
		ig.file = x.extract(l, text)
		ig.regions = ig.file.Regions // by start, the outer one first
		var open []int
		for i, r := range ig.regions {
			for len(open) > 0 && ig.regions[open[len(open)-1]].End <= r.Start {
				open = open[:len(open)-1]
			}
			p := -1
			if len(open) > 0 {
				p = open[len(open)-1]
			}
			ig.parent = append(ig.parent, p)
			open = append(open, i)
		}
	}
	return ig
}

func (ig *ignorer) fix(d lint.Diagnostic) (feature.Fix, bool) {
	if d.Rule == "unused-suppression" {
		return feature.Fix{}, false // a suppression cannot silence the rule about suppressions
	}
	line, _ := ig.lines.Position(d.Start, linemap.Bytes)
	start, end, _ := ig.lines.Line(line)
	comment, ok := ig.comment(start, "cscmd-ignore "+d.Rule)
	if !ok {
		return feature.Fix{}, false
	}
	lineText := ig.text[start:end]
	indent := lineText[:len(lineText)-len(bytes.TrimLeft(lineText, " \t"))]
	eol := "\n" // the line's own break: LF, CRLF or a lone CR
	if n := linemap.BreakAt(ig.text, end); n > 0 {
		eol = string(ig.text[end : end+n])
	}
	return feature.Fix{
		Title: fmt.Sprintf("Ignore %s here", d.Rule),
		Edits: []feature.Edit{{Start: start, End: start, NewText: string(indent) + comment + eol}},
	}, true
}

// comment writes body as a comment line inserted at lineStart, in the
// language of the innermost embedded document there (a script of a page is
// JS); false where no comment can stand: inside a literal (a YAML block
// scalar, a template literal, HTML in a JSON string) or in JSON.
func (ig *ignorer) comment(lineStart int, body string) (string, bool) {
	lang := ig.lang
	if f := ig.file; f != nil {
		// Strings are in source order and do not overlap: only the last
		// one starting before the line can span it.
		if i := sort.Search(len(f.Strings), func(i int) bool { return f.Strings[i].Start >= lineStart }) - 1; i >= 0 && lineStart < f.Strings[i].End {
			return "", false
		}
		// A document that starts at the line start holds the line (a
		// Markdown fence's first line): the comment goes inside it.
		k := sort.Search(len(ig.regions), func(i int) bool { return ig.regions[i].Start > lineStart }) - 1
		for k >= 0 && ig.regions[k].End <= lineStart {
			k = ig.parent[k]
		}
		if k >= 0 {
			if ig.regions[k].Escaped {
				return "", false
			}
			lang = ig.regions[k].Lang
		}
	}
	return lang.CommentLine(body)
}
