// Package baseline records the findings a repository has today, so that
// `cscmd lint --baseline FILE` reports only new ones: the way into a
// repository with findings, one fix at a time.
//
// A finding is recorded by its file and its fingerprint, the same as
// SARIF's partialFingerprints (report.Fingerprints): a hash of the rule and
// of the line's text, and the occurrence of that pair in the file. It does
// not hold the line number, so it survives edits elsewhere in the file;
// editing the line itself makes the finding new.
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/web1on1/cscmd/linemap"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/report"
)

// Version is the version of the file format written; Parse refuses others.
const Version = 1

// Entry is one recorded finding. Message is for the people who review the
// file; only File, Rule and Fingerprint are compared.
type Entry struct {
	File        string `json:"file"` // relative to the baseline file's directory, with "/"
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`

	start, end int // the entry's bytes in the file
}

// Baseline is a loaded baseline file.
type Baseline struct {
	Path    string // as given, for messages and as a linted file's path
	Src     []byte
	Entries []Entry
	dir     string // absolute directory of the file
}

// Error is a problem in a baseline file, at a position.
type Error struct {
	File      string
	Line, Col int // 1-based; the column in code points
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// Load reads and parses the baseline file at path.
func Load(path string) (*Baseline, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, src)
}

// Parse parses a baseline file:
//
//	{"version":1,"findings":[
//	{"file":"cmds/a.cscmd","rule":"objectid-format","fingerprint":"…:1","message":"…"},
//	…]}
//
// Unknown keys, missing or empty fields, another version or anything that
// is not this JSON is an *Error with the position of the problem.
func Parse(path string, src []byte) (*Baseline, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	b := &Baseline{Path: path, Src: src, dir: filepath.Dir(abs)}
	lines := linemap.New(src)
	fail := func(offset int, format string, args ...any) error {
		line, col := lines.Position(min(max(offset, 0), len(src)), linemap.Runes)
		return &Error{File: path, Line: line + 1, Col: col + 1, Msg: fmt.Sprintf(format, args...)}
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	// jsonErr places a decoding error where the decoder saw it.
	// The offset of a type error is inside the value decoded, which starts
	// at base.
	jsonErr := func(err error, base int) error {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return fail(int(syn.Offset)-1, "%v", syn)
		case errors.As(err, &typ):
			return fail(base+int(typ.Offset)-1, "%s must be %s, not %s", orElse(typ.Field, "value"), typ.Type, typ.Value)
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return fail(len(src), "unexpected end of file")
		}
		if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			return fail(base, "unknown key %s in a finding; a finding has \"file\", \"rule\", \"fingerprint\" and \"message\"", field)
		}
		return fail(int(dec.InputOffset()), "%v", err)
	}
	expect := func(want json.Delim) error {
		at := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return jsonErr(err, at)
		}
		if tok != want {
			return fail(at+skipSeparators(src[at:]), "expected %q, got %v", string(want), describe(tok))
		}
		return nil
	}
	if err := expect('{'); err != nil {
		return nil, err
	}
	version, findings := false, false
	for dec.More() {
		at := int(dec.InputOffset())
		at += skipSeparators(src[at:])
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonErr(err, at)
		}
		key, _ := tok.(string)
		switch key {
		case "version":
			var v int
			valueAt := int(dec.InputOffset())
			valueAt += skipSeparators(src[valueAt:])
			if err := dec.Decode(&v); err != nil {
				return nil, jsonErr(err, valueAt)
			}
			if v != Version {
				return nil, fail(at, "version %d is not known to this cscmd (it writes version %d)", v, Version)
			}
			version = true
		case "findings":
			if err := expect('['); err != nil {
				return nil, err
			}
			for dec.More() {
				start := int(dec.InputOffset())
				start += skipSeparators(src[start:])
				var e Entry
				if err := dec.Decode(&e); err != nil {
					return nil, jsonErr(err, start)
				}
				e.start, e.end = start, int(dec.InputOffset())
				for _, f := range []struct{ name, value string }{{"file", e.File}, {"rule", e.Rule}, {"fingerprint", e.Fingerprint}} {
					if f.value == "" {
						return nil, fail(start, "finding needs a non-empty %q", f.name)
					}
				}
				b.Entries = append(b.Entries, e)
			}
			if err := expect(']'); err != nil {
				return nil, err
			}
			findings = true
		default:
			return nil, fail(at, "unknown key %q; a baseline has \"version\" and \"findings\"", key)
		}
	}
	if err := expect('}'); err != nil {
		return nil, err
	}
	if rest := int(dec.InputOffset()); skipSpace(src[rest:]) != len(src)-rest {
		return nil, fail(rest+skipSpace(src[rest:]), "text after the baseline's closing \"}\"")
	}
	switch {
	case !version:
		return nil, fail(0, "no \"version\"; is this a file written by cscmd lint --write-baseline?")
	case !findings:
		return nil, fail(0, "no \"findings\"")
	}
	return b, nil
}

func skipSpace(b []byte) int {
	return len(b) - len(bytes.TrimLeft(b, " \t\r\n"))
}

// skipSeparators skips what the decoder's offset may stand before when a
// value follows: white space, and the ":" or "," the decoder has not read.
func skipSeparators(b []byte) int {
	return len(b) - len(bytes.TrimLeft(b, " \t\r\n:,"))
}

func describe(tok json.Token) string {
	if d, ok := tok.(json.Delim); ok {
		return fmt.Sprintf("%q", string(d))
	}
	out, _ := json.Marshal(tok)
	return string(out)
}

func orElse(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// Write writes a baseline of every finding of files (at a severity other
// than off) to w, for a file that will be in dir: the paths are relative
// to it. Files come sorted by path, findings in position order, one a
// line, so that the file diffs well in review.
func Write(w io.Writer, dir string, files []report.LintFile) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	var entries []Entry
	for _, f := range files {
		fps := report.Fingerprints(f)
		order := make([]int, 0, len(f.Diags))
		for i, d := range f.Diags {
			if d.Severity > lint.Off {
				order = append(order, i)
			}
		}
		slices.SortFunc(order, func(i, j int) int {
			a, b := f.Diags[i], f.Diags[j]
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.End, b.End))
		})
		file := relTo(abs, f.Path)
		for _, i := range order {
			d := f.Diags[i]
			entries = append(entries, Entry{File: file, Rule: d.Rule, Fingerprint: fps[i], Message: d.Message})
		}
	}
	slices.SortStableFunc(entries, func(a, b Entry) int { return strings.Compare(a.File, b.File) })
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\"version\":%d,\"findings\":[", Version)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i, e := range entries {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		enc.Encode(e)               // strings only: cannot fail
		buf.Truncate(buf.Len() - 1) // Encode's newline
	}
	if len(entries) > 0 {
		buf.WriteByte('\n')
	}
	buf.WriteString("]}\n")
	_, err = w.Write(buf.Bytes())
	return err
}

// relTo returns path relative to dir (absolute) with "/", or the absolute
// path with "/" when it is not below dir.
func relTo(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	if rel, err := filepath.Rel(dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// Apply compares files with the baseline. Each finding the baseline
// records moves from Diags to Unchanged (the caller's slices are not
// modified). It returns the files and the baseline's own file with an info
// finding of report.BaselineRule on every entry that no longer occurs:
// its file was linted without that finding, or no longer exists. Entries of
// files this run did not lint are left alone.
func (b *Baseline) Apply(files []report.LintFile) ([]report.LintFile, report.LintFile) {
	type key struct{ file, fingerprint string }
	recorded := map[key][]int{} // → indexes of entries
	for i, e := range b.Entries {
		k := key{e.File, e.Fingerprint}
		recorded[k] = append(recorded[k], i)
	}
	used := make([]bool, len(b.Entries))
	linted := map[string]bool{}
	out := make([]report.LintFile, len(files))
	for i, f := range files {
		file := relTo(b.dir, f.Path)
		linted[file] = true
		out[i] = report.LintFile{Path: f.Path, Src: f.Src, Unchanged: slices.Clip(f.Unchanged)}
		if len(f.Diags) == 0 {
			continue
		}
		fps := report.Fingerprints(f)
		for j, d := range f.Diags {
			k := key{file, fps[j]}
			if entries := recorded[k]; d.Severity > lint.Off && len(entries) > 0 {
				used[entries[0]] = true
				recorded[k] = entries[1:]
				out[i].Unchanged = append(out[i].Unchanged, d)
				continue
			}
			out[i].Diags = append(out[i].Diags, d)
		}
	}
	stale := report.LintFile{Path: b.Path, Src: b.Src}
	for i, e := range b.Entries {
		if used[i] || !linted[e.File] && exists(b.dir, e.File) {
			continue
		}
		stale.Diags = append(stale.Diags, lint.Diagnostic{
			Rule: report.BaselineRule, Severity: lint.Info, Start: e.start, End: e.end,
			Message: fmt.Sprintf("the %s finding recorded for %s no longer occurs; remove this entry (or rewrite the file with --write-baseline)", e.Rule, e.File),
		})
	}
	return out, stale
}

func exists(dir, file string) bool {
	if !filepath.IsAbs(filepath.FromSlash(file)) {
		file = filepath.Join(dir, filepath.FromSlash(file))
	}
	_, err := os.Stat(file)
	return err == nil
}
