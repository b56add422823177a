package ide

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/web1on1/cscmd/internal/benchdoc"
)

// In an editor session a large file is extracted in chunks after each
// edit; the findings, fixes included, are those of a session that reads it
// whole: a fresh analyzer without an extraction cache, as the command line
// lints.
func TestLargeFileEditsAgree(t *testing.T) {
	broken := []string{
		"web1on1.api.sendClientMessage('>cs /sett @category x');\n",
		"<button onclick=\"web1on1.api.sendClientMessage('>cs /assign 62C6077CA980127F404B0301')\">x</button>\n",
		"<?php // cscmd-ignore unknown-command ?>\n",
		"'>cs /notify inbox'\n",
		"\n", "}", "{", "'", "<!--", "-->", "<?php ", "{\"html\": \"<b onclick=\\\"web1on1.opne()\\\">\"},\n",
	}
	for _, tc := range []struct {
		name, id string
		line     func(*strings.Builder, int)
	}{
		{"javascript", "javascript", func(b *strings.Builder, i int) {
			fmt.Fprintf(b, "if (a%d) { web1on1.api.sendClientMessage('>cs /set @category Used Car'); }\n", i)
		}},
		{"javascript in a function", "javascript", func(b *strings.Builder, i int) {
			if i == 0 {
				b.WriteString("document.addEventListener('DOMContentLoaded', () => {\n")
			}
			fmt.Fprintf(b, "  if (a%d) { web1on1.api.sendClientMessage('>cs /set @category Used Car'); }\n", i)
			if i == 1999 {
				b.WriteString("});\n")
			}
		}},
		{"vue", "vue", benchdoc.VueLine},
		{"svelte", "svelte", benchdoc.SvelteLine},
		{"php", "php", benchdoc.PHPLine},
		{"gtm", "json", benchdoc.GTMLine},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := benchdoc.Page(2000, tc.line)
			ws := &Workspace{Extractions: &Extractions{}}
			var session Analyzer
			rng := rand.New(rand.NewPCG(7, uint64(len(tc.name))))
			found := 0
			for step := range 12 {
				at := rng.IntN(len(text) + 1)
				ins := broken[rng.IntN(len(broken))]
				text = append(append(append([]byte{}, text[:at]...), ins...), text[at:]...)
				var fresh Analyzer
				want := fresh.Analyze(nil, "file:///a", tc.id, text)
				got := session.Analyze(ws, "file:///a", tc.id, text)
				if !assert.Equal(t, want, got, "step %d: inserting %q at %d", step, ins, at) {
					return
				}
				found += len(want)
			}
			assert.Positive(t, found, "the edits break commands")
		})
	}
}
