package host

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/web1on1/cscmd/grammar"
)

// JSON is JSON, with the comments and trailing commas that JSONC adds
// tolerated; its language id "json" is a file where a comment cannot stand.
var JSON = &Language{
	Name:       "json",
	Extensions: []string{".json"},
	IDs:        []string{"json"},
	Extract:    extractJSON,
	Cuts:       true,
	Resume:     resumeJSON,
	Comments:   []Delims{{Open: "//"}, {Open: "/*", Close: "*/"}},
}

// JSONC is JSON with comments (tsconfig.json, VS Code settings), where a
// suppression comment can be written.
var JSONC = &Language{
	Name:       "jsonc",
	Aliases:    []string{"json5"},
	Extensions: []string{".jsonc"},
	IDs:        []string{"jsonc"},
	Extract:    extractJSON,
	Cuts:       true,
	Resume:     resumeJSON,
	Comments:   JSON.Comments,
	Dialect:    JSON,
	Suppress:   &Delims{Open: "//"},
}

// extractJSON finds the string values of a JSON file that may be messages.
//
// The scanner is its own: nothing in the standard library reports positions.
// It tolerates what JSONC files (tsconfig.json, VS Code settings) add to JSON
// — // and /* */ comments, which it records, and trailing commas — and a UTF-8
// byte order mark. It is total: on malformed input it keeps going, returns
// every string it could find, and reports the first problem as a
// *SyntaxError. An empty document (nothing but white space and comments) is
// not an error.
func extractJSON(src []byte) (*File, error) {
	return jsonExtract(src, false)
}

// jsonExtract is extractJSON; with all set it returns every string value, not
// only the candidates, so that tests can check the decoding of every one.
func jsonExtract(src []byte, all bool) (*File, error) {
	return jsonScan(src, all, "", true)
}

// resumeJSON extracts src as the rest of a JSON text that a cut left in
// state (see jsonScanner.cut).
func resumeJSON(src []byte, state string, final bool) (*File, error) {
	return jsonScan(src, false, state, final)
}

func jsonScan(src []byte, all bool, state string, final bool) (*File, error) {
	s := jsonScanner{src: src, file: &File{}, all: all, final: final}
	s.stack = s.stackBuf[:0]
	s.cuts.n = len(src)
	s.run(state)
	s.file.cuts = s.cuts.cuts
	if s.err != nil {
		return s.file, s.err
	}
	return s.file, nil
}

// What the JSON scanner expects next.
const (
	jsonWantValue        = iota // top level, after ':' or after ',' in an array
	jsonWantValueOrClose        // after '['
	jsonWantKey                 // after ',' in an object
	jsonWantKeyOrClose          // after '{'
	jsonWantColon               // after a key
	jsonWantCommaOrClose        // after a member or element
	jsonWantEnd                 // after the top-level value
)

type jsonScanner struct {
	src      []byte
	file     *File
	all      bool
	err      *SyntaxError
	state    int
	stack    []byte // '{' and '[' of the open containers
	stackBuf [32]byte
	buf      []byte // decoded text of the current string, reused
	segs     []Seg  // its segments, reused
	// final is set when the text ends where the file does: an open
	// container at its end is an error only then.
	final bool
	cuts  cutRecorder
}

// jsonCutDepth bounds the nesting at which a cut is recorded: each names
// its open containers.
const jsonCutDepth = 64

// cut records a cut at the line start src[p], before any error: the
// scanner's state there is what it expects next and the open containers.
func (s *jsonScanner) cut(p int) {
	if s.err != nil || len(s.stack) > jsonCutDepth || !s.cuts.wants(p) {
		return
	}
	if s.src[p-1] != '\n' {
		return // see cut
	}
	s.cuts.add(p, string(append([]byte{byte(s.state)}, s.stack...)))
}

func (s *jsonScanner) fail(off int, format string, args ...any) {
	if s.err == nil {
		s.err = &SyntaxError{Offset: off, Msg: fmt.Sprintf(format, args...)}
	}
}

