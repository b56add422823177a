package host

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/internal/benchdoc"
)

// smallChunks makes every text large enough to be chunked, in chunks of
// size bytes, for the rest of a test.
func smallChunks(t testing.TB, size int) {
	oldMin, oldSize := chunkMin, chunkSize
	chunkMin, chunkSize = 1, size
	t.Cleanup(func() { chunkMin, chunkSize = oldMin, oldSize })
}

// dumpAll renders all of an extraction result, maps and regions included:
// a chunked extraction must find exactly what a whole one finds.
func dumpAll(src []byte, f *File, err error) string {
	var sb strings.Builder
	sb.WriteString(dumpFile(src, f, err))
	for _, s := range f.Strings {
		fmt.Fprintf(&sb, "segs %d %v\n", s.Start, s.Segs)
	}
	for _, c := range f.Comments {
		fmt.Fprintf(&sb, "comment %d-%d body=%q map=%v scope=%v\n", c.Start, c.End, c.Body, c.BodyMap, c.Scope)
	}
	for _, r := range f.Regions {
		fmt.Fprintf(&sb, "region %d-%d %s escaped=%v\n", r.Start, r.End, r.Lang.Name, r.Escaped)
	}
	return sb.String()
}

// chunkEdits are the insertions that change a lexer's state the most.
var chunkEdits = []string{
	"x", "'", "\"", "`", "{", "}", "(", ")", "/*", "*/", "//", "\n", ";\n", "}\n", "${", "<", ">",
	"<div>", "</div>", "<!--", "-->", "<script>", "</script>", "<textarea>", "<?php ", " ?>", "<?= $x ?>",
	"{{", "}}", "{% raw %}", "'>cs /notify'", "web1on1.api.sendClientMessage('>cs /set @category x');\n",
	"<button onclick=\"web1on1.open()\">", "// cscmd-ignore prefix\n", "<!-- cscmd-ignore prefix -->\n",
	"x = <b>{y}</b>;\n", "<T>(", "\r", "\r\n", "[", "]", ",", ":", "\"k\": ", "{\"html\": \"<script>web1on1.open()</script>\"},\n",
}

// chunkLanguages are the languages that report cuts.
func chunkLanguages() []*Language {
	var out []*Language
	for _, l := range Languages {
		if l.Cuts {
			out = append(out, l)
		}
	}
	return out
}

// A chunked extraction finds what a whole one does, edit after edit: each
// language's inputs, made large by repetition, under a sequence of random
// insertions and deletions.
func TestChunkedEdits(t *testing.T) {
	smallChunks(t, 256)
	for _, l := range chunkLanguages() {
		inputs := langInputs(t, l)
		if l == JS {
			inputs = testInputs(t, "js", ".js", ".ts", ".jsx", ".tsx")
		}
		for _, path := range inputs {
			t.Run(l.Name+"/"+filepath.Base(path), func(t *testing.T) {
				one, err := os.ReadFile(path)
				require.NoError(t, err)
				text := []byte(strings.Repeat(string(one)+"\n", 4))
				rng := rand.New(rand.NewPCG(uint64(len(one)), 7))
				var c DocCache
				_, _ = ExtractCached(l, text, &c)
				for step := range 40 {
					at := rng.IntN(len(text) + 1)
					var edit string
					if rng.IntN(4) == 0 {
						n := min(rng.IntN(40), len(text)-at)
						edit = fmt.Sprintf("delete %d at %d", n, at)
						text = append(text[:at:at], text[at+n:]...)
					} else {
						ins := chunkEdits[rng.IntN(len(chunkEdits))]
						edit = fmt.Sprintf("insert %q at %d", ins, at)
						text = append(append(append([]byte{}, text[:at]...), ins...), text[at:]...)
					}
					want, werr := Extract(l, text)
					got, gerr := ExtractCached(l, text, &c)
					if !assert.Equal(t, dumpAll(text, want, werr), dumpAll(text, got, gerr), "step %d: %s", step, edit) {
						return
					}
				}
			})
		}
	}
}

