// Package grammar parses the >cs command language of the web1on1 chat widget
// into the typed tree of package ast.
//
// Parsing has three steps, each in its own file:
//   - lexer.go cuts a command line into tokens: the prefix, a verb or sigil,
//     ObjectIds and other words. It knows no verb.
//   - grammar.go is the participle grammar: one production per command, its
//     parts captured into structs with their positions. EBNF prints it
//     (docs/grammar.md).
//   - build.go maps each production's tree to its ast node and judges what
//     the grammar cannot: ids of the wrong length, bad names, arguments
//     apart from their sigil, missing departments, extra text, and the verb
//     that was meant.
//
// Parsing is total: any input yields a tree, with the problems that stop a
// command from running as written returned as an ErrorList. Finer
// judgements (warnings, catalog checks) belong to package lint.
//
// # Adding a command
//
// A new verb, say "/close" with an optional reason, is a grammar line, a
// builder case and a test table row. In grammar.go, its production, added
// to commands:
//
//	// closing is `/close [REASON]`.
//	type closing struct {
//		Pos    lexer.Position
//		Reason text `parser:"'/close':Verb @@?"`
//	}
//
// In build.go, its build method, which makes its node (a new ast type) and
// reports what is wrong with it:
//
//	func (c *closing) build(b *builder) ast.Message {
//		p := b.prefix
//		return &ast.Close{Prefix: &p, Verb: b.pos(c.Pos), Reason: b.textOf(new(ast.Text), c.Reason)}
//	}
//
// In parse_test.go, a row of parseCases:
//
//	{name: "close", in: ">cs /close done", kind: "close"},
//
// The lexer needs no change: "/close" is a Verb like any other, and
// did-you-mean learns the verb from the grammar (TestAddingACommand does
// this much). docs/grammar.md follows
// with go test ./grammar -run TestGrammarDoc -update.
package grammar

import (
	"errors"
	"fmt"
	"iter"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/linemap"
	"golang.org/x/sync/errgroup"
)

// MaxLine is the longest command line parsed, in bytes. A longer command is
// an Invalid node with a syntax error, so no input can make the parser hold
// more than a bounded number of tokens. Chat of any length is chat.
const MaxLine = 16 << 10

type options struct {
	placeholders bool
	base         ast.Pos
}

// Option configures parsing.
type Option func(*options)

// Placeholders makes ast.Placeholder stand for a dynamic part that satisfies
// any argument, as in text extracted from a host file where `${id}` was
// written. Without it the rune is ordinary text.
func Placeholders() Option { return func(o *options) { o.placeholders = true } }

// Parse parses one message. The result is never nil; err is an ErrorList of
// the problems that stop the command from running as written, or nil.
//
// A message is one line: in a command, non-blank text after a line break is
// an error, while chat may span lines.
func Parse(msg string, opts ...Option) (ast.Message, error) {
	o := apply(opts)
	m, errs := parseMessage(msg, o.base, o)
	return m, errs.Err()
}

// Base places the parsed text at pos in a larger source: offsets, lines and
// columns of the result count from there. A document parsed in pieces, or a
// message cut out of a file, keeps the positions of the whole.
func Base(pos ast.Pos) Option { return func(o *options) { o.base = pos } }

func apply(opts []Option) options {
	if len(opts) == 0 {
		return options{base: ast.Pos{Line: 1, Column: 1}}
	}
	// Options take a pointer, which puts what they set on the heap: only
	// calls that pass options pay for that.
	o := &options{base: ast.Pos{Line: 1, Column: 1}}
	for _, f := range opts {
		f(o)
	}
	return *o
}

// parseMessage parses msg placed at base in its source.
func parseMessage(msg string, base ast.Pos, o options) (ast.Message, ErrorList) {
	line, tail := msg, ""
	for i := 0; i < len(msg); i++ {
		if isBreak(msg[i]) {
			line, tail = msg[:i], msg[i:]
			break
		}
	}
	m, errs := parseLine(line, base, o)
	if tail == "" {
		return m, errs
	}
	if c, ok := m.(*ast.Chat); ok && c.Intended == nil {
		if !utf8.ValidString(tail) {
			return parseLine(msg, base, o) // reports the first invalid byte
		}
		c.Text = msg // chat may span lines
		return c, nil
	}
	if strings.TrimLeft(tail, " \t\r\n") != "" {
		at := base.Add(len(line))
		errs = append(errs, &Error{Pos: at, End: base.Add(len(msg)), Code: CodeSyntax,
			Msg: "a command is one line; the text after the line break is not part of it"})
	}
	return m, errs
}

