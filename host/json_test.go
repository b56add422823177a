package host

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/grammar"
)

// jsonLineCol formats a host offset as line:col, both 1-based, columns in
// bytes.
func jsonLineCol(src []byte, off int) string {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	return fmt.Sprintf("%d:%d", line, off-(bytes.LastIndexByte(src[:off], '\n')+1)+1)
}

// jsonGoldenDump lists what the all-values extraction finds in src, marking
// with '*' the strings that the real extraction returns, then the comments and
// the error.
func jsonGoldenDump(src []byte, f *File, cands map[int]bool, err error) string {
	var b strings.Builder
	for _, s := range f.Strings {
		mark := " "
		if cands[s.Start] {
			mark = "*"
		}
		fmt.Fprintf(&b, "%s %s-%s %s %q\n", mark, jsonLineCol(src, s.Start), jsonLineCol(src, s.End), jsonSyntaxName(s.Syntax), s.Text)
		var segs []string
		for _, g := range s.Segs {
			kind := "e"
			if g.Verbatim {
				kind = "v"
			}
			segs = append(segs, fmt.Sprintf("%d%s%d+%d", g.Dec, kind, g.Host, g.HostLen))
		}
		if len(segs) > 0 {
			fmt.Fprintf(&b, "    segs %s\n", strings.Join(segs, " "))
		}
	}
	for _, c := range f.Comments {
		fmt.Fprintf(&b, "# %s-%s %q\n", jsonLineCol(src, c.Start), jsonLineCol(src, c.End), c.Text)
	}
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			fmt.Fprintf(&b, "! %s %q\n", jsonLineCol(src, se.Offset), se.Msg)
		} else {
			fmt.Fprintf(&b, "! %q\n", err.Error())
		}
	}
	return b.String()
}

func jsonSyntaxName(s Syntax) string {
	switch s {
	case JSSingle:
		return "JSSingle"
	case JSDouble:
		return "JSDouble"
	case JSTemplate:
		return "JSTemplate"
	case JSONString:
		return "JSONString"
	case YAMLPlain:
		return "YAMLPlain"
	case YAMLSingle:
		return "YAMLSingle"
	case YAMLDouble:
		return "YAMLDouble"
	case YAMLBlock:
		return "YAMLBlock"
	}
	return fmt.Sprintf("Syntax(%d)", int(s))
}

// jsonGolden runs the golden files of one host language: each input in dir
// with the given extension has a .golden next to it, rewritten by -update.
func jsonGolden(t *testing.T, dir, ext string, extract func([]byte) (*File, error), all func([]byte, bool) (*File, error), decodes jsonDecodes) {
	paths, err := filepath.Glob(filepath.Join(dir, "*"+ext))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			f, err := extract(src)
			af, aerr := all(src, true)
			assert.Equal(t, fmt.Sprint(err), fmt.Sprint(aerr), "both modes report the same error")
			cands := map[int]bool{}
			for _, s := range f.Strings {
				cands[s.Start] = true
				assert.True(t, grammar.LooksLikeCommand(s.Text), "%q is not a candidate", s.Text)
			}
			var want []String
			for _, s := range af.Strings {
				jsonCheckString(t, src, s, decodes)
				if cands[s.Start] {
					want = append(want, s)
				}
			}
			assert.Equal(t, want, f.Strings, "the extraction is the candidate subset")
			if MayContain(src) {
				assert.Equal(t, af.Comments, f.Comments)
			}
			got := jsonGoldenDump(src, af, cands, aerr)
			golden := strings.TrimSuffix(path, ext) + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			wantDump, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(wantDump), got)
		})
	}
}

// jsonDecodes reports whether the host bytes of one non-verbatim segment
// decode to want in a literal of the given syntax.
type jsonDecodes func(host []byte, syn Syntax, want string) bool