// Only the chunks around an edit are extracted again.
func TestChunkedReuse(t *testing.T) {
	smallChunks(t, 1<<10)
	src := benchJS(200*60, 5)
	var c DocCache
	_, _ = ExtractCached(JS, src, &c)
	first := c.chunked[0].chunks
	require.Greater(t, len(first), 8, "a 12 KB script is cut into chunks of about 1 KB")
	assert.Equal(t, len(src), c.fresh, "the first extraction reads it all")
	at := len(src) / 2
	edited := append(append(append([]byte{}, src[:at]...), 'x'), src[at:]...)
	_, _ = ExtractCached(JS, edited, &c)
	again := c.chunked[len(c.chunked)-1].chunks
	assert.LessOrEqual(t, c.fresh, 3*chunkSize, "an edit extracts its chunk again, not the text")
	assert.Equal(t, len(first), len(again), "the edit changed one chunk, not how the text is cut")
}

// FuzzChunks checks that after one edit a chunked extraction finds what a
// whole one finds, in every language that reports cuts.
func FuzzChunks(f *testing.F) {
	langs := chunkLanguages()
	index := func(l *Language) uint8 { return uint8(slices.Index(langs, l)) }
	for _, seed := range []struct {
		lang *Language
		src  string
	}{
		{JS, "a();\nb('>cs /set x y');\n"},
		{JS, "x = `${\n}`;\nweb1on1.open();\n"},
		{JS, "(function () {\n  a(1,\n    [2,\n    3]);\n  web1on1.api.sendClientMessage(\n'>cs /set a b');\n})();\n"},
		{HTML, "<p>\nhello\n</p>\n<button onclick=\"web1on1.open()\">\n</button>\n"},
		{PHP, "<?php if ($x) : ?>\n<b onclick=\"f('>cs .a <?= $b ?>')\">\n<?php endif; ?>\n"},
		{Vue, "<template>\n<button @click=\"web1on1.open()\">\n</template>\n"},
		{JSON, "{\"tag\": [\n{\"html\": \"<b onclick=\\\"web1on1.open()\\\">\"},\n{\"v\": \">cs /set a b\"}\n]}\n"},
		{Svelte, "<script>\nlet a = 1;\n</script>\n<p>{a}\n</p>\n<button on:click={() => web1on1.open()}>\n{#if a}\n'>cs /notify'\n{/if}\n"},
		{Astro, "---\nconst a = 1;\n---\n<p>{a}</p>\n<button onClick={() => web1on1.api.sendClientMessage('>cs /set a b')}>\n</button>\n"},
	} {
		f.Add([]byte(seed.src), index(seed.lang), uint16(len(seed.src)/2), uint8(1), []byte("{"))
		f.Add([]byte(seed.src), index(seed.lang), uint16(len(seed.src)/3), uint8(0), []byte("\n"))
	}
	f.Fuzz(func(t *testing.T, src []byte, which uint8, at uint16, del uint8, ins []byte) {
		smallChunks(t, 8)
		l := langs[int(which)%len(langs)]
		var c DocCache
		_, _ = ExtractCached(l, src, &c)
		p := min(int(at), len(src))
		n := min(int(del), len(src)-p)
		text := append(append(append([]byte{}, src[:p]...), ins...), src[p+n:]...)
		want, werr := Extract(l, text)
		got, gerr := ExtractCached(l, text, &c)
		if w, g := dumpAll(text, want, werr), dumpAll(text, got, gerr); w != g {
			t.Fatalf("%s: %q, replacing %d bytes at %d with %q:\nwhole:\n%s\nchunked:\n%s", l.Name, src, n, p, ins, w, g)
		}
	})
}

