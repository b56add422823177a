package host

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"

	"github.com/web1on1/cscmd/grammar"
)

// JS is JavaScript and TypeScript, JSX and TSX included.
var JS = &Language{
	Name:       "js",
	Aliases:    []string{"javascript", "jsx", "mjs", "cjs", "ts", "typescript", "tsx"},
	Extensions: []string{".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx"},
	IDs:        []string{"javascript", "javascriptreact", "typescript", "typescriptreact"},
	Extract:    extractJS,
	Cuts:       true,
	Resume:     resumeJS,
	Comments:   []Delims{{Open: "//"}, {Open: "/*", Close: "*/"}},
	Suppress:   &Delims{Open: "//"},
}

// SyntaxError is a lexical error in a host file. Extraction is best-effort: it
// is returned together with everything that could still be found.
type SyntaxError struct {
	Offset int // host offset where the error was detected
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg)
}

// Limits that keep extraction linear on hostile or non-JS input.
const (
	// jsMaxErrors stops lexing a file after this many lexer errors: each
	// error costs the lexer a scan from the start of the file to compute a
	// line and column we do not use.
	jsMaxErrors = 50
	// jsMaxJSXDepth bounds the recursion of JSX elements nested in JSX
	// expression containers.
	jsMaxJSXDepth = 100
)

// Synthetic token types for what the tdewolff lexer does not know. They avoid
// the category bits of js.TokenType (0x0100–0x1000) so that the js.Is*
// predicates are false for them.
const (
	jsTokJSXOpen   js.TokenType = 0x2001 + iota // `<` of a JSX element
	jsTokJSXClose                               // zero-width, at the end of that element
	jsTokJSXString                              // a JSX attribute string
	jsTokAt                                     // `@` of a decorator
	// jsTokNonNull is TypeScript's postfix non-null assertion, `x!`: a `!`
	// right after an operand on the same line. The operand goes on, so a
	// `/` after it divides and `.` after it continues a member path.
	jsTokNonNull
)

// jsTok is a significant token: comments and white space are not kept.
type jsTok struct {
	start, end int32
	// match links an opener to its closer and back; -1 when unmatched.
	match int32
	tt    js.TokenType
}

// jsOpen is an opener on the bracket stack while lexing.
type jsOpen struct {
	tok int32
	ctl bool // `(` after if/while/for/with: a regexp may follow its `)`
}

// jsFrame is an opener enclosing the current token during analysis.
type jsFrame struct {
	open   int
	callee string // member path when the opener is the `(` of a web1on1 call
}

// jsPiece is one operand of a `+` chain, as an inclusive token range.
type jsPiece struct {
	first, last int
	lit         bool
}

// jsScan extracts from one JS source. Scanners are pooled: their slices are
// reused across files and nothing in a File points into them.
type jsScan struct {
	buf  []byte // the source followed by the NUL the lexer needs
	n    int    // length of the source
	base int    // added to every host offset reported
	in   *parse.Input

	toks     []jsTok
	stack    []jsOpen
	frames   []jsFrame
	pieces   []jsPiece
	comments []Comment
	err      *SyntaxError
	nerr     int
	stop     bool // too many errors: stop lexing

	// JSX probing: `<` in expression position is tried as a JSX element and
	// the attempt rolled back when it fails. Failed attempts draw on a budget
	// proportional to the file, so TypeScript casts (`<T>x`) cannot make
	// extraction quadratic.
	jsxDepth   int
	jsxBudget  int
	jsxStart   int // start of the outermost attempt
	jsxFar     int // furthest offset an attempt reached
	jsxOff     bool
	jsxProbing bool
	jsxReach   int // furthest offset any attempt read

	// For cuts (see chunk.go): open templates of the top-level lexer, and
	// whether a closer dropped openers left unclosed, after which a `(`
	// may have no `)` and an operand run to the end of the text.
	tmpl    int
	dropped bool
	cuts    cutRecorder
	// noCut is where the analysis first looked for the closer of a
	// bracket left open (to the end of the tokens), and noCutIn are the
	// extents of web1on1 calls, by start, whose strings know their
	// callee: no cut after the one, nor inside the others.
	noCut   int
	noCutIn [][2]int

	b jsBuilder
}

var jsPool = sync.Pool{New: func() any { return new(jsScan) }}

// extractJS finds the candidate >cs strings, web1on1 calls and suppression
// comments of a JavaScript, TypeScript, JSX or TSX source.
func extractJS(src []byte) (*File, error) {
	return resumeJS(src, "", true)
}

// resumeJS extracts src as the rest of a script that a cut left with the
// brackets its state names open (see jsScan.cutAt).
func resumeJS(src []byte, state string, _ bool) (*File, error) {
	f := &File{}
	err := jsExtractInto(f, src, 0, state)
	if err != nil {
		return f, err
	}
	return f, nil
}

// jsExtractInto appends to f what src holds, with host offsets shifted by
// base, read with the brackets of state open, and sets its cuts. The
// error, if any, is a *SyntaxError.
func jsExtractInto(f *File, src []byte, base int, state string) *SyntaxError {
	x := jsPool.Get().(*jsScan)
	defer x.release()
	x.reset(src, base)
	x.lexTop(state)
	x.analyze(f)
	f.Comments = append(f.Comments, x.comments...)
	f.cuts = x.keptCuts()
	f.strain = 2*len(src) + jsxBudgetBase - x.jsxBudget
	if x.jsxOff {
		f.strain = math.MaxInt / 2 // spent: only the whole file's budget tells what a file may spend
	}
	return x.err
}

// jsxBudgetBase is the part of the JSX budget that does not grow with the
// text (see jsScan).
const jsxBudgetBase = 4096

// strainLimit is what one file of n bytes may spend of the budget of
// failed JSX attempts; chunks of it together may spend no more.
func strainLimit(n int) int { return 2*n + jsxBudgetBase }

