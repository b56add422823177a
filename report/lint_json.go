package report

import (
	"io"
	"strconv"
)

// WriteJSON writes the diagnostics of files as one JSON document (SPEC §5):
//
//	{"diagnostics":[{"file","line","column","endLine","endColumn","severity","rule","message"}…],
//	 "summary":{"errors","warnings","infos","files"}}
//
// with the keys in that order, lines and columns 1-based, columns in code
// points and endColumn exclusive. Files come in the order given, the
// diagnostics of a file by position; "files" counts the files given, that
// is checked. The one extra key is "fix", present when a diagnostic has a
// safe fix: {"title":…,"edits":[{"line","column","endLine","endColumn",
// "newText"}]}, positions as above, so that a consumer can apply it
// without knowing byte offsets. Suggestions are left to the editor.
//
// Each diagnostic is on a line of its own, which keeps the output valid
// JSON and friendly to line-based tools and diffs.
func WriteJSON(w io.Writer, files []LintFile, _ LintOptions) error {
	docs := prepare(files, 0)
	b := []byte(`{"diagnostics":[`)
	first := true
	for _, d := range docs {
		for i := range d.diags {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, '\n')
			b = appendJSONDiag(b, d, &d.diags[i])
		}
		// Flush per file: the output of a large tree need not sit in memory.
		if err := writeAll(w, b); err != nil {
			return err
		}
		b = b[:0]
	}
	if !first {
		b = append(b, '\n')
	}
	t := count(docs)
	b = append(b, `],"summary":{"errors":`...)
	b = strconv.AppendInt(b, int64(t.errors), 10)
	b = append(b, `,"warnings":`...)
	b = strconv.AppendInt(b, int64(t.warnings), 10)
	b = append(b, `,"infos":`...)
	b = strconv.AppendInt(b, int64(t.infos), 10)
	b = append(b, `,"files":`...)
	b = strconv.AppendInt(b, int64(t.files), 10)
	b = append(b, "}}\n"...)
	return writeAll(w, b)
}

func appendJSONDiag(b []byte, d *lintDoc, f *found) []byte {
	b = append(b, `{"file":`...)
	b = appendString(b, d.path)
	b = append(b, ',')
	b = appendJSONRange(b, f.start, f.end)
	b = append(b, `,"severity":`...)
	b = appendString(b, f.Severity.String())
	b = append(b, `,"rule":`...)
	b = appendString(b, f.Rule)
	b = append(b, `,"message":`...)
	b = appendString(b, f.Message)
	if f.Fix != nil {
		b = append(b, `,"fix":{"title":`...)
		b = appendString(b, f.Fix.Title)
		b = append(b, `,"edits":[`...)
		for i, e := range f.Fix.Edits {
			if i > 0 {
				b = append(b, ',')
			}
			s, end := d.editSpan(e)
			b = append(b, '{')
			b = appendJSONRange(b, s, end)
			b = append(b, `,"newText":`...)
			b = appendString(b, e.New)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
	}
	return append(b, '}')
}

// appendJSONRange appends "line":…,"column":…,"endLine":…,"endColumn":….
func appendJSONRange(b []byte, s, e pos) []byte {
	b = append(b, `"line":`...)
	b = strconv.AppendInt(b, int64(s.line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(s.col), 10)
	b = append(b, `,"endLine":`...)
	b = strconv.AppendInt(b, int64(e.line), 10)
	b = append(b, `,"endColumn":`...)
	return strconv.AppendInt(b, int64(e.col), 10)
}
