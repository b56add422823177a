package host

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/internal/yamldepth"
)

// YAML is YAML 1.2, every document of a stream.
var YAML = &Language{
	Name:       "yaml",
	Aliases:    []string{"yml"},
	Extensions: []string{".yaml", ".yml"},
	IDs:        []string{"yaml"},
	Extract:    extractYAML,
	Comments:   []Delims{{Open: "#"}},
	Suppress:   &Delims{Open: "#"},
}

// extractYAML finds the scalar values of a YAML file that may be messages: the
// values of mappings and the items of sequences, in every document, in every
// scalar style. Keys are skipped, and so are aliases, which repeat a value
// already found where its anchor is.
//
// goccy/go-yaml's lexer says where each token is and what it is, and its
// parser judges the file; the extent of every scalar, its decoded value and
// its Segs are computed here from the source bytes, because the lexer's
// positions are approximate (1-based rune offsets that sometimes point past
// the token) and its decoded values and raw text are not exact enough to map
// back byte for byte. Tokens are matched to the source in order: each one is
// looked for after the previous one, and the lexer's position is only a
// fallback.
//
// Malformed YAML yields what could be found and the first error as a
// *SyntaxError.
//
// goccy's lexer and parser allocate for every token (a few MB/s), so a file
// that MayContain rules out is not handed to them: it yields an empty File —
// no comments, and no syntax error even if it is malformed.
func extractYAML(src []byte) (*File, error) {
	if !MayContain(src) {
		return &File{}, nil
	}
	return yamlExtract(src, false)
}

// yamlExtract is extractYAML; with all set it returns every scalar value, not
// only the candidates, so that tests can check the decoding of every style.
func yamlExtract(src []byte, all bool) (*File, error) {
	y := yamlScanner{src: src, file: &File{}, all: all, owner: -1, nodeStart: -1}
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		y.base = 3
	}
	y.cursor = y.base
	y.cols = yamlCols{at: y.base, start: y.base}
	y.pos.body = src[y.base:]
	tokens, err := yamlTokenize(y.pos.body)
	if err != nil {
		return y.file, err
	}
	for _, tk := range tokens {
		y.token(tk)
	}
	sort.SliceStable(y.file.Comments, func(i, j int) bool {
		return y.file.Comments[i].Start < y.file.Comments[j].Start
	})
	// The strings are found by the linear scan above; only goccy's parser,
	// which judges the file, must not see deep nesting.
	if tk := yamldepth.TooDeep(tokens); tk != nil {
		return y.file, &SyntaxError{Offset: y.est(tk), Msg: yamldepth.Message}
	}
	if msg, tk := yamlParse(tokens); msg != "" {
		off := y.base
		if tk != nil && tk.Position != nil {
			off = y.est(tk)
		}
		return y.file, &SyntaxError{Offset: off, Msg: msg}
	}
	return y.file, nil
}

// yamlTokenize runs goccy's lexer, turning a panic in it into an error so that
// extraction stays total.
func yamlTokenize(body []byte) (tks token.Tokens, err error) {
	defer func() {
		if r := recover(); r != nil {
			tks, err = nil, &SyntaxError{Msg: fmt.Sprintf("yaml lexer failed: %v", r)}
		}
	}()
	return lexer.Tokenize(string(body)), nil
}

// yamlParse runs goccy's parser for its verdict on the file.
func yamlParse(tks token.Tokens) (msg string, tk *token.Token) {
	defer func() {
		if r := recover(); r != nil {
			msg, tk = fmt.Sprintf("yaml parser failed: %v", r), nil
		}
	}()
	_, err := parser.Parse(tks, 0)
	if err == nil {
		return "", nil
	}
	if se, ok := err.(interface {
		GetMessage() string
		GetToken() *token.Token
	}); ok {
		return se.GetMessage(), se.GetToken()
	}
	return err.Error(), nil
}

