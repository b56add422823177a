package report

import (
	"encoding/xml"
	"io"
	"strconv"
)

// WriteJUnit writes the diagnostics of files as a JUnit XML report, which
// Jenkins (junit step), GitLab (artifacts:reports:junit), Azure Pipelines
// and CircleCI show as failed tests:
//
//	<testsuites name="cscmd" tests="N" failures="N" errors="0">
//	  <testsuite name="PATH" tests="n" failures="n" errors="0" skipped="0" time="0">
//	    <testcase name="RULE at L:C" classname="PATH" time="0">
//	      <failure message="MESSAGE" type="SEVERITY">PATH:L:C: SEVERITY: MESSAGE [RULE]</failure>
//
// Each file with findings is a suite and each finding a failed test case;
// the failure's text is the text format's first line. With no
// findings at all the report holds one passing test case, "lint", so that a
// CI that refuses an empty report (Jenkins does) shows a green run.
func WriteJUnit(w io.Writer, files []LintFile, _ LintOptions) error {
	docs := prepare(files, 0)
	t := count(docs)
	b := []byte(xml.Header)
	tests := max(t.problems(), 1)
	b = append(b, `<testsuites name="cscmd" tests="`...)
	b = strconv.AppendInt(b, int64(tests), 10)
	b = append(b, `" failures="`...)
	b = strconv.AppendInt(b, int64(t.problems()), 10)
	b = append(b, `" errors="0" time="0">`+"\n"...)
	if t.problems() == 0 {
		b = append(b, `  <testsuite name="cscmd" tests="1" failures="0" errors="0" skipped="0" time="0">`+"\n"...)
		b = append(b, `    <testcase name="lint" classname="cscmd" time="0"></testcase>`+"\n"...)
		b = append(b, "  </testsuite>\n"...)
	}
	for _, d := range docs {
		if len(d.diags) == 0 {
			continue
		}
		n := strconv.Itoa(len(d.diags))
		b = append(b, `  <testsuite name=`...)
		b = appendXMLAttr(b, d.path)
		b = append(b, ` tests="`+n+`" failures="`+n+`" errors="0" skipped="0" time="0">`+"\n"...)
		for i := range d.diags {
			f := &d.diags[i]
			at := strconv.Itoa(f.start.line) + ":" + strconv.Itoa(f.start.col)
			b = append(b, `    <testcase name=`...)
			b = appendXMLAttr(b, f.Rule+" at "+at)
			b = append(b, ` classname=`...)
			b = appendXMLAttr(b, d.path)
			b = append(b, ` time="0">`+"\n      <failure message="...)
			b = appendXMLAttr(b, f.Message)
			b = append(b, ` type="`...)
			b = append(b, f.Severity.String()...)
			b = append(b, `">`...)
			b = appendXMLEscaped(b, d.path+":"+at+": "+f.Severity.String()+": "+f.Message+" ["+f.Rule+"]")
			b = append(b, "</failure>\n    </testcase>\n"...)
		}
		b = append(b, "  </testsuite>\n"...)
		if err := writeAll(w, b); err != nil {
			return err
		}
		b = b[:0]
	}
	b = append(b, "</testsuites>\n"...)
	return writeAll(w, b)
}