// cutAt records a cut after the line break just lexed, when what follows
// can be read as a script of its own with the open brackets put back:
// after a token after which an expression may start and nothing else is
// remembered (`;`, `,`, a bracket), with no template open, no error, and no
// JSX attempt having read past it. Its state names the open brackets (and
// whether a `(` follows if, while, for or with); the analysis drops the
// cuts that its look-ahead crossed (see keptCuts).
func (x *jsScan) cutAt(prev js.TokenType) {
	p := x.in.Offset()
	if x.tmpl != 0 || x.nerr != 0 || x.dropped || x.jsxOff || p <= x.jsxReach || p > x.n || !x.cuts.wants(p) {
		return
	}
	switch prev {
	case js.ErrorToken, js.SemicolonToken, js.CommaToken, // ErrorToken: nothing yet
		js.OpenBraceToken, js.CloseBraceToken, js.OpenParenToken, js.OpenBracketToken:
	default:
		return
	}
	if x.buf[p-1] != '\n' || p+1 < x.n && x.buf[p] == '#' && x.buf[p+1] == '!' {
		return // see cut; a fresh scan would take "#!" for a hashbang
	}
	state := make([]byte, len(x.stack))
	for i, o := range x.stack {
		switch tt := x.toks[o.tok].tt; {
		case tt == js.OpenParenToken && o.ctl:
			state[i] = 'c'
		case tt == js.OpenParenToken:
			state[i] = '('
		case tt == js.OpenBracketToken:
			state[i] = '['
		case tt == js.OpenBraceToken:
			state[i] = '{'
		default:
			return
		}
	}
	x.cuts.add(p, string(state))
}

// openState puts back the brackets a cut's state names, as zero-width
// tokens at the start of the text.
func (x *jsScan) openState(state string) {
	for _, c := range []byte(state) {
		tt := js.OpenParenToken
		switch c {
		case '[':
			tt = js.OpenBracketToken
		case '{':
			tt = js.OpenBraceToken
		}
		x.stack = append(x.stack, jsOpen{int32(len(x.toks)), c == 'c'})
		x.toks = append(x.toks, jsTok{0, 0, -1, tt})
	}
}

// keptCuts returns the cuts that the analysis's look-ahead did not cross.
func (x *jsScan) keptCuts() []cut {
	var out []cut
	k, reach := 0, 0 // the calls that start before a cut, and how far they reach
	for _, c := range x.cuts.cuts {
		if c.at > x.noCut {
			break
		}
		for k < len(x.noCutIn) && x.noCutIn[k][0] < c.at {
			reach = max(reach, x.noCutIn[k][1])
			k++
		}
		if c.at >= reach {
			out = append(out, c)
		}
	}
	return out
}

func (x *jsScan) reset(src []byte, base int) {
	// Always a private copy: the lexer writes a NUL after the end of its
	// input, which must never land in a buffer the caller shares.
	x.buf = append(append(x.buf[:0], src...), 0)
	x.n = len(src)
	x.base = base
	x.in = parse.NewInputBytes(x.buf[:x.n])
	x.toks, x.stack, x.frames, x.pieces, x.comments = x.toks[:0], x.stack[:0], x.frames[:0], x.pieces[:0], x.comments[:0]
	x.err, x.nerr, x.stop = nil, 0, false
	x.jsxDepth, x.jsxBudget, x.jsxFar, x.jsxOff, x.jsxProbing, x.jsxReach = 0, strainLimit(len(src)), 0, false, false, 0
	x.tmpl, x.dropped, x.cuts = 0, false, cutRecorder{cuts: x.cuts.cuts[:0], n: len(src)}
	x.noCut, x.noCutIn = len(src)+1, x.noCutIn[:0]
}

func (x *jsScan) release() {
	// Very large buffers are not kept alive by the pool.
	if cap(x.buf) > 1<<22 || cap(x.toks) > 1<<20 {
		return
	}
	x.in = nil
	x.comments = x.comments[:0]
	x.b.text, x.b.segs = x.b.text[:0], x.b.segs[:0]
	jsPool.Put(x)
}

func (x *jsScan) seek(p int) {
	x.in.Move(p - x.in.Offset())
	x.in.Skip()
}

func (x *jsScan) lexTop(state string) {
	x.openState(state)
	if state == "" && x.n >= 2 && x.buf[0] == '#' && x.buf[1] == '!' {
		p := 2
		for p < x.n && x.buf[p] != '\n' && x.buf[p] != '\r' {
			p++
		}
		x.seek(p)
	}
	x.lexRegion(js.NewLexer(x.in), -1)
}