// jsonCheckString checks the offset table of s: segments sorted, gap-free and
// covering the text; host ranges increasing, inside the literal and on rune
// boundaries; and, character by character, that a verbatim character maps to
// exactly its bytes and that an escape's host bytes decode back to it.
func jsonCheckString(t *testing.T, src []byte, s String, decodes jsonDecodes) {
	t.Helper()
	jsonCheckSegs(t, src, s)
	for i := 0; i < len(s.Text); {
		_, size := utf8.DecodeRuneInString(s.Text[i:])
		k := s.Map().segAt(i)
		g := s.Segs[k]
		ho, he := s.HostOffset(i), s.HostEnd(i+size)
		if g.Verbatim && i+size <= g.Dec+s.Map().decLen(k) {
			assert.Equal(t, s.Text[i:i+size], string(src[ho:he]), "%q at %d", s.Text, i)
		} else if !g.Verbatim {
			assert.Equal(t, g.Host, ho, "%q at %d: start of the escape", s.Text, i)
			assert.Equal(t, g.Host+g.HostLen, he, "%q at %d: end of the escape", s.Text, i)
			want := s.Text[g.Dec : g.Dec+s.Map().decLen(k)]
			assert.True(t, decodes(src[ho:he], s.Syntax, want), "%q at %d: %q does not decode to %q", s.Text, i, src[ho:he], want)
		}
		i += size
	}
}

// jsonCheckSegs checks the invariants of an offset table that hold for any
// input, valid or not.
func jsonCheckSegs(t *testing.T, src []byte, s String) {
	t.Helper()
	if s.Text == "" {
		assert.Empty(t, s.Segs)
		return
	}
	require.NotEmpty(t, s.Segs, "%q", s.Text)
	assert.Equal(t, 0, s.Segs[0].Dec)
	assert.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(src), "literal %d-%d", s.Start, s.End)
	prevEnd := s.Start
	for k, g := range s.Segs {
		n := s.Map().decLen(k)
		require.Positive(t, n, "%q: segment %d is empty", s.Text, k)
		require.True(t, g.Host >= prevEnd && g.HostLen > 0 && g.Host+g.HostLen <= s.End,
			"%q: segment %d host %d+%d out of order or outside %d-%d", s.Text, k, g.Host, g.HostLen, s.Start, s.End)
		assert.True(t, jsonRuneBoundary(src, g.Host) && jsonRuneBoundary(src, g.Host+g.HostLen),
			"%q: segment %d host %d+%d splits a character", s.Text, k, g.Host, g.HostLen)
		if g.Verbatim {
			require.Equal(t, n, g.HostLen, "%q: verbatim segment %d", s.Text, k)
			require.Equal(t, s.Text[g.Dec:g.Dec+n], string(src[g.Host:g.Host+n]), "%q: verbatim segment %d", s.Text, k)
		}
		prevEnd = g.Host + g.HostLen
	}
}

// jsonRuneBoundary reports whether offset i does not fall inside a valid
// multi-byte character; invalid bytes count as one character each.
func jsonRuneBoundary(src []byte, i int) bool {
	for j := max(0, i-utf8.UTFMax+1); j < i; j++ {
		if _, n := utf8.DecodeRune(src[j:]); n > 1 && j+n > i {
			return false
		}
	}
	return true
}

// jsonDecodesEscape reports whether b is one JSON escape that decodes to want.
func jsonDecodesEscape(b []byte, _ Syntax, want string) bool {
	if len(b) == 0 || b[0] != '\\' {
		return false
	}
	r, next, _ := jsonEscape(b, 0)
	return next == len(b) && string(r) == want
}

func TestJSONGolden(t *testing.T) {
	jsonGolden(t, "testdata/json", ".json", extractJSON, jsonExtract, jsonDecodesEscape)
}

func TestJSONCGolden(t *testing.T) {
	jsonGolden(t, "testdata/jsonc", ".jsonc", extractJSON, jsonExtract, jsonDecodesEscape)
}