type yamlScanner struct {
	src  []byte
	base int // length of the byte order mark, which the lexer does not see
	file *File
	all  bool
	pos  yamlRunes
	dec  yamlDec
	cols yamlCols

	// cursor is the offset up to which the source has been matched to tokens.
	cursor int
	// flow holds the open flow collections, '[' or '{'; flowStart is where
	// the outermost one began.
	flow      []byte
	flowStart int
	// owner is the indentation n (YAML spec §6.1) of the block node that the
	// next value belongs to: the column of its key, '-' or '?', or -1 at the
	// top level. Plain continuation lines and block scalar content must be
	// indented more.
	owner int
	// nodeStart is where the current node began, properties included: for a
	// key, the column that gives its mapping's indentation.
	nodeStart int
	// last is the last indicator seen, to tell keys from values.
	last token.Type
	// inContent is set after a block scalar header: the lexer's next tokens
	// are the header's comment, if hdrComment, and the content, both already
	// handled.
	inContent  bool
	hdrComment bool
	// inName is set after '&' or '*': the next token is the name.
	inName bool
}

// est returns the lexer's idea of where tk starts, as a byte offset in src.
func (y *yamlScanner) est(tk *token.Token) int {
	return y.base + y.pos.byteAt(tk.Position.Offset-1)
}

func (y *yamlScanner) token(tk *token.Token) {
	src := y.src
	est := y.est(tk)
	if tk.Type == token.CommentType {
		if y.inContent && y.hdrComment {
			y.hdrComment = false
			return
		}
		if p := y.sync(est, "#"); p >= 0 {
			y.cursor = yamlLineEnd(src, p)
			y.comment(p, y.cursor)
		}
		return
	}
	if y.inContent {
		y.inContent = false
		if tk.Type == token.StringType && (tk.Value == "" || est < y.cursor) {
			return
		}
	}
	if y.inName {
		y.inName = false
		end := y.cursor
		for end < len(src) && !yamlBlank(src[end]) && !(len(y.flow) > 0 && yamlFlowIndicator(src[end])) {
			end++
		}
		y.cursor = end
		return
	}
	switch tk.Type {
	case token.DocumentHeaderType, token.DocumentEndType:
		if p := y.sync(est, yamlIndicator[tk.Type]); p >= 0 {
			y.cursor = p + 3
			y.flow = y.flow[:0]
			y.owner, y.nodeStart, y.last = -1, -1, tk.Type
		}
	case token.DirectiveType:
		if p := y.sync(est, "%"); p >= 0 {
			y.cursor = yamlLineEnd(src, p)
		}
	case token.SequenceEntryType, token.MappingKeyType:
		if p := y.sync(est, yamlIndicator[tk.Type]); p >= 0 {
			y.cursor = p + 1
			y.owner, y.nodeStart, y.last = y.column(p), -1, tk.Type
		}
	case token.MappingValueType:
		if p := y.sync(est, ":"); p >= 0 {
			if len(y.flow) == 0 {
				key := y.nodeStart
				if key < 0 || bytes.ContainsAny(src[key:p], "\r\n") {
					key = y.lineStart(p)
					for key < p && (src[key] == ' ' || src[key] == '\t') {
						key++
					}
				}
				y.owner = y.column(key)
			}
			y.cursor = p + 1
			y.nodeStart, y.last = -1, tk.Type
		}
	case token.CollectEntryType:
		if p := y.sync(est, ","); p >= 0 {
			y.cursor = p + 1
			y.nodeStart, y.last = -1, tk.Type
		}
	case token.SequenceStartType, token.MappingStartType:
		if p := y.sync(est, yamlIndicator[tk.Type]); p >= 0 {
			if len(y.flow) == 0 {
				y.flowStart = p
			}
			y.flow = append(y.flow, src[p])
			y.cursor = p + 1
			y.nodeStart, y.last = -1, tk.Type
		}
	case token.SequenceEndType, token.MappingEndType:
		if p := y.sync(est, yamlIndicator[tk.Type]); p >= 0 {
			y.cursor = p + 1
			y.last = tk.Type
			// A stray closing bracket closes nothing: flowStart belongs to
			// no collection then, and may lie before a byte order mark.
			if len(y.flow) > 0 {
				y.flow = y.flow[:len(y.flow)-1]
				if len(y.flow) == 0 {
					y.nodeStart = y.flowStart
				}
			}
		}
	case token.AnchorType, token.AliasType:
		if p := y.sync(est, yamlIndicator[tk.Type]); p >= 0 {
			y.startNode(p)
			y.cursor = p + 1
			y.inName = true
		}
	case token.TagType:
		if p := y.sync(est, "!"); p >= 0 {
			y.startNode(p)
			end := p
			for end < len(src) && !yamlBlank(src[end]) && !(len(y.flow) > 0 && yamlFlowIndicator(src[end])) {
				end++
			}
			y.cursor = end
		}
	case token.MergeKeyType:
		if p := y.sync(est, "<<"); p >= 0 {
			y.startNode(p)
			y.cursor = p + 2
		}
	case token.LiteralType, token.FoldedType:
		if p := y.sync(est, yamlIndicator[tk.Type]); p >= 0 {
			y.block(p)
		}
	case token.SingleQuoteType:
		if p := y.sync(est, "'"); p >= 0 {
			y.scalar(p, YAMLSingle)
		}
	case token.DoubleQuoteType:
		if p := y.sync(est, `"`); p >= 0 {
			y.scalar(p, YAMLDouble)
		}
	case token.InvalidType:
		// The lexer gives up on a quoted scalar with a bad escape or no end;
		// the decoder here is lenient, so the value is still found. Other
		// text it rejects is passed over: its value is the raw text.
		p := y.skipSpace(y.cursor)
		bad := []byte(strings.TrimLeft(tk.Value, " \t\r\n"))
		switch {
		case len(bad) == 0 || p == len(src) || src[p] != bad[0]:
		case src[p] == '"':
			y.scalar(p, YAMLDouble)
		case src[p] == '\'':
			y.scalar(p, YAMLSingle)
		case bytes.HasPrefix(src[p:], bad):
			y.cursor = p + len(bad)
		}
	default:
		// Plain scalars, whatever type they resolve to.
		if tk.Value == "" {
			return
		}
		if p := y.sync(est, tk.Value[:1]); p >= 0 {
			y.scalar(p, YAMLPlain)
		}
	}
}