// lexRegion appends the significant tokens lexed with lx from the input's
// position. With floor < 0 it runs to the end of the input. Otherwise the
// input is at the `{` of a JSX expression container: it stops after the `}`
// that brings the bracket stack back to floor and reports whether it got
// there; any error fails it, so that a wrong JSX guess is rolled back.
func (x *jsScan) lexRegion(lx *js.Lexer, floor int) bool {
	expr := true // an expression may start: `/` is a regexp, `<` may be JSX
	var prev js.TokenType
	afterDot := false
	newline := false // a line break since the last significant token
	for !x.stop {
		if x.in.Offset() > x.n {
			// The lexer steps over the final NUL after a lone `#` at the
			// end; there is nothing left to read.
			return floor < 0
		}
		if x.in.Peek(0) == '@' {
			// Decorators; the lexer would report `@` as an error.
			p := x.in.Offset()
			x.seek(p + 1)
			x.toks = append(x.toks, jsTok{int32(p), int32(p + 1), -1, jsTokAt})
			expr, prev, afterDot = true, jsTokAt, false
			continue
		}
		before := x.in.Offset()
		tt, text := lx.Next()
		switch tt {
		case js.WhitespaceToken:
			continue
		case js.LineTerminatorToken:
			newline = true
			if floor < 0 {
				x.cutAt(prev)
			}
			continue
		case js.CommentToken, js.CommentLineTerminatorToken:
			end := x.in.Offset()
			x.comment(end-len(text), end)
			newline = newline || tt == js.CommentLineTerminatorToken
			continue
		case js.ErrorToken:
			if lx.Err() == io.EOF {
				return floor < 0
			}
			if floor >= 0 {
				return false
			}
			x.lexError(before, lx.Err())
			continue
		}
		if (tt == js.DivToken || tt == js.DivEqToken) && expr {
			at := x.in.Offset() - len(text)
			tt, text = lx.RegExp()
			if tt == js.ErrorToken {
				if floor >= 0 {
					return false
				}
				x.lexError(at, lx.Err())
				continue
			}
		}
		end := x.in.Offset()
		start := end - len(text)
		nl := newline
		newline = false
		if tt == js.LtToken && expr && !x.jsxOff && x.jsx(start) {
			expr, prev, afterDot = false, jsTokJSXClose, false
			continue
		}
		if tt == js.NotToken && !expr && !nl {
			// JavaScript has no binary `!`: after an operand it is
			// TypeScript's non-null assertion, as TypeScript reads it
			// (only without a line break before it).
			tt = jsTokNonNull
		}
		idx := int32(len(x.toks))
		x.toks = append(x.toks, jsTok{int32(start), int32(end), -1, tt})
		ctlClose := false
		switch tt {
		case js.OpenParenToken:
			ctl := prev == js.IfToken || prev == js.WhileToken || prev == js.ForToken || prev == js.WithToken
			x.stack = append(x.stack, jsOpen{idx, ctl})
		case js.OpenBracketToken, js.OpenBraceToken, js.TemplateStartToken:
			x.stack = append(x.stack, jsOpen{idx, false})
			if tt == js.TemplateStartToken && floor < 0 {
				x.tmpl++
			}
		case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.TemplateEndToken, js.TemplateMiddleToken:
			ctlClose = x.closeBracket(idx, tt, max(floor, 0))
			if tt == js.TemplateEndToken && floor < 0 {
				x.tmpl--
			}
			if floor >= 0 && tt == js.CloseBraceToken && len(x.stack) == floor {
				return true
			}
		}
		switch {
		case afterDot && js.IsIdentifierName(tt):
			expr = false // a property name, even `return` or `in`
		case tt == js.CloseParenToken:
			expr = ctlClose
		default:
			expr = jsExprAfter(tt)
		}
		afterDot = tt == js.DotToken || tt == js.OptChainToken
		prev = tt
	}
	return false
}

// jsExprAfter reports whether an expression may start after a token of type
// tt, which decides between a regexp and a division, and whether `<` may open
// a JSX element. `)` is decided by the caller.
func jsExprAfter(tt js.TokenType) bool {
	switch tt {
	case js.CloseBracketToken, js.IncrToken, js.DecrToken,
		js.StringToken, js.TemplateToken, js.TemplateEndToken, js.RegExpToken, js.PrivateIdentifierToken,
		js.ThisToken, js.SuperToken, js.NullToken, js.TrueToken, js.FalseToken, jsTokJSXClose, jsTokNonNull:
		return false
	case js.CloseBraceToken:
		// Usually the end of a block; an object literal followed by a
		// division is rare enough to get wrong.
		return true
	}
	// After punctuators, operators, `${`, `}…${` and the remaining reserved
	// words (return, typeof, case, in, new, yield, await, …) an operand
	// follows.
	return !js.IsNumeric(tt) && !js.IsIdentifier(tt)
}

// jsEndsOperand reports whether a token of type tt can end an operand, so
// that a `+` after it is binary.
func jsEndsOperand(tt js.TokenType) bool {
	switch tt {
	case js.CloseParenToken, js.CloseBracketToken, js.IncrToken, js.DecrToken,
		js.StringToken, js.TemplateToken, js.TemplateEndToken, js.RegExpToken, js.PrivateIdentifierToken,
		js.ThisToken, js.SuperToken, js.NullToken, js.TrueToken, js.FalseToken, jsTokJSXClose, jsTokNonNull:
		return true
	}
	return js.IsNumeric(tt) || js.IsIdentifier(tt)
}

func jsOpens(tt js.TokenType) bool {
	switch tt {
	case js.OpenParenToken, js.OpenBracketToken, js.OpenBraceToken, js.TemplateStartToken, jsTokJSXOpen:
		return true
	}
	return false
}

func jsCloses(tt js.TokenType) bool {
	switch tt {
	case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.TemplateEndToken, jsTokJSXClose:
		return true
	}
	return false
}

func jsOpenerOf(tt js.TokenType) js.TokenType {
	switch tt {
	case js.CloseParenToken:
		return js.OpenParenToken
	case js.CloseBracketToken:
		return js.OpenBracketToken
	case js.CloseBraceToken:
		return js.OpenBraceToken
	}
	return js.TemplateStartToken // for TemplateMiddle and TemplateEnd
}

// closeBracket pops the opener that the closer at idx matches and links the
// two. Broken code may leave openers unclosed above it; they are dropped, but
// only a few levels deep, so that unbalanced input stays linear. A template
// middle finds its template start without popping it. It reports whether the
// popped opener was the `(` of a control statement.
func (x *jsScan) closeBracket(idx int32, tt js.TokenType, floor int) bool {
	want := jsOpenerOf(tt)
	for k := len(x.stack) - 1; k >= floor && k >= len(x.stack)-4; k-- {
		o := x.stack[k]
		if x.toks[o.tok].tt != want {
			continue
		}
		if tt == js.TemplateMiddleToken {
			x.dropped = x.dropped || k+1 < len(x.stack)
			x.stack = x.stack[:k+1]
			return false
		}
		x.dropped = x.dropped || k+1 < len(x.stack)
		x.toks[o.tok].match = idx
		x.toks[idx].match = o.tok
		x.stack = x.stack[:k]
		return o.ctl
	}
	return false
}

func (x *jsScan) lexError(at int, err error) {
	x.in.Skip() // the next token must not include the bad bytes
	msg := "syntax error"
	if pe, ok := err.(*parse.Error); ok {
		msg = pe.Message
	}
	if msg == "legacy octal numbers are not supported" {
		return // valid in sloppy-mode scripts
	}
	x.nerr++
	if x.nerr >= jsMaxErrors {
		x.stop = true
	}
	if x.err == nil {
		x.err = &SyntaxError{Offset: x.base + at, Msg: msg}
	}
}

