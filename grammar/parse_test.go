package grammar

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/ast"
)

var update = flag.Bool("update", false, "rewrite golden files")

// codes returns the codes of an error returned by Parse.
func codes(err error) []string {
	var out []string
	if l, ok := err.(ErrorList); ok {
		for _, e := range l {
			out = append(out, e.Code)
		}
	}
	return out
}

type parseCase struct {
	name  string
	in    string
	kind  string   // Kind of the result
	print string   // canonical form; "" means the input itself
	codes []string // error codes, in order
	msg   string   // the first error's message, when checked
}

// parseCases are every form of SPEC §1, the seed's examples, near misses and
// broken shapes. They also seed FuzzParse.
var parseCases = []parseCase{
	// The seed's examples.
	{name: "seed location", in: ">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5", kind: "field"},
	{name: "seed form", in: ">cs +6093490651a8b5629324ae4f", kind: "form"},
	{name: "seed field", in: ">cs .brand Toyota", kind: "field"},
	{name: "seed category", in: ">cs /set @category Used Car", kind: "set"},
	{name: "seed meta var", in: ">cs /set isLead yes", kind: "set"},
	{name: "seed assign", in: ">cs /assign 62c6077ca980127f404b0301", kind: "assign"},
	{name: "seed notify inbox", in: ">cs /notify 605411853c68d83fd1ac7655", kind: "notify"},
	{name: "seed notify all", in: ">cs /notify", kind: "notify"},
	{name: "seed mention", in: ">cs @6248f0083ab5d5001e523146 Hello this is for you", kind: "mention"},
	{name: "seed chat", in: "Hello", kind: "chat"},

	// Valid variations.
	{name: "location without department", in: ">cs .location 61be87aeafdf672d381a9db4", kind: "field"},
	{name: "uppercase id parses", in: ">cs /assign 62C6077CA980127F404B0301", kind: "assign", print: ">cs /assign 62c6077ca980127f404b0301"},
	{name: "tabs and spaces", in: ">cs\t/set \t isLead\t yes  no \t", kind: "set", print: ">cs /set isLead yes  no"},
	{name: "value keeps inner spacing", in: ">cs .brand   Toyota  Corolla ", kind: "field", print: ">cs .brand Toyota  Corolla"},
	{name: "mention without text", in: ">cs @6248f0083ab5d5001e523146", kind: "mention"},
	{name: "unicode value", in: ">cs .brand Citroën 😀", kind: "field"},
	{name: "name with dots and dashes", in: ">cs .contact.first-name_2 Ann", kind: "field"},
	{name: "reserved other than category", in: ">cs /set @priority high", kind: "set"},
	{name: "field named like a verb", in: ">cs .set yes", kind: "field"},
	{name: "trailing blanks after bare notify", in: ">cs /notify  \t", kind: "notify", print: ">cs /notify"},

	// Chat and near misses.
	{name: "csv is chat", in: ">csv data", kind: "chat"},
	{name: "empty", in: "", kind: "chat"},
	{name: "greater than alone", in: ">", kind: "chat"},
	{name: "leading blank", in: " >cs /set isLead yes", kind: "chat"},
	{name: "upper prefix", in: ">CS /notify", kind: "chat"},
	{name: "mixed prefix", in: ">Cs /notify", kind: "chat"},
	{name: "spaced prefix", in: "> cs /notify", kind: "chat"},
	{name: "glued slash", in: ">cs/set isLead yes", kind: "chat"},
	{name: "glued dot", in: ">cs.brand Toyota", kind: "chat"},
	{name: "glued plus", in: ">cs+6093490651a8b5629324ae4f", kind: "chat"},
	{name: "glued at", in: ">cs@6248f0083ab5d5001e523146", kind: "chat"},
	{name: "multi-line chat", in: "hello\n>cs /notify", kind: "chat"},
	{name: "multi-line chat invalid utf-8", in: "hello\nwor\xffld", kind: "invalid", codes: []string{CodeSyntax}, msg: "invalid UTF-8 byte 0xff; a message must be UTF-8 text"},

	// Broken commands.
	{name: "prefix alone", in: ">cs", kind: "invalid", codes: []string{CodeSyntax}, msg: `missing command after ">cs"; expected .field, +form, /set, /assign, /notify or @mention`},
	{name: "prefix and blanks", in: ">cs   ", kind: "invalid", codes: []string{CodeSyntax}},
	{name: "unknown verb", in: ">cs /sett isLead yes", kind: "invalid", codes: []string{CodeUnknownCommand}, msg: `unknown command "/sett"; did you mean "/set"?`},
	{name: "verb case", in: ">cs /Set isLead yes", kind: "invalid", codes: []string{CodeUnknownCommand}, msg: `unknown command "/Set"; did you mean "/set"?`},
	{name: "verb glued to id", in: ">cs /assign62c6077ca980127f404b0301", kind: "invalid", codes: []string{CodeUnknownCommand}, msg: `unknown command "/assign62c6077ca980127f404b0301"; did you mean "/assign"?`},
	{name: "far verb", in: ">cs /frobnicate", kind: "invalid", codes: []string{CodeUnknownCommand}, msg: `unknown command "/frobnicate"; expected /set, /assign or /notify`},
	{name: "verb without slash", in: ">cs assign 62c6077ca980127f404b0301", kind: "invalid", codes: []string{CodeUnknownCommand}, msg: `unknown command "assign"; did you mean "/assign"?`},
	{name: "no sigil", in: ">cs hello there", kind: "invalid", codes: []string{CodeSyntax}},
	{name: "assign without id", in: ">cs /assign", kind: "assign", codes: []string{CodeMissingArgument}, msg: "missing user or bot id after /assign"},
	{name: "assign extra", in: ">cs /assign 62c6077ca980127f404b0301 now", kind: "assign", codes: []string{CodeUnexpectedArgument}, msg: `unexpected argument "now"; /assign takes only a user or bot id`},
	{name: "assign short id", in: ">cs /assign 62c6077ca980127f404b030", kind: "assign", codes: []string{CodeObjectIDFormat}, msg: "object id must be 24 hex digits, got 23"},
	{name: "assign non-hex", in: ">cs /assign 62c6077ca980127f404b030g", kind: "assign", codes: []string{CodeObjectIDFormat}, msg: `object id must be 24 hex digits; 'g' in "62c6077ca980127f404b030g" is not a hex digit`},
	{name: "notify extra", in: ">cs /notify 605411853c68d83fd1ac7655 all", kind: "notify", codes: []string{CodeUnexpectedArgument}},
	{name: "notify bad id", in: ">cs /notify sales", kind: "notify", codes: []string{CodeObjectIDFormat}},
	{name: "form without id", in: ">cs +", kind: "form", codes: []string{CodeMissingArgument}, msg: `missing form id after "+"`},
	{name: "form spaced id", in: ">cs + 6093490651a8b5629324ae4f", kind: "form", codes: []string{CodeMissingArgument}, msg: `missing form id after "+"; write the id right after the "+", without a space`},
	{name: "form extra", in: ">cs +6093490651a8b5629324ae4f now", kind: "form", codes: []string{CodeUnexpectedArgument}},
	{name: "set nothing", in: ">cs /set", kind: "set", codes: []string{CodeMissingArgument}},
	{name: "set no value", in: ">cs /set isLead", kind: "set", codes: []string{CodeMissingArgument}, msg: `missing value for "isLead"; write /set isLead VALUE`},
	{name: "set category no value", in: ">cs /set @category", kind: "set", codes: []string{CodeMissingArgument}, msg: "missing category after /set @category"},
	{name: "set bad name", in: ">cs /set 1x yes", kind: "set", codes: []string{CodeSyntax}},
	{name: "field no value", in: ">cs .brand", kind: "field", codes: []string{CodeMissingArgument}, msg: `missing value for field "brand"`},
	{name: "field no name", in: ">cs . Toyota", kind: "field", codes: []string{CodeMissingArgument}},
	{name: "field bad name", in: ">cs .9brand Toyota", kind: "field", codes: []string{CodeSyntax}},
	{name: "location nothing", in: ">cs .location", kind: "field", codes: []string{CodeMissingArgument}},
	{name: "location empty department", in: ">cs .location 61be87aeafdf672d381a9db4#", kind: "field", codes: []string{CodeLocationPair}},
	{name: "location empty organization", in: ">cs .location #61be87aeafdf672d381a9db5", kind: "field", codes: []string{CodeLocationPair}},
	{name: "location two hashes", in: ">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5#x", kind: "field", codes: []string{CodeLocationPair}},
	{name: "location bad department", in: ">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db", kind: "field", codes: []string{CodeObjectIDFormat}},
	{name: "location extra", in: ">cs .location 61be87aeafdf672d381a9db4 Amsterdam", kind: "field", codes: []string{CodeUnexpectedArgument}},
	{name: "location lone hash", in: ">cs .location #", kind: "field", codes: []string{CodeLocationPair}},
	{name: "mention without id", in: ">cs @ hello", kind: "mention", codes: []string{CodeMissingArgument}},
	{name: "mention bad id", in: ">cs @jane hello", kind: "mention", codes: []string{CodeObjectIDFormat}},
	{name: "invalid utf-8", in: ">cs .brand \xffToyota", kind: "invalid", codes: []string{CodeSyntax}, msg: "invalid UTF-8 byte 0xff; a message must be UTF-8 text"},
	{name: "invalid utf-8 chat", in: "hi \xc3", kind: "invalid", codes: []string{CodeSyntax}},
	{name: "two lines", in: ">cs /notify\n>cs /notify", kind: "notify", codes: []string{CodeSyntax}, print: ">cs /notify"},
	{name: "trailing line break", in: ">cs /notify\r\n", kind: "notify", print: ">cs /notify"},
	{name: "too long", in: ">cs .brand " + strings.Repeat("x", MaxLine), kind: "invalid", codes: []string{CodeSyntax}},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse(tc.in)
			require.NotNil(t, m)
			assert.Equal(t, tc.kind, m.Kind())
			assert.Equal(t, tc.codes, codes(err))
			if tc.msg != "" {
				require.Error(t, err)
				assert.Equal(t, tc.msg, err.(ErrorList)[0].Msg)
			}
			if len(tc.codes) == 0 {
				assert.NoError(t, err)
			}
			want := tc.print
			if want == "" {
				want = tc.in
			}
			assert.Equal(t, want, ast.Print(m))
		})
	}
}

