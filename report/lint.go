package report

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/web1on1/cscmd/linemap"
	"github.com/web1on1/cscmd/lint"
)

// LintFile is one linted file with its findings.
type LintFile struct {
	Path  string            // as the user should see it (relative to the working dir when possible)
	Src   []byte            // the file's bytes, to compute lines/columns and show the source line
	Diags []lint.Diagnostic // byte offsets into Src; any order (sort them: by offset, then rule)
	// Unchanged are the findings a baseline (--baseline) recorded: every
	// format leaves them out but SARIF, which lists them as suppressed with
	// baselineState "unchanged". They take their place among Diags when
	// occurrences are counted for fingerprints, so a fingerprint does not
	// depend on which findings a baseline hides.
	Unchanged []lint.Diagnostic
}

// RuleInfo describes a rule for SARIF and summaries.
type RuleInfo struct {
	ID      string
	Summary string // one line, e.g. "an ObjectId that is not 24 hex digits"
	Help    string // the rule's doc page, Markdown
	HelpURI string // link to the doc page
	Default lint.Severity
}

// BaselineRule is the rule id of a baseline entry whose finding no longer
// occurs: an info finding on the entry's line of the baseline file, so that
// every format shows it and the file only shrinks.
const BaselineRule = "baseline"

// LintOptions tunes the lint output formats.
type LintOptions struct {
	Color   bool       // ANSI colour in text output (the CLI decides: terminal and no NO_COLOR)
	Version string     // tool version, for SARIF
	Rules   []RuleInfo // every registered rule (SARIF lists them all)
	Summary io.Writer  // GitHub step summary (GITHUB_STEP_SUMMARY file) or nil
	// Baseline is set when findings were compared with a baseline: SARIF
	// then gives every result its baselineState.
	Baseline bool
}

// Count returns how many diagnostics the files hold at each severity.
// Diagnostics at severity Off are not counted: no format reports them.
func Count(files []LintFile) map[lint.Severity]int {
	n := map[lint.Severity]int{}
	for _, f := range files {
		for _, d := range f.Diags {
			if d.Severity > lint.Off {
				n[d.Severity]++
			}
		}
	}
	return n
}

// pos is a position as every lint format prints it: line and column
// 1-based, the column in code points.
type pos struct{ line, col int }

// found is a diagnostic with its range in printed positions, and the byte
// offsets those positions stand for (so, eo): formats that show source cut
// it at these, never converting a column back, which costs a pass over the
// line.
type found struct {
	lint.Diagnostic
	start, end pos
	so, eo     int
	index      int    // in LintFile.Diags, then on through LintFile.Unchanged
	unchanged  bool   // from LintFile.Unchanged
	fp         string // fingerprint, when prepare was asked for them
}