// comment keeps only comments that can suppress a diagnostic: real code has
// far too many others to hold them all.
func (x *jsScan) comment(start, end int) {
	c := x.buf[start:end]
	if bytes.Contains(c, []byte("cscmd-ignore")) {
		x.comments = append(x.comments, Comment{Start: x.base + start, End: x.base + end, Text: string(c)})
	}
}

// ---- JSX ----

// jsxState is what a failed JSX attempt restores.
type jsxState struct {
	toks, stack, comments int
	err                   *SyntaxError
	nerr                  int
}

// jsx tries to read a JSX element at lt, the offset of a `<` in expression
// position. On success the element's tokens are kept and the input is after
// it; otherwise nothing changed and `<` is an operator.
func (x *jsScan) jsx(lt int) bool {
	if c := x.buf[lt+1]; c != '>' && !jsxNameStart(c) || x.jsxDepth >= jsMaxJSXDepth {
		return false
	}
	save := jsxState{len(x.toks), len(x.stack), len(x.comments), x.err, x.nerr}
	outer := !x.jsxProbing
	if outer {
		x.jsxProbing, x.jsxStart, x.jsxFar = true, lt, lt
	}
	end, ok := x.jsxElement(lt)
	if outer {
		x.jsxProbing = false
		x.jsxReach = max(x.jsxReach, x.jsxFar, end)
	}
	if !ok {
		x.jsxBudget -= max(x.jsxFar-lt, 1)
		if x.jsxBudget < 0 {
			x.jsxOff = true
		}
		x.toks, x.stack, x.comments = x.toks[:save.toks], x.stack[:save.stack], x.comments[:save.comments]
		x.err, x.nerr = save.err, save.nerr
		x.seek(lt + 1)
		return false
	}
	x.seek(end)
	return true
}

func (x *jsScan) jsxFail(p int) (int, bool) {
	x.jsxFar = max(x.jsxFar, p)
	return 0, false
}

func jsxNameStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '$' || c >= 0x80
}

func jsxNameByte(c byte) bool {
	return jsxNameStart(c) || '0' <= c && c <= '9' || c == '-' || c == ':' || c == '.'
}

// jsxElement reads the element whose `<` is at p and returns its end.
func (x *jsScan) jsxElement(p int) (int, bool) {
	x.jsxDepth++
	defer func() { x.jsxDepth-- }()
	open := len(x.toks)
	x.toks = append(x.toks, jsTok{int32(p), int32(p + 1), -1, jsTokJSXOpen})
	p++
	nameStart := p
	if jsxNameStart(x.buf[p]) {
		for jsxNameByte(x.buf[p]) && p < x.n {
			p++
		}
	}
	name := x.buf[nameStart:p]
	var ok bool
	for {
		if p, ok = x.jsxSpace(p); !ok {
			return x.jsxFail(p)
		}
		c := x.buf[p]
		switch {
		case p >= x.n:
			return x.jsxFail(p)
		case c == '/' && x.buf[p+1] == '>' && len(name) > 0:
			return x.jsxClose(open, p+2), true
		case c == '>':
			p++
			goto children
		case c == '{' && len(name) > 0:
			if p, ok = x.jsxContainer(p); !ok {
				return x.jsxFail(p)
			}
		case jsxNameStart(c) && len(name) > 0:
			for jsxNameByte(x.buf[p]) && p < x.n {
				p++
			}
			if p, ok = x.jsxSpace(p); !ok {
				return x.jsxFail(p)
			}
			if x.buf[p] != '=' {
				continue
			}
			if p, ok = x.jsxSpace(p + 1); !ok {
				return x.jsxFail(p)
			}
			switch c := x.buf[p]; {
			case c == '"' || c == '\'':
				q := bytes.IndexByte(x.buf[p+1:x.n], c)
				if q < 0 {
					return x.jsxFail(x.n)
				}
				q += p + 2
				x.toks = append(x.toks, jsTok{int32(p), int32(q), -1, jsTokJSXString})
				p = q
			case c == '{':
				if p, ok = x.jsxContainer(p); !ok {
					return x.jsxFail(p)
				}
			case c == '<' && x.jsxDepth < jsMaxJSXDepth && (x.buf[p+1] == '>' || jsxNameStart(x.buf[p+1])):
				if p, ok = x.jsxElement(p); !ok {
					return 0, false
				}
			default:
				return x.jsxFail(p)
			}
		default:
			return x.jsxFail(p)
		}
	}
children:
	for {
		// JSX text: `{` and `<` end it; `}` is not allowed in it, and EOF
		// means this was not JSX. `>` is tolerated.
		for p < x.n && x.buf[p] != '<' && x.buf[p] != '{' && x.buf[p] != '}' {
			p++
		}
		if p >= x.n || x.buf[p] == '}' || p-x.jsxStart > x.jsxBudget {
			return x.jsxFail(p)
		}
		if x.buf[p] == '{' {
			if p, ok = x.jsxContainer(p); !ok {
				return x.jsxFail(p)
			}
			continue
		}
		q := jsxSkipWhite(x.buf, p+1)
		if x.buf[q] == '/' {
			q = jsxSkipWhite(x.buf, q+1)
			s := q
			for jsxNameByte(x.buf[q]) && q < x.n {
				q++
			}
			if !bytes.Equal(x.buf[s:q], name) {
				return x.jsxFail(q)
			}
			q = jsxSkipWhite(x.buf, q)
			if x.buf[q] != '>' {
				return x.jsxFail(q)
			}
			return x.jsxClose(open, q+1), true
		}
		if c := x.buf[p+1]; c != '>' && !jsxNameStart(c) || x.jsxDepth >= jsMaxJSXDepth {
			return x.jsxFail(p)
		}
		if p, ok = x.jsxElement(p); !ok {
			return 0, false
		}
	}
}

func (x *jsScan) jsxClose(open, end int) int {
	x.toks = append(x.toks, jsTok{int32(end), int32(end), int32(open), jsTokJSXClose})
	x.toks[open].match = int32(len(x.toks) - 1)
	return end
}

