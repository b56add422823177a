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
		if languageID == "cscmd" {
			return l.LintCommandsCached(text, a.cache(docURI, cfg).lines)
		}
		if lang, ok := hostLanguages[languageID]; ok {
			// Through the shared extraction: completion, hover and hints
			// will ask about this very text next.
			f, err := extractWithError(lang, text)
			return l.LintExtractedCached(f, err, text, a.cache(docURI, cfg).strings)
		}
		return nil
	})
	return findings(diags, languageID, text)
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

func findings(diags []lint.Diagnostic, languageID string, text []byte) []feature.Finding {
	if len(diags) == 0 {
		return nil
	}
	ig := newIgnorer(languageID, text)
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
// host's comment syntax.
type ignorer struct {
	languageID string
	text       []byte
	lines      *linemap.Map
	blocks     [][2]int // YAML block scalars, where a "#" line is text, not a comment
	scripts    [][2]int // HTML <script> bodies, in order, where comments are JavaScript's
}

func newIgnorer(languageID string, text []byte) *ignorer {
	ig := &ignorer{languageID: languageID, text: text, lines: linemap.New(text)}
	if languageID == "yaml" {
		for _, s := range extract(host.YAML, text).Strings {
			if s.Syntax == host.YAMLBlock {
				ig.blocks = append(ig.blocks, [2]int{s.Start, s.End})
			}
		}
	}
	if languageID == "html" {
		ig.scripts = scriptBodies(text)
	}
	return ig
}

func (ig *ignorer) fix(d lint.Diagnostic) (feature.Fix, bool) {
	if d.Rule == "unused-suppression" {
		return feature.Fix{}, false // a suppression cannot silence the rule about suppressions
	}
	line, _ := ig.lines.Position(d.Start, linemap.Bytes)
	start, end, _ := ig.lines.Line(line)
	comment, ok := ig.comment(d.Start, "cscmd-ignore "+d.Rule)
	if !ok {
		return feature.Fix{}, false
	}
	lineText := ig.text[start:end]
	indent := lineText[:len(lineText)-len(bytes.TrimLeft(lineText, " \t"))]
	eol := "\n"
	if end+1 < len(ig.text) && ig.text[end] == '\r' && ig.text[end+1] == '\n' {
		eol = "\r\n"
	}
	return feature.Fix{
		Title: fmt.Sprintf("Ignore %s here", d.Rule),
		Edits: []feature.Edit{{Start: start, End: start, NewText: string(indent) + comment + eol}},
	}, true
}

// comment writes body as a comment of the document's language at offset;
// false where no comment can stand: JSON has none, and a line inside a YAML
// block scalar is part of the value.
func (ig *ignorer) comment(offset int, body string) (string, bool) {
	switch ig.languageID {
	case "cscmd":
		return "# " + body, true
	case "yaml":
		for _, b := range ig.blocks {
			if b[0] <= offset && offset < b[1] {
				return "", false
			}
		}
		return "# " + body, true
	case "javascript", "javascriptreact", "typescript", "typescriptreact", "jsonc":
		return "// " + body, true
	case "html":
		if inside(ig.scripts, offset) {
			return "// " + body, true
		}
		return "<!-- " + body + " -->", true
	}
	return "", false
}

// scriptBodies returns the ranges from each "<script" to the next
// "</script" (or the end of the text), found in one pass so that placing a
// comment costs a search, not a scan of everything before the finding.
func scriptBodies(text []byte) [][2]int {
	var out [][2]int
	for i := 0; ; {
		open := indexFold(text, i, "<script")
		if open < 0 {
			return out
		}
		end := indexFold(text, open+len("<script"), "</script")
		if end < 0 {
			return append(out, [2]int{open, len(text)})
		}
		out = append(out, [2]int{open, end})
		i = end + len("</script")
	}
}

// indexFold is the offset of the first ASCII-case-insensitive match of the
// lowercase pattern at or after from, or -1.
func indexFold(text []byte, from int, pattern string) int {
	for i := from; i+len(pattern) <= len(text); i++ {
		j := bytes.IndexByte(text[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(pattern) <= len(text) && bytes.EqualFold(text[i:i+len(pattern)], []byte(pattern)) {
			return i
		}
	}
	return -1
}

// inside reports whether offset lies strictly after the start of one of the
// sorted, disjoint ranges and before its end.
func inside(ranges [][2]int, offset int) bool {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i][1] >= offset })
	return i < len(ranges) && ranges[i][0] < offset
}
