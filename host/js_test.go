package host

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

var syntaxNames = map[Syntax]string{
	JSSingle: "JSSingle", JSDouble: "JSDouble", JSTemplate: "JSTemplate", JSXAttr: "JSXAttr",
	JSONString: "JSONString", YAMLPlain: "YAMLPlain", YAMLSingle: "YAMLSingle", YAMLDouble: "YAMLDouble", YAMLBlock: "YAMLBlock",
}

// testPos prints a host offset as line:col, both 1-based, the column in bytes.
func testPos(src []byte, off int) string {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	col := off - (bytes.LastIndexByte(src[:off], '\n') + 1) + 1
	return fmt.Sprintf("%d:%d", line, col)
}

// dumpFile renders an extraction result for golden files.
func dumpFile(src []byte, f *File, err error) string {
	var sb strings.Builder
	for _, s := range f.Strings {
		fmt.Fprintf(&sb, "string %s-%s %s", testPos(src, s.Start), testPos(src, s.End), syntaxNames[s.Syntax])
		for _, l := range s.Outer {
			sb.WriteString(" in=" + l.Name)
		}
		if s.Callee != "" {
			fmt.Fprintf(&sb, " callee=%s", s.Callee)
		}
		fmt.Fprintf(&sb, " %q\n", s.Text)
	}
	for _, c := range f.Calls {
		fmt.Fprintf(&sb, "call %s-%s %s args=%d\n", testPos(src, c.Start), testPos(src, c.End), c.Path, c.Args)
	}
	for _, c := range f.Comments {
		fmt.Fprintf(&sb, "comment %s-%s %q\n", testPos(src, c.Start), testPos(src, c.End), c.Text)
	}
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			fmt.Fprintf(&sb, "error %s %s\n", testPos(src, se.Offset), se.Msg)
		} else {
			fmt.Fprintf(&sb, "error %v\n", err)
		}
	}
	return sb.String()
}

// inAttr reports whether s is JS written in an HTML attribute.
func inAttr(s String) bool {
	for _, l := range s.Outer {
		if l.Name == "attr" {
			return true
		}
	}
	return false
}

// testInputs lists the inputs of a testdata directory with the given
// extensions.
func testInputs(t testing.TB, dir string, exts ...string) []string {
	t.Helper()
	var files []string
	for _, ext := range exts {
		m, err := filepath.Glob(filepath.Join("testdata", dir, "*"+ext))
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	return files
}

func runGolden(t *testing.T, files []string, extract func([]byte) (*File, error)) {
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			f, xerr := extract(src)
			require.NotNil(t, f)
			got := dumpFile(src, f, xerr)
			golden := path + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run with -update to create it")
			assert.Equal(t, string(want), got)
			checkFile(t, src, f)
		})
	}
}

func TestJSGolden(t *testing.T) {
	runGolden(t, testInputs(t, "js", ".js", ".ts", ".jsx", ".tsx"), extractJS)
}

