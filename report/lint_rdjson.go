package report

import (
	"io"
	"strconv"

	"github.com/web1on1/cscmd/lint"
)

// WriteRDJSON writes the diagnostics of files in reviewdog's Diagnostic
// Format as one DiagnosticResult (reviewdog -f=rdjson):
//
//	{"source":{"name":"cscmd","url":…},"diagnostics":[{"message","location":{"path",
//	 "range":{"start":{"line","column"},"end":{…}}},"severity","code":{"value","url"},
//	 "suggestions":[{"range","text"}]}…]}
//
// Unlike every other format, columns count UTF-8 bytes from 1, as the
// format defines them; the end is exclusive. Severities are ERROR, WARNING
// and INFO; code is the rule with its page; a safe fix becomes one
// suggestion per edit, which reviewdog posts as a suggested change.
func WriteRDJSON(w io.Writer, files []LintFile, opt LintOptions) error {
	docs := prepare(files, 0)
	urls := ruleURLs(opt.Rules)
	b := []byte(`{"source":`)
	b = appendRDSource(b)
	b = append(b, `,"diagnostics":[`...)
	first := true
	for _, d := range docs {
		for i := range d.diags {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, '\n')
			b = appendRDDiag(b, d, &d.diags[i], urls, false)
		}
		if err := writeAll(w, b); err != nil {
			return err
		}
		b = b[:0]
	}
	if !first {
		b = append(b, '\n')
	}
	return writeAll(w, append(b, "]}\n"...))
}

// WriteRDJSONL writes the diagnostics of files as reviewdog's Diagnostic
// Format in JSON Lines (reviewdog -f=rdjsonl): one Diagnostic per line, as
// in WriteRDJSON, each with its source. Nothing is written when there is no
// finding.
func WriteRDJSONL(w io.Writer, files []LintFile, opt LintOptions) error {
	docs := prepare(files, 0)
	urls := ruleURLs(opt.Rules)
	var b []byte
	for _, d := range docs {
		for i := range d.diags {
			b = appendRDDiag(b, d, &d.diags[i], urls, true)
			b = append(b, '\n')
		}
		if err := writeAll(w, b); err != nil {
			return err
		}
		b = b[:0]
	}
	return nil
}

func ruleURLs(rules []RuleInfo) map[string]string {
	urls := make(map[string]string, len(rules))
	for _, r := range rules {
		urls[r.ID] = r.HelpURI
	}
	return urls
}

func appendRDSource(b []byte) []byte {
	return append(b, `{"name":"cscmd","url":"`+toolURI+`"}`...)
}

func appendRDDiag(b []byte, d *lintDoc, f *found, urls map[string]string, source bool) []byte {
	b = append(b, `{"message":`...)
	b = appendString(b, f.Message)
	b = append(b, `,"location":{"path":`...)
	b = appendString(b, d.path)
	b = append(b, `,"range":`...)
	s, e := d.byteSpan(f)
	b = appendRDRange(b, s, e)
	b = append(b, `},"severity":"`...)
	switch f.Severity {
	case lint.Error:
		b = append(b, "ERROR"...)
	case lint.Warning:
		b = append(b, "WARNING"...)
	default:
		b = append(b, "INFO"...)
	}
	b = append(b, '"')
	if source {
		b = append(b, `,"source":`...)
		b = appendRDSource(b)
	}
	b = append(b, `,"code":{"value":`...)
	b = appendString(b, f.Rule)
	if u := urls[f.Rule]; u != "" {
		b = append(b, `,"url":`...)
		b = appendString(b, u)
	}
	b = append(b, '}')
	if f.Fix != nil && len(f.Fix.Edits) > 0 {
		b = append(b, `,"suggestions":[`...)
		for i, e := range f.Fix.Edits {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"range":`...)
			b = appendRDRange(b, d.bytePos(e.Start), d.bytePos(max(e.End, e.Start)))
			b = append(b, `,"text":`...)
			b = appendString(b, e.New)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendRDRange(b []byte, s, e pos) []byte {
	b = append(b, `{"start":{"line":`...)
	b = strconv.AppendInt(b, int64(s.line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(s.col), 10)
	b = append(b, `},"end":{"line":`...)
	b = strconv.AppendInt(b, int64(e.line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(e.col), 10)
	return append(b, "}}"...)
}
