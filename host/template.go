package host

import (
	"bytes"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/web1on1/cscmd/grammar"
)

// A server template is HTML once its template tags are taken out. The masker
// replaces every tag with filler of the same length, as actionlint does with
// `${{ }}` before it calls shellcheck: the masked page is scanned as HTML at
// the same offsets, so no offset table is needed, and each message that
// crosses a tag is then rewritten — an output tag becomes a placeholder, a
// statement or comment tag is dropped from the text.

// tmplDialect is the tag syntax of a template language.
type tmplDialect int

// The dialects of SPEC §2.6.
const (
	tmplPHP        tmplDialect = iota + 1 // <?php ?>, <?= ?>
	tmplBlade                             // PHP, {{ }}, {!! !!}, {{-- --}}, @{{ }}, @directives
	tmplLiquid                            // {{ }}, {% %}, {% comment %}, {% raw %}
	tmplTwig                              // {{ }}, {% %}, {# #}, {% verbatim %}
	tmplJinja                             // {{ }}, {% %}, {# #}, {% raw %} (Nunjucks too)
	tmplERB                               // <% %>, <%= %>, <%# %>, <%% literal
	tmplEJS                               // <% %>, <%= %>, <%- %>, <%# %>, <%% literal
	tmplHandlebars                        // {{ }}, {{{ }}}, {{! }}, {{# }}, {{/ }}, \{{ literal (Mustache too)
	tmplGo                                // {{ }}, {{/* */}}, {{- -}}
)

// tmplKind says what a tag does to the page.
type tmplKind int

const (
	tmplStatement tmplKind = iota // control flow, assignment: writes nothing where it stands
	tmplOutput                    // writes a value: a placeholder inside a message
	tmplComment                   // a template comment: as if absent, but may suppress
)

// tmplTag is one template tag: src[Start:End] as written.
type tmplTag struct {
	Start, End int
	Kind       tmplKind
}

// The filler bytes. Line breaks are kept so that a JavaScript line comment
// before a masked tag still ends where it did. An output tag becomes an
// identifier, so `f({{ x }})` is still a call with one argument; any other
// tag becomes white space, as if it were absent.
const (
	tmplFillOutput = '_'
	tmplFillOther  = ' '
)

// tmplMask returns a copy of src in which every tag of dialect d is filler of
// the same length, and the tags in source order. A tag the masker cannot
// close is left as text, except a PHP block, which may run to the end of the
// file.
func tmplMask(d tmplDialect, src []byte) ([]byte, []tmplTag) {
	out, m := tmplMasked(d, src)
	return out, m.tags
}

// tmplMasked is tmplMask, with the masker that read src: where its tags
// and the text it skipped lie, and whether it read to the end.
func tmplMasked(d tmplDialect, src []byte) ([]byte, *tmplMasker) {
	m := &tmplMasker{d: d, src: src, openAt: len(src) + 1}
	m.scan()
	out := bytes.Clone(src)
	for _, t := range m.tags {
		fill := byte(tmplFillOther)
		if t.Kind == tmplOutput {
			fill = tmplFillOutput
		}
		for i := t.Start; i < t.End; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = fill
			}
		}
	}
	return out, m
}

type tmplMasker struct {
	d    tmplDialect
	src  []byte
	tags []tmplTag
	// spans are what each tag read took: the tag, and a raw block's body
	// with it. A cut inside one is none (see chunk.go).
	spans [][2]int
	// at is where the tag being read starts; openAt is the first tag
	// whose read ran into the end of src (len(src)+1 if none): what the
	// masker made of the text from there on depends on what follows it.
	at, openAt int
	// none records, per closer, an offset after which it does not occur, so
	// that a page of unclosed openers is scanned in linear time.
	none map[string]int
}

// tmplOpeners holds, per dialect, the bytes that can start a tag.
var tmplOpeners = map[tmplDialect]string{
	tmplPHP:        "<",
	tmplBlade:      "<{@",
	tmplLiquid:     "{",
	tmplTwig:       "{",
	tmplJinja:      "{",
	tmplERB:        "<",
	tmplEJS:        "<",
	tmplHandlebars: "{\\",
	tmplGo:         "{",
}

