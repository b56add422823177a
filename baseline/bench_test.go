package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/report"
)

// benchFile returns a command file of n lines, every other one with a
// finding, as the CLI would hand it over.
func benchFile(n int) report.LintFile {
	var src strings.Builder
	var diags []lint.Diagnostic
	for i := range n {
		start := src.Len()
		if i%2 == 1 {
			fmt.Fprintf(&src, ">cs /assign %023x\n", i)
			diags = append(diags, lint.Diagnostic{Rule: "objectid-format", Severity: lint.Error,
				Start: start + 12, End: start + 35, Message: "object id must be 24 hex digits, got 23"})
			continue
		}
		fmt.Fprintf(&src, ">cs /set isLead yes %d\n", i)
	}
	return report.LintFile{Path: "big.cscmd", Src: []byte(src.String()), Diags: diags}
}

func benchBaseline(b *testing.B, n int) (report.LintFile, []byte) {
	f := benchFile(n)
	var buf bytes.Buffer
	if err := Write(&buf, ".", []report.LintFile{f}); err != nil {
		b.Fatal(err)
	}
	return f, buf.Bytes()
}

// BenchmarkParse reads a baseline of 100,000 findings; the baseline of the
// comparison is encoding/json reading the same file into the same entries
// without positions or checks (BenchmarkParseUnmarshal).
func BenchmarkParse(b *testing.B) {
	_, src := benchBaseline(b, 200_000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse("b.json", src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseUnmarshal(b *testing.B) {
	_, src := benchBaseline(b, 200_000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var v struct {
			Version  int
			Findings []Entry
		}
		if err := json.Unmarshal(src, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApply compares 100,000 findings with a baseline recording them
// all; the comparison's baseline is fingerprinting them alone
// (BenchmarkFingerprints), which SARIF does too.
func BenchmarkApply(b *testing.B) {
	f, src := benchBaseline(b, 200_000)
	base, err := Parse("b.json", src)
	if err != nil {
		b.Fatal(err)
	}
	files := []report.LintFile{f}
	for b.Loop() {
		base.Apply(files)
	}
}

func BenchmarkFingerprints(b *testing.B) {
	f := benchFile(200_000)
	for b.Loop() {
		report.Fingerprints(f)
	}
}