// run scans the text from a cut's state ("" for the start of a text).
func (s *jsonScanner) run(state string) {
	src := s.src
	i := 0
	s.state = jsonWantValue
	if state != "" {
		s.state = int(state[0])
		s.stack = append(s.stack, state[1:]...)
	} else if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		i = 3
	}
	for {
		i = s.skipSpace(i)
		if i >= len(src) {
			break
		}
		switch c := src[i]; c {
		case '{', '[':
			s.beforeValue(i)
			s.stack = append(s.stack, c)
			if c == '{' {
				s.state = jsonWantKeyOrClose
			} else {
				s.state = jsonWantValueOrClose
			}
			i++
		case '}', ']':
			s.close(i, c)
			i++
		case ':':
			if s.state != jsonWantColon {
				s.fail(i, "unexpected ':'; %s", s.expected())
			}
			s.state = jsonWantValue
			i++
		case ',':
			if s.state != jsonWantCommaOrClose {
				s.fail(i, "unexpected ','; %s", s.expected())
			}
			if s.inObject() {
				s.state = jsonWantKey
			} else {
				s.state = jsonWantValue
			}
			i++
		case '"':
			if s.keyNext(i) {
				i = s.str(i, false)
				s.state = jsonWantColon
				break
			}
			s.beforeValue(i)
			i = s.value(i)
			s.afterValue()
		default:
			i = s.atom(i)
		}
	}
	if len(s.stack) > 0 && s.final {
		s.fail(len(src), "unexpected end of input; %s", s.expected())
	}
}

// skipSpace skips white space and comments, recording the comments.
func (s *jsonScanner) skipSpace(i int) int {
	src := s.src
	for i < len(src) {
		switch src[i] {
		case ' ', '\t':
			i++
			continue
		case '\n', '\r':
			i++
			s.cut(i)
			continue
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				j := i + 2
				for j < len(src) && src[j] != '\n' && src[j] != '\r' {
					j++
				}
				s.comment(i, j)
				i = j
				continue
			}
			if i+1 < len(src) && src[i+1] == '*' {
				j := bytes.Index(src[i+2:], []byte("*/"))
				if j < 0 {
					s.fail(i, "unterminated comment")
					j = len(src)
				} else {
					j += i + 4
				}
				s.comment(i, j)
				i = j
				continue
			}
		}
		break
	}
	return i
}

func (s *jsonScanner) comment(start, end int) {
	s.file.Comments = append(s.file.Comments, Comment{Start: start, End: end, Text: string(s.src[start:end])})
}

func (s *jsonScanner) inObject() bool {
	return len(s.stack) > 0 && s.stack[len(s.stack)-1] == '{'
}

// expected describes what the scanner wants next, for error messages.
func (s *jsonScanner) expected() string {
	switch s.state {
	case jsonWantValue, jsonWantValueOrClose:
		return "expected a value"
	case jsonWantKey, jsonWantKeyOrClose:
		return "expected a string key"
	case jsonWantColon:
		return "expected ':' after object key"
	case jsonWantCommaOrClose:
		if s.inObject() {
			return "expected ',' or '}' after object member"
		}
		return "expected ',' or ']' after array element"
	}
	return "expected end of input after the top-level value"
}

// beforeValue checks that a value may start at src[i].
func (s *jsonScanner) beforeValue(i int) {
	if s.state != jsonWantValue && s.state != jsonWantValueOrClose {
		s.fail(i, "unexpected %s; %s", jsonQuoteAt(s.src, i), s.expected())
	}
}

func (s *jsonScanner) afterValue() {
	if len(s.stack) > 0 {
		s.state = jsonWantCommaOrClose
	} else {
		s.state = jsonWantEnd
	}
}

// jsonCloseReach is how many open containers a closing bracket looks
// through for its opener. Broken input may leave a few unclosed; looking
// further would make a run of closers over deep nesting quadratic.
const jsonCloseReach = 4

// close handles '}' or ']' at src[i]. A trailing comma is tolerated, as in
// JSONC; a bracket that closes nothing open nearby is reported and dropped.
func (s *jsonScanner) close(i int, c byte) {
	open := byte('{')
	if c == ']' {
		open = '['
	}
	from := max(len(s.stack)-jsonCloseReach, 0)
	k := bytes.LastIndexByte(s.stack[from:], open)
	if k >= 0 {
		k += from
	}
	if k < 0 {
		s.fail(i, "unexpected %q; %s", c, s.expected())
		return
	}
	switch {
	case k != len(s.stack)-1:
		s.fail(i, "unexpected %q; %s", c, s.expected())
	case s.state == jsonWantColon || (s.state == jsonWantValue && c == '}'):
		s.fail(i, "unexpected %q; %s", c, s.expected())
	}
	s.stack = s.stack[:k]
	s.afterValue()
}

