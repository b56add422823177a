package host

import "bytes"

// Single-file components (.vue, .svelte, .astro) are HTML with code in more
// places: script blocks, Astro's `---` frontmatter, and the template's
// handlers and bound expressions. Each is yielded as a JavaScript document
// at its own offset; the page is read as HTML from a copy in which every
// `{…}` expression is filler, so that a `>` inside `{() => …}` cannot end a
// tag.

// sfcComments are the comment delimiters of a component: its markup's and
// its scripts'.
var sfcComments = []Delims{{Open: "<!--", Close: "-->"}, {Open: "//"}, {Open: "/*", Close: "*/"}}

// sfcExtract scans src as a component whose first fm bytes are a `---`
// frontmatter: the frontmatter and each markup expression as JavaScript, the
// rest, with those masked, as HTML.
func sfcExtract(src []byte, fm int) (*File, error) {
	buf := bytes.Clone(src)
	var js []Doc
	add := func(a, e int) {
		js = append(js, Doc{Lang: JS.Name, Text: src[a:e], Map: VerbatimMap(a, e-a), Own: true})
	}
	if fm > 0 {
		add(bytes.Index(src, []byte("---"))+3, fm-3)
		sfcFill(buf, 0, fm, ' ')
	}
	read := sfcEachExpr(src, fm, func(open, close, code int) {
		add(code, close-1)
		sfcFill(buf, open, close, tmplFillOutput)
	})
	// The masked page is read here, not yielded as a document: a document
	// the size of the file would be remembered after every keystroke.
	f, err := extractHTML(buf)
	f.cuts = read.outside(f.cuts, fm)
	for i := range f.Comments {
		c := &f.Comments[i]
		c.Text = string(src[c.Start:c.End])
	}
	f.Docs = append(f.Docs, js...)
	return f, err
}

// sfcFill overwrites buf[a:b] with c, keeping line breaks.
func sfcFill(buf []byte, a, b int, c byte) {
	for i := a; i < b; i++ {
		if buf[i] != '\n' && buf[i] != '\r' {
			buf[i] = c
		}
	}
}

// sfcRead is what sfcEachExpr read past: the expressions and the bodies
// of scripts, styles and comments, in order, and the first brace or element
// whose end was searched for to the end of the text (len+1 if none): what
// was made of the text from there depends on what follows it.
type sfcRead struct {
	spans  [][2]int
	openAt int
}

// outside returns the cuts of the masked page that are the component's
// (see cut): after its frontmatter, outside what was read past, and not
// after a search that ran into the end.
func (r sfcRead) outside(cuts []cut, fm int) []cut {
	out := cuts[:0]
	k := 0
	for _, c := range cuts {
		if c.at > r.openAt {
			break
		}
		for k < len(r.spans) && r.spans[k][1] <= c.at {
			k++
		}
		if c.at <= fm || k < len(r.spans) && r.spans[k][0] < c.at {
			continue
		}
		out = append(out, c)
	}
	return out
}

// sfcEachExpr calls fn for every `{…}` expression of the markup after
// src[from]: the offsets of its braces' first byte and last byte + 1, and of
// its code — after a Svelte block keyword such as `#if` or `@html`. Script
// and style bodies and comments hold none; a brace never closed is text.
func sfcEachExpr(src []byte, from int, fn func(open, close, code int)) sfcRead {
	braces := sfcBraces{src: src}
	read := sfcRead{openAt: len(src) + 1}
	for i := from; i < len(src); {
		j := bytes.IndexAny(src[i:], "{<")
		if j < 0 {
			return read
		}
		i += j
		if src[i] == '<' {
			next := sfcSkipRaw(src, i)
			if next > i+1 {
				read.spans = append(read.spans, [2]int{i, next})
			}
			if next == len(src) {
				read.openAt = min(read.openAt, i)
			}
			i = next
			continue
		}
		end, sure := braces.end(i)
		if !sure {
			// Strings or comments ran into the end, or the brace is not
			// closed: more text may close it otherwise.
			read.openAt = min(read.openAt, i)
		}
		if end < 0 {
			i++
			continue
		}
		read.spans = append(read.spans, [2]int{i, end})
		code := i + 1
		if code < len(src) && bytes.IndexByte([]byte("#/:@"), src[code]) >= 0 {
			code++
			code += len(tmplWord(src, code))
		}
		fn(i, end, min(code, end-1))
		i = end
	}
	return read
}

