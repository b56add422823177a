package host

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// yamlDecodes reports whether the host bytes of one non-verbatim segment of a
// YAML scalar decode to want: an escape, a doubled quote, or a run of line
// breaks with the white space around it. A run of breaks is checked by its
// shape, since how a block scalar folds it depends on the lines around it.
func yamlDecodes(b []byte, syn Syntax, want string) bool {
	if syn == YAMLSingle && string(b) == "''" {
		return want == "'"
	}
	escapedBreak := len(b) > 1 && b[0] == '\\' && (b[1] == '\n' || b[1] == '\r')
	if syn == YAMLDouble && len(b) > 0 && b[0] == '\\' && !escapedBreak {
		r, next := yamlEscape(b, 0)
		return next == len(b) && string(r) == want
	}
	if escapedBreak {
		b = b[1:]
	}
	breaks := 0
	for i := 0; i < len(b); {
		switch b[i] {
		case ' ', '\t':
			i++
		case '\n', '\r':
			breaks++
			i = yamlBreakEnd(b, i)
		default:
			return false
		}
	}
	lfs := strings.Count(want, "\n")
	switch {
	case want == " ":
		return breaks == 1 && !escapedBreak
	case lfs != len(want) || lfs == 0:
		return false
	case syn == YAMLBlock:
		return lfs == breaks || lfs == breaks-1
	}
	return lfs == breaks-1
}

func TestYAMLGolden(t *testing.T) {
	jsonGolden(t, "testdata/yaml", ".yaml", extractYAML, yamlExtract, yamlDecodes)
}

func TestExtractYAML(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		texts []string // every value, candidate or not
		syns  []Syntax
		err   string
	}{
		{name: "plain", src: "a: b c  \n", texts: []string{"b c"}, syns: []Syntax{YAMLPlain}},
		{name: "plain folded", src: "a: b\n  c\n\n\n  d\ne: f", texts: []string{"b c\n\nd", "f"}},
		{name: "plain in sequence", src: "- a\n  b\n- c", texts: []string{"a b", "c"}},
		{name: "plain stops at less indentation", src: "a:\n  b: c\n  d: e\n", texts: []string{"c", "e"}},
		{name: "plain flow", src: "[a b, c\n  d, 'e']", texts: []string{"a b", "c d", "e"}},
		{name: "plain with colon and hash", src: "a: b:c d#e # f", texts: []string{"b:c d#e"}},
		{name: "single", src: "a: 'it''s'", texts: []string{"it's"}, syns: []Syntax{YAMLSingle}},
		{name: "single folded", src: "a: 'x  \n   y\n\n  z '", texts: []string{"x y\nz "}},
		{name: "double escapes", src: `a: "\x41\u00e9\U0001F600\N\_\L\P\e\0\ \/\"\\"`, texts: []string{"Aé😀\u0085\u00a0\u2028\u2029\x1b\x00 /\"\\"}, syns: []Syntax{YAMLDouble}},
		{name: "double escaped break", src: "a: \"x \\\n   y\"", texts: []string{"x y"}},
		{name: "double escaped break with empty line", src: "a: \"x\\\n\n   y\"", texts: []string{"x\ny"}},
		{name: "double trailing escaped space", src: "a: \"x\\t \n y\"", texts: []string{"x\t y"}},
		{name: "literal", src: "a: |\n  x\n   y\n\n", texts: []string{"x\n y\n"}, syns: []Syntax{YAMLBlock}},
		{name: "literal strip", src: "a: |-\n  x\n\n", texts: []string{"x"}},
		{name: "literal keep", src: "a: |+\n  x\n\n", texts: []string{"x\n\n"}},
		{name: "literal leading empty lines", src: "a: |\n\n  \n  x\n", texts: []string{"\n\nx\n"}},
		{name: "literal without final break", src: "a: |\n  x", texts: []string{"x"}},
		{name: "literal empty", src: "a: |\nb: c", texts: []string{"", "c"}},
		{name: "literal keep empty", src: "a: |+\n\n\n", texts: []string{"\n\n"}},
		{name: "literal keep empty before key", src: "a: |+\n\n\nb: c", texts: []string{"\n\n", "c"}, err: "could not find multi-line content"},
		{name: "literal indentation indicator", src: "a: |1\n  x\n y", texts: []string{" x\ny"}},
		{name: "literal more-indented spaces line", src: "a: |\n  x\n     \n  y", texts: []string{"x\n   \ny"}},
		{name: "folded", src: "a: >\n  x\n  y\n\n  z\n", texts: []string{"x y\nz\n"}},
		{name: "folded spaced lines", src: "a: >\n  x\n    y\n  z\n", texts: []string{"x\n  y\nz\n"}},
		{name: "folded spec example 8.10", src: ">\n\n folded\n line\n\n next\n line\n   * bullet\n\n   * list\n   * lines\n\n last\n line\n\n# Comment\n",
			texts: []string{"\nfolded line\nnext line\n  * bullet\n\n  * list\n  * lines\n\nlast line\n"}},
		{name: "block in sequence", src: "- |\n  x\n- >-\n  y\n  z\n", texts: []string{"x\n", "y z"}},
		{name: "block under nested key", src: "- k: |\n    x\n  l: y\n", texts: []string{"x\n", "y"}},
		{name: "block header comment", src: "a: | # c\n  x\n", texts: []string{"x\n"}},
		{name: "top-level block", src: "--- |\nx\n...\n", texts: []string{"x\n"}},
		{name: "keys are skipped", src: "a: 1\n'b': 2\n\"c\" : 3\n? d\n: 4", texts: []string{"1", "2", "3", "4"}},
		{name: "flow mapping keys", src: "{a: b, c, d: [e, f: g]}", texts: []string{"b", "e", "g"}},
		{name: "anchors and aliases", src: "a: &x y\nb: *x\nc: &z\n  - *x\n", texts: []string{"y"}},
		{name: "tags", src: "a: !!str 1\nb: !custom \"x\"", texts: []string{"1", "x"}},
		{name: "tab before value", src: "a:\t\"x\"\nb:\ty", texts: []string{"x", "y"}},
		{name: "tab after colon, nested and in sequences", src: "m:\n  send:\t\">cs /notify\"\n  o:\t'y' # c\n" + "n:\n  - send:\t\">cs x\"\n    k:\tv\n", texts: []string{">cs /notify", "y", ">cs x", "v"}},
		{name: "documents", src: "a\n---\nb\n...\n--- c", texts: []string{"a", "b", "c"}},
		{name: "bad escape", src: "a: \"x\\qy\"\nb: z", texts: []string{"xqy", "z"}, err: "found unknown escape character 'q'"},
		{name: "unterminated single", src: "a: 'x\nb: y", texts: []string{"x b: y"}, err: "could not find end character of single-quoted text"},
		{name: "unquoted command", src: "a: >cs /notify\nb: c", texts: []string{"c"}, err: `invalid header option: "cs /notify"`},
		{name: "stray bracket after a byte order mark", src: "\xEF\xBB\xBF]: >cs", err: `invalid header option: "c"`},
		{name: "stray bracket as a key", src: "]: a\n", texts: []string{"a"}, err: "found an invalid key for this map"},
		{name: "mapping value in plain", src: "a: b: c\nd: e", texts: []string{"c", "e"}, err: "mapping value is not allowed in this context"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := yamlExtract([]byte(tt.src), true)
			require.NotNil(t, f)
			var texts []string
			var syns []Syntax
			for _, s := range f.Strings {
				texts = append(texts, s.Text)
				syns = append(syns, s.Syntax)
				jsonCheckString(t, []byte(tt.src), s, yamlDecodes)
			}
			assert.Equal(t, tt.texts, texts)
			if tt.syns != nil {
				assert.Equal(t, tt.syns, syns)
			}
			if tt.err == "" {
				assert.NoError(t, err)
				return
			}
			assertSyntaxError(t, err, tt.err, len(tt.src))
		})
	}
}