// keyNext reports whether the string at src[q] is an object key. A string in
// a place where nothing fits (a missing comma) is a key when a colon follows.
func (s *jsonScanner) keyNext(q int) bool {
	switch s.state {
	case jsonWantKey, jsonWantKeyOrClose:
		return true
	case jsonWantValue, jsonWantValueOrClose:
		return false
	}
	s.fail(q, "unexpected string; %s", s.expected())
	end := s.str(q, false)
	n := len(s.file.Comments)
	j := s.skipSpace(end)
	s.file.Comments = s.file.Comments[:n] // recorded again when reached
	return j < len(s.src) && s.src[j] == ':'
}

// value scans the string value at src[q] and records it when it may be a
// message, or yields it as a document when it holds HTML that can run code.
// Only a string that can start with white space, '>' or an escape, or that
// holds a '<', is decoded; every other one is skipped at full speed.
func (s *jsonScanner) value(q int) int {
	if q+1 < len(s.src) {
		switch c := s.src[q+1]; {
		case s.all, c == ' ', c == '\t', c == '>', c == '\\':
			s.buf, s.segs = s.buf[:0], s.segs[:0]
			end := s.str(q, true)
			if s.all || grammar.LooksLikeCommand(s.buf) {
				s.file.Strings = append(s.file.Strings, String{
					Text:   string(s.buf),
					Segs:   append([]Seg(nil), s.segs...),
					Start:  q,
					End:    end,
					Syntax: JSONString,
				})
			} else if htmlCanRun(s.buf) {
				s.doc(q, end)
			}
			return end
		}
	}
	end := s.str(q, false)
	if mayHoldHTML(s.src[q:end]) {
		s.buf, s.segs = s.buf[:0], s.segs[:0]
		s.str(q, true)
		if htmlCanRun(s.buf) {
			s.doc(q, end)
		}
	}
	return end
}

// doc yields the decoded string at src[q:end] as an HTML document, whose
// tag-manager variables are placeholders (a Google Tag Manager export
// holds each Custom HTML tag as such a string).
func (s *jsonScanner) doc(q, end int) {
	d := Doc{
		Lang:  "html",
		Text:  bytes.Clone(s.buf),
		Map:   Map{Segs: append([]Seg(nil), s.segs...), Len: len(s.buf), Base: q + 1},
		Layer: layerOf(JSONString),
	}
	tagVariables(&d)
	s.file.Docs = append(s.file.Docs, d)
}

// jsonPlain marks the bytes that stand for themselves inside a JSON string.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str scans the string whose opening quote is at src[q] and returns the
// offset after it. With decode set it appends the decoded text to s.buf and
// its segments to s.segs. A line break ends an unterminated string, which
// keeps one missing quote from swallowing the rest of the file.
func (s *jsonScanner) str(q int, decode bool) int {
	src := s.src
	i := q + 1
	run := i
	for i < len(src) {
		c := src[i]
		if jsonPlain[c] {
			i++
			continue
		}
		if c != '"' && c != '\\' && c != '\n' && c != '\r' {
			s.fail(i, "control character %q in string", rune(c))
			i++
			continue
		}
		if decode && i > run {
			s.verbatim(run, i)
		}
		switch c {
		case '"':
			return i + 1
		case '\\':
			r, next, msg := jsonEscape(src, i)
			if msg != "" {
				s.fail(i, "%s", msg)
			}
			if decode {
				s.segs = append(s.segs, Seg{Dec: len(s.buf), Host: i, HostLen: next - i})
				s.buf = utf8.AppendRune(s.buf, r)
			}
			i = next
			run = i
		default:
			s.fail(q, "unterminated string")
			return i
		}
	}
	if decode && i > run {
		s.verbatim(run, i)
	}
	s.fail(q, "unterminated string")
	return i
}