// checkFile asserts the invariants of an extraction result on valid or
// invalid input alike.
func checkFile(t testing.TB, src []byte, f *File) {
	t.Helper()
	valid := utf8.Valid(src)
	inRange := func(what string, a, b int) {
		t.Helper()
		if a < 0 || b < a || b > len(src) {
			t.Fatalf("%s range %d-%d outside the file (%d bytes)", what, a, b, len(src))
		}
		if valid && (a < len(src) && !utf8.RuneStart(src[a]) || b < len(src) && !utf8.RuneStart(src[b])) {
			t.Fatalf("%s range %d-%d splits a rune", what, a, b)
		}
	}
	last := -1
	for _, s := range f.Strings {
		inRange("string", s.Start, s.End)
		if s.Start < last {
			t.Fatalf("strings out of order at %d", s.Start)
		}
		last = s.Start
		if len(s.Text) == 0 {
			t.Fatalf("empty string extracted at %d", s.Start)
		}
		if len(s.Segs) == 0 || s.Segs[0].Dec != 0 {
			t.Fatalf("segs of %q do not start at 0: %+v", s.Text, s.Segs)
		}
		for i, g := range s.Segs {
			inRange("seg", g.Host, g.Host+g.HostLen)
			if g.Host < s.Start || g.Host+g.HostLen > s.End {
				t.Fatalf("seg %+v of %q outside its literal %d-%d", g, s.Text, s.Start, s.End)
			}
			end := len(s.Text)
			if i+1 < len(s.Segs) {
				end = s.Segs[i+1].Dec
			}
			if end <= g.Dec {
				t.Fatalf("seg %d of %q is empty or out of order: %+v", i, s.Text, s.Segs)
			}
			if g.Verbatim {
				if g.HostLen != end-g.Dec {
					t.Fatalf("verbatim seg %+v of %q has the wrong length", g, s.Text)
				}
				if string(src[g.Host:g.Host+g.HostLen]) != s.Text[g.Dec:end] {
					t.Fatalf("verbatim seg %+v of %q does not match the source", g, s.Text)
				}
			} else if g.HostLen <= 0 {
				t.Fatalf("escape seg %+v of %q is empty", g, s.Text)
			}
		}
	}
	last = -1
	for _, c := range f.Calls {
		inRange("call", c.Start, c.End)
		if c.Start < last || c.Path == "" {
			t.Fatalf("bad call %+v", c)
		}
		last = c.Start
	}
	last = -1
	for _, c := range f.Comments {
		inRange("comment", c.Start, c.End)
		if c.Start < last || c.Text != string(src[c.Start:c.End]) {
			t.Fatalf("bad comment %+v", c)
		}
		last = c.Start
	}
}

// refDecodeJS is an independent, deliberately plain decoder of the content of
// a JS literal, used to re-read the host bytes an offset maps to.
func refDecodeJS(s string, tmpl bool) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if tmpl && c == '\r' {
			sb.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			continue
		}
		if c != '\\' || i+1 == len(s) {
			sb.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\n':
		case 'n':
			sb.WriteByte('\n')
		case 't':
			sb.WriteByte('\t')
		case 'r':
			sb.WriteByte('\r')
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 'v':
			sb.WriteByte('\v')
		case 'x':
			if v, err := strconv.ParseUint(refAt(s, i+1, 2), 16, 8); err == nil {
				sb.WriteRune(rune(v))
				i += 2
			} else {
				sb.WriteByte('x')
			}
		case 'u':
			if end := strings.IndexByte(s[i:], '}'); i+1 < len(s) && s[i+1] == '{' && end > 2 {
				if v, err := strconv.ParseUint(s[i+2:i+end], 16, 32); err == nil {
					sb.WriteRune(rune(v))
					i += end
					continue
				}
			}
			v, err := strconv.ParseUint(refAt(s, i+1, 4), 16, 16)
			if err != nil {
				sb.WriteByte('u')
				continue
			}
			i += 4
			if lo, err := strconv.ParseUint(refAt(s, i+3, 4), 16, 16); err == nil && 0xD800 <= v && v < 0xDC00 &&
				s[i+1:i+3] == `\u` && 0xDC00 <= lo && lo < 0xE000 {
				v = 0x10000 + (v-0xD800)<<10 + lo - 0xDC00
				i += 6
			}
			sb.WriteRune(rune(v))
		default:
			if '0' <= e && e <= '7' {
				v, n := int(e-'0'), 1
				for n < 3 && i+n < len(s) && '0' <= s[i+n] && s[i+n] <= '7' && v*8+int(s[i+n]-'0') < 256 {
					v = v*8 + int(s[i+n]-'0')
					n++
				}
				sb.WriteRune(rune(v))
				i += n - 1
				continue
			}
			if strings.HasPrefix(s[i:], "\u2028") || strings.HasPrefix(s[i:], "\u2029") {
				i += 2
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			sb.WriteRune(r)
			i += n - 1
		}
	}
	return sb.String()
}

// refAt returns the n bytes of s at i, or "" past its end.
func refAt(s string, i, n int) string {
	if i+n > len(s) {
		return ""
	}
	return s[i : i+n]
}

