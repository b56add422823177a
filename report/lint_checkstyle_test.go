package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/internal/citool"
	"github.com/web1on1/cscmd/lint"
)

// validXML checks data against one of the XSDs in testdata/xsd with
// xmllint (Debian's libxml2-utils).
func validXML(t *testing.T, xsd string, data []byte) {
	t.Helper()
	xmllint := citool.Path(t, "xmllint")
	f := filepath.Join(t.TempDir(), "report.xml")
	require.NoError(t, os.WriteFile(f, data, 0o644))
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "xsd", xsd), f).CombinedOutput()
	assert.NoError(t, err, "xmllint --schema %s:\n%s\n%s", xsd, out, data)
}

// hostile is a file whose path and message hold everything XML cannot
// take as written: markup characters, quotes, line breaks and tabs, a C0
// control character and invalid UTF-8.
func hostile(t *testing.T) []LintFile {
	src := "a\n>cs /assign x\n"
	s, e := find(t, src, "x", 0)
	return []LintFile{{Path: `web/<&"'>.js`, Src: []byte(src), Diags: []lint.Diagnostic{{
		Rule: "syntax", Severity: lint.Error, Start: s, End: e,
		Message: "a <b> & \"c\" 'd'\nline\ttab \x01 \xff ]]>",
	}}}}
}

// TestXMLSchemas validates the Checkstyle and JUnit reports against
// their schemas, with findings, without any and with text XML cannot hold
// as written.
func TestXMLSchemas(t *testing.T) {
	formats := []struct {
		xsd   string
		write func(io.Writer, []LintFile, LintOptions) error
	}{
		{"checkstyle.xsd", WriteCheckstyle},
		{"junit.xsd", WriteJUnit},
	}
	tests := []struct {
		name  string
		files []LintFile
	}{
		{"fixture", fixture(t)},
		{"no findings", fixture(t)[3:]},
		{"nothing linted", nil},
		{"hostile text", hostile(t)},
	}
	for _, f := range formats {
		for _, tt := range tests {
			t.Run(f.xsd+"/"+tt.name, func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, f.write(&b, tt.files, options()))
				validXML(t, f.xsd, b.Bytes())
			})
		}
	}
}

// TestCheckstyleRead reads the report back as a consumer does: every
// finding with its position, severity and rule, the message intact but for
// what XML cannot hold.
func TestCheckstyleRead(t *testing.T) {
	var report struct {
		Version string `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	var b bytes.Buffer
	require.NoError(t, WriteCheckstyle(&b, append(fixture(t), hostile(t)...), options()))
	require.NoError(t, xml.Unmarshal(b.Bytes(), &report))
	assert.Equal(t, "4.3", report.Version)
	require.Len(t, report.Files, 4, "the file without findings is left out")
	assert.Equal(t, "web/widget page.js", report.Files[2].Name)
	e := report.Files[2].Errors[0]
	assert.Equal(t, []any{2, 63, "error", "unknown-command"}, []any{e.Line, e.Column, e.Severity, e.Source})
	h := report.Files[3]
	assert.Equal(t, `web/<&"'>.js`, h.Name)
	assert.Equal(t, "a <b> & \"c\" 'd'\nline\ttab \uFFFD \uFFFD ]]>", h.Errors[0].Message)
}
