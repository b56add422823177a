package ide

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/host"
)

// String.Decoded inverts HostOffset character by character, through escapes,
// entities, dynamic parts and the gaps of a `+` chain.
func TestDecodedOffset(t *testing.T) {
	for name, tt := range map[string]struct {
		lang *host.Language
		src  string
	}{
		"js escapes":     {host.JS, `f('\x3ecs .city Z\u00fcrich\tx\\y caf\u{e9}')`},
		"js template":    {host.JS, "f(`>cs /assign ${a + b} x ${c}`)"},
		"js plus chain":  {host.JS, `f('>cs /set ' + name + " é" + 'x')`},
		"html attribute": {host.HTML, `<a onclick="f('&gt;cs .a b&amp;c&#233;')">x</a>`},
		"json":           {host.JSON, `{"m": "\u003ecs .a \"b\" \ud83d\ude00"}`},
		"yaml double":    {host.YAML, "m: \"\\x3ecs .a b\\u00e9\"\n"},
		"yaml block":     {host.YAML, "m: |\n  >cs .a b\n"},
	} {
		t.Run(name, func(t *testing.T) {
			f, err := host.Extract(tt.lang, []byte(tt.src))
			require.NoError(t, err)
			require.Len(t, f.Strings, 1)
			s := &f.Strings[0]
			for h := s.Start; h <= s.End; h++ {
				dec, ok := s.Decoded(h)
				if !ok {
					continue
				}
				assert.True(t, s.HostOffset(dec) == h || s.HostEnd(dec) == h,
					"host %d → decoded %d → host %d/%d", h, dec, s.HostOffset(dec), s.HostEnd(dec))
			}
			// Every boundary of the decoded text that the author can put a
			// cursor at maps back to itself.
			for i, g := range s.Segs {
				n := len(s.Text) - g.Dec
				if i+1 < len(s.Segs) {
					n = s.Segs[i+1].Dec - g.Dec
				}
				last := g.Dec
				if g.Verbatim {
					last = g.Dec + n
				}
				for dec := g.Dec; dec <= last; dec++ {
					got, ok := s.Decoded(s.HostOffset(dec))
					if assert.True(t, ok, "decoded %d at host %d", dec, s.HostOffset(dec)) {
						assert.Equal(t, dec, got, "decoded %d at host %d", dec, s.HostOffset(dec))
					}
				}
			}
			end, ok := s.Decoded(s.HostEnd(len(s.Text)))
			assert.True(t, ok)
			assert.Equal(t, len(s.Text), end, "the end of the text, before a closing quote")
		})
	}
}

func TestDecodedOffsetOutside(t *testing.T) {
	src := "f(`>cs /assign ${id} x`)"
	f, _ := host.Extract(host.JS, []byte(src))
	require.Len(t, f.Strings, 1)
	s := &f.Strings[0]
	for _, h := range []int{s.Start, s.End, 17, 18} { // the quotes, and inside ${id}
		_, ok := s.Decoded(h)
		assert.False(t, ok, "host offset %d", h)
	}
}