// yamlIndicator is how each indicator token starts in the source.
var yamlIndicator = map[token.Type]string{
	token.DocumentHeaderType: "---",
	token.DocumentEndType:    "...",
	token.SequenceEntryType:  "-",
	token.MappingKeyType:     "?",
	token.SequenceStartType:  "[",
	token.SequenceEndType:    "]",
	token.MappingStartType:   "{",
	token.MappingEndType:     "}",
	token.AnchorType:         "&",
	token.AliasType:          "*",
	token.LiteralType:        "|",
	token.FoldedType:         ">",
}

// sync finds the token that should start with want: first right after what
// has been matched so far, then where the lexer says it is. It returns -1 for
// a token that lies inside a scalar already decoded here (the lexer splits a
// multi-line plain scalar in a flow collection) or that cannot be found.
func (y *yamlScanner) sync(est int, want string) int {
	if p := y.skipSpace(y.cursor); bytes.HasPrefix(y.src[p:], []byte(want)) {
		return p
	}
	if est >= y.cursor && est < len(y.src) && bytes.HasPrefix(y.src[est:], []byte(want)) {
		return est
	}
	return -1
}

func (y *yamlScanner) skipSpace(i int) int {
	for i < len(y.src) && yamlBlank(y.src[i]) {
		i++
	}
	return i
}

func (y *yamlScanner) startNode(p int) {
	if y.nodeStart < 0 {
		y.nodeStart = p
	}
}

// yamlCols remembers the line and column of the furthest offset asked
// about. Tokens come in source order, so the line start and column of the
// next one cost the distance from the last, not the length of the line: a
// long line of "- - - …" would otherwise be quadratic.
type yamlCols struct {
	at    int // the offset
	start int // the start of its line
	col   int // characters in src[start:at]
}

// lineStart returns the start of the line holding p.
func (y *yamlScanner) lineStart(p int) int {
	if p < y.cols.start {
		return max(y.base, bytes.LastIndexAny(y.src[:p], "\r\n")+1)
	}
	y.advance(p)
	return y.cols.start
}