func TestParseTree(t *testing.T) {
	m, err := Parse(">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5")
	require.NoError(t, err)
	f := m.(*ast.Field)
	assert.Equal(t, "location", f.Name.Name)
	loc := f.Value.(*ast.Location)
	assert.Equal(t, "61be87aeafdf672d381a9db4", loc.Org.Raw)
	assert.Equal(t, "61be87aeafdf672d381a9db5", loc.Dept.Raw)
	assert.Equal(t, ast.Pos{Offset: 38, Line: 1, Column: 39}, loc.Hash)

	m, err = Parse(">cs /set @category Used Car")
	require.NoError(t, err)
	s := m.(*ast.Set)
	assert.True(t, s.Reserved())
	assert.Equal(t, ast.Category, s.Name.Name)
	assert.Equal(t, "Used Car", s.Value.Value)

	m, err = Parse(">cs/set isLead yes")
	require.NoError(t, err)
	c := m.(*ast.Chat)
	require.NotNil(t, c.Intended, "a near miss keeps the command it would be")
	assert.Equal(t, ">cs", c.Intended.(*ast.Set).Prefix.Text)
	assert.False(t, c.Intended.(*ast.Set).Prefix.Exact() && c.Intended.(*ast.Set).Verb.Offset == 4)

	m, _ = Parse(">cs @6248f0083ab5d5001e523146   Hello  you ")
	assert.Equal(t, "Hello  you", m.(*ast.Mention).Text.Value)
}