// BenchmarkExtractEdit extracts a 10,000-line script, component,
// template page, tag manager's export and component that is mostly script
// after a one-byte edit, as the language server does after a keystroke:
// through a DocCache, which extracts only the chunk that changed, against
// Extract of the whole text as the baseline.
func BenchmarkExtractEdit(b *testing.B) {
	for _, tc := range []struct {
		name string
		lang *Language
		src  []byte
	}{
		{"js", JS, benchJS(10000*60, 5)},
		{"js-wrapped", JS, append(append([]byte("(function () {\n"), benchJS(10000*60, 5)...), "})();\n"...)},
		{"vue", Vue, benchdoc.Page(10000, benchdoc.VueLine)},
		{"php", PHP, benchdoc.Page(10000, benchdoc.PHPLine)},
		{"gtm", JSON, benchdoc.Page(10000, benchdoc.GTMLine)},
		{"svelte", Svelte, benchdoc.Page(10000, benchdoc.SvelteLine)},
		{"vue-script", Vue, append(append([]byte("<template><p>{{ x }}</p></template>\n<script>\n"), benchJS(10000*60, 5)...), "</script>\n"...)},
	} {
		b.Run(tc.name+"/whole", func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				_, _ = Extract(tc.lang, benchEdit(tc.src, i))
			}
		})
		b.Run(tc.name+"/chunked", func(b *testing.B) {
			var c DocCache
			_, _ = ExtractCached(tc.lang, tc.src, &c)
			for i := 0; b.Loop(); i++ {
				_, _ = ExtractCached(tc.lang, benchEdit(tc.src, i), &c)
			}
		})
	}
}

// Typing in one large document does not push out the chunks of another
// open one.
func TestChunkedTwoDocuments(t *testing.T) {
	smallChunks(t, 1<<10)
	a, b := benchJS(200*60, 5), benchdoc.Page(300, benchdoc.VueLine)
	var c DocCache
	_, _ = ExtractCached(JS, a, &c)
	_, _ = ExtractCached(Vue, b, &c)
	for i := range 2 * keptChunked {
		a = append(append(append([]byte{}, a[:100]...), byte('a'+i)), a[100:]...)
		_, _ = ExtractCached(JS, a, &c)
	}
	at := len(b) / 2
	b = append(append(append([]byte{}, b[:at]...), 'x'), b[at:]...)
	_, _ = ExtractCached(Vue, b, &c)
	assert.LessOrEqual(t, c.fresh, 3*chunkSize, "the component's chunks were kept")
}

// A DocCache serves the language server's concurrent requests: several
// chunked extractions of a document's versions at once find what whole
// ones find (run with -race).
func TestChunkedConcurrent(t *testing.T) {
	smallChunks(t, 1<<10)
	src := benchdoc.Page(600, benchdoc.PHPLine)
	var c DocCache
	_, _ = ExtractCached(PHP, src, &c)
	var wg sync.WaitGroup
	got := make([]string, 8)
	want := make([]string, 8)
	for i := range got {
		text := benchEdit(src, i)
		w, werr := Extract(PHP, text)
		want[i] = dumpAll(text, w, werr)
		wg.Go(func() {
			f, err := ExtractCached(PHP, text, &c)
			got[i] = dumpAll(text, f, err)
		})
	}
	wg.Wait()
	assert.Equal(t, want, got)
}

// The cases FuzzChunks found, each with the language it found it in (the
// corpus files name a language by its index, which moves as languages
// learn to cut).
func TestChunkedFound(t *testing.T) {
	for _, tt := range []struct {
		name    string
		lang    *Language
		src     string
		at, del int
		ins     string
	}{
		{"an open last chunk is no prefix", JS, "00", 2, 0, "A"},
		{"an unclosed container at the end is no cut", JSONC, " {\n", 2, 1, "\n0"},
		{"a line start after a CR is no cut", JSON, "//\r", 3, 0, "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			smallChunks(t, 8)
			var c DocCache
			_, _ = ExtractCached(tt.lang, []byte(tt.src), &c)
			text := []byte(tt.src[:tt.at] + tt.ins + tt.src[tt.at+tt.del:])
			want, werr := Extract(tt.lang, text)
			got, gerr := ExtractCached(tt.lang, text, &c)
			assert.Equal(t, dumpAll(text, want, werr), dumpAll(text, got, gerr))
		})
	}
}
