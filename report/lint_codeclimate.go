package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path/filepath"
	"strconv"

	"github.com/web1on1/cscmd/lint"
)

// WriteCodeClimate writes the diagnostics of files as a Code Climate
// report, the format of GitLab's Code Quality widget
// (artifacts:reports:codequality): a JSON array of issues
//
//	{"type":"issue","check_name":RULE,"description":MESSAGE,"categories":["Bug Risk"],
//	 "severity":…,"fingerprint":…,"location":{"path":PATH,"lines":{"begin":L,"end":L2}}}
//
// Severities map error → major, warning → minor, info → info. The
// fingerprint, which GitLab compares between a merge request and its target
// to tell new findings from fixed ones, hashes the path with the SARIF
// fingerprint (rule, the line's text, occurrence): it survives edits
// elsewhere in the file and is unique in the report.
func WriteCodeClimate(w io.Writer, files []LintFile, _ LintOptions) error {
	docs := prepare(files, needFingerprints)
	b := []byte{'['}
	first := true
	for _, d := range docs {
		path := filepath.ToSlash(d.path)
		for i := range d.diags {
			f := &d.diags[i]
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, "\n"+`{"type":"issue","check_name":`...)
			b = appendString(b, f.Rule)
			b = append(b, `,"description":`...)
			b = appendString(b, f.Message)
			b = append(b, `,"categories":["Bug Risk"],"severity":"`...)
			switch f.Severity {
			case lint.Error:
				b = append(b, "major"...)
			case lint.Warning:
				b = append(b, "minor"...)
			default:
				b = append(b, "info"...)
			}
			sum := sha256.Sum256([]byte(path + "\x00" + f.fp))
			b = append(b, `","fingerprint":"`...)
			b = hex.AppendEncode(b, sum[:16])
			b = append(b, `","location":{"path":`...)
			b = appendString(b, path)
			b = append(b, `,"lines":{"begin":`...)
			b = strconv.AppendInt(b, int64(f.start.line), 10)
			b = append(b, `,"end":`...)
			b = strconv.AppendInt(b, int64(f.end.line), 10)
			b = append(b, "}}}"...)
		}
		if err := writeAll(w, b); err != nil {
			return err
		}
		b = b[:0]
	}
	if !first {
		b = append(b, '\n')
	}
	return writeAll(w, append(b, "]\n"...))
}
