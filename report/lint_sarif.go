package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/web1on1/cscmd/lint"
)

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	toolURI      = "https://github.com/web1on1/cscmd"
	srcRoot      = "%SRCROOT%"
	// fingerprintKey names the partial fingerprint GitHub code scanning
	// matches alerts on. The upload action computes one only when it is
	// absent; ours hashes the rule and the line's text and not its
	// neighbours, so it survives more edits than the action's.
	fingerprintKey = "primaryLocationLineHash"
)

// The SARIF 2.1.0 objects cscmd writes, each with only the properties it
// sets. go-sarif v3 is not used: it marshals unset properties as sentinels
// and empty arrays ("index": -1, which the SARIF validator warns about,
// "rank": -1 and some thirty "[]" per run and result), and importing it
// pulls gojsonschema and a copy of the schema into the binary (go.sum does
// not even hold their sums).
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		Invocations        []sarifInvocation                `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
		ColumnKind         string                           `json:"columnKind"`
		Results            []sarifResult                    `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		Version         string      `json:"version,omitempty"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		InformationURI  string      `json:"informationUri"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		Name                 string             `json:"name,omitempty"`
		ShortDescription     sarifMessage       `json:"shortDescription"`
		FullDescription      sarifMessage       `json:"fullDescription"`
		Help                 sarifMessage       `json:"help"`
		HelpURI              string             `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool `json:"executionSuccessful"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifMessage       `json:"message"`
		Locations           []sarifLocation    `json:"locations"`
		PartialFingerprints map[string]string  `json:"partialFingerprints"`
		BaselineState       string             `json:"baselineState,omitempty"`
		Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
		Fixes               []sarifFix         `json:"fixes,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
		ContextRegion    *sarifRegion          `json:"contextRegion,omitempty"`
	}
	sarifArtifactLocation struct {
		URI         string        `json:"uri,omitempty"`
		URIBaseID   string        `json:"uriBaseId,omitempty"`
		Description *sarifMessage `json:"description,omitempty"`
	}
	sarifRegion struct {
		StartLine   int           `json:"startLine"`
		StartColumn int           `json:"startColumn"`
		EndLine     int           `json:"endLine"`
		EndColumn   int           `json:"endColumn"`
		Snippet     *sarifSnippet `json:"snippet,omitempty"`
	}
	sarifSnippet struct {
		Text string `json:"text"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifSnippet `json:"insertedContent,omitempty"`
	}
)

// WriteSARIF writes the diagnostics of files as a SARIF 2.1.0 log of one
// run, as GitHub code scanning takes it. Every rule of opt.Rules is listed
// in the driver, in the order given, and a result's ruleIndex points into
// that list; a diagnostic of a rule missing from opt.Rules gets an entry
// made from its id, so that no result points nowhere.
//
// Columns are code points (columnKind "unicodeCodePoints"). A region's
// snippet is the text of the region; its contextRegion is the whole lines
// it is on, left out when the region is those lines already. Paths are URIs relative to %SRCROOT%, the directory the paths
// are relative to; an absolute path becomes a file: URI. A safe fix becomes
// a SARIF fix whose replacements use the same line and column positions.
func WriteSARIF(w io.Writer, files []LintFile, opt LintOptions) error {
	docs := prepare(files, needUnchanged|needFingerprints)
	rules, index := sarifRules(opt.Rules, docs)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            "cscmd",
			Version:         toolVersion(opt.Version),
			SemanticVersion: semanticVersion(opt.Version),
			InformationURI:  toolURI,
			Rules:           rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRoot: {
			Description: &sarifMessage{Text: "the directory the paths of the results are relative to, where cscmd ran"},
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	for _, d := range docs {
		art := artifactLocation(d.path)
		for i := range d.diags {
			f := &d.diags[i]
			region, so, eo := d.region(f)
			r := sarifResult{
				RuleID:    f.Rule,
				RuleIndex: index[f.Rule],
				Level:     sarifLevel(f.Severity),
				Message:   sarifMessage{Text: f.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: art,
					Region:           region,
					ContextRegion:    d.contextRegion(region, so, eo),
				}}},
				PartialFingerprints: map[string]string{fingerprintKey: f.fp},
			}
			if opt.Baseline {
				r.BaselineState, r.Suppressions = baselineState(f)
			}
			if f.Fix != nil && len(f.Fix.Edits) > 0 {
				r.Fixes = []sarifFix{d.fix(f.Fix, art)}
			}
			run.Results = append(run.Results, r)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// baselineState returns how a finding compares with the baseline: recorded
// there (unchanged, and suppressed, so that code scanning closes its alert
// rather than showing it), a recorded entry that no longer occurs (absent;
// reported as a finding of BaselineRule), or new.
func baselineState(f *found) (string, []sarifSuppression) {
	switch {
	case f.unchanged:
		return "unchanged", []sarifSuppression{{Kind: "external", Justification: "recorded in the baseline file (cscmd lint --baseline)"}}
	case f.Rule == BaselineRule:
		return "absent", nil
	}
	return "new", nil
}

// sarifRules returns the driver's rules and the index of each id in them.
func sarifRules(infos []RuleInfo, docs []*lintDoc) ([]sarifRule, map[string]int) {
	rules := []sarifRule{}
	index := map[string]int{}
	add := func(ri RuleInfo) {
		if _, dup := index[ri.ID]; dup {
			return
		}
		index[ri.ID] = len(rules)
		summary := orElse(ri.Summary, ri.ID)
		help := orElse(ri.Help, summary)
		name := pascal(ri.ID)
		if strings.EqualFold(name, ri.ID) {
			// SARIF wants a name that differs from the id, or none.
			name = ""
		}
		r := sarifRule{
			ID:                   ri.ID,
			Name:                 name,
			ShortDescription:     sarifMessage{Text: summary},
			FullDescription:      sarifMessage{Text: orElse(firstParagraph(ri.Help), summary)},
			Help:                 sarifMessage{Text: help, Markdown: help},
			HelpURI:              ri.HelpURI,
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(ri.Default)},
		}
		rules = append(rules, r)
	}
	for _, ri := range infos {
		add(ri)
	}
	for _, d := range docs {
		for _, f := range d.diags {
			add(RuleInfo{ID: f.Rule, Default: f.Severity})
		}
	}
	return rules, index
}

// orElse returns s, or fallback when s is blank.
func orElse(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}

// firstParagraph returns the first paragraph of a Markdown page that is
// prose, not a heading, a list, a quote or code, joined into one line.
func firstParagraph(md string) string {
	var para []string
	fenced := false
	for line := range strings.Lines(md) {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
			continue
		}
		switch {
		case fenced:
		case t == "":
			if len(para) > 0 {
				return strings.Join(para, " ")
			}
		case len(para) == 0 && (strings.ContainsAny(t[:1], "#>|-*<") || strings.HasPrefix(line, "    ")):
		default:
			para = append(para, t)
		}
	}
	return strings.Join(para, " ")
}

