package report

import (
	"io"
	"strings"
	"testing"

	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/lint"
)

// longLine is a minified bundle: one line of about size bytes holding n
// misspelt commands, each a finding.
func longLine(b *testing.B, size, n int) []LintFile {
	b.Helper()
	call := "web1on1.api.sendClientMessage('>cs /sett x');"
	filler := strings.Repeat("var a=1;", (size/n-len(call))/8)
	src := []byte(strings.Repeat(filler+call, n))
	diags := (&lint.Linter{}).LintHost(host.JS, src)
	if len(diags) < n {
		b.Fatalf("want %d findings, got %d", n, len(diags))
	}
	return []LintFile{{Path: "bundle.min.js", Src: src, Diags: diags}}
}

// BenchmarkLongLine writes the findings of a 1 MB one-line file with 300
// findings in each format. JSON, which prints no source, is the baseline:
// text and SARIF show a window of the line per finding and must cost about
// as much, not 300 times the line.
func BenchmarkLongLine(b *testing.B) {
	files := longLine(b, 1<<20, 300)
	for _, f := range []struct {
		name  string
		write func(io.Writer, []LintFile, LintOptions) error
	}{{"json", WriteJSON}, {"text", WriteText}, {"sarif", WriteSARIF}} {
		b.Run(f.name, func(b *testing.B) {
			var n countingWriter
			for b.Loop() {
				n = 0
				if err := f.write(&n, files, LintOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "out-bytes")
		})
	}
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
