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