// jsxContainer lexes the JS expression container `{…}` at p.
func (x *jsScan) jsxContainer(p int) (int, bool) {
	x.seek(p)
	ok := x.lexRegion(js.NewLexer(x.in), len(x.stack))
	end := x.in.Offset()
	x.jsxFar = max(x.jsxFar, end)
	return end, ok
}

func jsxSkipWhite(b []byte, p int) int {
	for p < len(b) && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r' || b[p] == '\f' || b[p] == '\v') {
		p++
	}
	return p
}

// jsxSpace skips white space and comments inside a tag.
func (x *jsScan) jsxSpace(p int) (int, bool) {
	for {
		p = jsxSkipWhite(x.buf[:x.n], p)
		if x.buf[p] != '/' {
			return p, true
		}
		switch x.buf[p+1] {
		case '/':
			e := p + 2
			for e < x.n && x.buf[e] != '\n' && x.buf[e] != '\r' {
				e++
			}
			x.comment(p, e)
			p = e
		case '*':
			e := bytes.Index(x.buf[p+2:x.n], []byte("*/"))
			if e < 0 {
				return x.n, false
			}
			e += p + 4
			x.comment(p, e)
			p = e
		default:
			return p, true
		}
	}
}

// ---- analysis ----

func (x *jsScan) closeOf(i int) int {
	if m := int(x.toks[i].match); m > i {
		return m
	}
	x.noCut = min(x.noCut, int(x.toks[i].start))
	return len(x.toks) - 1
}

// analyze walks the tokens once, recording web1on1 calls and the candidate
// strings with the call each is an argument of.
func (x *jsScan) analyze(f *File) {
	hasWeb := bytes.Contains(x.buf[:x.n], []byte("web1on1"))
	frames := x.frames[:0]
	for i := 0; i < len(x.toks); i++ {
		t := x.toks[i]
		if jsCloses(t.tt) {
			if t.match >= 0 {
				for len(frames) > 0 {
					top := frames[len(frames)-1].open
					frames = frames[:len(frames)-1]
					if top == int(t.match) {
						break
					}
				}
			}
			continue
		}
		switch t.tt {
		case js.StringToken, js.TemplateToken, js.TemplateStartToken, jsTokJSXString:
			kept := false
			if x.mayStart(i) {
				callee := ""
				if len(frames) > 0 {
					callee = frames[len(frames)-1].callee
				}
				kept = x.candidate(f, i, callee)
			}
			if !kept {
				x.doc(f, i)
			}
		}
		if jsOpens(t.tt) {
			fr := jsFrame{open: i}
			if t.tt == js.OpenParenToken && hasWeb {
				fr.callee = x.call(f, i)
				if fr.callee != "" {
					x.noCutIn = append(x.noCutIn, [2]int{int(t.start), int(x.toks[x.closeOf(i)].end)})
				}
			}
			frames = append(frames, fr)
		}
	}
	x.frames = frames[:0]
}

// mayStart is the cheap first test on a literal: its first content byte must
// be able to begin a >cs prefix, or the literal must be empty and joined by
// `+` to something that might.
func (x *jsScan) mayStart(i int) bool {
	t := x.toks[i]
	c := x.buf[t.start+1]
	switch c {
	case ' ', '\t', '>', '\\':
		return true
	case '&':
		return t.tt == jsTokJSXString
	}
	if t.end-t.start == 2 && (t.tt == js.StringToken || t.tt == js.TemplateToken) {
		return i+1 < len(x.toks) && x.toks[i+1].tt == js.AddToken
	}
	return false
}

// chainStart reports whether literal i starts a `+` chain (or stands
// alone) that can be read: it is terminated, and not a later operand.
func (x *jsScan) chainStart(i int) bool {
	if x.toks[i].tt == js.TemplateStartToken && x.toks[i].match < 0 {
		return false // unterminated
	}
	return i < 2 || x.toks[i-1].tt != js.AddToken || !jsEndsOperand(x.toks[i-2].tt)
}

// syntaxOf is the syntax of literal i.
func (x *jsScan) syntaxOf(i int) Syntax {
	switch t := x.toks[i]; {
	case t.tt == jsTokJSXString:
		return JSXAttr
	case t.tt != js.StringToken:
		return JSTemplate
	case x.buf[t.start] == '\'':
		return JSSingle
	}
	return JSDouble
}

// doc yields the `+` chain that starts at literal i as an HTML document
// when its decoded text holds HTML that can run code; its first literal
// must hold a '<'.
func (x *jsScan) doc(f *File, i int) {
	t := x.toks[i]
	if t.tt == jsTokJSXString || !x.chainStart(i) || !mayHoldHTML(x.buf[t.start:x.toks[x.literalEnd(i)].end]) {
		return
	}
	b := &x.b
	b.start(false)
	for _, p := range x.chain(i) {
		x.decodePiece(p, b)
	}
	if !htmlCanRun(b.text) {
		return
	}
	f.Docs = append(f.Docs, Doc{
		Lang:  "html",
		Text:  bytes.Clone(b.text),
		Map:   Map{Segs: append([]Seg(nil), b.segs...), Len: len(b.text), Base: x.base + int(t.start) + 1},
		Layer: layerOf(x.syntaxOf(i)),
	})
}

// candidate folds the `+` chain that starts at literal i, when it does, and
// keeps it if its decoded text starts like a >cs message.
func (x *jsScan) candidate(f *File, i int, callee string) bool {
	if !x.chainStart(i) {
		return false
	}
	ps := x.chain(i)
	b := &x.b
	b.start(true)
	for _, p := range ps {
		if x.decodePiece(p, b) {
			break
		}
	}
	if b.res != grammar.PrefixMatch {
		return false
	}
	b.start(false)
	for _, p := range ps {
		x.decodePiece(p, b)
	}
	last := ps[len(ps)-1].last
	s := String{
		Text:   string(b.text),
		Segs:   append([]Seg(nil), b.segs...),
		Start:  x.base + int(x.toks[i].start),
		End:    x.base + int(x.toks[last].end),
		Callee: callee,
	}
	s.Syntax = x.syntaxOf(i)
	f.Strings = append(f.Strings, s)
	return true
}