func TestExtractYAMLPositions(t *testing.T) {
	src := []byte("é: \"\\x3ecs /set a\\\n   b\"\nlit: |\n  >cs /notify\n  x\n")
	f, err := extractYAML(src)
	require.NoError(t, err)
	require.Len(t, f.Strings, 2)
	d := f.Strings[0]
	assert.Equal(t, ">cs /set ab", d.Text)
	assert.Equal(t, 4, d.Start)
	assert.Equal(t, []Seg{
		{Dec: 0, Host: 5, HostLen: 4},
		{Dec: 1, Host: 9, HostLen: 9, Verbatim: true},
		{Dec: 10, Host: 23, HostLen: 1, Verbatim: true},
	}, d.Segs)
	// "ab" spans the escaped line break: from "a" to "b".
	assert.Equal(t, "a\\\n   b", string(src[d.HostOffset(9):d.HostEnd(11)]))

	b := f.Strings[1]
	assert.Equal(t, ">cs /notify\nx\n", b.Text)
	assert.Equal(t, YAMLBlock, b.Syntax)
	assert.Equal(t, "|\n  >cs /notify\n  x\n", string(src[b.Start:b.End]))
	assert.Equal(t, []Seg{
		{Dec: 0, Host: 35, HostLen: 11, Verbatim: true},
		{Dec: 11, Host: 46, HostLen: 1},
		{Dec: 12, Host: 49, HostLen: 1, Verbatim: true},
		{Dec: 13, Host: 50, HostLen: 1},
	}, b.Segs)
}

func TestExtractYAMLShortCircuit(t *testing.T) {
	f, err := extractYAML([]byte("# a comment\na: [b\n"))
	require.NoError(t, err, "a file that cannot hold a command is not parsed")
	assert.Equal(t, &File{}, f)
	f, err = extractYAML([]byte("# a comment\na: [\">cs /notify\"\n"))
	require.Error(t, err)
	assert.Len(t, f.Strings, 1)
	assert.Len(t, f.Comments, 1)
}

