package host

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMayContain(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"plain", `send('>cs /notify')`, true},
		{"upper", `">CS /notify"`, true},
		{"mixed case", `">cS x"`, true},
		{"space after >", `"> cs /notify"`, true},
		{"widget name", `web1on1.open()`, true},
		{"widget name only", `// see web1on1 docs`, true},
		{"at end of file", `>cs`, true},
		{"x escape lower", `"\x3ecs /notify"`, true},
		{"x escape upper", `"\x3Ecs /notify"`, true},
		{"u escape", `"\u003ecs"`, true},
		{"u escape upper", `"\u003Ecs"`, true},
		{"u brace escape", `"\u{3e}cs"`, true},
		{"u brace escape zeros", `"\u{003E}cs"`, true},
		{"U escape (YAML)", `"\U0000003ecs"`, true},
		{"octal", `"\76cs"`, true},
		{"octal three digits", `"\076cs"`, true},
		{"entity gt", `onclick="send('&gt;cs /notify')"`, true},
		{"entity GT", `&GT;cs`, true},
		{"entity gt without semicolon", `&gtcs`, true},
		{"decimal reference", `&#62;cs`, true},
		{"decimal reference zeros", `&#0062;cs`, true},
		{"decimal reference without semicolon", `&#62cs`, true},
		{"hex reference", `&#x3e;cs`, true},
		{"hex reference upper", `&#X3E;cs`, true},
		{"escaped c", `">\x63s"`, true},
		{"escaped C and s", `">\u0043\u0073"`, true},
		{"octal c", `">\143s"`, true},
		{"referenced c", `&gt;&#99;&#x73;`, true},
		{"identity escape", `'>\cs'`, true},
		{"escaped space", `">\x20cs"`, true},
		{"tab escape", `">\tcs"`, true},
		{"YAML fold", "k: \">\n  cs /notify\"", true},
		{"line continuation before c", "'>\\\ncs'", true},
		{"line continuation between c and s", "'>c\\\ns'", true},
		{"YAML escaped break between c and s", "\">c\\\r\n    s\"", true},
		{"near miss csv", `">csv"`, true},

		{"empty", ``, false},
		{"arrow", `a=>b.cs`, false},
		{"comparison", `if(a>b&&c<d)return x`, false},
		{"greater equal", `"node": ">=14"`, false},
		{"html tags", `<div class="cs">x</div>`, false},
		{"c without s", `">c"`, false},
		{"s before c", `">sc"`, false},
		{"other escape", `"\x3fcs"`, false},
		{"other entity", `&lt;cs &amp;cs &#63;cs`, false},
		{"bad hex", `"\x3gcs"`, false},
		{"ampersands", `a&&b&c`, false},
		{"backslashes", `"\\\\"`, false},
		{"web1on", `web1on2`, false},
		{"trailing >", `a>`, false},
		{"trailing backslash", `a\`, false},
		{"trailing ampersand", `&#`, false},
		{"non-ASCII after >", `>ĉs`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, MayContain([]byte(tt.src)))
		})
	}
}

// Every file that an extractor finds a candidate in must pass the pre-check.
func TestMayContainTestdata(t *testing.T) {
	for _, dir := range []struct {
		glob    string
		extract func([]byte) (*File, error)
	}{
		{"testdata/json/*.json", extractJSON},
		{"testdata/yaml/*.yaml", extractYAML},
	} {
		paths, err := filepath.Glob(dir.glob)
		require.NoError(t, err)
		for _, p := range paths {
			src, err := os.ReadFile(p)
			require.NoError(t, err)
			f, _ := dir.extract(src)
			for _, s := range f.Strings {
				assert.True(t, MayContain(src[s.Start:s.End]), "%s: %q", p, src[s.Start:s.End])
			}
		}
	}
}

// preMinifiedJS builds about n bytes of code in the shape of a minified
// bundle that holds no command. The mix is tuned to the densities measured in
// jquery.min.js and other real bundles: about one '&' in 60 bytes, one '\\'
// in 300 and one '>' in 500 or more.
func preMinifiedJS(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	ident := func() string {
		// No identifier starts with "c": "a>cs" would be a (rightly) suspect
		// comparison.
		const letters = "abdefghijklmnopqrstuvwxyzABDEFGHIJKLMNOPQRSTUVWXYZ_$"
		b := make([]byte, 1+rng.IntN(3))
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		return string(b)
	}
	var b bytes.Buffer
	b.WriteString(`!function(e,t){"use strict";`)
	for b.Len() < n {
		a, c, d := ident(), ident(), ident()
		switch k := rng.IntN(100); {
		case k < 3:
			fmt.Fprintf(&b, "function %s(%s,%s){return %s.length>0?%s.map(function(%s){return %s*2}):null}", a, c, d, d, c, a, a)
		case k < 6:
			fmt.Fprintf(&b, `var %s="<div class=\"%s\">"+%s+"</div>\n";`, a, c, d)
		case k < 8:
			fmt.Fprintf(&b, `var %s=/^[\w-]+\s*$/g,%s="\u00e9";`, a, c)
		case k < 10:
			fmt.Fprintf(&b, `%s=(%s,%s)=>{%s.%s=%s>>>0};`, a, c, d, c, a, d)
		case k < 35:
			fmt.Fprintf(&b, `%s&&%s.%s&&(%s=%s.%s(%s,"%s"));`, a, a, c, d, a, c, d, ident())
		case k < 55:
			fmt.Fprintf(&b, `%s.prototype.%s=function(%s){var %s=this.%s[%s];return void 0===%s?null:%s};`, a, c, d, a, c, d, a, a)
		case k < 75:
			fmt.Fprintf(&b, `%s.addEventListener("click",function(%s){%s.preventDefault(),%s.classList.toggle("is-open")},!1);`, a, c, c, d)
		case k < 90:
			fmt.Fprintf(&b, `if(%s<%s||null==%s)throw new Error("bad %s: "+%s);`, a, c, d, a, c)
		default:
			fmt.Fprintf(&b, `var %s={%s:"%s",%s:[1,2,3],%s:!0};`, a, c, d, a, ident())
		}
	}
	b.WriteString("}(window,document);\n")
	return b.Bytes()
}

func TestPreMinifiedJS(t *testing.T) {
	src := preMinifiedJS(1 << 20)
	assert.False(t, MayContain(src))
	assert.True(t, MayContain(append(src, `send(">cs /notify")`...)))
}

func BenchmarkMayContain(b *testing.B) {
	src := preMinifiedJS(1 << 20)
	if MayContain(src) {
		b.Fatal("benchmark input holds a command")
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		MayContain(src)
	}
}