// parseLine parses one line (no line breaks) placed at base.
func parseLine(line string, base ast.Pos, o options) (ast.Message, ErrorList) {
	if m, errs, done := precheck(line, base); done {
		return m, errs
	}
	s := openStream(nil, line)
	tree, err := s.next()
	m, errs := buildLine(&tree, err, line, base, o)
	s.close()
	return m, errs
}

// precheck settles the lines that need no parser: invalid UTF-8, chat,
// and commands too long to parse. Only command lines reach the grammar.
func precheck(line string, base ast.Pos) (ast.Message, ErrorList, bool) {
	invalid := func(from, to int, format string, args ...any) (ast.Message, ErrorList, bool) {
		e := &Error{Pos: base.Add(from), End: base.Add(to), Code: CodeSyntax, Msg: fmt.Sprintf(format, args...)}
		return &ast.Invalid{From: base, Text: line}, ErrorList{e}, true
	}
	if !utf8.ValidString(line) {
		i := firstInvalid(line)
		return invalid(i, i+1, "invalid UTF-8 byte 0x%02x; a message must be UTF-8 text", line[i])
	}
	switch class, _ := classify(line); {
	case class == Chat:
		return &ast.Chat{From: base, Text: line}, nil, true
	case len(line) > MaxLine:
		return invalid(0, len(line), "command is %d bytes long; at most %d are parsed", len(line), MaxLine)
	}
	return nil, nil, false
}

// buildLine turns the parse tree of a command line into its message.
func buildLine(tree *message, err error, line string, base ast.Pos, o options) (ast.Message, ErrorList) {
	if err != nil {
		// The grammar accepts every token stream of the lexer; reaching
		// this is a bug, still reported as a position rather than a panic.
		e := &Error{Pos: base, End: base.Add(len(line)), Code: CodeSyntax, Msg: fmt.Sprintf("cannot parse command: %v", err)}
		return &ast.Invalid{From: base, Text: line}, ErrorList{e}
	}
	class, n := classify(line)
	end := len(line)
	for end > 0 && isBlank(line[end-1]) {
		end--
	}
	b := builder{line: line, base: base, end: end, placeholders: o.placeholders, near: class == NearMiss}
	m := b.message(tree, n)
	b.errs.sort()
	return m, b.errs
}

// batchLines is how many lines are lexed into one token stream: enough to
// spread participle's set-up of a stream thin, few enough that the stream
// stays small in memory.
const batchLines = 256

// batch holds the command lines of a document that participle is to parse,
// with their places in the document.
type batch struct {
	lines []Line
	at    []int // index of each line's message
}

// parse parses the batch's lines from one token stream. If the stream does
// not line up, the rest is parsed line by line.
func (bt *batch) parse(msgs []ast.Message, errs []ErrorList, o options) {
	if len(bt.lines) == 0 {
		return
	}
	s := openStream(bt.lines, "")
	defer s.close()
	for k, l := range bt.lines {
		tree, err := s.next()
		if err != nil {
			for j, l := range bt.lines[k:] {
				msgs[bt.at[k+j]], errs[bt.at[k+j]] = parseLine(l.Text, l.Pos, o)
			}
			return
		}
		msgs[bt.at[k]], errs[bt.at[k]] = buildLine(&tree, nil, l.Text, l.Pos, o)
	}
}

// stream is a run of command lines lexed into one token stream, each
// message parsed in turn: by replaying the tree of a line of the same shape
// (shape.go), or by participle with trailing tokens allowed. Participle's
// set-up of a token stream is then paid at most once per run of lines, not
// once per message. Every line starts with its prefix, and the grammar's
// free text ends before the next one, so a message ends where its line
// ends; the stream checks that it did.
type stream struct {
	lines []Line
	one   [1]Line       // lines of a single-line stream, without an allocation
	toks  []lexer.Token // every token of the lines
	ends  []int         // index in toks after each line's last token
	k     int           // index of the line to parse next
	peek  *lexer.PeekingLexer
	from  int // index in toks of participle's first token
	i     int // index in toks of the next token handed to participle
	err   error
}

// streams are reused: a stream's tokens outlive its parse only until the
// builder has copied the text it needs, which is text of the lines.
var streams = sync.Pool{New: func() any { return new(stream) }}

// openStream returns a stream over lines, or with nil lines over the one
// line given, lexed up front.
func openStream(lines []Line, line string) *stream {
	s := streams.Get().(*stream)
	*s = stream{lines: lines, toks: s.toks[:0], ends: s.ends[:0]}
	if lines == nil {
		s.one[0].Text = line
		s.lines = s.one[:]
	}
	for _, l := range s.lines {
		lx := lineLexer{s: l.Text}
		for t, _ := lx.Next(); t.Type != lexer.EOF; t, _ = lx.Next() {
			s.toks = append(s.toks, t)
		}
		s.ends = append(s.ends, len(s.toks))
	}
	return s
}