// chain returns the operands of the `+` chain starting at literal i. A
// literal that is itself the object of a member access or call
// ('>cs …'.trim()) stands alone.
func (x *jsScan) chain(i int) []jsPiece {
	ps := x.pieces[:0]
	defer func() { x.pieces = ps }()
	if x.toks[i].tt == jsTokJSXString {
		ps = append(ps, jsPiece{i, i, true})
		return ps
	}
	last, lit := x.operand(i)
	if !lit {
		ps = append(ps, jsPiece{i, x.literalEnd(i), true})
		return ps
	}
	ps = append(ps, jsPiece{i, last, true})
	for last+2 < len(x.toks) && x.toks[last+1].tt == js.AddToken {
		l, lit := x.operand(last + 2)
		if l < 0 {
			break
		}
		ps = append(ps, jsPiece{last + 2, l, lit})
		last = l
	}
	return ps
}

func (x *jsScan) literalEnd(i int) int {
	if x.toks[i].tt == js.TemplateStartToken {
		return x.closeOf(i)
	}
	return i
}

// operand returns the last token of the operand of a binary `+` that starts
// at token i (-1 if none does), and whether it is a single literal. It reads
// unary expressions joined by the operators that bind tighter than `+`.
func (x *jsScan) operand(i int) (int, bool) {
	last, lit := x.unary(i)
	for last >= 0 && last+2 < len(x.toks) {
		switch x.toks[last+1].tt {
		case js.MulToken, js.DivToken, js.ModToken, js.ExpToken:
			l, _ := x.unary(last + 2)
			if l < 0 {
				return last, lit
			}
			last, lit = l, false
			continue
		}
		break
	}
	return last, lit
}

func (x *jsScan) unary(i int) (int, bool) {
	n := len(x.toks)
	prefixed := false
	for i < n {
		switch x.toks[i].tt {
		case js.NotToken, js.BitNotToken, js.SubToken, js.AddToken, js.IncrToken, js.DecrToken,
			js.TypeofToken, js.VoidToken, js.AwaitToken, js.NewToken, js.DeleteToken:
			i++
			prefixed = true
			continue
		}
		break
	}
	if i >= n {
		return -1, false
	}
	tt := x.toks[i].tt
	last, lit := i, false
	switch {
	case tt == js.StringToken || tt == js.TemplateToken:
		lit = true
	case tt == js.TemplateStartToken:
		if x.toks[i].match < 0 {
			return -1, false
		}
		last, lit = int(x.toks[i].match), true
	case tt == js.OpenParenToken || tt == js.OpenBracketToken || tt == jsTokJSXOpen:
		last = x.closeOf(i)
	case js.IsNumeric(tt), js.IsIdentifier(tt), tt == js.RegExpToken, tt == js.PrivateIdentifierToken,
		tt == js.ThisToken, tt == js.SuperToken, tt == js.NullToken, tt == js.TrueToken, tt == js.FalseToken:
	default:
		return -1, false
	}
	lit = lit && !prefixed
	for last+1 < n {
		k := last + 1
		switch x.toks[k].tt {
		case js.DotToken, js.OptChainToken:
			if k+1 >= n {
				return last, lit
			}
			switch nt := x.toks[k+1].tt; {
			case js.IsIdentifierName(nt), nt == js.PrivateIdentifierToken:
				last = k + 1
			case x.toks[k].tt == js.OptChainToken && (nt == js.OpenParenToken || nt == js.OpenBracketToken):
				last = x.closeOf(k + 1)
			default:
				return last, lit
			}
		case js.OpenParenToken, js.OpenBracketToken, js.TemplateStartToken:
			last = x.closeOf(k)
		case js.TemplateToken, js.IncrToken, js.DecrToken, jsTokNonNull:
			last = k
		default:
			return last, lit
		}
		lit = false
	}
	return last, lit
}

// call records the web1on1 call whose `(` is token o, if it is one, and
// returns its member path.
func (x *jsScan) call(f *File, o int) string {
	// Walk back over NAME (. NAME)* before the parenthesis, through an
	// optional call (`f?.(`) and non-null assertions (`web1on1!.open!()`).
	var names [16]int
	k, nn := o-1, 0
	if k >= 0 && x.toks[k].tt == js.OptChainToken {
		k--
	}
	for {
		k = x.skipNonNull(k)
		if k < 0 || nn == len(names) || !js.IsIdentifierName(x.toks[k].tt) {
			break
		}
		names[nn] = k
		nn++
		k--
		if k < 0 || !jsIsDot(x.toks[k].tt) {
			break
		}
		k--
	}
	if k+1 < o && jsIsDot(x.toks[k+1].tt) {
		return "" // the chain goes on to something that is not a name
	}
	// names holds the chain from the last name back to the first.
	w := -1
	for j := nn - 1; j >= 1; j-- {
		if x.tokIs(names[j], "web1on1") {
			w = j
			break
		}
	}
	if w < 0 || nn-1-w > 1 || nn-1-w == 1 && !x.tokIs(names[nn-1], "window") && !x.tokIs(names[nn-1], "globalThis") {
		return ""
	}
	var sb strings.Builder
	for j := w - 1; j >= 0; j-- {
		if sb.Len() > 0 {
			sb.WriteByte('.')
		}
		t := x.toks[names[j]]
		sb.Write(x.buf[t.start:t.end])
	}
	path := sb.String()
	f.Calls = append(f.Calls, Call{
		Path:  path,
		Start: x.base + int(x.toks[names[w-1]].start),
		End:   x.base + int(x.toks[names[0]].end),
		Args:  x.args(o),
	})
	return path
}

// skipNonNull returns the index of the last token at or before k that is
// not a non-null assertion.
func (x *jsScan) skipNonNull(k int) int {
	for k >= 0 && x.toks[k].tt == jsTokNonNull {
		k--
	}
	return k
}

func jsIsDot(tt js.TokenType) bool {
	return tt == js.DotToken || tt == js.OptChainToken
}

func (x *jsScan) tokIs(i int, s string) bool {
	t := x.toks[i]
	return string(x.buf[t.start:t.end]) == s
}