func TestExtractJSON(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		texts    []string // the candidates found
		comments int
		err      string // the syntax error, if any
	}{
		{name: "value", src: `{"a": ">cs /notify"}`, texts: []string{">cs /notify"}},
		{name: "key is not a value", src: `{">cs /notify": 1}`},
		{name: "array items", src: `[">cs /a", [">cs /b"], {"k": [">cs /c"]}]`, texts: []string{">cs /a", ">cs /b", ">cs /c"}},
		{name: "top-level string", src: `">cs /notify"`, texts: []string{">cs /notify"}},
		{name: "escaped prefix", src: `["\u003ecs /notify", "\u003E\u0063S x"]`, texts: []string{">cs /notify", ">cS x"}},
		{name: "near misses", src: `[" >cs x", "\t>cs x", "> cs x", ">CS x", ">csv"]`, texts: []string{" >cs x", "\t>cs x", "> cs x", ">CS x", ">csv"}},
		{name: "not candidates", src: `["cs", ">c", "x>cs", "", ">", "\n>cs", ">\nc"]`},
		{name: "blanks around the marker", src: `[">  cs", "\t> \tCS x"]`, texts: []string{">  cs", "\t> \tCS x"}},
		{name: "escape in the middle", src: `[">cs /set a b\u00e9\n"]`, texts: []string{">cs /set a bé\n"}},
		{name: "surrogate pair", src: `[">cs @x \ud83d\ude00"]`, texts: []string{">cs @x 😀"}},
		{name: "lone surrogate", src: `[">cs \ud83d x \ude00"]`, texts: []string{">cs \uFFFD x \uFFFD"}},
		{name: "comments", src: "// c\n{/* >cs */\"a\": \">cs x\" // >cs y\n}", texts: []string{">cs x"}, comments: 3},
		{name: "trailing commas", src: `{"a": [">cs x",], }`, texts: []string{">cs x"}},
		{name: "empty", src: "  // nothing\n", comments: 1},
		{name: "bom", src: "\xEF\xBB\xBF[\">cs x\"]", texts: []string{">cs x"}},
		{name: "unterminated string", src: "[\">cs x\n, \">cs y\"]", texts: []string{">cs x", ">cs y"}, err: "unterminated string"},
		{name: "unterminated at end", src: `[">cs x`, texts: []string{">cs x"}, err: "unterminated string"},
		{name: "bad escape", src: `[">cs \q"]`, texts: []string{">cs q"}, err: `invalid escape "\\q"`},
		{name: "bad unicode escape", src: `[">cs \u12"]`, texts: []string{">cs u12"}, err: `invalid escape "\\u12"; expected 4 hex digits after \u`},
		{name: "control character", src: "[\">cs \x01\"]", texts: []string{">cs \x01"}, err: `control character '\x01' in string`},
		{name: "missing comma", src: `{"a": ">cs x" "b": ">cs y"}`, texts: []string{">cs x", ">cs y"}, err: "unexpected string; expected ',' or '}' after object member"},
		{name: "missing comma before a commented key", src: `{"a": 1 "b" /* c */ : ">cs x"}`, texts: []string{">cs x"}, comments: 1, err: "unexpected string; expected ',' or '}' after object member"},
		{name: "missing colon", src: `{"a" ">cs x"}`, err: "unexpected string; expected ':' after object key", texts: []string{">cs x"}},
		{name: "unclosed", src: `{"a": [">cs x"`, texts: []string{">cs x"}, err: "unexpected end of input; expected ',' or ']' after array element"},
		{name: "wrong bracket", src: `{"a": [">cs x"}`, texts: []string{">cs x"}, err: "unexpected '}'; expected ',' or ']' after array element"},
		{name: "stray bracket", src: `[">cs x"]]`, texts: []string{">cs x"}, err: "unexpected ']'; expected end of input after the top-level value"},
		{name: "bad literal", src: `[NaN, ">cs x"]`, texts: []string{">cs x"}, err: `invalid literal "NaN"; expected a string, number, true, false or null`},
		{name: "unquoted key", src: `{a: ">cs x"}`, texts: []string{">cs x"}, err: `unexpected "a"; expected a string key`},
		{name: "single quotes", src: `['>cs x']`, err: `unexpected character '\''; expected a value`},
		{name: "unterminated comment", src: `[">cs x"] /* x`, texts: []string{">cs x"}, comments: 1, err: "unterminated comment"},
		{name: "value after colon missing", src: `{"a": }`, err: "unexpected '}'; expected a value"},
		{name: "numbers", src: `[0, -1.5e+3, 1E2, ">cs x"]`, texts: []string{">cs x"}},
		{name: "bad number", src: `[01]`, err: `invalid literal "01"; expected a string, number, true, false or null`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := extractJSON([]byte(tt.src))
			require.NotNil(t, f)
			var texts []string
			for _, s := range f.Strings {
				texts = append(texts, s.Text)
				assert.Equal(t, JSONString, s.Syntax)
				jsonCheckString(t, []byte(tt.src), s, jsonDecodesEscape)
			}
			assert.Equal(t, tt.texts, texts)
			assert.Len(t, f.Comments, tt.comments)
			if tt.err == "" {
				assert.NoError(t, err)
				return
			}
			assertSyntaxError(t, err, tt.err, len(tt.src))
		})
	}
}