func (m *tmplMasker) scan() {
	openers := tmplOpeners[m.d]
	for i := 0; i < len(m.src); {
		j := bytes.IndexAny(m.src[i:], openers)
		if j < 0 {
			return
		}
		i += j
		m.at = i
		if next := m.tagAt(i); next > i {
			m.spans = append(m.spans, [2]int{i, next})
			if next == len(m.src) {
				m.toEnd()
			}
			i = next
		} else {
			i++
		}
	}
}

// toEnd records that reading the current tag ran into the end of src.
func (m *tmplMasker) toEnd() { m.openAt = min(m.openAt, m.at) }

// add records a tag and returns its end.
func (m *tmplMasker) add(start, end int, kind tmplKind) int {
	m.tags = append(m.tags, tmplTag{Start: start, End: end, Kind: kind})
	return end
}

// tagAt tries to read a tag at src[i] and returns the offset after what it
// consumed (a tag, or an escaped opener left as text), or i if there is none.
func (m *tmplMasker) tagAt(i int) int {
	src := m.src
	at := func(s string) bool { return bytes.HasPrefix(src[i:], []byte(s)) }
	switch m.d {
	case tmplPHP:
		return m.php(i)
	case tmplBlade:
		switch {
		case at("<?"):
			return m.php(i)
		case at("{{--"):
			return m.closeAt(i, 4, "--}}", tmplComment, false)
		case at("@{{"):
			return m.closeAt(i, 3, "}}", tmplOutput, true)
		case at("{{"):
			return m.closeAt(i, 2, "}}", tmplOutput, true)
		case at("{!!"):
			return m.closeAt(i, 3, "!!}", tmplOutput, true)
		case at("@"):
			return m.bladeDirective(i)
		}
	case tmplLiquid, tmplTwig, tmplJinja:
		switch {
		case at("{{"):
			return m.closeAt(i, 2, "}}", tmplOutput, m.d != tmplLiquid)
		case at("{#") && m.d != tmplLiquid:
			return m.closeAt(i, 2, "#}", tmplComment, false)
		case at("{%"):
			return m.block(i)
		}
	case tmplERB, tmplEJS:
		return m.erb(i)
	case tmplHandlebars:
		switch {
		case at("\\{{"):
			// An escaped mustache is literal text, up to its closer.
			if e := m.find(i+3, "}}", false); e > 0 {
				return e
			}
			return i + 3
		case at("{{!--"):
			return m.closeAt(i, 5, "--}}", tmplComment, false)
		case at("{{!"):
			return m.closeAt(i, 3, "}}", tmplComment, false)
		case at("{{{"):
			return m.closeAt(i, 3, "}}}", tmplOutput, true)
		case at("{{"):
			kind := tmplOutput
			k := tmplSkipSpace(src, i+2, "~")
			if k < len(src) && (src[k] == '#' || src[k] == '/' || src[k] == '^' || tmplWordAt(src, k, "else")) {
				kind = tmplStatement
			}
			return m.closeAt(i, 2, "}}", kind, true)
		}
	case tmplGo:
		if at("{{") {
			k := tmplSkipSpace(src, tmplSkipTrim(src, i+2), "")
			if bytes.HasPrefix(src[k:], []byte("/*")) {
				e := m.find(k+2, "*/", false)
				if e < 0 {
					return i
				}
				if e = m.find(e, "}}", false); e < 0 {
					return i
				}
				return m.add(i, e, tmplComment)
			}
			return m.closeAt(i, 2, "}}", goKind(src, k), true)
		}
	}
	return i
}

// closeAt records the tag opened by the n bytes at src[i] and closed by the
// first closer after them — outside quoted strings when the engine reads
// strings inside its tags. An unclosed tag is no tag.
func (m *tmplMasker) closeAt(i, n int, closer string, kind tmplKind, quoted bool) int {
	e := m.find(i+n, closer, quoted)
	if e < 0 {
		return i
	}
	return m.add(i, e, kind)
}

