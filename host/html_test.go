package host

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHTMLGolden(t *testing.T) {
	runGolden(t, testInputs(t, "html", ".html", ".htm"), extractPage)
}

func TestHTMLOffsets(t *testing.T) {
	for _, path := range testInputs(t, "html", ".html", ".htm") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			f, _ := extractPage(src)
			checkOffsets(t, src, f)
		})
	}
}

func TestHTMLCases(t *testing.T) {
	type str struct {
		text, callee string
		inAttr       bool
	}
	tests := []struct {
		name string
		src  string
		want []str
	}{
		{"script", `<script>web1on1.api.sendClientMessage('>cs /notify')</script>`,
			[]str{{">cs /notify", "api.sendClientMessage", false}}},
		{"script with src", `<script src="a.js">'>cs /notify'</script>`, nil},
		{"json script", `<script type="application/json">{"m": ">cs /notify"}</script>`, []str{{">cs /notify", "", false}}},
		{"ld+json script", `<script type="application/ld+json">[">cs /notify"]</script>`, []str{{">cs /notify", "", false}}},
		{"template script", `<script type="text/x-template">'>cs /notify'</script>`, nil},
		{"textarea", `<textarea>x('>cs /notify')</textarea><!-- x('>cs /notify') -->`, nil},
		{"module", `<script type="module">'>cs /notify'</script>`, []str{{">cs /notify", "", false}}},
		{"text", `<p>'>cs /notify'</p><div title=">cs /notify"></div>`, nil},
		{"event gt", `<b onclick="web1on1.api.sendClientMessage('&gt;cs /notify')">`,
			[]str{{">cs /notify", "api.sendClientMessage", true}}},
		{"event numeric", `<b onclick='x("&#62;cs /notify&#x20;&#X41;")'>`, []str{{">cs /notify A", "", true}}},
		{"event quot", `<b onclick="x(&quot;>cs /set a b&quot;)">`, []str{{">cs /set a b", "", true}}},
		{"event escape and entity", `<b onclick="x('\x3ecs /set a &amp;&lt;b&gt;')">`, []str{{">cs /set a &<b>", "", true}}},
		{"event legacy", `<b onclick="x('>cs /set a &amp b &ampx &copy=')">`, []str{{">cs /set a & b &ampx &copy=", "", true}}},
		{"event named", `<b onclick="x('>cs /set a Ren&eacute; &NotEqualTilde;')">`, []str{{">cs /set a René \u2242\u0338", "", true}}},
		{"javascript url", `<a href="javascript:x('>cs /notify')">`, []str{{">cs /notify", "", true}}},
		{"javascript url entity", `<a href="javascript:x('&gt;cs /notify')">`, []str{{">cs /notify", "", true}}},
		{"not an event", `<b one-click="x('>cs /notify')" on="x('>cs /notify')">`, nil},
		{"svg", `<svg><g onclick="x('>cs /notify')"/><script>'>cs /set a b'</script></svg>`,
			[]str{{">cs /notify", "", true}, {">cs /set a b", "", false}}},
		{"closing script in string", "<script>a = '>cs /set a </script>'; b = '>cs /notify'", nil},
		{"script end in comment", `<script><!-- '>cs /notify' --></script><script>'>cs /set a b'</script>`, []str{{">cs /set a b", "", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			f, _ := extractPage(src)
			var got []str
			for _, s := range f.Strings {
				got = append(got, str{s.Text, s.Callee, inAttr(s)})
			}
			assert.Equal(t, tt.want, got)
			checkFile(t, src, f)
			checkOffsets(t, src, f)
		})
	}
}

// extractPage extracts a page through the driver, which extracts its
// scripts and handlers.
func extractPage(src []byte) (*File, error) { return Extract(HTML, src) }

func TestHTMLAttrMapping(t *testing.T) {
	src := []byte(`<b onclick="x('&gt;cs /set a&#x20;b')">`)
	f, err := extractPage(src)
	require.NoError(t, err)
	require.Len(t, f.Strings, 1)
	s := f.Strings[0]
	require.Equal(t, ">cs /set a b", s.Text)
	assert.Equal(t, bytes.Index(src, []byte("'&gt;")), s.Start)
	assert.Equal(t, bytes.Index(src, []byte("')"))+1, s.End)
	assert.Equal(t, []Seg{
		{Dec: 0, Host: 15, HostLen: 4},
		{Dec: 1, Host: 19, HostLen: 9, Verbatim: true},
		{Dec: 10, Host: 28, HostLen: 6},
		{Dec: 11, Host: 34, HostLen: 1, Verbatim: true},
	}, s.Segs)
	assert.Equal(t, "&gt;", string(src[s.HostOffset(0):s.HostEnd(1)]))
	assert.Equal(t, "&#x20;", string(src[s.HostOffset(10):s.HostEnd(11)]))
}

func TestHTMLDecode(t *testing.T) {
	tests := []struct {
		name, raw string
		strict    bool
		want      string
	}{
		{"none", "a b", false, "a b"},
		{"basic", "&lt;&gt;&amp;&quot;&apos;&nbsp;", false, "<>&\"'\u00a0"},
		{"numeric", "&#62;&#x3E;&#X3e;&#0062;&#62", false, ">>>>>"},
		{"invalid numeric", "&#0;&#xD800;&#x110000;&#;&#x;", false, "\uFFFD\uFFFD\uFFFD&#;&#x;"},
		{"windows-1252", "&#128;&#x99;", false, "€™"},
		{"legacy", "&amp &lt &copy &ampx &amp=", false, "& < © &ampx &amp="},
		{"unknown", "&foo; &; & x", false, "&foo; &; & x"},
		{"strict", "&gt;&gt &#62;&#62", true, ">&gt >&#62"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec, m := htmlDecode([]byte(tt.raw), 100, tt.strict)
			segs := m.Segs
			assert.Equal(t, tt.want, string(dec))
			// The offset table covers the decoded text and the source
			// without gaps, verbatim runs copied as they are.
			h := 100
			for i, g := range segs {
				end := len(dec)
				if i+1 < len(segs) {
					end = segs[i+1].Dec
				}
				assert.Equal(t, h, g.Host)
				assert.Less(t, g.Dec, end)
				if g.Verbatim {
					assert.Equal(t, tt.raw[g.Host-100:g.Host-100+g.HostLen], string(dec[g.Dec:end]))
				}
				h += g.HostLen
			}
			if len(segs) > 0 {
				assert.Equal(t, 0, segs[0].Dec)
			}
			assert.Equal(t, 100+len(tt.raw), h)
		})
	}
}

func FuzzHTML(f *testing.F) {
	fuzzSeeds(f, "html", ".html", ".htm")
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		file, _ := extractPage(src)
		require.Equal(t, orig, src, "the input must not be modified")
		checkFile(t, src, file)
	})
}