func TestExtractJSONPositions(t *testing.T) {
	src := []byte("{\"k\": \"\\u003ecs /set a \\\"b\\\"\"}")
	f, err := extractJSON(src)
	require.NoError(t, err)
	require.Len(t, f.Strings, 1)
	s := f.Strings[0]
	assert.Equal(t, `>cs /set a "b"`, s.Text)
	assert.Equal(t, 6, s.Start)
	assert.Equal(t, len(src)-1, s.End)
	assert.Equal(t, []Seg{
		{Dec: 0, Host: 7, HostLen: 6},
		{Dec: 1, Host: 13, HostLen: 10, Verbatim: true},
		{Dec: 11, Host: 23, HostLen: 2},
		{Dec: 12, Host: 25, HostLen: 1, Verbatim: true},
		{Dec: 13, Host: 26, HostLen: 2},
	}, s.Segs)
	// "/set" maps to its bytes; the quoted "b" maps from the first escape's
	// start to the second one's end.
	assert.Equal(t, "/set", string(src[s.HostOffset(4):s.HostEnd(8)]))
	assert.Equal(t, `\"b\"`, string(src[s.HostOffset(11):s.HostEnd(14)]))
}

func TestEscapeJSON(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", ">cs /set a b", ">cs /set a b"},
		{"quote and backslash", `a"b\c`, `a\"b\\c`},
		{"control", "a\tb\nc\x01\x7f", `a\tb\nc\u0001` + "\x7f"},
		{"non-ASCII kept", "é😀\u2028", "é😀\u2028"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"slash kept", "a/b", "a/b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := escapeJSON(tt.in)
			assert.Equal(t, tt.want, got)
			f, err := jsonExtract([]byte(`"`+got+`"`), true)
			require.NoError(t, err)
			require.Len(t, f.Strings, 1)
			assert.Equal(t, strings.ToValidUTF8(tt.in, "\uFFFD"), f.Strings[0].Text, "round trip")
		})
	}
}

func FuzzJSON(f *testing.F) { fuzzJSON(f, "testdata/json/*.json") }

// FuzzJSONC is FuzzJSON seeded with files that have comments.
func FuzzJSONC(f *testing.F) { fuzzJSON(f, "testdata/jsonc/*.jsonc") }

func fuzzJSON(f *testing.F, seeds string) {
	paths, _ := filepath.Glob(seeds)
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"a": "\u003ecs \ud83d\ude00 \"x\"", "b": [1, true, null]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, all := range []bool{false, true} {
			file, err := jsonExtract(src, all)
			checkExtraction(t, src, file, err, jsonDecodesEscape)
			if all && json.Valid(src) {
				require.NoError(t, err)
				var got []string
				for _, s := range file.Strings {
					// encoding/json turns each invalid byte into U+FFFD.
					got = append(got, string([]rune(s.Text)))
				}
				require.Equal(t, jsonStdValues(t, src), got)
			}
		}
	})
}

// jsonStdValues lists the string values of a valid JSON document, keys left
// out, as encoding/json decodes them.
func jsonStdValues(t *testing.T, src []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var values []string
	var stack []bool // for each open container: is it an object
	key := false     // the next string is a key
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return values
		}
		require.NoError(t, err)
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{', '[':
				stack = append(stack, tok == '{')
				key = tok == '{'
				continue
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if key {
				key = false
				continue
			}
			values = append(values, tok)
		}
		key = len(stack) > 0 && stack[len(stack)-1]
	}
}

// jsonLockFile builds a package-lock.json-like file of about n bytes.
func jsonLockFile(n int) []byte {
	var b bytes.Buffer
	b.WriteString("{\n  \"name\": \"app\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, `    "node_modules/pkg-%d": {
      "version": "1.%d.0",
      "resolved": "https://registry.npmjs.org/pkg-%d/-/pkg-%d-1.%d.0.tgz",
      "integrity": "sha512-%040x==",
      "dev": true,
      "engines": {"node": ">=14.0.0 <\u0032\u0030"},
      "dependencies": {"dep-%d": "^2.0.%d"}
    },
`, i, i, i, i, i, i, i, i)
	}
	b.WriteString("    \"end\": {}\n  }\n}\n")
	return b.Bytes()
}

func BenchmarkExtractJSON(b *testing.B) {
	src := jsonLockFile(4 << 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extractJSON(src); err != nil {
			b.Fatal(err)
		}
	}
}