// find is tmplFind, remembering where a closer is known to be absent.
func (m *tmplMasker) find(from int, closer string, quoted bool) int {
	key := closer // a closer found outside strings, or anywhere
	if quoted {
		key += "\x00quoted"
	}
	if n, ok := m.none[key]; ok && from >= n {
		m.toEnd()
		return -1
	}
	e, toEnd := tmplFind(m.src, from, closer, quoted)
	if e < 0 {
		m.absent(key, from)
	}
	if toEnd {
		m.toEnd()
	}
	return e
}

// tmplFind returns the offset just after the first closer at or after
// src[from], skipping '…', "…" and `…` strings when quoted; -1 if there is
// none. A string left open falls back to the first closer at all, so that a
// stray quote cannot swallow the rest of the page. toEnd reports that the
// search read to the end of src: for no closer, or for that string.
func tmplFind(src []byte, from int, closer string, quoted bool) (e int, toEnd bool) {
	c := []byte(closer)
	if quoted {
		for i := from; i < len(src); i++ {
			switch src[i] {
			case '\'', '"', '`':
				e := tmplSkipString(src, i)
				if e < 0 {
					e, _ = tmplFind(src, from, closer, false)
					return e, true
				}
				i = e - 1
			case c[0]:
				if bytes.HasPrefix(src[i:], c) {
					return i + len(c), false
				}
			}
		}
		return -1, true
	}
	j := bytes.Index(src[from:], c)
	if j < 0 {
		return -1, true
	}
	return from + j + len(c), false
}

// tmplSkipString returns the offset after the string quoted at src[i], or -1
// if it is not closed. A backslash escapes the next byte except in `…`, which
// Go templates read as a raw string.
func tmplSkipString(src []byte, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if q != '`' {
				j++
			}
		case q:
			return j + 1
		}
	}
	return -1
}

func tmplSkipSpace(src []byte, i int, also string) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r' ||
		bytes.IndexByte([]byte(also), src[i]) >= 0) {
		i++
	}
	return i
}

// tmplSkipTrim skips the trim marker "- " of a Go template action.
func tmplSkipTrim(src []byte, i int) int {
	if i+1 < len(src) && src[i] == '-' && (src[i+1] == ' ' || src[i+1] == '\t' || src[i+1] == '\n' || src[i+1] == '\r') {
		return i + 1
	}
	return i
}

// tmplWordAt reports whether the identifier at src[i] is word.
func tmplWordAt(src []byte, i int, word string) bool {
	e := i + len(word)
	return bytes.HasPrefix(src[i:], []byte(word)) && (e == len(src) || !tmplIdentByte(src[e]))
}