// column counts the characters before p on its line.
func (y *yamlScanner) column(p int) int {
	c := &y.cols
	switch {
	case p < c.start: // an earlier line, which tokens in order never ask
		return utf8.RuneCount(y.src[y.lineStart(p):p])
	case p < c.at: // a key before its colon: count back
		return c.col - utf8.RuneCount(y.src[p:c.at])
	}
	y.advance(p)
	return c.col
}

// advance moves the remembered offset forward to p.
func (y *yamlScanner) advance(p int) {
	c := &y.cols
	if p <= c.at {
		return
	}
	seg := y.src[c.at:p]
	if i := bytes.LastIndexAny(seg, "\r\n"); i >= 0 {
		c.start, c.col = c.at+i+1, 0
		seg = y.src[c.start:p]
	}
	c.col += utf8.RuneCount(seg)
	c.at = p
}

func (y *yamlScanner) comment(start, end int) {
	y.file.Comments = append(y.file.Comments, Comment{Start: start, End: end, Text: string(y.src[start:end])})
}

// scalar decodes the flow scalar (plain or quoted) at src[p].
func (y *yamlScanner) scalar(p int, syn Syntax) {
	y.dec.reset()
	var end int
	switch syn {
	case YAMLPlain:
		end = y.dec.plain(y.src, p, y.owner, len(y.flow) > 0)
	case YAMLSingle:
		end = y.dec.quoted(y.src, p, '\'')
	default:
		end = y.dec.quoted(y.src, p, '"')
	}
	y.startNode(p)
	y.cursor = end
	if !y.isKey(end) {
		y.record(p, end, syn)
	}
}

// isKey reports whether the scalar that ends at src[end] is a mapping key.
func (y *yamlScanner) isKey(end int) bool {
	if y.last == token.MappingKeyType {
		return true
	}
	flow := len(y.flow) > 0
	if flow && y.flow[len(y.flow)-1] == '{' {
		return y.last != token.MappingValueType
	}
	src := y.src
	j := end
	for j < len(src) && (src[j] == ' ' || src[j] == '\t' || flow && (src[j] == '\n' || src[j] == '\r')) {
		j++
	}
	return j < len(src) && src[j] == ':' && (flow || j+1 == len(src) || yamlBlank(src[j+1]))
}

// block decodes the block scalar whose indicator is at src[p].
func (y *yamlScanner) block(p int) {
	y.dec.reset()
	end, cstart, cend := y.dec.block(y.src, p, y.owner)
	if cstart >= 0 {
		y.comment(cstart, cend)
	}
	y.cursor = end
	y.inContent, y.hdrComment = true, cstart >= 0
	if y.last == token.MappingKeyType {
		return
	}
	strEnd := p + 1
	if n := len(y.dec.segs); n > 0 {
		strEnd = y.dec.segs[n-1].Host + y.dec.segs[n-1].HostLen
	}
	y.record(p, strEnd, YAMLBlock)
}

func (y *yamlScanner) record(start, end int, syn Syntax) {
	if !y.all && !grammar.LooksLikeCommand(y.dec.text) {
		if htmlCanRun(y.dec.text) {
			segs := append([]Seg(nil), y.dec.segs...)
			base := start
			if len(segs) > 0 {
				base = segs[0].Host
			}
			y.file.Docs = append(y.file.Docs, Doc{
				Lang:  "html",
				Text:  bytes.Clone(y.dec.text),
				Map:   Map{Segs: segs, Len: len(y.dec.text), Base: base},
				Layer: layerOf(syn),
			})
		}
		return
	}
	y.file.Strings = append(y.file.Strings, String{
		Text:   string(y.dec.text),
		Segs:   append([]Seg(nil), y.dec.segs...),
		Start:  start,
		End:    end,
		Syntax: syn,
	})
}

// yamlRunes turns the lexer's rune offsets into byte offsets. Tokens come
// mostly in source order, so it walks from the last answer.
type yamlRunes struct {
	body []byte
	r, b int // rune r starts at byte b
}

