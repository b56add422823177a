package grammar

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/linemap"
)

// FuzzParse checks that any input parses without panic into a tree whose
// positions lie inside the input, nested in their parents, and whose
// printed form parses back to the same tree; that a memoized shape gives
// what participle gives; and that a document gives each line what the line
// gives alone.
func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.in)
	}
	for _, src := range corpus(f) {
		for _, line := range strings.Split(src, "\n") {
			f.Add(line)
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, opts := range [][]Option{nil, {Placeholders()}} {
			m, err := Parse(in, opts...)
			if m == nil {
				t.Fatalf("nil tree for %q", in)
			}
			checkTree(t, in, m)
			if err != nil {
				for _, e := range err.(ErrorList) {
					if e.Pos.Offset < 0 || e.Pos.Offset > e.End.Offset || e.End.Offset > len(in) {
						t.Fatalf("error %v range %d..%d outside %q", e, e.Pos.Offset, e.End.Offset, in)
					}
				}
			}
			if !utf8.ValidString(in) {
				continue
			}
			printed := ast.Print(m)
			again, _ := Parse(printed, opts...)
			if shape(m) != shape(again) {
				t.Fatalf("%q printed as %q parses differently:\n%s\n%s", in, printed, shape(m), shape(again))
			}
			if ast.Print(again) != printed {
				t.Fatalf("printing %q is not idempotent", in)
			}
		}
		// A shape replayed from the memo gives what participle gives.
		if line, _, _ := strings.Cut(in, "\n"); Classify(line) != Chat && utf8.ValidString(line) && len(line) <= MaxLine && !strings.ContainsRune(line, '\r') {
			_, want, wantErrs := parseWithParticiple(line, options{})
			got, errs := parseLine(line, ast.Pos{Line: 1, Column: 1}, options{})
			if shape(want) != shape(got) || want.End() != got.End() || wantErrs.Error() != errs.Error() {
				t.Fatalf("%q: replayed %s %v, participle %s %v", line, shape(got), errs, shape(want), wantErrs)
			}
		}
		doc, _ := ParseDocument([]byte(in))
		for _, n := range doc.Lines() {
			if s, e := ast.Span(n); s < 0 || s > e || e > len(in) {
				t.Fatalf("document node %T range %d..%d outside %q", n, s, e, in)
			}
		}
		// Command lines parsed together from one token stream give what
		// each gives parsed alone.
		i := 0
		for l := range Lines([]byte(in)) {
			if l.Kind != MessageLine {
				continue
			}
			alone, _ := parseLine(l.Text, l.Pos, apply(nil))
			if got := doc.Messages[i]; shape(got) != shape(alone) || got.Pos() != alone.Pos() || got.End() != alone.End() {
				t.Fatalf("line %d %q: %s in the document, %s alone", l.Pos.Line, l.Text, shape(got), shape(alone))
			}
			i++
		}
	})
}

// checkTree asserts that every node lies inside the input and inside its
// parent.
func checkTree(t *testing.T, in string, m ast.Message) {
	t.Helper()
	var stack [][2]int
	ast.Inspect(m, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		s, e := ast.Span(n)
		if s < 0 || s > e || e > len(in) {
			t.Fatalf("%T range %d..%d outside %q", n, s, e, in)
		}
		if len(stack) > 0 {
			if p := stack[len(stack)-1]; s < p[0] || e > p[1] {
				t.Fatalf("%T range %d..%d outside its parent %v in %q", n, s, e, p, in)
			}
		}
		stack = append(stack, [2]int{s, e})
		return true
	})
}

// FuzzLines checks that Lines cuts a text where linemap does, whatever its
// mix of LF, CRLF and lone CR.
func FuzzLines(f *testing.F) {
	for _, seed := range []string{"a\nb", "a\r\nb\rc\n", "\r\r\n\n", ">cs /set a b\r", ""} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if bytes.HasPrefix(src, []byte("\uFEFF")) {
			return // the first line's offset skips a byte order mark
		}
		m := linemap.New(src)
		i := 0
		for l := range Lines(src) {
			start, end, ok := m.Line(i)
			if !ok || l.Pos.Offset != start || l.Text != string(src[start:end]) {
				t.Fatalf("line %d of %q: Lines gives %d %q, linemap %d-%d", i, src, l.Pos.Offset, l.Text, start, end)
			}
			i++
		}
		if i != m.LineCount() {
			t.Fatalf("%q: %d lines, linemap %d", src, i, m.LineCount())
		}
	})
}