func tmplIdentByte(c byte) bool {
	return c == '_' || 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// tmplWord returns the identifier at src[i].
func tmplWord(src []byte, i int) string {
	e := i
	for e < len(src) && tmplIdentByte(src[e]) {
		e++
	}
	return string(src[i:e])
}

// goKind tells a Go template action that writes nothing (control flow, a
// variable declaration) from one that writes a value.
func goKind(src []byte, k int) tmplKind {
	switch tmplWord(src, k) {
	case "if", "else", "end", "range", "with", "define", "block", "break", "continue":
		return tmplStatement
	case "":
		if k < len(src) && src[k] == '$' {
			// `{{ $x := … }}` declares; `{{ $x }}` writes.
			e := k + 1 + len(tmplWord(src, k+1))
			e = tmplSkipSpace(src, e, "")
			if bytes.HasPrefix(src[e:], []byte(":=")) || e < len(src) && src[e] == '=' {
				return tmplStatement
			}
		}
	}
	return tmplOutput
}

// block reads a {% … %} tag. The raw, verbatim and comment blocks of
// Liquid, Twig and Jinja keep their bodies: a raw body is page text, a
// comment body is masked with its tags.
func (m *tmplMasker) block(i int) int {
	src := m.src
	quoted := m.d != tmplLiquid
	e := m.find(i+2, "%}", quoted)
	if e < 0 {
		return i
	}
	k := tmplSkipSpace(src, i+2, "-~")
	name := tmplWord(src, k)
	switch {
	case name == "comment" && m.d == tmplLiquid:
		if c := m.endBlock(e, "endcomment"); c > 0 {
			return m.add(i, c, tmplComment)
		}
	case k < len(src) && src[k] == '#' && m.d == tmplLiquid:
		return m.add(i, e, tmplComment)
	case name == "raw" || name == "verbatim" && m.d != tmplLiquid:
		m.add(i, e, tmplStatement)
		if c := m.endBlock(e, "end"+name); c > 0 {
			// The end tag itself starts where its "{%" does.
			open := bytes.LastIndex(src[e:c], []byte("{%"))
			return m.add(e+open, c, tmplStatement)
		}
		return len(src)
	}
	return m.add(i, e, tmplStatement)
}

// endBlock is tmplEndBlock, remembering where an end tag is known to be
// absent, so that a page of unclosed {% comment %} tags is read in linear
// time.
func (m *tmplMasker) endBlock(from int, end string) int {
	key := "{% " + end
	if n, ok := m.none[key]; ok && from >= n {
		m.toEnd()
		return -1
	}
	e := tmplEndBlock(m.src, from, end)
	if e < 0 {
		m.absent(key, from)
		m.toEnd()
	}
	return e
}

// endDirective returns the offset after the first Blade directive end
// (@endphp) at or after src[from], or -1, remembering its absence too.
func (m *tmplMasker) endDirective(from int, end string) int {
	if n, ok := m.none[end]; ok && from >= n {
		m.toEnd()
		return -1
	}
	j := bytes.Index(m.src[from:], []byte(end))
	if j < 0 {
		m.absent(end, from)
		m.toEnd()
		return -1
	}
	return from + j + len(end)
}

// absent records that key does not occur at or after from.
func (m *tmplMasker) absent(key string, from int) {
	if m.none == nil {
		m.none = map[string]int{}
	}
	if n, ok := m.none[key]; !ok || from < n {
		m.none[key] = from
	}
}

// tmplEndBlock returns the offset after the first {% end %} tag named end at
// or after src[from], or -1.
func tmplEndBlock(src []byte, from int, end string) int {
	for i := from; ; {
		j := bytes.Index(src[i:], []byte("{%"))
		if j < 0 {
			return -1
		}
		i += j
		k := tmplSkipSpace(src, i+2, "-~")
		if tmplWordAt(src, k, end) {
			if e, _ := tmplFind(src, k, "%}", false); e > 0 {
				return e
			}
			return -1
		}
		i += 2
	}
}

// erb reads an ERB or EJS tag at src[i]. Neither engine reads the code inside
// a tag to find its end: the first %> closes it, as here.
func (m *tmplMasker) erb(i int) int {
	src := m.src
	if !bytes.HasPrefix(src[i:], []byte("<%")) {
		return i
	}
	if bytes.HasPrefix(src[i:], []byte("<%%")) {
		return i + 3 // a literal "<%"
	}
	kind := tmplStatement
	if i+2 < len(src) {
		switch src[i+2] {
		case '=':
			kind = tmplOutput
		case '-':
			// EJS writes unescaped output; ERB's <%- only trims space.
			if m.d == tmplEJS {
				kind = tmplOutput
			}
		case '#':
			kind = tmplComment
		}
	}
	return m.closeAt(i, 2, "%>", kind, false)
}

// php reads a PHP block at src[i]: <?php … ?>, <?= … ?> or a short <? … ?>.
// Strings, comments and heredocs inside it may hold "?>"; a block that is
// never closed runs to the end of the file, as PHP reads it.
func (m *tmplMasker) php(i int) int {
	src := m.src
	var n int
	kind := tmplStatement
	switch {
	case bytes.HasPrefix(src[i:], []byte("<?=")):
		n, kind = 3, tmplOutput
	case len(src)-i >= 5 && bytes.EqualFold(src[i:i+5], []byte("<?php")) &&
		(i+5 == len(src) || !tmplIdentByte(src[i+5])):
		n = 5
	case bytes.HasPrefix(src[i:], []byte("<?")) && i+2 < len(src) &&
		(src[i+2] == ' ' || src[i+2] == '\t' || src[i+2] == '\n' || src[i+2] == '\r'):
		n = 2
	default:
		return i
	}
	e, toEnd := phpEnd(src, i+n)
	if toEnd {
		m.toEnd()
	}
	switch code := src[i+n : e]; {
	case kind == tmplOutput:
	case phpWrites(code):
		kind = tmplOutput
	case phpComment(code):
		kind = tmplComment
	}
	return m.add(i, e, kind)
}

// phpWrites reports whether a PHP block writes a value where it stands: an
// echo or print, or a call (`the_title()`) rather than control flow, an
// assignment or a comment.
func phpWrites(code []byte) bool {
	k := tmplSkipSpace(code, 0, "")
	if k == len(code) || code[k] == '?' || code[k] == '}' || code[k] == '/' || code[k] == '#' || code[k] == '$' {
		return false
	}
	switch tmplWord(code, k) {
	case "", "if", "else", "elseif", "endif", "foreach", "endforeach", "for", "endfor", "while", "endwhile",
		"switch", "endswitch", "case", "default", "break", "continue", "do", "include", "include_once",
		"require", "require_once", "function", "namespace", "use", "return", "global", "static", "const",
		"declare", "try", "catch", "finally", "class", "unset":
		return false
	}
	return true
}

// phpComment reports whether a PHP block starts with a comment:
// `<?php // cscmd-ignore … ?>` is a suppression that leaves the page alone.
func phpComment(code []byte) bool {
	k := tmplSkipSpace(code, 0, "")
	return bytes.HasPrefix(code[k:], []byte("//")) || bytes.HasPrefix(code[k:], []byte("#")) ||
		bytes.HasPrefix(code[k:], []byte("/*"))
}

// phpEnd returns the offset after the "?>" that ends the PHP code starting at
// src[i], or len(src); toEnd reports that it read to the end of src (for a
// string or comment left open, or for the "?>").
func phpEnd(src []byte, i int) (e int, toEnd bool) {
	for i < len(src) {
		c := src[i]
		switch {
		case c == '?' && i+1 < len(src) && src[i+1] == '>':
			return i + 2, false
		case c == '\'' || c == '"' || c == '`':
			e := tmplSkipString(src, i)
			if e < 0 {
				return phpFallback(src, i), true
			}
			i = e
		case c == '#' && !(i+1 < len(src) && src[i+1] == '['), c == '/' && i+1 < len(src) && src[i+1] == '/':
			// A line comment ends at the line break or at "?>".
			for i < len(src) && src[i] != '\n' {
				if src[i] == '?' && i+1 < len(src) && src[i+1] == '>' {
					return i + 2, false
				}
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := bytes.Index(src[i+2:], []byte("*/"))
			if j < 0 {
				return phpFallback(src, i), true
			}
			i += 2 + j + 2
		case c == '<' && bytes.HasPrefix(src[i:], []byte("<<<")):
			i = phpHeredoc(src, i)
		default:
			i++
		}
	}
	return len(src), true
}

// phpFallback ends a block whose string or comment is left open at the first
// "?>" after it.
func phpFallback(src []byte, i int) int {
	if j := bytes.Index(src[i:], []byte("?>")); j >= 0 {
		return i + j + 2
	}
	return len(src)
}

// phpHeredoc skips the heredoc or nowdoc whose "<<<" is at src[i]: up to the
// line whose first non-blank word is its identifier (PHP 7.3 lets the closer
// be indented). Anything else is three bytes of code.
func phpHeredoc(src []byte, i int) int {
	k := tmplSkipSpace(src, i+3, "")
	if k < len(src) && (src[k] == '\'' || src[k] == '"') {
		k++
	}
	id := tmplWord(src, k)
	if id == "" || '0' <= id[0] && id[0] <= '9' {
		return i + 3
	}
	nl := bytes.IndexByte(src[k:], '\n')
	if nl < 0 {
		return len(src)
	}
	for j := k + nl + 1; j < len(src); {
		s := j
		for s < len(src) && (src[s] == ' ' || src[s] == '\t') {
			s++
		}
		if tmplWordAt(src, s, id) {
			return s + len(id)
		}
		e := bytes.IndexByte(src[j:], '\n')
		if e < 0 {
			return len(src)
		}
		j += e + 1
	}
	return len(src)
}

// bladeDirectives are the Blade directives that write nothing where they
// stand; @json and @csrf write a value. Another @word is page text — Blade
// leaves unknown directives alone, and `>cs /set @category …` must survive.
var bladeDirectives = map[string]tmplKind{
	"if": tmplStatement, "elseif": tmplStatement, "else": tmplStatement, "endif": tmplStatement,
	"unless": tmplStatement, "endunless": tmplStatement, "isset": tmplStatement, "endisset": tmplStatement,
	"empty": tmplStatement, "endempty": tmplStatement, "auth": tmplStatement, "endauth": tmplStatement,
	"guest": tmplStatement, "endguest": tmplStatement, "foreach": tmplStatement, "endforeach": tmplStatement,
	"forelse": tmplStatement, "endforelse": tmplStatement, "for": tmplStatement, "endfor": tmplStatement,
	"while": tmplStatement, "endwhile": tmplStatement, "switch": tmplStatement, "case": tmplStatement,
	"break": tmplStatement, "default": tmplStatement, "endswitch": tmplStatement, "continue": tmplStatement,
	"section": tmplStatement, "endsection": tmplStatement, "show": tmplStatement, "stop": tmplStatement,
	"extends": tmplStatement, "include": tmplStatement, "includeIf": tmplStatement, "includeWhen": tmplStatement,
	"yield": tmplOutput, "push": tmplStatement, "endpush": tmplStatement, "prepend": tmplStatement,
	"endprepend": tmplStatement, "stack": tmplOutput, "once": tmplStatement, "endonce": tmplStatement,
	"can": tmplStatement, "endcan": tmplStatement, "cannot": tmplStatement, "endcannot": tmplStatement,
	"env": tmplStatement, "endenv": tmplStatement, "production": tmplStatement, "endproduction": tmplStatement,
	"props": tmplStatement, "error": tmplStatement, "enderror": tmplStatement, "component": tmplStatement,
	"endcomponent": tmplStatement, "slot": tmplStatement, "endslot": tmplStatement, "method": tmplOutput,
	"csrf": tmplOutput, "json": tmplOutput, "js": tmplOutput, "lang": tmplOutput, "choice": tmplOutput,
	"vite": tmplOutput, "livewire": tmplOutput, "class": tmplOutput, "style": tmplOutput, "php": tmplStatement,
}

// bladeDirective reads a Blade directive at src[i] == '@': its name and a
// parenthesised argument, if any. @php … @endphp is one statement; the body
// of @verbatim … @endverbatim is page text.
func (m *tmplMasker) bladeDirective(i int) int {
	src := m.src
	if i > 0 && (tmplIdentByte(src[i-1]) || src[i-1] == '@') {
		return i // an e-mail address, or @@ escaping a directive
	}
	name := tmplWord(src, i+1)
	e := i + 1 + len(name)
	switch name {
	case "php":
		if c := m.endDirective(e, "@endphp"); c > 0 && !tmplOpenParen(src, e) {
			return m.add(i, c, tmplStatement)
		}
	case "verbatim":
		m.add(i, e, tmplStatement)
		if j := bytes.Index(src[e:], []byte("@endverbatim")); j >= 0 {
			return m.add(e+j, e+j+len("@endverbatim"), tmplStatement)
		}
		return len(src)
	}
	kind, ok := bladeDirectives[name]
	if !ok {
		return i
	}
	if tmplOpenParen(src, e) {
		p := tmplSkipSpace(src, e, "")
		c, toEnd := tmplParenEnd(src, p)
		if toEnd {
			m.toEnd()
		}
		if c < 0 {
			return i
		}
		e = c
	}
	return m.add(i, e, kind)
}

func tmplOpenParen(src []byte, i int) bool {
	k := tmplSkipSpace(src, i, "")
	return k < len(src) && src[k] == '(' && bytes.IndexByte(src[i:k], '\n') < 0
}

// tmplParenEnd returns the offset after the parenthesis that closes the one
// at src[i], skipping strings; -1 if there is none within tmplMaxArgs bytes.
// The bound keeps a page of unclosed `@if(` linear: Blade's arguments are
// expressions, never kilobytes long. toEnd reports that the search ran into
// the end of src before that bound.
func tmplParenEnd(src []byte, i int) (e int, toEnd bool) {
	toEnd = len(src) < i+tmplMaxArgs
	src = src[:min(len(src), i+tmplMaxArgs)]
	depth := 0
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return j + 1, false
			}
		case '\'', '"':
			e := tmplSkipString(src, j)
			if e < 0 {
				return -1, toEnd
			}
			j = e - 1
		}
	}
	return -1, toEnd
}