func (c *yamlRunes) byteAt(r int) int {
	for c.r < r && c.b < len(c.body) {
		if c.body[c.b] < utf8.RuneSelf {
			c.b++
		} else {
			_, n := utf8.DecodeRune(c.body[c.b:])
			c.b += n
		}
		c.r++
	}
	for c.r > r && c.r > 0 {
		j := c.b - 1
		for j > 0 && c.b-j < utf8.UTFMax && !utf8.RuneStart(c.body[j]) {
			j--
		}
		if _, n := utf8.DecodeRune(c.body[j:]); j+n != c.b {
			j = c.b - 1
		}
		c.b = j
		c.r--
	}
	return c.b
}

// yamlDec builds the decoded text of one scalar and its segments. Its buffers
// are reused from one scalar to the next.
type yamlDec struct {
	text []byte
	segs []Seg
}

func (d *yamlDec) reset() {
	d.text, d.segs = d.text[:0], d.segs[:0]
}

// verbatim appends src[start:end] as is.
func (d *yamlDec) verbatim(src []byte, start, end int) {
	if start >= end {
		return
	}
	if k := len(d.segs) - 1; k >= 0 && d.segs[k].Verbatim && d.segs[k].Host+d.segs[k].HostLen == start {
		d.segs[k].HostLen += end - start
	} else {
		d.segs = append(d.segs, Seg{Dec: len(d.text), Host: start, HostLen: end - start, Verbatim: true})
	}
	d.text = append(d.text, src[start:end]...)
}

// escape appends r as written by src[start:end].
func (d *yamlDec) escape(start, end int, r rune) {
	d.segs = append(d.segs, Seg{Dec: len(d.text), Host: start, HostLen: end - start})
	d.text = utf8.AppendRune(d.text, r)
}

// breaks appends what a run of line breaks at src[start:end] stands for: a
// space when folded with no empty line, else n line feeds.
func (d *yamlDec) breaks(start, end, n int) {
	if n < 0 || start >= end {
		return
	}
	d.segs = append(d.segs, Seg{Dec: len(d.text), Host: start, HostLen: end - start})
	if n == 0 {
		d.text = append(d.text, ' ')
		return
	}
	for range n {
		d.text = append(d.text, '\n')
	}
}

// quoted decodes the single- or double-quoted scalar whose opening quote is at
// src[p] and returns the offset after its closing quote (the end of src if it
// has none). A line break folds with the white space around it (spec §7.3);
// an escape that is not YAML's decodes to the character after the backslash.
func (d *yamlDec) quoted(src []byte, p int, q byte) int {
	i := p + 1
	run := i
	for i < len(src) {
		switch c := src[i]; c {
		case q:
			if q == '\'' && i+1 < len(src) && src[i+1] == '\'' {
				d.verbatim(src, run, i)
				d.escape(i, i+2, '\'')
				i += 2
				run = i
				continue
			}
			d.verbatim(src, run, i)
			return i + 1
		case '\\':
			if q == '\'' {
				i++
				continue
			}
			d.verbatim(src, run, i)
			if i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r') {
				// An escaped line break vanishes with the indentation after
				// it; only the empty lines it spans remain.
				n, _, next := yamlEmptyLines(src, yamlBreakEnd(src, i+1))
				if n > 0 {
					d.breaks(i, next, n)
				}
				i = next
			} else {
				r, next := yamlEscape(src, i)
				d.escape(i, next, r)
				i = next
			}
			run = i
		case ' ', '\t', '\n', '\r':
			j := i
			for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
				j++
			}
			if j == len(src) || (src[j] != '\n' && src[j] != '\r') {
				i = j
				continue
			}
			d.verbatim(src, run, i)
			n, _, next := yamlEmptyLines(src, yamlBreakEnd(src, j))
			d.breaks(i, next, n)
			i = next
			run = i
		default:
			i++
		}
	}
	d.verbatim(src, run, i)
	return i
}