// checkOffsets walks every rune of every string: the host bytes it maps to
// decode to it on their own, verbatim bytes are the source's, and the end of
// the text maps to the end of the literal's content.
func checkOffsets(t *testing.T, src []byte, f *File) {
	t.Helper()
	for _, s := range f.Strings {
		for i := 0; i < len(s.Text); {
			r, size := utf8.DecodeRuneInString(s.Text[i:])
			h, e := s.HostOffset(i), s.HostEnd(i+size)
			require.LessOrEqual(t, h, e, "%q at %d", s.Text, i)
			host := string(src[h:e])
			// An escape may decode to more than this rune (&NotEqualTilde;
			// is two): compare with everything its segs decode to.
			d0, d1 := i, i+size
			if k := s.Map().segAt(i); !s.Segs[k].Verbatim {
				d0 = s.Segs[k].Dec
			}
			if k := s.Map().segAt(d1 - 1); !s.Segs[k].Verbatim {
				d1 = s.Segs[k].Dec + s.Map().decLen(k)
			}
			switch {
			case r == Placeholder:
				assert.True(t, strings.HasPrefix(host, "${") && strings.HasSuffix(host, "}") || s.Syntax != JSTemplate || h < s.Start || e > s.End,
					"placeholder of %q at %d maps to %q", s.Text, i, host)
			default:
				dec := host
				if inAttr(s) || s.Syntax == JSXAttr {
					dec = html.UnescapeString(dec)
				}
				if s.Syntax != JSXAttr {
					dec = refDecodeJS(dec, s.Syntax == JSTemplate)
				}
				assert.Equal(t, s.Text[d0:d1], dec, "%q at %d maps to %q", s.Text, i, host)
			}
			i += size
		}
		for _, g := range s.Segs {
			if g.Verbatim {
				for d := g.Dec; d < g.Dec+g.HostLen; d++ {
					assert.Equal(t, s.Text[d], src[s.HostOffset(d)], "%q at %d", s.Text, d)
				}
			}
		}
		last := s.Segs[len(s.Segs)-1]
		end := s.HostEnd(len(s.Text))
		switch tail := string(src[end:s.End]); {
		case !last.Verbatim && s.Text[last.Dec:] == string(Placeholder):
			assert.LessOrEqual(t, end, s.End, "end of %q", s.Text)
		case strings.HasSuffix(tail, "''") || strings.HasSuffix(tail, `""`):
			// A chain ending with an empty literal.
		default:
			// Only the closing delimiter is left, entity-encoded in an
			// attribute.
			if inAttr(s) {
				tail = html.UnescapeString(tail)
			}
			assert.Len(t, tail, 1, "end of %q", s.Text)
			assert.Contains(t, "'\"`", tail, "end of %q", s.Text)
		}
	}
}

func TestJSOffsets(t *testing.T) {
	for _, path := range testInputs(t, "js", ".js", ".ts", ".jsx", ".tsx") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			f, _ := extractJS(src)
			checkOffsets(t, src, f)
		})
	}
}

// TestJSNode cross-checks decoding against a real engine: every extracted
// string that is one plain literal must evaluate to its Text.
func TestJSNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	var lits, texts []string
	for _, path := range testInputs(t, "js", ".js", ".ts", ".jsx", ".tsx") {
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		f, _ := extractJS(src)
		for _, s := range f.Strings {
			if s.Syntax == JSXAttr || strings.ContainsRune(s.Text, Placeholder) || bytes.Contains(src[s.Start:s.End], []byte("+")) || !utf8.ValidString(s.Text) {
				continue
			}
			lits = append(lits, string(src[s.Start:s.End]))
			texts = append(texts, s.Text)
		}
	}
	require.NotEmpty(t, lits)
	// Literals with malformed escapes are syntax errors to an engine: null.
	srcs, err := json.Marshal(lits)
	require.NoError(t, err)
	script := "process.stdout.write(JSON.stringify(" + string(srcs) + ".map(s => { try { return eval(s) } catch { return null } })))"
	cmd := exec.Command(node, "-e", script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	var got []*string
	require.NoError(t, json.Unmarshal(out, &got))
	require.Len(t, got, len(texts))
	checked := 0
	for i, g := range got {
		if g != nil {
			assert.Equal(t, texts[i], *g, "literal %s", lits[i])
			checked++
		}
	}
	assert.Greater(t, checked, len(texts)*3/4)
}