// pascal turns a rule id such as "objectid-format" into the SARIF rule
// name "ObjectidFormat".
func pascal(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Info:
		return "note"
	}
	return "none"
}

var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`)

// semanticVersion returns v without its "v" when it is a semantic version,
// which SARIF's semanticVersion must be; "" otherwise.
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if semverRE.MatchString(v) {
		return v
	}
	return ""
}

// toolVersion drops the "v" of a version such as "v1.2.3": SARIF viewers
// compare versions that start with a number.
func toolVersion(v string) string {
	if rest, ok := strings.CutPrefix(v, "v"); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return rest
	}
	return v
}

// artifactLocation returns where a path's results are: a URI reference
// relative to %SRCROOT% with forward slashes and percent-encoding, or for
// an absolute path a file: URI.
func artifactLocation(path string) sarifArtifactLocation {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) || strings.HasPrefix(p, "/") {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive: file:///C:/…
		}
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	p = strings.TrimPrefix(p, "./")
	u := (&url.URL{Path: p}).EscapedPath()
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u // a colon before the first slash would read as a scheme
	}
	return sarifArtifactLocation{URI: u, URIBaseID: srcRoot}
}

// snippetMax is the most bytes of source a region's snippet holds. A
// longer region goes without one, and without a context region: a result
// costs its own few hundred bytes, never the size of the file or its line
// (a minified bundle is one line of megabytes).
const snippetMax = 512

// contextAround is how many bytes either side of a region its context
// region shows when the region's whole lines are longer than snippetMax.
const contextAround = 120

// region returns the SARIF region of a diagnostic, with its text as the
// snippet, and the byte offsets it covers. SARIF reads an empty region as
// an insertion point, which viewers struggle to show, so an empty range is
// widened to the character after it when there is one on the line.
func (d *lintDoc) region(f *found) (r sarifRegion, so, eo int) {
	e, so, eo := f.end, f.so, f.eo
	if f.start == f.end {
		if _, end := d.bounds(f.start.line); so < end {
			_, n := utf8.DecodeRune(d.src[so:end])
			e.col++
			eo = so + n
		}
	}
	r = sarifRegion{StartLine: f.start.line, StartColumn: f.start.col, EndLine: e.line, EndColumn: e.col}
	if eo-so <= snippetMax {
		r.Snippet = &sarifSnippet{Text: string(d.src[so:eo])}
	}
	return r, so, eo
}

// contextRegion returns what surrounds a region, with its text: the whole
// lines it is on when they are short, else up to contextAround bytes either
// side within those lines. It is nil when that adds nothing to the region,
// which SARIF wants a proper superset of, or when the region is too long
// to carry a snippet.
func (d *lintDoc) contextRegion(r sarifRegion, so, eo int) *sarifRegion {
	ls, _ := d.bounds(r.StartLine)
	_, le := d.bounds(r.EndLine)
	from, to := ls, le
	if le-ls > snippetMax {
		if r.Snippet == nil {
			return nil
		}
		from, to = max(ls, so-contextAround), min(le, eo+contextAround)
		for from < so && !utf8.RuneStart(d.src[from]) {
			from++ // whole characters only
		}
		for to > eo && to < le && !utf8.RuneStart(d.src[to]) {
			to--
		}
	}
	if from == so && to == eo {
		return nil
	}
	s, e := d.pos(from), d.pos(to)
	return &sarifRegion{
		StartLine: s.line, StartColumn: s.col, EndLine: e.line, EndColumn: e.col,
		Snippet: &sarifSnippet{Text: string(d.src[from:to])},
	}
}

func (d *lintDoc) fix(fx *lint.Fix, art sarifArtifactLocation) sarifFix {
	change := sarifArtifactChange{ArtifactLocation: art}
	for _, e := range fx.Edits {
		s, end := d.editSpan(e)
		rep := sarifReplacement{DeletedRegion: sarifRegion{StartLine: s.line, StartColumn: s.col, EndLine: end.line, EndColumn: end.col}}
		if e.New != "" {
			rep.InsertedContent = &sarifSnippet{Text: e.New}
		}
		change.Replacements = append(change.Replacements, rep)
	}
	return sarifFix{Description: sarifMessage{Text: fx.Title}, ArtifactChanges: []sarifArtifactChange{change}}
}