// yamlEscape decodes the escape whose backslash is at src[i] in a
// double-quoted scalar (spec §5.7) and returns the rune and the offset after
// the escape. \x, \u and \U give code points; a \u surrogate pair is joined,
// and a lone surrogate or an out-of-range code point gives U+FFFD.
func yamlEscape(src []byte, i int) (rune, int) {
	if i+1 >= len(src) {
		return '\\', i + 1
	}
	switch c := src[i+1]; c {
	case '0':
		return 0, i + 2
	case 'a':
		return '\a', i + 2
	case 'b':
		return '\b', i + 2
	case 't', '\t':
		return '\t', i + 2
	case 'n':
		return '\n', i + 2
	case 'v':
		return '\v', i + 2
	case 'f':
		return '\f', i + 2
	case 'r':
		return '\r', i + 2
	case 'e':
		return 0x1B, i + 2
	case ' ', '"', '/', '\\':
		return rune(c), i + 2
	case 'N':
		return 0x85, i + 2
	case '_':
		return 0xA0, i + 2
	case 'L':
		return 0x2028, i + 2
	case 'P':
		return 0x2029, i + 2
	case 'x':
		if v, ok := hexRune(src, i+2, 2); ok {
			return v, i + 4
		}
	case 'u':
		if v, ok := hexRune(src, i+2, 4); ok {
			if !utf16.IsSurrogate(v) {
				return v, i + 6
			}
			if v < 0xDC00 && i+11 < len(src) && src[i+6] == '\\' && src[i+7] == 'u' {
				if lo, ok := hexRune(src, i+8, 4); ok && lo >= 0xDC00 && lo <= 0xDFFF {
					return utf16.DecodeRune(v, lo), i + 12
				}
			}
			return utf8.RuneError, i + 6
		}
	case 'U':
		if v, ok := hexRune(src, i+2, 8); ok {
			if !utf8.ValidRune(v) {
				v = utf8.RuneError
			}
			return v, i + 10
		}
	}
	r, size := utf8.DecodeRune(src[i+1:])
	return r, i + 1 + size
}

// plain decodes the plain scalar at src[p] and returns the offset after its
// last character. A continuation line must be indented more than n in block
// context (spec §7.3.3); a comment, a document marker, ": " or, in a flow
// collection, a flow indicator ends the scalar.
func (d *yamlDec) plain(src []byte, p, n int, flow bool) int {
	end := yamlPlainLine(src, p, flow)
	d.verbatim(src, p, end)
	for {
		j := end
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j == len(src) || (src[j] != '\n' && src[j] != '\r') {
			return end
		}
		k, line, next := yamlEmptyLines(src, yamlBreakEnd(src, j))
		if next == len(src) || src[next] == '#' || next == line && yamlDocMarker(src, line) {
			return end
		}
		indent := 0
		for src[line+indent] == ' ' {
			indent++
		}
		if !flow && indent <= n {
			return end
		}
		e := yamlPlainLine(src, next, flow)
		if e == next {
			return end
		}
		d.breaks(end, next, k)
		d.verbatim(src, next, e)
		end = e
	}
}

// yamlPlainLine returns the end of the plain scalar text that starts at
// src[i] on this line, trailing white space excluded.
func yamlPlainLine(src []byte, i int, flow bool) int {
	last := i
	for j := i; j < len(src); j++ {
		switch c := src[j]; {
		case c == '\n' || c == '\r':
			return last
		case c == ' ' || c == '\t':
			if j+1 < len(src) && src[j+1] == '#' {
				return last
			}
			continue
		case c == ':':
			if j+1 == len(src) || yamlBlank(src[j+1]) || flow && yamlFlowIndicator(src[j+1]) {
				return last
			}
		case flow && yamlFlowIndicator(c):
			return last
		}
		last = j + 1
	}
	return last
}