// lintDoc is a file ready to print: its findings sorted and located.
type lintDoc struct {
	path  string
	src   []byte
	lines *linemap.Map
	bom   bool
	diags []found
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// what a format needs of prepare beyond the located, sorted findings.
type needs uint8

const (
	needUnchanged    needs = 1 << iota // keep LintFile.Unchanged (SARIF)
	needFingerprints                   // fill found.fp
)

// prepare locates and sorts the findings of every file, leaving out those
// at severity Off, and those of LintFile.Unchanged unless asked for. The
// callers' slices are not modified.
func prepare(files []LintFile, want needs) []*lintDoc {
	docs := make([]*lintDoc, len(files))
	for i, f := range files {
		d := &lintDoc{path: f.Path, src: f.Src, bom: bytes.HasPrefix(f.Src, utf8BOM)}
		if len(f.Diags)+len(f.Unchanged) > 0 {
			// Only files with findings need positions; a repository scan
			// reports thousands of clean files.
			d.lines = linemap.New(f.Src)
		}
		add := func(diags []lint.Diagnostic, base int, unchanged bool) {
			for j, diag := range diags {
				if diag.Severity <= lint.Off {
					continue
				}
				start, end, so, eo := d.span(diag.Start, diag.End)
				d.diags = append(d.diags, found{Diagnostic: diag, start: start, end: end, so: so, eo: eo,
					index: base + j, unchanged: unchanged})
			}
		}
		add(f.Diags, 0, false)
		add(f.Unchanged, len(f.Diags), true)
		slices.SortStableFunc(d.diags, func(a, b found) int {
			return cmp.Or(
				cmp.Compare(a.Start, b.Start),
				cmp.Compare(a.Rule, b.Rule),
				cmp.Compare(a.End, b.End),
				cmp.Compare(a.Message, b.Message),
			)
		})
		if want&needFingerprints != 0 {
			d.fingerprint()
		}
		if want&needUnchanged == 0 && len(f.Unchanged) > 0 {
			d.diags = slices.DeleteFunc(d.diags, func(f found) bool { return f.unchanged })
		}
		docs[i] = d
	}
	return docs
}

// Fingerprints returns the fingerprint of each of f.Diags, then of each of
// f.Unchanged, in that order ("" for a diagnostic at severity Off): the
// partialFingerprints of SARIF, which baselines record.
func Fingerprints(f LintFile) []string {
	out := make([]string, len(f.Diags)+len(f.Unchanged))
	for _, found := range prepare([]LintFile{f}, needFingerprints|needUnchanged)[0].diags {
		out[found.index] = found.fp
	}
	return out
}

// pos returns the printed position of a byte offset. A BOM is not text the
// user sees, so it takes no column.
func (d *lintDoc) pos(offset int) pos {
	line, col := d.lines.Position(offset, linemap.Runes)
	if d.bom && line == 0 && col > 0 {
		col--
	}
	return pos{line + 1, col + 1}
}

// span returns the printed range of a diagnostic and the byte offsets it
// stands for. A range that ends just after a line break is pulled back to
// the end of that line's text, so that it is not shown as reaching into the
// next line.
func (d *lintDoc) span(start, end int) (s, e pos, so, eo int) {
	end = max(end, start)
	s, e = d.pos(start), d.pos(end)
	so, eo = d.at(start, s.line), d.at(end, e.line)
	if e.col == 1 && e.line > s.line {
		_, text, _ := d.lines.Line(e.line - 2)
		eo = max(text, so)
		e = d.pos(eo)
	}
	return s, e, so, eo
}

// bounds returns the byte offsets of the text of a 1-based line, without
// its terminator, and without the BOM on the first line.
func (d *lintDoc) bounds(line int) (start, end int) {
	start, end, _ = d.lines.Line(line - 1)
	if line == 1 && d.bom {
		start = min(len(utf8BOM), end)
	}
	return start, end
}

// at returns the offset that the printed position of offset, on the given
// line, stands for: offset moved back, as linemap moves it, to the end of
// its line's text or to the start of the character it is inside. It looks
// at a few bytes, never at the whole line.
func (d *lintDoc) at(offset, line int) int {
	start, end := d.bounds(line)
	offset = max(start, min(offset, end))
	if offset == end || utf8.RuneStart(d.src[offset]) {
		return offset
	}
	for k := 1; k < utf8.UTFMax && offset-k >= start; k++ {
		if !utf8.RuneStart(d.src[offset-k]) {
			continue
		}
		if r, n := utf8.DecodeRune(d.src[offset-k:]); (r != utf8.RuneError || n > 1) && n > k {
			return offset - k
		}
		break
	}
	return offset
}

// editSpan returns the printed range of an edit. Unlike span it keeps a
// range that ends on the next line: the edit may replace a line break.
func (d *lintDoc) editSpan(e lint.Edit) (pos, pos) {
	return d.pos(e.Start), d.pos(max(e.End, e.Start))
}

// tally counts what a set of files holds, for the summaries.
type tally struct {
	errors, warnings, infos int
	files                   int // files given, that is checked
	withProblems            int // files with at least one diagnostic
}

func count(docs []*lintDoc) tally {
	t := tally{files: len(docs)}
	for _, d := range docs {
		if len(d.diags) > 0 {
			t.withProblems++
		}
		for _, f := range d.diags {
			switch f.Severity {
			case lint.Error:
				t.errors++
			case lint.Warning:
				t.warnings++
			case lint.Info:
				t.infos++
			}
		}
	}
	return t
}

func (t tally) problems() int { return t.errors + t.warnings + t.infos }

// String reads "3 problems (1 error, 1 warning, 1 info) in 2 files": the
// files are those with problems. Zero counts are left out of the brackets.
func (t tally) String() string {
	var b []byte
	b = plural(b, t.problems(), "problem", "problems")
	b = append(b, " ("...)
	sep := false
	for _, c := range []struct {
		n          int
		one, other string
	}{{t.errors, "error", "errors"}, {t.warnings, "warning", "warnings"}, {t.infos, "info", "info"}} {
		if c.n == 0 {
			continue
		}
		if sep {
			b = append(b, ", "...)
		}
		b = plural(b, c.n, c.one, c.other)
		sep = true
	}
	b = append(b, ") in "...)
	b = plural(b, t.withProblems, "file", "files")
	return string(b)
}

func plural(b []byte, n int, one, other string) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ' ')
	if n == 1 {
		return append(b, one...)
	}
	return append(b, other...)
}

// writeAll writes b to w, turning a short write into an error.
func writeAll(w io.Writer, b []byte) error {
	n, err := w.Write(b)
	if err == nil && n < len(b) {
		err = io.ErrShortWrite
	}
	return err
}

// fingerprint sets the fingerprint of each finding, which identifies it
// across runs without its line number, so that it survives edits elsewhere
// in the file: a hash of the rule and the line's text without its
// indentation, and the ordinal of that pair among its occurrences in the
// file, in position order. The hash of a pair is taken once per line:
// hundreds of findings on one long line hash it once, not once each.
func (d *lintDoc) fingerprint() {
	seen := map[[sha256.Size]byte]int{}
	var (
		line int
		text []byte
		sums map[string][sha256.Size]byte // of the rules on line
	)
	for i := range d.diags {
		f := &d.diags[i]
		if f.start.line != line {
			// The findings are sorted: those of one line come together.
			start, end := d.bounds(f.start.line)
			line, text, sums = f.start.line, bytes.TrimSpace(d.src[start:end]), map[string][sha256.Size]byte{}
		}
		sum, ok := sums[f.Rule]
		if !ok {
			h := sha256.New()
			h.Write([]byte(f.Rule + "\x00"))
			h.Write(text)
			h.Sum(sum[:0])
			sums[f.Rule] = sum
		}
		seen[sum]++
		f.fp = hex.EncodeToString(sum[:8]) + ":" + strconv.Itoa(seen[sum])
	}
}

// bytePos returns the position of a byte offset with the column in bytes,
// 1-based, for the formats that count UTF-8 bytes (reviewdog's). A BOM
// takes no column, as in pos.
func (d *lintDoc) bytePos(offset int) pos {
	line, col := d.lines.Position(offset, linemap.Bytes)
	if d.bom && line == 0 {
		col = max(col-len(utf8BOM), 0)
	}
	return pos{line + 1, col + 1}
}

// byteSpan returns a finding's range with byte columns: the offsets its
// printed range stands for (span pulls an end back from the next line).
func (d *lintDoc) byteSpan(f *found) (pos, pos) {
	return d.bytePos(f.so), d.bytePos(f.eo)
}