// tmplMaxArgs bounds the arguments of a Blade directive.
const tmplMaxArgs = 4096

// tmplApply rewrites every string of f that crosses a tag: the bytes of an
// output tag become one placeholder, written as the whole tag; those of any
// other tag are dropped, as if the tag were absent.
func tmplApply(f *File, tags []tmplTag) {
	if len(tags) == 0 {
		return
	}
	kept := f.Strings[:0]
	for _, s := range f.Strings {
		// A statement tag may have stood where the message starts; what is
		// left must still look like one.
		if tmplRewrite(&s, tags); grammar.LooksLikeCommand(s.Text) {
			kept = append(kept, s)
		}
	}
	f.Strings = kept
}

// tmplSuppressions are the template comments that hold a suppression, as
// comments of the template's file.
func tmplSuppressions(src []byte, tags []tmplTag) []Comment {
	var out []Comment
	for _, t := range tags {
		if t.Kind == tmplComment && bytes.Contains(src[t.Start:t.End], []byte("cscmd-ignore")) {
			out = append(out, Comment{Start: t.Start, End: t.End, Text: string(src[t.Start:t.End])})
		}
	}
	return out
}

// tmplRewrite rewrites one string; see tmplApply.
func tmplRewrite(s *String, tags []tmplTag) {
	k := tmplFirstTag(tags, s.Start)
	if k == len(tags) || tags[k].Start >= s.End {
		return
	}
	var text []byte
	var segs []Seg
	last := -1 // the tag whose placeholder was written last
	verbatim := func(host int, b []byte) {
		if n := len(segs) - 1; n >= 0 && segs[n].Verbatim && segs[n].Host+segs[n].HostLen == host &&
			segs[n].Dec+segs[n].HostLen == len(text) {
			segs[n].HostLen += len(b)
		} else {
			segs = append(segs, Seg{Dec: len(text), Host: host, HostLen: len(b), Verbatim: true})
		}
		text = append(text, b...)
	}
	for i, g := range s.Segs {
		end := len(s.Text)
		if i+1 < len(s.Segs) {
			end = s.Segs[i+1].Dec
		}
		dec := s.Text[g.Dec:end]
		if !g.Verbatim {
			segs = append(segs, Seg{Dec: len(text), Host: g.Host, HostLen: g.HostLen})
			text = append(text, dec...)
			continue
		}
		for p := 0; p < len(dec); {
			h := g.Host + p
			for k < len(tags) && tags[k].End <= h {
				k++
			}
			if k == len(tags) || tags[k].Start >= g.Host+len(dec) {
				verbatim(h, []byte(dec[p:]))
				break
			}
			t := tags[k]
			if t.Start > h {
				verbatim(h, []byte(dec[p:t.Start-g.Host]))
				p = t.Start - g.Host
				continue
			}
			if t.Kind == tmplOutput && last != k {
				last = k
				segs = append(segs, Seg{Dec: len(text), Host: t.Start, HostLen: t.End - t.Start})
				text = utf8.AppendRune(text, Placeholder)
			}
			p = min(t.End-g.Host, len(dec))
		}
	}
	s.Text, s.Segs = string(text), segs
}