// block decodes the block scalar whose indicator ('|' or '>') is at src[p]
// under a node indented n (spec §8.1). It returns the offset where the next
// token may start and the range of the header's comment (cstart < 0 if
// none).
//
// Every content line, indentation stripped, is one verbatim segment; every
// run of line breaks between two of them is one segment covering those
// breaks, with the empty lines and their indentation.
func (d *yamlDec) block(src []byte, p, n int) (end, cstart, cend int) {
	folded := src[p] == '>'
	i := p + 1
	m, chomp := 0, byte(0)
	for k := 0; k < 2 && i < len(src); k++ {
		switch c := src[i]; {
		case c >= '1' && c <= '9' && m == 0:
			m = int(c - '0')
		case (c == '+' || c == '-') && chomp == 0:
			chomp = c
		default:
			k = 2
			continue
		}
		i++
	}
	cstart = -1
	eol := yamlLineEnd(src, i)
	if j := bytes.IndexByte(src[i:eol], '#'); j >= 0 {
		cstart, cend = i+j, eol
	}
	if eol == len(src) {
		return eol, cstart, cend
	}
	first := yamlBreakEnd(src, eol)

	ind := n + m
	if m == 0 {
		ind = yamlDetectIndent(src, first, n)
	}

	content := false // a content line has been seen
	spaced := false  // the last content line was more indented (folded only)
	hasBreak := false
	empty := 0                 // empty lines since the last content line
	runStart, runEnd := -1, -1 // line breaks since the last content line
	pos := first
	for pos < len(src) {
		sp := 0
		for sp < ind && pos+sp < len(src) && src[pos+sp] == ' ' {
			sp++
		}
		q := pos + sp
		if q == len(src) {
			break
		}
		if src[q] == '\n' || src[q] == '\r' {
			if runStart < 0 {
				runStart = q
			}
			runEnd = yamlBreakEnd(src, q)
			empty++
			pos = runEnd
			continue
		}
		if sp < ind || ind == 0 && yamlDocMarker(src, pos) {
			break
		}
		lineSpaced := src[q] == ' ' || src[q] == '\t'
		switch {
		case !content:
			d.breaks(runStart, runEnd, empty)
		case !folded || spaced || lineSpaced:
			d.breaks(runStart, runEnd, empty+1)
		default:
			d.breaks(runStart, runEnd, empty)
		}
		e := yamlLineEnd(src, q)
		d.verbatim(src, q, e)
		content, spaced, empty = true, lineSpaced, 0
		hasBreak = e < len(src)
		runStart, runEnd = -1, -1
		if hasBreak {
			runStart, runEnd = e, yamlBreakEnd(src, e)
		}
		pos = max(e, runEnd)
	}
	end = pos
	switch {
	case chomp == '-':
	case chomp == '+' && content:
		d.breaks(runStart, runEnd, empty+1)
	case chomp == '+':
		d.breaks(runStart, runEnd, empty)
	case content && hasBreak:
		d.breaks(runStart, yamlBreakEnd(src, runStart), 1)
	}
	return end, cstart, cend
}

// yamlDetectIndent finds the content indentation of a block scalar under a
// node indented n whose first line starts at src[pos]: the indentation of the
// first line with something other than spaces, if it is deeper than n (spec
// §8.1.1.1). Without one, the widest of the lines of spaces, so that they all
// count as empty.
func yamlDetectIndent(src []byte, pos, n int) int {
	widest := 0
	for pos < len(src) {
		sp := 0
		for pos+sp < len(src) && src[pos+sp] == ' ' {
			sp++
		}
		if pos+sp == len(src) || src[pos+sp] != '\n' && src[pos+sp] != '\r' {
			if pos+sp < len(src) && sp > n {
				return sp
			}
			break
		}
		widest = max(widest, sp)
		pos = yamlBreakEnd(src, pos+sp)
	}
	return max(n+1, widest, 0)
}

// yamlEmptyLines skips, from the start of a line at src[i], the lines that
// hold only white space. It returns how many there were, where the next line
// starts and where its first non-blank character is (or the end of src).
func yamlEmptyLines(src []byte, i int) (n, line, next int) {
	for {
		j := i
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j == len(src) || (src[j] != '\n' && src[j] != '\r') {
			return n, i, j
		}
		n++
		i = yamlBreakEnd(src, j)
	}
}