// next parses the message of the next line and returns its tree.
func (s *stream) next() (message, error) {
	if s.err != nil {
		return message{}, s.err
	}
	start := 0
	if s.k > 0 {
		start = s.ends[s.k-1]
	}
	toks := s.toks[start:s.ends[s.k]]
	sh, memo := lineShapeOf(toks)
	if memo {
		if r, ok := recipes.Load(sh); ok {
			s.k++
			return r.(*recipe).replay(toks), nil
		}
	}
	tree, err := s.parse(start)
	if err != nil {
		s.err = err
		return message{}, err
	}
	if memo {
		remember(sh, tree, toks)
	}
	s.k++
	return *tree, nil
}

// parse has participle parse the line whose tokens start at index start.
func (s *stream) parse(start int) (*message, error) {
	if s.peek == nil {
		s.from, s.i = start, start
		peek, err := lexer.Upgrade(s)
		if err != nil {
			return nil, err
		}
		s.peek = peek
	}
	for int(s.peek.RawCursor()) < start-s.from {
		s.peek.Next() // lines replayed since participle's last parse
	}
	tree, err := parser.ParseFromLexer(s.peek, allowTrailing)
	if err != nil {
		return nil, err
	}
	if int(s.peek.RawCursor()) != s.ends[s.k]-s.from {
		return nil, errors.New("a message did not end at its line's end")
	}
	return tree, nil
}

func (s *stream) close() {
	s.lines, s.one, s.peek = nil, [1]Line{}, nil
	streams.Put(s)
}

var allowTrailing = participle.AllowTrailing(true)

// Next hands participle the tokens from the first line it parses on. Token
// offsets stay relative to their line, as the builder expects.
func (s *stream) Next() (lexer.Token, error) {
	if s.i < len(s.toks) {
		s.i++
		return s.toks[s.i-1], nil
	}
	return lexer.EOFToken(position(0)), nil
}

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// ParseDocument parses a command file: one message per line, LF or CRLF, an
// optional UTF-8 byte order mark, blank lines skipped and lines whose first
// non-blank character is "#" kept as comments. The document is never nil;
// errs holds every message's errors in order. With Base, src is a run of
// whole lines starting at that position.
func ParseDocument(src []byte, opts ...Option) (doc *ast.Document, errs ErrorList) {
	return ParseText(string(src), opts...)
}

// ParseText is ParseDocument for a document held in a string, whose memory
// the tree shares rather than copies.
func ParseText(src string, opts ...Option) (doc *ast.Document, errs ErrorList) {
	o := apply(opts)
	if len(src) >= parallelMin && runtime.GOMAXPROCS(0) > 1 {
		return parseParallel(src, o)
	}
	return parseDocument(src, o)
}

// parallelMin is the document size from which ParseDocument uses every
// core: below it the hand-off costs more than it saves.
const parallelMin = 256 << 10

// parseParallel parses a large document in pieces of whole lines on every
// core, each piece placed at its position, and joins the results in order.
func parseParallel(src string, o options) (*ast.Document, ErrorList) {
	type piece struct {
		Piece
		doc  *ast.Document
		errs ErrorList
	}
	var pieces []*piece
	// Pieces only reads the bytes: a view of the string, not a copy.
	view := unsafe.Slice(unsafe.StringData(src), len(src))
	for _, p := range Pieces(view, len(src)/(runtime.GOMAXPROCS(0)*4)+1, o.base, nil) {
		pieces = append(pieces, &piece{Piece: p})
	}
	var g errgroup.Group
	for _, p := range pieces {
		g.Go(func() error {
			po := o
			po.base = p.Base
			p.doc, p.errs = parseDocument(src[p.Start:p.End], po)
			return nil
		})
	}
	g.Wait() // parsing is total: no piece fails
	doc := &ast.Document{}
	var errs ErrorList
	for _, p := range pieces {
		doc.Messages = append(doc.Messages, p.doc.Messages...)
		doc.Comments = append(doc.Comments, p.doc.Comments...)
		errs = append(errs, p.errs...)
	}
	return doc, errs
}

// Piece is a run of whole lines of a document, src[Start:End], whose first
// byte is at Base.
type Piece struct {
	Start, End int
	Base       ast.Pos
}

// Pieces cuts src, whose first byte is at base, into runs of whole lines of
// about size bytes, for working on a large document on several cores. A
// piece ends after a line break, after a line that cut accepts (nil accepts
// every line), or at the end of src.
func Pieces(src []byte, size int, base ast.Pos, cut func(line []byte) bool) []Piece {
	var out []Piece
	line := base.Line
	for start := 0; start < len(src); {
		end := cutAfter(src, min(start+size, len(src)), cut)
		p := Piece{Start: start, End: end, Base: ast.Pos{Offset: base.Offset + start, Line: line, Column: 1}}
		if start == 0 {
			p.Base = base
		}
		out = append(out, p)
		for i := linemap.LineEnd(src, start); i < end; i = linemap.LineEnd(src, i+linemap.BreakAt(src, i)) {
			line++
		}
		start = end
	}
	return out
}