func TestJSCases(t *testing.T) {
	type str struct {
		text, callee string
		syn          Syntax
	}
	tests := []struct {
		name string
		src  string
		want []str
	}{
		{"seed", `web1on1.api.sendClientMessage('>cs /set isLead yes');`,
			[]str{{">cs /set isLead yes", "api.sendClientMessage", JSSingle}}},
		{"double", `x(">cs .brand Toyota")`, []str{{">cs .brand Toyota", "", JSDouble}}},
		{"other strings", `a('hello'); b(">csv data"); c('x >cs')`, []str{{">csv data", "", JSDouble}}},
		{"near misses", `[' >cs /set a b', '>CS /set a b', '>cs/set a b', '> cs /set a b', '\t>Cs x', '>  cs x', '>c s', '>']`,
			[]str{{" >cs /set a b", "", JSSingle}, {">CS /set a b", "", JSSingle}, {">cs/set a b", "", JSSingle}, {"> cs /set a b", "", JSSingle}, {"\t>Cs x", "", JSSingle}, {">  cs x", "", JSSingle}}},
		{"hex escape", `'\x3ecs /notify'`, []str{{">cs /notify", "", JSSingle}}},
		{"unicode escapes", `"\u003ecs \u{2F}notify \uD83D\uDE00"`, []str{{">cs /notify 😀", "", JSDouble}}},
		{"octal", `'\76cs \057notify \0'`, []str{{">cs /notify \x00", "", JSSingle}}},
		{"continuation", "'>cs /set \\\nisLead yes'", []str{{">cs /set isLead yes", "", JSSingle}}},
		{"quotes", `'>cs /set q it\'s' + "\"x\""`, []str{{`>cs /set q it's"x"`, "", JSSingle}}},
		{"template", "`>cs /assign ${id}`", []str{{">cs /assign \uFFFC", "", JSTemplate}}},
		{"template middle", "`>cs /set ${a} ${b}!`", []str{{">cs /set \uFFFC \uFFFC!", "", JSTemplate}}},
		{"nested template", "`>cs /set x ${`>cs /notify ${y}`}`", []str{{">cs /set x \uFFFC", "", JSTemplate}, {">cs /notify \uFFFC", "", JSTemplate}}},
		{"template no cs", "`${x}>cs /notify`", nil},
		{"fold placeholder", `web1on1.api.sendClientMessage('>cs /assign ' + userId);`,
			[]str{{">cs /assign \uFFFC", "api.sendClientMessage", JSSingle}}},
		{"fold middle", `f('>cs /set ' + name + ' yes', 2)`, []str{{">cs /set \uFFFC yes", "", JSSingle}}},
		{"fold literals", `'>cs /set ' + 'isLead yes'`, []str{{">cs /set isLead yes", "", JSSingle}}},
		{"fold prefix", `'>' + 'cs /notify'`, []str{{">cs /notify", "", JSSingle}}},
		{"fold empty", `'' + ">cs /notify"`, []str{{">cs /notify", "", JSSingle}}},
		{"fold member call", `'>cs /set a ' + user.profile.name() + "!"`, []str{{">cs /set a \uFFFC!", "", JSSingle}}},
		{"fold product", `'>cs /set a ' + n * 2 + 'x'`, []str{{">cs /set a \uFFFCx", "", JSSingle}}},
		{"fold stops", `'>cs /set a ' + b - c`, []str{{">cs /set a \uFFFC", "", JSSingle}}},
		{"not first operand", `x + '>cs /notify'`, nil},
		{"method on literal", `'>cs /set a b'.trim() + x`, []str{{">cs /set a b", "", JSSingle}}},
		{"window", `window.web1on1.setPredefinedMessage(">cs /notify")`, []str{{">cs /notify", "setPredefinedMessage", JSDouble}}},
		{"nested call is not direct", `web1on1.api.sendClientMessage(f('>cs /notify'))`, []str{{">cs /notify", "", JSSingle}}},
		{"ternary argument", `web1on1.api.showFakeAgentMessage(a ? '>cs /notify' : 'hi', 'Bot')`, []str{{">cs /notify", "api.showFakeAgentMessage", JSSingle}}},
		{"regex not string", `x = /'>cs \/set a b'/.test(s)`, nil},
		{"regex class", `y = /[/]>cs'/; z = '>cs /notify'`, []str{{">cs /notify", "", JSSingle}}},
		{"division", `a = b / c / d; e = '>cs /notify'`, []str{{">cs /notify", "", JSSingle}}},
		{"regex after if", `if (x) /'>cs/.test(y); z = '>cs /notify'`, []str{{">cs /notify", "", JSSingle}}},
		{"property named return", `a = x.return / 2; b = '>cs /notify' / 3`, []str{{">cs /notify", "", JSSingle}}},
		{"comment", `// '>cs /notify'` + "\n" + `/* ">cs /notify" */ '>cs x'`, []str{{">cs x", "", JSSingle}}},
		{"jsx text", `const a = <div title=">cs /notify">>cs /set a b</div>;`, []str{{">cs /notify", "", JSXAttr}}},
		{"jsx entity", `<b title="&gt;cs /notify" />`, []str{{">cs /notify", "", JSXAttr}}},
		{"jsx container", `<button onClick={() => web1on1.api.sendClientMessage('>cs /notify')}>Don't</button>`,
			[]str{{">cs /notify", "api.sendClientMessage", JSSingle}}},
		{"ts cast", `let a = <any>b; const c = '>cs /notify';`, []str{{">cs /notify", "", JSSingle}}},
		{"decorator", `@Component({x: '>cs /notify'}) class A {}`, []str{{">cs /notify", "", JSSingle}}},
		{"unterminated", "a = '>cs /notify\nb = '>cs /assign x'", []str{{">cs /assign x", "", JSSingle}}},
		{"non-null then division", `avg = sum! / total; msg = '>cs /notify'; b = 'x' / 2`, []str{{">cs /notify", "", JSSingle}}},
		{"non-null member then division", `r = a.b!/c; m = ">cs /notify"`, []str{{">cs /notify", "", JSDouble}}},
		{"not after a line break", "a = b\n!/'>cs x'/.test(c); d = '>cs /notify'", []str{{">cs /notify", "", JSSingle}}},
		{"prefix not", `if (!/x'/.test(a)) f('>cs /notify'); return !/'/.test(b)`, []str{{">cs /notify", "", JSSingle}}},
		{"non-null in a fold", `'>cs /assign ' + user!.id + '!'`, []str{{">cs /assign \uFFFC!", "", JSSingle}}},
		{"optional call", `web1on1?.setPredefinedMessage?.('>cs /notify')`, []str{{">cs /notify", "setPredefinedMessage", JSSingle}}},
		{"non-null call", `web1on1!.api!.sendClientMessage!('>cs /notify')`, []str{{">cs /notify", "api.sendClientMessage", JSSingle}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			f, _ := extractJS(src)
			var got []str
			for _, s := range f.Strings {
				got = append(got, str{s.Text, s.Callee, s.Syntax})
			}
			assert.Equal(t, tt.want, got)
			checkFile(t, src, f)
			checkOffsets(t, src, f)
		})
	}
}