func (s *jsonScanner) verbatim(start, end int) {
	s.segs = append(s.segs, Seg{Dec: len(s.buf), Host: start, HostLen: end - start, Verbatim: true})
	s.buf = append(s.buf, s.src[start:end]...)
}

// jsonEscape decodes the escape whose backslash is at src[i] and returns the
// rune, the offset after the escape and a problem to report, if any. A
// surrogate pair is one escape; a lone surrogate decodes to U+FFFD, as in
// encoding/json. A malformed escape decodes to the character after the
// backslash, so decoding never stops.
func jsonEscape(src []byte, i int) (rune, int, string) {
	if i+1 >= len(src) || src[i+1] == '\n' || src[i+1] == '\r' {
		// The string is unterminated; the caller reports it.
		return '\\', i + 1, ""
	}
	switch c := src[i+1]; c {
	case '"', '\\', '/':
		return rune(c), i + 2, ""
	case 'b':
		return '\b', i + 2, ""
	case 'f':
		return '\f', i + 2, ""
	case 'n':
		return '\n', i + 2, ""
	case 'r':
		return '\r', i + 2, ""
	case 't':
		return '\t', i + 2, ""
	case 'u':
		v, ok := hexRune(src, i+2, 4)
		if !ok {
			k := i + 2
			for k < len(src) && k < i+6 && jsonAtomByte[src[k]] {
				k++
			}
			return 'u', i + 2, fmt.Sprintf("invalid escape %q; expected 4 hex digits after \\u", src[i:k])
		}
		if !utf16.IsSurrogate(v) {
			return v, i + 6, ""
		}
		if v < 0xDC00 && i+11 < len(src) && src[i+6] == '\\' && src[i+7] == 'u' {
			if lo, ok := hexRune(src, i+8, 4); ok && lo >= 0xDC00 && lo <= 0xDFFF {
				return utf16.DecodeRune(v, lo), i + 12, ""
			}
		}
		return utf8.RuneError, i + 6, ""
	}
	r, size := utf8.DecodeRune(src[i+1:])
	return r, i + 1 + size, fmt.Sprintf("invalid escape %q", src[i:i+1+size])
}

// jsonAtomByte marks the bytes of true, false, null and numbers, and of the
// bare words that malformed files use instead.
var jsonAtomByte = func() (t [256]bool) {
	for _, c := range []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-._$") {
		t[c] = true
	}
	return t
}()

// atom scans a literal or number at src[i], or reports the character there.
func (s *jsonScanner) atom(i int) int {
	src := s.src
	j := i
	for j < len(src) && jsonAtomByte[src[j]] {
		j++
	}
	if j == i {
		r, size := utf8.DecodeRune(src[i:])
		s.fail(i, "unexpected character %q; %s", r, s.expected())
		return i + size
	}
	word := src[i:j]
	if s.state == jsonWantKey || s.state == jsonWantKeyOrClose {
		s.fail(i, "unexpected %q; %s", word, s.expected())
		s.state = jsonWantColon
		return j
	}
	s.beforeValue(i)
	switch string(word) {
	case "true", "false", "null":
	default:
		if !jsonNumber(word) {
			s.fail(i, "invalid literal %q; expected a string, number, true, false or null", word)
		}
	}
	s.afterValue()
	return j
}

// jsonNumber reports whether b is a number in JSON's grammar.
func jsonNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(b)
}

// jsonQuoteAt names the token at src[i] for an error message.
func jsonQuoteAt(src []byte, i int) string {
	if src[i] == '"' {
		return "string"
	}
	r, _ := utf8.DecodeRune(src[i:])
	return fmt.Sprintf("%q", r)
}

// escapeJSON escapes text for use between the quotes of a JSON string, for a
// fix written back into the host file. It escapes only what JSON requires;
// invalid UTF-8 becomes U+FFFD.
func escapeJSON(text string) string {
	return escapeQuoted(text, func(r rune) bool { return r >= 0x20 })
}

// escapeQuoted escapes text for between the double quotes of a JSON string
// or a YAML scalar — YAML 1.2 reads JSON's escapes — writing raw only the
// runes raw accepts and \u (\U past the BMP) for the others.
func escapeQuoted(text string, raw func(rune) bool) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			switch {
			case raw(r):
				b.WriteRune(r)
			case r <= 0xFFFF:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		}
	}
	return b.String()
}