// yamlBreakEnd returns the offset after the line break at src[i]: CRLF, LF or
// a lone CR.
func yamlBreakEnd(src []byte, i int) int {
	if i < len(src) && src[i] == '\r' {
		i++
		if i < len(src) && src[i] == '\n' {
			i++
		}
		return i
	}
	if i < len(src) && src[i] == '\n' {
		i++
	}
	return i
}

// yamlLineEnd returns the offset of the line break that ends the line holding
// src[i], or the end of src.
func yamlLineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' && src[i] != '\r' {
		i++
	}
	return i
}

// yamlDocMarker reports whether a document marker ("---" or "...") starts
// the line at src[i].
func yamlDocMarker(src []byte, i int) bool {
	if i+3 > len(src) {
		return false
	}
	if m := string(src[i : i+3]); m != "---" && m != "..." {
		return false
	}
	return i+3 == len(src) || yamlBlank(src[i+3])
}

func yamlBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

func yamlFlowIndicator(c byte) bool {
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
}

// escapeYAML writes text for a fix into a scalar of the given syntax. For a
// double-quoted scalar it escapes what YAML requires and always succeeds. For
// the other styles it returns text as is (with ' doubled in a single-quoted
// scalar) and reports whether that is still right: single-quoted and block
// scalars cannot take a line break or a non-printable character this way, and
// for a plain scalar text is judged as the whole new value, which must still
// be a plain string — no indicator in front, no ": " or " #", no flow
// indicator, no surrounding blanks, and nothing that reads as null, a
// boolean or a number.
func escapeYAML(syn Syntax, text string) (string, bool) {
	switch syn {
	case YAMLDouble:
		return yamlEscapeDouble(text), true
	case YAMLSingle:
		return strings.ReplaceAll(text, "'", "''"), yamlOneLine(text)
	case YAMLBlock:
		return text, yamlOneLine(text)
	case YAMLPlain:
		return text, yamlPlainOK(text)
	}
	return text, false
}

// yamlEscapeDouble escapes text for a double-quoted scalar. NEL and the
// Unicode line and paragraph separators are printable in YAML 1.2 but line
// breaks to YAML 1.1 readers, so they are escaped too.
func yamlEscapeDouble(text string) string {
	return escapeQuoted(text, func(r rune) bool {
		return yamlPrintable(r) && r != 0x85 && r != 0x2028 && r != 0x2029
	})
}

// yamlPrintable reports whether YAML allows r as written (c-printable, spec
// §5.1), line breaks and tab aside.
func yamlPrintable(r rune) bool {
	return r >= 0x20 && r <= 0x7E || r == 0x85 || r >= 0xA0 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF || r >= 0x10000 && r <= 0x10FFFF
}

// yamlOneLine reports whether text fits on one line of a scalar as written.
func yamlOneLine(text string) bool {
	for _, r := range text {
		if r != '\t' && (!yamlPrintable(r) || r == 0x85) || r == utf8.RuneError {
			return false
		}
	}
	return utf8.ValidString(text)
}

func yamlPlainOK(text string) bool {
	if text == "" || !yamlOneLine(text) || strings.ContainsAny(text, ",[]{}") ||
		strings.Contains(text, ": ") || strings.Contains(text, ":\t") || strings.HasSuffix(text, ":") ||
		strings.Contains(text, " #") || strings.Contains(text, "\t#") {
		return false
	}
	first, last := text[0], text[len(text)-1]
	if first == ' ' || first == '\t' || last == ' ' || last == '\t' {
		return false
	}
	if strings.IndexByte("#&*!|>'\"%@`", first) >= 0 {
		return false
	}
	if (first == '-' || first == '?' || first == ':') && (len(text) == 1 || text[1] == ' ' || text[1] == '\t') {
		return false
	}
	return !yamlResolvesToNonString(text)
}

// yamlResolvesToNonString reports whether a plain scalar reads as null, a
// boolean or a number in YAML 1.2 or, conservatively, YAML 1.1.
func yamlResolvesToNonString(s string) bool {
	switch strings.ToLower(s) {
	case "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
		".inf", "+.inf", "-.inf", ".nan":
		return true
	}
	t := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(t, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return true
	}
	return false
}