func TestParseErrorPositions(t *testing.T) {
	_, err := Parse(">cs /assign 62c6077ca980127f404b030g extra")
	require.Error(t, err)
	l := err.(ErrorList)
	require.Len(t, l, 2)
	assert.Equal(t, ast.Pos{Offset: 35, Line: 1, Column: 36}, l[0].Pos, "points at the bad digit")
	assert.Equal(t, 36, l[0].End.Offset)
	assert.Equal(t, 37, l[1].Pos.Offset)
	assert.Equal(t, "1:36: object id must be 24 hex digits; 'g' in \"62c6077ca980127f404b030g\" is not a hex digit\n1:38: unexpected argument \"extra\"; /assign takes only a user or bot id", err.Error())

	_, err = Parse(">cs /sett x")
	assert.Equal(t, "/set", err.(ErrorList)[0].Suggest)
}

func TestPlaceholders(t *testing.T) {
	ph := string(ast.Placeholder)
	for in, strict := range map[string]bool{
		">cs /assign " + ph:              true,
		">cs /assign 62c6" + ph:          true,
		">cs .location " + ph + "#" + ph: true,
		">cs /set " + ph + " yes":        true,
		">cs " + ph:                      true,
		">cs @" + ph + " hi":             true,
		">cs /set @category " + ph:       false, // free text takes any rune
	} {
		_, err := Parse(in, Placeholders())
		assert.NoError(t, err, in)
		_, err = Parse(in)
		assert.Equal(t, strict, err != nil, "without the option a placeholder is text: %q", in)
	}
}

