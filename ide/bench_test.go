package ide_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/web1on1/cscmd/ide"
)

// Completion runs on every keystroke; these are 10,000-line documents with
// the cursor in the middle.

func BenchmarkComplete(b *testing.B) {
	ws := catalogWorkspace(b)
	b.Run("cscmd", func(b *testing.B) {
		var doc strings.Builder
		for i := range 10000 {
			if i == 5000 {
				doc.WriteString(">cs /assign " + mark + "\n")
			}
			fmt.Fprintf(&doc, "%s\n", seedCommands[i%len(seedCommands)])
		}
		benchComplete(b, ws, "cscmd", doc.String())
	})
	b.Run("javascript", func(b *testing.B) {
		var doc strings.Builder
		for i := range 10000 {
			if i == 5000 {
				doc.WriteString("web1on1.api.sendClientMessage('>cs /assign " + mark + "');\n")
			}
			switch i % 4 {
			case 0:
				fmt.Fprintf(&doc, "web1on1.api.sendClientMessage('%s');\n", seedCommands[i%len(seedCommands)])
			case 1:
				fmt.Fprintf(&doc, "const x%d = compute(%d, \"text\") + `tpl ${y}`;\n", i, i)
			case 2:
				doc.WriteString("// a comment about > cs and other things\n")
			default:
				doc.WriteString("if (a > b) { call(a, b); }\n")
			}
		}
		benchComplete(b, ws, "javascript", doc.String())
	})
}

func benchComplete(b *testing.B, ws *ide.Workspace, lang, doc string) {
	src, off := cursor(b, doc)
	if got := ide.Complete(ws, lang, src, off); len(got) != 2 {
		b.Fatalf("got %d candidates, want the user and the bot", len(got))
	}
	b.ReportAllocs()
	for b.Loop() {
		ide.Complete(ws, lang, src, off)
	}
}

// BenchmarkAnalyzeHTML is a keystroke in a 280 KB page with 2,000 findings,
// each offered "ignore this rule here" in the comment syntax of the place it
// sits (a script body or an attribute). The baseline is the same page with
// its commands correct: extraction and linting without findings to place.
func BenchmarkAnalyzeHTML(b *testing.B) {
	page := func(cmd string) []byte {
		var doc strings.Builder
		doc.WriteString("<!doctype html>\n<html><body>\n")
		for i := range 2000 {
			if i%2 == 0 {
				fmt.Fprintf(&doc, "<script>\n  web1on1.api.sendClientMessage('%s');\n</script>\n", cmd)
			} else {
				fmt.Fprintf(&doc, "<button onclick=\"web1on1.api.sendClientMessage('%s')\">Go %d</button>\n", cmd, i)
			}
			doc.WriteString("<p>Some text of the page, with <a href=\"/x\">a link</a> and more words to fill it.</p>\n")
		}
		doc.WriteString("</body></html>\n")
		return []byte(doc.String())
	}
	for _, c := range []struct{ name, cmd string }{
		{"baseline-clean", ">cs /set isLead yes"},
		{"2000-findings", ">cs /sett isLead yes"},
	} {
		b.Run(c.name, func(b *testing.B) {
			text := page(c.cmd)
			var a ide.Analyzer
			got := a.Analyze(nil, "file:///p.html", "html", text)
			if c.cmd == ">cs /set isLead yes" != (len(got) == 0) {
				b.Fatalf("%d findings", len(got))
			}
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				a.Forget("file:///p.html") // a keystroke changes the text: no cached strings
				a.Analyze(nil, "file:///p.html", "html", text)
			}
		})
	}
}