func TestExtractYAMLComments(t *testing.T) {
	src := "# top\na: b # after\nc: | # header\n  # content, not a comment\n# below\nd: \"#\" #x"
	f, err := yamlExtract([]byte(src), false)
	require.NoError(t, err)
	var got []string
	for _, c := range f.Comments {
		assert.Equal(t, src[c.Start:c.End], c.Text)
		got = append(got, c.Text)
	}
	assert.Equal(t, []string{"# top", "# after", "# header", "# below", "#x"}, got)

	f, err = yamlExtract([]byte("a: |\n# below an empty block\nb: | # header\n# below another\n"), false)
	require.NoError(t, err)
	got = nil
	for _, c := range f.Comments {
		got = append(got, c.Text)
	}
	assert.Equal(t, []string{"# below an empty block", "# header", "# below another"}, got)
}

func TestEscapeYAML(t *testing.T) {
	tests := []struct {
		name string
		syn  Syntax
		in   string
		want string
		ok   bool
	}{
		{"double plain", YAMLDouble, ">cs /set a b", ">cs /set a b", true},
		{"double escapes", YAMLDouble, "a\"b\\c\td\ne\x01\x7f\u0085\u2028\u2029\ufeff", `a\"b\\c\td\ne\u0001\u007f\u0085\u2028\u2029\ufeff`, true},
		{"single quote doubled", YAMLSingle, ">cs it's", ">cs it''s", true},
		{"single line break", YAMLSingle, "a\nb", "a\nb", false},
		{"single control", YAMLSingle, "a\x01", "a\x01", false},
		{"block one line", YAMLBlock, ">cs /set a 'b' #c", ">cs /set a 'b' #c", true},
		{"block line break", YAMLBlock, "a\nb", "a\nb", false},
		{"plain ok", YAMLPlain, "Used Car", "Used Car", true},
		{"plain inner colon and hash", YAMLPlain, "a:b c#d", "a:b c#d", true},
		{"plain indicator first", YAMLPlain, ">cs /notify", ">cs /notify", false},
		{"plain dash number", YAMLPlain, "-1", "-1", false},
		{"plain dash word", YAMLPlain, "-x", "-x", true},
		{"plain colon space", YAMLPlain, "a: b", "a: b", false},
		{"plain comment", YAMLPlain, "a #b", "a #b", false},
		{"plain flow indicator", YAMLPlain, "a,b", "a,b", false},
		{"plain trailing space", YAMLPlain, "a ", "a ", false},
		{"plain bool", YAMLPlain, "yes", "yes", false},
		{"plain null", YAMLPlain, "~", "~", false},
		{"plain number", YAMLPlain, "1_000", "1_000", false},
		{"plain float", YAMLPlain, "1e3", "1e3", false},
		{"plain empty", YAMLPlain, "", "", false},
		{"not YAML", JSONString, "x", "x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := escapeYAML(tt.syn, tt.in)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			var doc string
			switch tt.syn {
			case YAMLDouble:
				doc = `k: "` + got + `"`
			case YAMLSingle:
				doc = `k: '` + got + `'`
			case YAMLBlock:
				doc = "k: |-\n  " + got + "\n"
			default:
				doc = "k: " + got
			}
			f, err := yamlExtract([]byte(doc), true)
			require.NoError(t, err)
			require.Len(t, f.Strings, 1)
			assert.Equal(t, tt.in, f.Strings[0].Text, "round trip")
		})
	}
}

func FuzzYAML(f *testing.F) {
	paths, _ := filepath.Glob("testdata/yaml/*.yaml")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("a: \"\\x3ecs\\\n  x\"\nb: |2-\n   >cs\n  y\nc: [d, 'e''f', {g: h}]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, all := range []bool{false, true} {
			file, err := yamlExtract(src, all)
			checkExtraction(t, src, file, err, yamlDecodes)
		}
	})
}

// yamlConfigFile builds a YAML file of about n bytes in the shape of a CI or
// Kubernetes configuration, with a few commands.
func yamlConfigFile(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, `- name: step-%d # comment %d
  image: "registry.example.com/app:%d"
  env:
    MESSAGE: '>cs /set isLead yes'
    NOTE: |
      line one %d
      line two
  args: [--flag, "value %d", {k: v}]
`, i, i, i, i, i)
	}
	return b.Bytes()
}

func BenchmarkExtractYAML(b *testing.B) {
	src := yamlConfigFile(1 << 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extractYAML(src); err != nil {
			b.Fatal(err)
		}
	}
}

// The lexer counts runes, an invalid byte as one; byteAt must agree going
// forward and back.
func TestYAMLRunes(t *testing.T) {
	body := []byte("aé\xff😀\xc3\xa9\xa9b")
	want := []int{0, 1, 3, 4, 8, 10, 11, 12}
	require.Len(t, []rune(string(body)), len(want)-1)
	c := yamlRunes{body: body}
	for _, r := range []int{0, 1, 2, 3, 4, 5, 6, 7, 3, 1, 7, 0, 6, 5, 2} {
		assert.Equal(t, want[r], c.byteAt(r), "rune %d", r)
	}
	assert.Equal(t, len(body), c.byteAt(100))
}