// args counts the arguments of the call whose `(` is token o.
func (x *jsScan) args(o int) int {
	c := int(x.toks[o].match)
	if c < 0 {
		x.noCut = min(x.noCut, int(x.toks[o].start))
		c = len(x.toks)
	}
	if c == o+1 {
		return 0
	}
	n := 1
	for k := o + 1; k < c; k++ {
		switch tt := x.toks[k].tt; {
		case jsOpens(tt):
			k = x.closeOf(k)
		case tt == js.CommaToken:
			if k+1 < c {
				n++
			}
		}
	}
	return n
}

// ---- decoding ----

// jsBuilder decodes literals either into the prefix matcher only, stopping as
// soon as it decides, or into Text and Segs.
type jsBuilder struct {
	matchOnly bool
	m         grammar.PrefixMatcher
	res       int
	text      []byte
	segs      []Seg
	// pieceSeg is the first seg of the literal being decoded; a line
	// continuation merges with the unit before it only within the literal.
	pieceSeg int
	// pending is the host start of a line continuation at the start of a
	// literal, merged into the literal's next unit; -1 if none.
	pending int
}

func (b *jsBuilder) start(matchOnly bool) {
	b.matchOnly, b.m, b.res = matchOnly, grammar.PrefixMatcher{}, grammar.PrefixMore
	b.text, b.segs = b.text[:0], b.segs[:0]
}

// feed passes decoded bytes to grammar's prefix matcher, the one definition
// of a text that looks like a command; it reports whether the match is
// decided.
func (b *jsBuilder) feed(s []byte) bool {
	for i := 0; i < len(s) && b.res == grammar.PrefixMore; i++ {
		b.res = b.m.Feed(s[i])
	}
	return b.res != grammar.PrefixMore
}

// verbatim adds source bytes copied as they are.
func (b *jsBuilder) verbatim(s []byte, host int) bool {
	if b.matchOnly {
		return b.feed(s)
	}
	if len(s) == 0 {
		return false
	}
	if b.pending >= 0 {
		_, n := utf8.DecodeRune(s)
		b.escape(s[:n], b.pending, host+n-b.pending)
		s, host = s[n:], host+n
		if len(s) == 0 {
			return false
		}
	}
	if k := len(b.segs) - 1; k >= b.pieceSeg && k >= 0 {
		if g := &b.segs[k]; g.Verbatim && g.Host+g.HostLen == host {
			g.HostLen += len(s)
			b.text = append(b.text, s...)
			return false
		}
	}
	b.segs = append(b.segs, Seg{Dec: len(b.text), Host: host, HostLen: len(s), Verbatim: true})
	b.text = append(b.text, s...)
	return false
}

// escape adds decoded bytes written as the hostLen host bytes at host.
func (b *jsBuilder) escape(dec []byte, host, hostLen int) bool {
	if b.matchOnly {
		return b.feed(dec)
	}
	if b.pending >= 0 {
		hostLen += host - b.pending
		host, b.pending = b.pending, -1
	}
	b.segs = append(b.segs, Seg{Dec: len(b.text), Host: host, HostLen: hostLen})
	b.text = append(b.text, dec...)
	return false
}

// continuation handles a line continuation at host, n bytes long, which
// decodes to nothing: it joins the unit before it, or the one after it.
func (b *jsBuilder) continuation(host, n int) {
	if b.matchOnly {
		return
	}
	k := len(b.segs) - 1
	if k < b.pieceSeg || k < 0 {
		if b.pending < 0 {
			b.pending = host
		}
		return
	}
	g := &b.segs[k]
	if !g.Verbatim {
		g.HostLen = host + n - g.Host
		return
	}
	_, size := utf8.DecodeLastRune(b.text[g.Dec:])
	dec := len(b.text) - size
	last := Seg{Dec: dec, Host: g.Host + dec - g.Dec, HostLen: size + n}
	if g.HostLen -= size; g.HostLen == 0 {
		*g = last
	} else {
		b.segs = append(b.segs, last)
	}
}

func (b *jsBuilder) placeholder(host, hostLen int) bool {
	var ph [3]byte
	utf8.EncodeRune(ph[:], Placeholder)
	b.pending = -1
	return b.escape(ph[:], host, hostLen)
}

// decodePiece decodes one chain operand; in match mode it reports whether
// the match is decided.
func (x *jsScan) decodePiece(p jsPiece, b *jsBuilder) bool {
	b.pieceSeg, b.pending = len(b.segs), -1
	if !p.lit {
		s, e := int(x.toks[p.first].start), int(x.toks[p.last].end)
		return b.placeholder(x.base+s, e-s)
	}
	t := x.toks[p.first]
	switch t.tt {
	case jsTokJSXString:
		return x.decodeJSX(int(t.start)+1, int(t.end)-1, b)
	case js.StringToken, js.TemplateToken:
		return x.decodeJS(int(t.start)+1, int(t.end)-1, t.tt == js.TemplateToken, b)
	}
	// A template with substitutions: its pieces at this level are the
	// start, middle and end tokens; anything between is a substitution.
	end := int(t.match)
	k := p.first
	for {
		tk := x.toks[k]
		cs, ce := int(tk.start)+1, int(tk.end)-2
		if tk.tt == js.TemplateEndToken {
			ce = int(tk.end) - 1
		}
		if x.decodeJS(cs, ce, true, b) {
			return true
		}
		if k >= end {
			return false
		}
		// Find the next middle or end at this level.
		j := k + 1
		for j < end && x.toks[j].tt != js.TemplateMiddleToken {
			if jsOpens(x.toks[j].tt) {
				j = x.closeOf(j)
			}
			j++
		}
		j = min(j, end)
		ph := int(tk.end) - 2
		if b.placeholder(x.base+ph, int(x.toks[j].start)+1-ph) {
			return true
		}
		b.pieceSeg = len(b.segs)
		k = j
	}
}