func TestParseDocument(t *testing.T) {
	src := "\uFEFF# comment\r\n\r\n>cs /notify\r\n  # indented comment  \n>cs /assign\nhello\n\n>cs .brand Toyota"
	doc, errs := ParseDocument([]byte(src))
	require.Len(t, doc.Messages, 4)
	require.Len(t, doc.Comments, 2)
	assert.Equal(t, "# comment", doc.Comments[0].Text)
	assert.Equal(t, ast.Pos{Offset: 3, Line: 1, Column: 4}, doc.Comments[0].Hash)
	assert.Equal(t, "# indented comment", doc.Comments[1].Text)
	assert.Equal(t, 3, doc.Messages[0].Pos().Line)
	assert.Equal(t, ">cs /notify", src[doc.Messages[0].Pos().Offset:doc.Messages[0].End().Offset], "CR is not part of the line")
	assert.Equal(t, 5, doc.Messages[1].Pos().Line)
	assert.Equal(t, "chat", doc.Messages[2].Kind())
	require.Len(t, errs, 1)
	assert.Equal(t, ast.Pos{Offset: strings.Index(src, "/assign"), Line: 5, Column: 5}, errs[0].Pos)

	var b strings.Builder
	require.NoError(t, ast.PrintDocument(&b, doc, "\n"))
	assert.Equal(t, "# comment\n\n>cs /notify\n# indented comment\n>cs /assign\nhello\n\n>cs .brand Toyota\n", b.String())

	doc, errs = ParseDocument(nil)
	assert.Empty(t, doc.Messages)
	assert.Empty(t, errs)
}

// TestPositions checks over the whole corpus that every node's range is its
// text in the source, and that children lie inside their parents in order.
func TestPositions(t *testing.T) {
	for _, src := range corpus(t) {
		doc, _ := ParseDocument([]byte(src))
		checkPositions(t, src, doc)
	}
}

func checkPositions(t *testing.T, src string, doc *ast.Document) {
	t.Helper()
	var stack []ast.Node
	ast.Inspect(doc, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		start, end := ast.Span(n)
		require.True(t, 0 <= start && start <= end && end <= len(src), "%T range %d..%d out of bounds", n, start, end)
		if len(stack) > 0 {
			if _, isDoc := stack[len(stack)-1].(*ast.Document); !isDoc {
				ps, pe := ast.Span(stack[len(stack)-1])
				require.True(t, ps <= start && end <= pe, "%T %d..%d outside its parent %d..%d in %q", n, start, end, ps, pe, src)
			}
		}
		got := src[start:end]
		switch n := n.(type) {
		case *ast.Prefix:
			assert.Equal(t, n.Text, got)
		case *ast.Ident:
			assert.Equal(t, n.Name, got)
		case *ast.Text:
			assert.Equal(t, n.Value, got)
		case *ast.ObjectID:
			assert.Equal(t, n.Raw, got)
		case *ast.Comment:
			assert.Equal(t, n.Text, got)
		case *ast.Chat:
			assert.Equal(t, n.Text, got)
		case *ast.Invalid:
			assert.Equal(t, n.Text, got)
		case *ast.Location:
			assert.NotContains(t, got, " ")
		case ast.Message:
			line := src[start:]
			if i := strings.IndexAny(line, "\r\n"); i >= 0 {
				line = line[:i]
			}
			assert.Equal(t, strings.TrimRight(line, " \t"), got, "a command spans its line up to trailing blanks")
		}
		stack = append(stack, n)
		return true
	})
}

