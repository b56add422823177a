package grammar

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/ast"
)

// parseWithParticiple parses a command line with participle, never
// replaying a shape: what the memo must agree with.
func parseWithParticiple(line string, o options) (*message, ast.Message, ErrorList) {
	s := openStream(nil, line)
	defer s.close()
	tree, err := s.parse(0)
	m, errs := buildLine(tree, err, line, ast.Pos{Line: 1, Column: 1}, o)
	return tree, m, errs
}

// commandLines returns the one-line command inputs of the tests.
func commandLines(t testing.TB) []string {
	var out []string
	for _, src := range append(corpus(t), behaviourInputs()...) {
		for _, l := range strings.Split(src, "\n") {
			if c, _ := classify(l); c != Chat && !strings.ContainsRune(l, '\r') && len(l) <= MaxLine && utf8.ValidString(l) {
				out = append(out, l)
			}
		}
	}
	return out
}

// TestShapeReplay checks the memo's premise: a line of a shape already
// parsed gets, by replay, the tree participle gives it, whichever line of
// that shape was recorded.
func TestShapeReplay(t *testing.T) {
	first := map[lineShape][]lexer.Token{}
	trees := map[lineShape]*message{}
	for _, line := range commandLines(t) {
		s := openStream(nil, line)
		toks := append([]lexer.Token(nil), s.toks...)
		s.close()
		sh, ok := lineShapeOf(toks)
		if !ok {
			continue
		}
		want, _, _ := parseWithParticiple(line, options{})
		if _, seen := first[sh]; !seen {
			first[sh], trees[sh] = toks, want
		}
		r := &recipe{}
		remember := func() { // as remember does, without the shared memo
			if c := trees[sh].Command; c != nil {
				v := reflectElem(c)
				r.typ = v.Type()
				r.record(v, nil, first[sh])
			}
		}
		remember()
		got := r.replay(toks)
		require.Equal(t, *want, got, "%q replayed from %q", line, tokensText(first[sh]))
	}
}

func tokensText(toks []lexer.Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Value + " ")
	}
	return b.String()
}

// TestMemoMatchesParticiple checks Parse, which replays shapes, against
// participle on every test line, with and without placeholders.
func TestMemoMatchesParticiple(t *testing.T) {
	for _, line := range commandLines(t) {
		for _, o := range []options{{}, {placeholders: true}} {
			_, want, wantErrs := parseWithParticiple(line, o)
			o.base = ast.Pos{Line: 1, Column: 1}
			got, errs := parseLine(line, o.base, o)
			assert.Equal(t, want, got, "%q", line)
			assert.Equal(t, wantErrs, errs, "%q", line)
		}
	}
}

func TestLiterals(t *testing.T) {
	var words []string
	for _, l := range literals {
		require.NotZero(t, l.typ, "literal %q has a token type", l.value)
		words = append(words, l.value)
	}
	assert.ElementsMatch(t, []string{"/set", "@category", ".", "location", "#", "@", "+", "/assign", "/notify"}, words)
	assert.Less(t, len(literals), 16, "a shape's code holds a literal's index in four bits")
}
