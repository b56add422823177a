package ide_test

import (
	"testing"

	"github.com/web1on1/cscmd/ide"
)

// FuzzFeatures runs every feature at every offset of arbitrary documents and
// checks the promises the language server relies on: completion edits hold
// the cursor, hover ranges lie in the text, tokens come in order without
// overlapping, and a symbol's selection lies inside its range.
func FuzzFeatures(f *testing.F) {
	for _, c := range seedCommands {
		f.Add(c, uint8(0))
		f.Add("web1on1.api.sendClientMessage('"+c+"');", uint8(1))
	}
	for _, s := range []string{
		"\uFEFF# x\r\n>cs /set @category Used Car\r\n", ">cs .location 61be87aeafdf672d381a9db4#", "  >CS /notify",
		"f(`>cs /assign ${id} x`) + '>cs /set ' + v", `f('\x3ecs /assign \u0036')`,
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
	}
	f.Add(`<a onclick="f('&gt;cs /set @category &amp;')">x</a>`, uint8(2))
	f.Add("m: '>cs @'\n", uint8(3))
	// Lone CRs, a stray bracket after a byte order mark, non-null `!` and
	// optional calls.
	f.Add(">cs /assign 62c6077ca980127f404b0301\r>cs /sett x\r\n\r>cs /", uint8(0))
	f.Add("\xef\xbb\xbf]: >cs", uint8(3))
	f.Add("a = b! / c;\rweb1on1!.api?.sendClientMessage?.('>cs /set @category ')", uint8(1))
	langs := []string{"cscmd", "javascript", "html", "yaml", "json"}
	ws := catalogWorkspace(f)
	f.Fuzz(func(t *testing.T, s string, lang uint8) {
		if len(s) > 512 {
			return
		}
		id := langs[int(lang)%len(langs)]
		text := []byte(s)
		for off := 0; off <= len(text); off++ {
			for _, c := range ide.Complete(ws, id, text, off) {
				if c.Edit == nil || c.Edit.Start > off || c.Edit.End < off || c.Edit.End > len(text) || c.Label == "" {
					t.Fatalf("completion %+v at %d", c, off)
				}
			}
			if _, start, end, ok := ide.Hover(ws, id, text, off); ok && (start < 0 || end < start || end > len(text)) {
				t.Fatalf("hover [%d, %d) at %d", start, end, off)
			}
		}
		for _, h := range ide.InlayHints(ws, id, text, 0, len(text)) {
			if h.Offset < 0 || h.Offset > len(text) || h.Label == "" {
				t.Fatalf("inlay hint %+v", h)
			}
		}
		done := 0
		for _, tok := range ide.SemanticTokens(nil, id, text) {
			if tok.Start < done || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("token %+v after %d", tok, done)
			}
			done = tok.End
		}
		for _, sym := range ide.Symbols(nil, id, text) {
			if sym.Name == "" || sym.Start > sym.SelStart || sym.SelStart > sym.SelEnd || sym.SelEnd > sym.End || sym.End > len(text) {
				t.Fatalf("symbol %+v", sym)
			}
		}
	})
}
