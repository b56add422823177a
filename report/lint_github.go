package report

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/web1on1/cscmd/lint"
)

// WriteGitHub writes the diagnostics of files as GitHub Actions workflow
// commands, which GitHub shows as annotations on the changed files:
//
//	::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
//
// with ::warning for warnings and ::notice for info. GitHub shows only the
// first ten error and ten warning annotations of a step, so errors come
// first, then warnings, then notices; within a severity, files in the order
// given and findings by position. Columns are given only for a range
// within one line, the only kind GitHub's annotations take them on.
//
// When opt.Summary is set, every finding is also written there as a
// Markdown table (the GITHUB_STEP_SUMMARY file), so nothing is lost to
// that limit.
func WriteGitHub(w io.Writer, files []LintFile, opt LintOptions) error {
	docs := prepare(files, 0)
	var b []byte
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		for _, d := range docs {
			for i := range d.diags {
				if f := &d.diags[i]; f.Severity == sev {
					b = appendWorkflowCommand(b, d.path, f)
				}
			}
		}
	}
	if err := writeAll(w, b); err != nil {
		return err
	}
	if opt.Summary == nil {
		return nil
	}
	return writeAll(opt.Summary, appendStepSummary(nil, docs))
}

func appendWorkflowCommand(b []byte, path string, f *found) []byte {
	cmd := "notice"
	switch f.Severity {
	case lint.Error:
		cmd = "error"
	case lint.Warning:
		cmd = "warning"
	}
	b = append(b, "::"...)
	b = append(b, cmd...)
	b = append(b, " file="...)
	b = appendEscaped(b, filepath.ToSlash(path), true)
	b = append(b, ",line="...)
	b = strconv.AppendInt(b, int64(f.start.line), 10)
	if f.start.line == f.end.line {
		b = append(b, ",col="...)
		b = strconv.AppendInt(b, int64(f.start.col), 10)
	}
	b = append(b, ",endLine="...)
	b = strconv.AppendInt(b, int64(f.end.line), 10)
	if f.start.line == f.end.line {
		b = append(b, ",endColumn="...)
		b = strconv.AppendInt(b, int64(f.end.col), 10)
	}
	b = append(b, ",title="...)
	b = appendEscaped(b, f.Rule, true)
	b = append(b, "::"...)
	b = appendEscaped(b, f.Message, false)
	return append(b, '\n')
}

// appendEscaped escapes s as the runner's command parser expects: in a
// message "%", CR and LF; in a property value also ":" and ",", which
// would otherwise end the value.
func appendEscaped(b []byte, s string, property bool) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '%':
			b = append(b, "%25"...)
		case c == '\r':
			b = append(b, "%0D"...)
		case c == '\n':
			b = append(b, "%0A"...)
		case property && c == ':':
			b = append(b, "%3A"...)
		case property && c == ',':
			b = append(b, "%2C"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendStepSummary appends the Markdown job summary: a heading, the
// counts by severity and a table of every finding, errors first as in the
// annotations. With no finding it says so in one line.
func appendStepSummary(b []byte, docs []*lintDoc) []byte {
	t := count(docs)
	b = append(b, "## cscmd lint\n\n"...)
	if t.problems() == 0 {
		b = append(b, "No problems in "...)
		b = plural(b, t.files, "file", "files")
		return append(b, " checked.\n\n"...)
	}
	b = append(b, mdEscape(t.String())...)
	b = append(b, "; "...)
	b = plural(b, t.files, "file", "files")
	b = append(b, " checked.\n\n| Severity | Count |\n| --- | ---: |\n"...)
	for _, c := range []struct {
		name string
		n    int
	}{{"error", t.errors}, {"warning", t.warnings}, {"info", t.infos}} {
		b = append(b, "| "...)
		b = append(b, c.name...)
		b = append(b, " | "...)
		b = strconv.AppendInt(b, int64(c.n), 10)
		b = append(b, " |\n"...)
	}
	b = append(b, "\n| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n"...)
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		for _, d := range docs {
			for _, f := range d.diags {
				if f.Severity != sev {
					continue
				}
				loc := d.path + ":" + strconv.Itoa(f.start.line) + ":" + strconv.Itoa(f.start.col)
				for _, cell := range []string{loc, f.Severity.String(), f.Rule, f.Message} {
					b = append(b, "| "...)
					b = append(b, mdEscape(cell)...)
					b = append(b, ' ')
				}
				b = append(b, "|\n"...)
			}
		}
	}
	return append(b, '\n')
}

// mdSpecial holds the ASCII punctuation that could turn text in a table
// cell into markup: emphasis, code, links, HTML, the cell border, GitHub's
// strikethrough, math and @mentions. A backslash before any ASCII
// punctuation prints it as written.
const mdSpecial = "\\`*_[]<>|~&$@!#"

// mdEscape makes s literal text in one Markdown table cell.
func mdEscape(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteString("<br>")
		case r < 0x80 && strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