func TestJSCalls(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // "path/args"
	}{
		{"api", `web1on1.open(); web1on1.close(); web1on1.isOpened()`, []string{"open/0", "close/0", "isOpened/0"}},
		{"args", `web1on1.api.showFakeAgentMessage('a', 'b'); web1on1.api.sendClientMessage(f(1, 2), [3, 4], {a, b},)`,
			[]string{"api.showFakeAgentMessage/2", "api.sendClientMessage/3"}},
		{"misspelt", `web1on1.opne(); web1on1.api.sendClientMesage(x)`, []string{"opne/0", "api.sendClientMesage/1"}},
		{"window", `window.web1on1.open(); globalThis.web1on1.close(1)`, []string{"open/0", "close/1"}},
		{"optional chaining", `web1on1?.api?.sendClientMessage(x)`, []string{"api.sendClientMessage/1"}},
		{"optional call", `web1on1?.setPredefinedMessage?.(x); web1on1.opne?.(); web1on1.api?.showFakeAgentMessage?.(a, b)`,
			[]string{"setPredefinedMessage/1", "opne/0", "api.showFakeAgentMessage/2"}},
		{"non-null", `web1on1!.api!.x(); web1on1.open!()`, []string{"api.x/0", "open/0"}},
		{"multiline", "web1on1\n  .api\n  .sendClientMessage(\n    `a${b, c}`,\n  )", []string{"api.sendClientMessage/1"}},
		{"not ours", `foo.web1on1.open(); web1on1x.open(); f().web1on1.open(); web1on1(); a.b.open()`, nil},
		{"not a call", `const o = web1on1.open; x = {web1on1: 1}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			f, err := extractJS(src)
			require.NoError(t, err)
			var got []string
			for _, c := range f.Calls {
				got = append(got, fmt.Sprintf("%s/%d", c.Path, c.Args))
				assert.Equal(t, strings.ReplaceAll(c.Path, ".", ""), strings.Map(func(r rune) rune {
					if r == '.' || r == '?' || r == '!' || r == ' ' || r == '\n' {
						return -1
					}
					return r
				}, string(src[c.Start:c.End])))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestJSSyntaxError(t *testing.T) {
	tests := []struct {
		name, src string
		offset    int
		msg       string
	}{
		{"unterminated string", "a = 1;\nb = 'abc\n", 11, "unterminated string literal"},
		{"unterminated template", "a = `abc", 4, "unterminated template literal"},
		{"unterminated comment", "a /* b", 2, "unexpected EOF in comment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := extractJS([]byte(tt.src))
			require.NotNil(t, f)
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.offset, se.Offset)
			assert.Equal(t, tt.msg, se.Msg)
			assert.Equal(t, fmt.Sprintf("offset %d: %s", tt.offset, tt.msg), err.Error())
		})
	}
	_, err := extractJS([]byte("#!/usr/bin/env node\nlet a = 010 + b\n"))
	assert.NoError(t, err, "a shebang and legacy octal are fine")
}