// corpus returns every command file in testdata and every table input.
func corpus(t testing.TB) []string {
	var out []string
	files, err := filepath.Glob("../testdata/*/*.cscmd")
	require.NoError(t, err)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		out = append(out, string(b))
	}
	for _, tc := range parseCases {
		out = append(out, tc.in)
	}
	return out
}

// TestPrintParse checks that the printer's output parses to the same tree,
// ignoring positions, and that printing is idempotent.
func TestPrintParse(t *testing.T) {
	for _, src := range corpus(t) {
		doc, _ := ParseDocument([]byte(src))
		for _, m := range doc.Messages {
			printed := ast.Print(m)
			again, _ := Parse(printed)
			assert.Equal(t, shape(m), shape(again), "%q printed as %q", src[m.Pos().Offset:m.End().Offset], printed)
			assert.Equal(t, printed, ast.Print(again))
		}
	}
}

// shape describes a tree without positions, with ids in canonical case.
func shape(m ast.Message) string {
	var b strings.Builder
	ast.Inspect(m, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil:
			b.WriteString(")")
			return true
		case *ast.Prefix:
			b.WriteString("prefix")
		case *ast.Ident:
			b.WriteString("ident:" + n.Name)
		case *ast.Text:
			b.WriteString("text:" + n.Value)
		case *ast.ObjectID:
			b.WriteString("id:" + n.Canonical())
		case *ast.Location:
			b.WriteString("location")
			if n.Hash.IsValid() {
				b.WriteString("#")
			}
		case *ast.Chat:
			b.WriteString("chat:" + n.Text)
		case *ast.Invalid:
			b.WriteString("invalid:" + n.Text)
		case ast.Message:
			b.WriteString(n.Kind())
		}
		b.WriteString("(")
		return true
	})
	return b.String()
}

func TestClassify(t *testing.T) {
	for in, want := range map[string]Class{
		">cs /notify": Command, ">cs": Command, ">cs\t.a b": Command, ">cs\n": Command,
		"hello": Chat, "": Chat, ">csv": Chat, ">": Chat, ">c": Chat, "cs": Chat,
		" >cs /notify": NearMiss, ">CS /notify": NearMiss, "> cs /notify": NearMiss, ">cs/set": NearMiss, ">cs.brand": NearMiss, "\t>Cs": NearMiss,
	} {
		assert.Equal(t, want, Classify(in), "%q", in)
		assert.Equal(t, want == Command, IsCommand(in), "%q", in)
	}
}

// TestParseDocumentParallel checks that a document large enough to be
// parsed in pieces gives the same tree, positions and errors as one parsed
// whole.
func TestParseDocumentParallel(t *testing.T) {
	var b strings.Builder
	b.WriteString("\uFEFF")
	for i := 0; b.Len() < 2*parallelMin; i++ {
		tc := parseCases[i%len(parseCases)]
		if strings.ContainsAny(tc.in, "\r\n") || len(tc.in) > 1000 {
			continue
		}
		b.WriteString(tc.in)
		if i%7 == 0 {
			b.WriteString("\r\n# comment\n\n")
		} else {
			b.WriteString("\n")
		}
	}
	src := []byte(b.String())
	whole, wholeErrs := parseDocument(string(src), apply(nil))
	doc, errs := ParseDocument(src)
	require.Equal(t, len(whole.Messages), len(doc.Messages))
	require.Equal(t, len(whole.Comments), len(doc.Comments))
	for i := range whole.Messages {
		require.Equal(t, whole.Messages[i].Pos(), doc.Messages[i].Pos())
		require.Equal(t, whole.Messages[i].End(), doc.Messages[i].End())
		require.Equal(t, shape(whole.Messages[i]), shape(doc.Messages[i]))
	}
	assert.Equal(t, wholeErrs, errs)
	checkPositions(t, string(src), doc)
}

func TestPlaceholderInMessages(t *testing.T) {
	_, err := Parse(">cs /assign 62c6"+string(ast.Placeholder)+"zz", Placeholders())
	require.NoError(t, err, "a partly dynamic id is dynamic")
	_, err = Parse(">cs /sett "+string(ast.Placeholder), Placeholders())
	require.Error(t, err)
	_, err = Parse(">cs .location "+string(ast.Placeholder)+"#", Placeholders())
	require.Error(t, err)
	assert.Equal(t, `missing department id after "#" in location "${…}#"`, err.(ErrorList)[0].Msg)
}