// cutAfter returns the end of the first line from at on that cut accepts,
// line break included, or len(src).
func cutAfter(src []byte, at int, cut func([]byte) bool) int {
	if at > 0 && at < len(src) && src[at-1] == '\r' && src[at] == '\n' {
		at++ // not between the two bytes of a CRLF
	}
	for at < len(src) {
		end := linemap.LineEnd(src, at)
		if end == len(src) {
			break
		}
		next := end + linemap.BreakAt(src, end)
		if cut == nil || cut(src[linemap.LineStart(src, end):end]) {
			return next
		}
		at = next
	}
	return len(src)
}

// parseDocument parses src on the calling goroutine.
func parseDocument(src string, o options) (*ast.Document, ErrorList) {
	n := strings.Count(src, "\n") + 1 // lines, at most as many messages
	doc := &ast.Document{Messages: make([]ast.Message, 0, n)}
	var (
		errs = make([]ErrorList, 0, n) // of each message
		bt   batch
	)
	for l := range lines(src, o.base) {
		switch l.Kind {
		case CommentLine:
			lead := len(l.Text) - len(strings.TrimLeft(l.Text, " \t"))
			doc.Comments = append(doc.Comments, &ast.Comment{Hash: l.Pos.Add(lead), Text: strings.Trim(l.Text, " \t")})
		case MessageLine:
			m, e, done := precheck(l.Text, l.Pos)
			if !done {
				bt.lines, bt.at = append(bt.lines, l), append(bt.at, len(doc.Messages))
			}
			doc.Messages, errs = append(doc.Messages, m), append(errs, e)
			if len(bt.lines) == batchLines {
				bt.parse(doc.Messages, errs, o)
				bt.lines, bt.at = bt.lines[:0], bt.at[:0]
			}
		}
	}
	bt.parse(doc.Messages, errs, o)
	var all ErrorList
	for _, e := range errs {
		all = append(all, e...)
	}
	return doc, all
}

// LineKind is what a line of a command file holds.
type LineKind uint8

// The kinds of lines of a command file.
const (
	BlankLine   LineKind = iota // only blanks
	CommentLine                 // first non-blank character "#"
	MessageLine                 // anything else: a message
)

// Line is one line of a command file, without its line break.
type Line struct {
	Pos  ast.Pos // of the line's first byte
	Text string
	Kind LineKind
}

// Lines returns the lines of a command file as ParseDocument reads them:
// split at each line break (LF, CRLF or a lone CR, as linemap defines
// them), after a byte order mark. Tools
// that parse line by line, such as an editor's linter that re-checks only
// changed lines, use it to agree with ParseDocument.
func Lines(src []byte) iter.Seq[Line] { return lines(string(src), ast.Pos{Line: 1, Column: 1}) }

// indexFrom is the offset of the first c at or after s[i], or len(s).
func indexFrom(s string, i int, c byte) int {
	if j := strings.IndexByte(s[i:], c); j >= 0 {
		return i + j
	}
	return len(s)
}

func lines(s string, base ast.Pos) iter.Seq[Line] {
	return func(yield func(Line) bool) {
		off := 0
		if base.Offset == 0 && strings.HasPrefix(s, "\uFEFF") {
			off = len("\uFEFF")
		}
		// The next '\n' and '\r' are kept until passed, so that each
		// search runs at memchr speed and a file of lone CRs is not
		// searched to its end for a '\n' on every line.
		nextLF, nextCR := -1, -1
		for lineNo := base.Line; off <= len(s); lineNo++ {
			start := off
			if nextLF < off {
				nextLF = indexFrom(s, off, '\n')
			}
			if nextCR < off {
				nextCR = indexFrom(s, off, '\r')
			}
			end := min(nextLF, nextCR)
			off = end + linemap.BreakAt(s, end)
			if end == len(s) {
				off = len(s) + 1
			}
			text := s[start:end]
			lineStart := start
			if base.Offset == 0 && lineNo == base.Line {
				lineStart = 0 // a byte order mark is part of the first line's columns
			}
			l := Line{Pos: ast.Pos{Offset: base.Offset + start, Line: lineNo, Column: start - lineStart + 1}, Text: text}
			switch trimmed := strings.TrimLeft(text, " \t"); {
			case trimmed == "":
				l.Kind = BlankLine
			case trimmed[0] == '#':
				l.Kind = CommentLine
			default:
				l.Kind = MessageLine
			}
			if !yield(l) {
				return
			}
		}
	}
}