func TestEscapeJS(t *testing.T) {
	tests := []struct {
		name string
		syn  Syntax
		text string
		want string
	}{
		{"single", JSSingle, `>cs /set a it's "b" \ `, `>cs /set a it\'s "b" \\ `},
		{"double", JSDouble, `it's "b"`, `it's \"b\"`},
		{"controls", JSDouble, "a\nb\tc\rd\x00e\x7f\u2028", `a\nb\tc\rd\x00e\x7f\u2028`},
		{"template", JSTemplate, "`a` ${b} $c {d}", "\\`a\\` \\${b} $c {d}"},
		{"non-ASCII kept", JSSingle, "é😀", "é😀"},
		{"jsx attr", JSXAttr, `a "b" & <c>`, `a &quot;b&quot; &amp; &lt;c>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := escapeJS(tt.syn, tt.text)
			assert.Equal(t, tt.want, got)
			// Round trip through the extractor.
			q := map[Syntax]string{JSSingle: "'", JSDouble: `"`, JSTemplate: "`"}[tt.syn]
			if q == "" {
				return
			}
			src := []byte("x = " + q + ">cs " + got + q)
			f, err := extractJS(src)
			require.NoError(t, err)
			require.Len(t, f.Strings, 1)
			assert.Equal(t, ">cs "+tt.text, f.Strings[0].Text)
		})
	}
}

func TestEscapeAttr(t *testing.T) {
	assert.Equal(t, "plain", escapeAttr("plain"))
	assert.Equal(t, `a&amp;b &lt;c> &quot;d&quot; &#39;e&#39;`, escapeAttr(`a&b <c> "d" 'e'`))
}

// fuzzSeeds adds the testdata inputs of a directory to a fuzz corpus.
func fuzzSeeds(f *testing.F, dir string, exts ...string) {
	for _, path := range testInputs(f, dir, exts...) {
		src, err := os.ReadFile(path)
		require.NoError(f, err)
		f.Add(src)
	}
}

func FuzzJS(f *testing.F) {
	fuzzSeeds(f, "js", ".js", ".ts", ".jsx", ".tsx")
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		file, _ := extractJS(src)
		require.Equal(t, orig, src, "the input must not be modified")
		checkFile(t, src, file)
	})
}