// sfcSkipRaw returns the offset after the element or comment that starts at
// src[i] == '<' when its content is not markup (<script>, <style>, <!--),
// or i+1.
func sfcSkipRaw(src []byte, i int) int {
	if bytes.HasPrefix(src[i:], []byte("<!--")) {
		if j := bytes.Index(src[i+4:], []byte("-->")); j >= 0 {
			return i + 4 + j + 3
		}
		return len(src)
	}
	for _, name := range [...]string{"script", "style"} {
		e := i + 1 + len(name)
		if e > len(src) || !htmlHasFold(src[i+1:e], name) || e < len(src) && tmplIdentByte(src[e]) {
			continue
		}
		closer := []byte("</" + name)
		// The body starts after the start tag, whose attributes may hold
		// anything, "</script" included, as the HTML lexer reads them.
		k := sfcTagEnd(src, e)
		for k < len(src) {
			j := bytes.Index(src[k:], []byte("</"))
			if j < 0 {
				return len(src)
			}
			k += j
			if len(src)-k >= len(closer) && htmlHasFold(src[k+2:k+len(closer)], name) {
				return k
			}
			k += 2
		}
		return len(src)
	}
	return i + 1
}

// sfcTagEnd returns the offset after the '>' that ends the start tag whose
// attributes start at src[i], skipping quoted attribute values.
func sfcTagEnd(src []byte, i int) int {
	for i < len(src) {
		switch src[i] {
		case '>':
			return i + 1
		case '"', '\'':
			if j := bytes.IndexByte(src[i+1:], src[i]); j >= 0 {
				i += j + 2
				continue
			}
			return len(src)
		}
		i++
	}
	return len(src)
}

// sfcBraces matches the braces of a component's expressions. Each is
// matched skipping JavaScript strings, template literals and comments; if a
// quote is left open (an apostrophe in JSX text: `<p>Don't</p>`), braces
// are counted without strings, so a stray quote does not swallow the page.
// A scan remembers every brace it passed, so that a page of unclosed braces
// is read in linear time, not once per brace.
type sfcBraces struct {
	src   []byte
	memo  map[int]int // '{' offset → offset after its '}', or -1
	plain map[int]int // the same, braces counted without strings; made once
}

// end returns the offset after the '}' that closes the '{' at src[i], or -1;
// sure is false when the match skipping strings and comments failed.
func (b *sfcBraces) end(i int) (e int, sure bool) {
	e, ok := b.memo[i]
	if !ok {
		e = b.scan(i)
	}
	if e >= 0 {
		return e, true
	}
	if b.plain == nil {
		b.plain = map[int]int{}
		var open []int
		for k, c := range b.src {
			switch {
			case c == '{':
				open = append(open, k)
			case c == '}' && len(open) > 0:
				b.plain[open[len(open)-1]] = k + 1
				open = open[:len(open)-1]
			}
		}
	}
	if e, ok := b.plain[i]; ok {
		return e, false
	}
	return -1, false
}

// tmplLit marks a template literal on the stack of scan.
const tmplLit = -1

// scan matches the brace at src[i] skipping strings and comments, and
// records the match of every brace it passed (-1 for those still open where
// it stopped).
func (b *sfcBraces) scan(i int) int {
	if b.memo == nil {
		b.memo = map[int]int{}
	}
	src := b.src
	stack := []int{} // offsets of open braces, or tmplLit
	fail := func() int {
		for _, k := range stack {
			if k != tmplLit {
				b.memo[k] = -1
			}
		}
		return b.memo[i]
	}
	for j := i; j < len(src); j++ {
		c := src[j]
		if n := len(stack); n > 0 && stack[n-1] == tmplLit {
			switch {
			case c == '\\':
				j++
			case c == '`':
				stack = stack[:n-1]
			case c == '$' && j+1 < len(src) && src[j+1] == '{':
				stack = append(stack, j+1)
				j++
			}
			continue
		}
		switch c {
		case '{':
			stack = append(stack, j)
		case '}':
			if len(stack) == 0 {
				return fail()
			}
			b.memo[stack[len(stack)-1]] = j + 1
			if stack = stack[:len(stack)-1]; len(stack) == 0 {
				return j + 1
			}
		case '`':
			stack = append(stack, tmplLit)
		case '\'', '"':
			e := tmplSkipString(src, j)
			if e < 0 || bytes.IndexByte(src[j:e], '\n') >= 0 {
				return fail()
			}
			j = e - 1
		case '/':
			if j+1 >= len(src) {
				continue
			}
			switch src[j+1] {
			case '/':
				nl := bytes.IndexByte(src[j:], '\n')
				if nl < 0 {
					return fail()
				}
				j += nl
			case '*':
				k := bytes.Index(src[j+2:], []byte("*/"))
				if k < 0 {
					return fail()
				}
				j += 2 + k + 1
			}
		}
	}
	return fail()
}
