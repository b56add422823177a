package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
)

// checkstyleVersion is the version of the Checkstyle report format written;
// consumers (Jenkins' warnings-ng, GitLab's and reviewdog's converters)
// read 4.3 and later alike.
const checkstyleVersion = "4.3"

// WriteCheckstyle writes the diagnostics of files in Checkstyle's XML
// report format, which Jenkins (warnings-ng), reviewdog (-f=checkstyle) and
// many CI dashboards read:
//
//	<checkstyle version="4.3">
//	  <file name="PATH">
//	    <error line="L" column="C" severity="error|warning|info" message="…" source="RULE"/>
//
// Only files with findings are listed, findings by position; columns count
// code points from 1, as in the text format.
func WriteCheckstyle(w io.Writer, files []LintFile, _ LintOptions) error {
	docs := prepare(files, 0)
	b := []byte(xml.Header)
	b = append(b, `<checkstyle version="`+checkstyleVersion+`">`+"\n"...)
	for _, d := range docs {
		if len(d.diags) == 0 {
			continue
		}
		b = append(b, `  <file name=`...)
		b = appendXMLAttr(b, d.path)
		b = append(b, ">\n"...)
		for i := range d.diags {
			f := &d.diags[i]
			b = append(b, `    <error line="`...)
			b = strconv.AppendInt(b, int64(f.start.line), 10)
			b = append(b, `" column="`...)
			b = strconv.AppendInt(b, int64(f.start.col), 10)
			b = append(b, `" severity="`...)
			b = append(b, f.Severity.String()...)
			b = append(b, `" message=`...)
			b = appendXMLAttr(b, f.Message)
			b = append(b, ` source=`...)
			b = appendXMLAttr(b, f.Rule)
			b = append(b, "/>\n"...)
		}
		b = append(b, "  </file>\n"...)
		// Flush per file: the output of a large tree need not sit in memory.
		if err := writeAll(w, b); err != nil {
			return err
		}
		b = b[:0]
	}
	b = append(b, "</checkstyle>\n"...)
	return writeAll(w, b)
}

// appendXMLAttr appends s as a quoted XML attribute value. Line breaks and
// tabs are written as character references, which attribute-value
// normalisation would otherwise turn into spaces; a character XML cannot
// hold (most C0 controls) or invalid UTF-8 becomes U+FFFD.
func appendXMLAttr(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendXMLEscaped(b, s)
	return append(b, '"')
}

// appendXMLEscaped appends s as XML character data, escaped as in
// appendXMLAttr.
func appendXMLEscaped(b []byte, s string) []byte {
	buf := bytes.NewBuffer(b)
	xml.EscapeText(buf, []byte(s)) // writes to memory: cannot fail
	return buf.Bytes()
}