func TestPieces(t *testing.T) {
	src := []byte("a\n# c\nb\r\n\nlast")
	base := ast.Pos{Offset: 10, Line: 3, Column: 1}
	got := Pieces(src, 1, base, nil)
	require.Len(t, got, 4, "a piece ends at the first line break at or after start+size")
	assert.Equal(t, Piece{Start: 0, End: 2, Base: base}, got[0], "the first piece starts at base")
	assert.Equal(t, Piece{Start: 2, End: 6, Base: ast.Pos{Offset: 12, Line: 4, Column: 1}}, got[1])
	assert.Equal(t, Piece{Start: 9, End: 14, Base: ast.Pos{Offset: 19, Line: 6, Column: 1}}, got[3], "the last piece has no final line break")
	noComment := func(line []byte) bool { return !bytes.HasPrefix(line, []byte("#")) }
	got = Pieces(src, 3, base, noComment)
	assert.Equal(t, 9, got[0].End, "a piece does not end after the comment line")
	for i := 1; i < len(got); i++ {
		assert.Equal(t, got[i-1].End, got[i].Start, "pieces cover the source without gaps")
	}
	assert.Empty(t, Pieces(nil, 10, base, nil))
}

// TestBatchMatchesLines checks that a document, whose command lines
// participle parses from one token stream, gives for every line the tree,
// positions and errors of that line parsed on its own.
func TestBatchMatchesLines(t *testing.T) {
	var b strings.Builder
	for _, src := range corpus(t) {
		b.WriteString(src)
		b.WriteString("\n")
	}
	for i := range 3 * batchLines { // more than one batch
		b.WriteString(parseCases[i%len(parseCases)].in)
		b.WriteString("\n")
	}
	src := []byte(b.String())
	doc, errs := parseDocument(string(src), apply(nil))
	i := 0
	for l := range Lines(src) {
		if l.Kind != MessageLine {
			continue
		}
		want, wantErrs := parseLine(l.Text, l.Pos, apply(nil))
		got := doc.Messages[i]
		i++
		require.Equal(t, shape(want), shape(got), "line %d: %q", l.Pos.Line, l.Text)
		require.Equal(t, want.Pos(), got.Pos(), "line %d", l.Pos.Line)
		require.Equal(t, want.End(), got.End(), "line %d", l.Pos.Line)
		var gotErrs ErrorList
		for len(errs) > 0 && errs[0].Pos.Line == l.Pos.Line {
			gotErrs, errs = append(gotErrs, errs[0]), errs[1:]
		}
		require.Equal(t, wantErrs, gotErrs, "line %d: %q", l.Pos.Line, l.Text)
	}
	require.Equal(t, len(doc.Messages), i)
	require.Empty(t, errs)
}

// closing is the command of the package documentation's example.
type closing struct {
	Pos    lexer.Position
	Reason text `parser:"'/close':Verb @@?"`
}

func (c *closing) build(b *builder) ast.Message {
	p := b.prefix
	return &ast.Invalid{From: b.base, Text: b.line, Prefix: &p, Rest: b.textOf(new(ast.Text), c.Reason)}
}

// TestAddingACommand checks the package documentation's claim: a new verb is
// a production and its build method; the lexer and did-you-mean follow.
func TestAddingACommand(t *testing.T) {
	cmds := append(append([]command{}, commands[:len(commands)-1]...), &closing{}, &unknown{})
	p := participle.MustBuild[message](participle.Lexer(definition{symbols}), participle.Union(cmds...))
	assert.Contains(t, p.String(), `Closing = "/close" text? .`)
	assert.Contains(t, verbsOf(cmds), "/close")

	tree, err := p.ParseString("", ">cs /close  all done ")
	require.NoError(t, err)
	c, ok := tree.Command.(*closing)
	require.True(t, ok, "parsed as %T", tree.Command)
	assert.Equal(t, 12, c.Reason.Pos.Offset)
	b := builder{line: ">cs /close  all done ", end: 20}
	assert.Equal(t, "all done", b.message(tree, 3).(*ast.Invalid).Rest.Value)
}