// decodeJS decodes the content src[s:e] of a string or template literal.
func (x *jsScan) decodeJS(s, e int, tmpl bool, b *jsBuilder) bool {
	src := x.buf[:e]
	for i := s; i < e; {
		// A run of bytes copied as they are.
		j := i
		for j < e && src[j] != '\\' && !(tmpl && src[j] == '\r') {
			j++
		}
		if j > i {
			if b.verbatim(src[i:j], x.base+i) {
				return true
			}
			i = j
			if i >= e {
				break
			}
		}
		if src[i] == '\r' {
			// A template's raw CR or CRLF reads as LF.
			n := 1
			if i+1 < e && src[i+1] == '\n' {
				n = 2
			}
			if b.escape([]byte{'\n'}, x.base+i, n) {
				return true
			}
			i += n
			continue
		}
		r, n := jsEscape(src, i)
		if r < 0 {
			b.continuation(x.base+i, n)
		} else {
			var u [utf8.UTFMax]byte
			if b.escape(u[:utf8.EncodeRune(u[:], r)], x.base+i, n) {
				return true
			}
		}
		i += n
	}
	return false
}

// jsEscape decodes the escape sequence at src[i] == '\\', src ending with the
// literal's content. It returns the rune and the number of source bytes, or
// r < 0 for a line continuation, which decodes to nothing. Malformed escapes
// (\x without two hex digits, …) read as the escaped character, as a lenient
// engine would.
func jsEscape(src []byte, i int) (rune, int) {
	if i+1 >= len(src) {
		return '\\', 1
	}
	switch c := src[i+1]; c {
	case '\n':
		return -1, 2
	case '\r':
		if i+2 < len(src) && src[i+2] == '\n' {
			return -1, 3
		}
		return -1, 2
	case 'n':
		return '\n', 2
	case 't':
		return '\t', 2
	case 'r':
		return '\r', 2
	case 'b':
		return '\b', 2
	case 'f':
		return '\f', 2
	case 'v':
		return '\v', 2
	case '0', '1', '2', '3', '4', '5', '6', '7':
		// Legacy octal: up to three digits while the value fits a byte.
		v, n := rune(c-'0'), 2
		for n < 4 && i+n < len(src) && '0' <= src[i+n] && src[i+n] <= '7' && v*8+rune(src[i+n]-'0') <= 0xFF {
			v = v*8 + rune(src[i+n]-'0')
			n++
		}
		return v, n
	case 'x':
		if v, ok := hexRune(src, i+2, 2); ok {
			return v, 4
		}
	case 'u':
		if i+2 < len(src) && src[i+2] == '{' {
			j := i + 3
			v := rune(0)
			for j < len(src) && hexDigit(src[j]) >= 0 && v <= utf8.MaxRune {
				v = v*16 + hexDigit(src[j])
				j++
			}
			if j > i+3 && j < len(src) && src[j] == '}' {
				if v > utf8.MaxRune {
					v = utf8.RuneError
				}
				return v, j + 1 - i
			}
			break
		}
		v, ok := hexRune(src, i+2, 4)
		if !ok {
			break
		}
		if 0xD800 <= v && v < 0xDC00 && i+12 <= len(src) && src[i+6] == '\\' && src[i+7] == 'u' {
			if lo, ok := hexRune(src, i+8, 4); ok && 0xDC00 <= lo && lo < 0xE000 {
				return 0x10000 + (v-0xD800)<<10 + (lo - 0xDC00), 12
			}
		}
		if 0xD800 <= v && v < 0xE000 {
			v = utf8.RuneError // a lone surrogate has no UTF-8 form
		}
		return v, 6
	case 0xE2:
		if i+3 < len(src) && src[i+2] == 0x80 && (src[i+3] == 0xA8 || src[i+3] == 0xA9) {
			return -1, 4 // U+2028, U+2029
		}
	}
	r, n := utf8.DecodeRune(src[i+1:])
	return r, 1 + n
}

// decodeJSX decodes the content src[s:e] of a JSX attribute string:
// character references only.
func (x *jsScan) decodeJSX(s, e int, b *jsBuilder) bool {
	src := x.buf[:e]
	for i := s; i < e; {
		j := i
		for j < e && src[j] != '&' {
			j++
		}
		if j > i {
			if b.verbatim(src[i:j], x.base+i) {
				return true
			}
			i = j
			if i >= e {
				break
			}
		}
		var u [2 * utf8.UTFMax]byte
		dec, n := htmlRef(u[:0], src, i, true, true)
		if n == 0 {
			if b.verbatim(src[i:i+1], x.base+i) {
				return true
			}
			i++
			continue
		}
		if b.escape(dec, x.base+i, n) {
			return true
		}
		i += n
	}
	return false
}

// ---- escaping for fixes ----

// escapeJS writes text as the content of a literal of syntax syn, so that
// the literal decodes back to text.
func escapeJS(syn Syntax, text string) string {
	if syn == JSXAttr {
		return escapeAttr(text)
	}
	quote := byte('"')
	switch syn {
	case JSSingle:
		quote = '\''
	case JSTemplate:
		quote = '`'
	}
	var sb strings.Builder
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == quote || c == '\\':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case c == '$' && syn == JSTemplate && i+1 < len(text) && text[i+1] == '{':
			sb.WriteString(`\$`)
		case c == '\n':
			sb.WriteString(`\n`)
		case c == '\r':
			sb.WriteString(`\r`)
		case c == '\t':
			sb.WriteString(`\t`)
		case c < 0x20 || c == 0x7F:
			fmt.Fprintf(&sb, `\x%02x`, c)
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				sb.WriteString(`\ufffd`)
			case r == '\u2028' || r == '\u2029':
				fmt.Fprintf(&sb, `\u%04x`, r)
			default:
				sb.WriteString(text[i : i+n])
			}
			i += n
			continue
		default:
			sb.WriteByte(c)
		}
		i++
	}
	return sb.String()
}

// escapeAttr writes text for an HTML or JSX attribute value in either quote.
func escapeAttr(text string) string {
	if !strings.ContainsAny(text, `&<"'`) {
		return text
	}
	var sb strings.Builder
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '&':
			sb.WriteString("&amp;")
		case '<':
			sb.WriteString("&lt;")
		case '"':
			sb.WriteString("&quot;")
		case '\'':
			sb.WriteString("&#39;")
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}
