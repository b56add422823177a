package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/web1on1/cscmd/lint"
)

// FuzzShownSource writes one finding anywhere in any text, with the cuts
// of long lines in play (the text is repeated to make its lines long): the
// text and SARIF formats must not fail, a snippet is the source's text, and
// a context region's text holds its region's.
func FuzzShownSource(f *testing.F) {
	for _, s := range []struct {
		src        string
		start, end uint16
		repeat     uint8
	}{
		{">cs /assign 123\n", 12, 15, 0},
		{"\uFEFFaé😀\tb\r\nc", 3, 9, 50},
		{"x\xffé\u202e\x1b]0;t\x07", 1, 4, 200},
		{"abc\n", 4, 4, 255},
	} {
		f.Add(s.src, s.start, s.end, s.repeat)
	}
	f.Fuzz(func(t *testing.T, src string, start, end uint16, repeat uint8) {
		src = strings.Repeat(src, int(repeat)+1)
		s, e := int(start), int(end)
		if s > len(src) || e > len(src) {
			return
		}
		files := []LintFile{{Path: "f.js", Src: []byte(src), Diags: []lint.Diagnostic{{Rule: "r", Severity: lint.Error, Start: s, End: e, Message: "m"}}}}
		var b bytes.Buffer
		if err := WriteText(&b, files, LintOptions{}); err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(b.Bytes()) {
			t.Fatalf("text output is not UTF-8: %q", b.String())
		}
		log := readSARIF(t, files, LintOptions{})
		loc := log.Runs[0].Results[0].Locations[0].PhysicalLocation
		if sn := loc.Region.Snippet; sn != nil && !strings.Contains(src, sn.Text) && utf8.ValidString(src) {
			t.Fatalf("snippet %q is not in the source", sn.Text)
		}
		if ctx := loc.ContextRegion; ctx != nil && loc.Region.Snippet != nil && utf8.ValidString(src) {
			if !strings.Contains(ctx.Snippet.Text, loc.Region.Snippet.Text) {
				t.Fatalf("context %q does not hold the region %q", ctx.Snippet.Text, loc.Region.Snippet.Text)
			}
		}
	})
}
