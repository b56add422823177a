package report

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type junitReport struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failures  []struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestJUnitRead reads the report back as a CI does: the counts add up, and
// each finding is a failed test case that says where and what.
func TestJUnitRead(t *testing.T) {
	tests := []struct {
		name            string
		files           []LintFile
		tests, failures int
		suites          int
	}{
		{"fixture", fixture(t), 13, 13, 3},
		{"no findings: one passing case", fixture(t)[3:], 1, 0, 1},
		{"hostile text", hostile(t), 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, WriteJUnit(&b, tt.files, options()))
			var r junitReport
			require.NoError(t, xml.Unmarshal(b.Bytes(), &r))
			assert.Equal(t, tt.tests, r.Tests)
			assert.Equal(t, tt.failures, r.Failures)
			require.Len(t, r.Suites, tt.suites)
			cases, failures := 0, 0
			for _, s := range r.Suites {
				assert.Len(t, s.Cases, s.Tests)
				cases += len(s.Cases)
				inSuite := 0
				for _, c := range s.Cases {
					inSuite += len(c.Failures)
				}
				assert.Equal(t, s.Failures, inSuite, s.Name)
				failures += inSuite
			}
			assert.Equal(t, tt.tests, cases)
			assert.Equal(t, tt.failures, failures)
		})
	}

	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, fixture(t), options()))
	var r junitReport
	require.NoError(t, xml.Unmarshal(b.Bytes(), &r))
	c := r.Suites[2].Cases[0]
	assert.Equal(t, "unknown-command at 2:63", c.Name)
	assert.Equal(t, "web/widget page.js", c.Classname)
	require.Len(t, c.Failures, 1)
	assert.Equal(t, "error", c.Failures[0].Type)
	assert.Equal(t, `unknown command "/Set"; did you mean "/set"?`, c.Failures[0].Message)
	assert.Equal(t, `web/widget page.js:2:63: error: unknown command "/Set"; did you mean "/set"? [unknown-command]`, c.Failures[0].Text)
}