// benchJS builds about size bytes of library-like code; every nth function
// sends a command when n > 0.
func benchJS(size, n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `/**
 * Computes the thing number %[1]d; see https://example.com/docs/%[1]d.
 */
function thing%[1]d(a, b, opts) {
  var re = /^(?:[a-z]+\/)?[^'"]*$/i, sel = "> .item-" + a + ':not(.x)';
  if (!re.test(b) || a / 2 > b.length) { return { ok: false, msg: 'bad input: ' + b }; }
  const tpl = `+"`<li class=\"${opts.cls}\">${b.map(x => `<b>${x}</b>`).join('')}</li>`"+`;
  for (let i = 0; i < a.length; i++) { sel += a[i] === '\'' ? "\\'" : a[i]; }
  return jQuery(sel).html(tpl).data({ id: %[1]d, when: new Date().getTime() / 1000 });
}
`, i)
		if n > 0 && i%n == 0 {
			fmt.Fprintf(&b, "web1on1.api.sendClientMessage('>cs /set visit%d yes');\nweb1on1.api.sendClientMessage(`>cs /assign ${agent}`);\n", i)
		}
	}
	return b.Bytes()
}

func BenchmarkExtractJS(b *testing.B) {
	for _, bc := range []struct {
		name string
		n    int
	}{{"plain", 0}, {"commands", 1}} {
		src := benchJS(200<<10, bc.n)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := extractJS(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestJSSegs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		text string
		segs []Seg
	}{
		{"escape", `'\x3ecs /notify'`, ">cs /notify", []Seg{
			{Dec: 0, Host: 1, HostLen: 4},
			{Dec: 1, Host: 5, HostLen: 10, Verbatim: true},
		}},
		{"surrogate pair", `'>cs @x \uD83D\uDE00!'`, ">cs @x 😀!", []Seg{
			{Dec: 0, Host: 1, HostLen: 7, Verbatim: true},
			{Dec: 7, Host: 8, HostLen: 12},
			{Dec: 11, Host: 20, HostLen: 1, Verbatim: true},
		}},
		{"continuation joins the character before it", "'>cs a\\\nb'", ">cs ab", []Seg{
			{Dec: 0, Host: 1, HostLen: 4, Verbatim: true},
			{Dec: 4, Host: 5, HostLen: 3},
			{Dec: 5, Host: 8, HostLen: 1, Verbatim: true},
		}},
		{"leading continuation joins the character after it", "'\\\r\n>cs'", ">cs", []Seg{
			{Dec: 0, Host: 1, HostLen: 4},
			{Dec: 1, Host: 5, HostLen: 2, Verbatim: true},
		}},
		{"placeholder", "`>cs /assign ${id}.`", ">cs /assign \uFFFC.", []Seg{
			{Dec: 0, Host: 1, HostLen: 12, Verbatim: true},
			{Dec: 12, Host: 13, HostLen: 5},
			{Dec: 15, Host: 18, HostLen: 1, Verbatim: true},
		}},
		{"fold", `'>cs /set ' + name + "\tyes"`, ">cs /set \uFFFC\tyes", []Seg{
			{Dec: 0, Host: 1, HostLen: 9, Verbatim: true},
			{Dec: 9, Host: 14, HostLen: 4},
			{Dec: 12, Host: 22, HostLen: 2},
			{Dec: 13, Host: 24, HostLen: 3, Verbatim: true},
		}},
		{"template CRLF", "`>cs a\r\nb`", ">cs a\nb", []Seg{
			{Dec: 0, Host: 1, HostLen: 5, Verbatim: true},
			{Dec: 5, Host: 6, HostLen: 2},
			{Dec: 6, Host: 8, HostLen: 1, Verbatim: true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := extractJS([]byte(tt.src))
			require.NoError(t, err)
			require.Len(t, f.Strings, 1)
			s := f.Strings[0]
			assert.Equal(t, tt.text, s.Text)
			assert.Equal(t, tt.segs, s.Segs)
			assert.Equal(t, 0, s.Start)
			assert.Equal(t, len(tt.src), s.End)
		})
	}
}