// tmplFirstTag returns the index of the first tag that ends after host
// offset h.
func tmplFirstTag(tags []tmplTag, h int) int {
	lo, hi := 0, len(tags)
	for lo < hi {
		mid := (lo + hi) / 2
		if tags[mid].End <= h {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// tmplExtract is the extractor of a template language of dialect d: the
// page, masked, is read as HTML at the same offsets — its scripts and
// handlers are the documents of the template's file.
func tmplExtract(d tmplDialect) func(src []byte) (*File, error) {
	return func(src []byte) (*File, error) {
		masked, m := tmplMasked(d, src)
		tags := m.tags
		tmplLast.keep(src, tags)
		f, err := extractHTML(masked)
		f.cuts = m.outside(f.cuts)
		// A comment is quoted as written, not as masked.
		for i := range f.Comments {
			c := &f.Comments[i]
			c.Text = string(src[c.Start:c.End])
		}
		f.Comments = append(f.Comments, tmplSuppressions(src, tags)...)
		slices.SortStableFunc(f.Comments, func(a, b Comment) int { return a.Start - b.Start })
		return f, err
	}
}

// outside returns the cuts of the masked page that are cuts of the
// template too: outside every span the masker read, and before any tag
// whose read ran into the end of the page.
func (m *tmplMasker) outside(cuts []cut) []cut {
	out := cuts[:0]
	k := 0
	for _, c := range cuts {
		if c.at > m.openAt {
			break
		}
		for k < len(m.spans) && m.spans[k][1] <= c.at {
			k++
		}
		if k < len(m.spans) && m.spans[k][0] < c.at {
			continue
		}
		out = append(out, c)
	}
	return out
}

// tmplFinish rewrites, once the page's documents are extracted, each
// message that crosses a tag (see tmplApply).
func tmplFinish(d tmplDialect) func(src []byte, f *File) {
	return func(src []byte, f *File) {
		tags, ok := tmplLast.get(src)
		if !ok {
			_, tags = tmplMask(d, src)
		}
		tmplApply(f, tags)
	}
}

// tmplLast hands the tags found by an extractor to the Finish that follows
// it on the same page, so that the page is not masked twice.
var tmplLast tmplHandoff

// tmplHandoff holds the tags of the page masked last. The page is known by
// its first byte and length: it is alive from Extract to Finish, so no other
// page can stand at that address meanwhile. Another extraction in between
// (a concurrent one) only costs a second masking.
type tmplHandoff struct {
	mu   sync.Mutex
	page *byte
	size int
	tags []tmplTag
}

func (h *tmplHandoff) keep(src []byte, tags []tmplTag) {
	if len(src) == 0 {
		return
	}
	h.mu.Lock()
	h.page, h.size, h.tags = &src[0], len(src), tags
	h.mu.Unlock()
}

func (h *tmplHandoff) get(src []byte) ([]tmplTag, bool) {
	if len(src) == 0 {
		return nil, true
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.page != &src[0] || h.size != len(src) {
		return nil, false
	}
	tags := h.tags
	h.page, h.tags = nil, nil
	return tags, true
}

// tmplComments are the comment delimiters of a page of a template language
// whose own comments are written between open and close: the page's HTML
// comments and its scripts' comments come along.
func tmplComments(own ...Delims) []Delims {
	return append(own, Delims{Open: "<!--", Close: "-->"}, Delims{Open: "//"}, Delims{Open: "/*", Close: "*/"})
}
