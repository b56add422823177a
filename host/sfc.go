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
	sfcEachExpr(src, fm, func(open, close, code int) {
		add(code, close-1)
		sfcFill(buf, open, close, tmplFillOutput)
	})
	// The masked page is read here, not yielded as a document: a document
	// the size of the file would be remembered after every keystroke.
	f, err := extractHTML(buf)
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

// sfcEachExpr calls fn for every `{…}` expression of the markup after
// src[from]: the offsets of its braces' first byte and last byte + 1, and of
// its code — after a Svelte block keyword such as `#if` or `@html`. Script
// and style bodies and comments hold none; a brace never closed is text.
func sfcEachExpr(src []byte, from int, fn func(open, close, code int)) {
	for i := from; i < len(src); {
		j := bytes.IndexAny(src[i:], "{<")
		if j < 0 {
			return
		}
		i += j
		if src[i] == '<' {
			i = sfcSkipRaw(src, i)
			continue
		}
		end := jsBraceEnd(src, i)
		if end < 0 {
			i++
			continue
		}
		code := i + 1
		if code < len(src) && bytes.IndexByte([]byte("#/:@"), src[code]) >= 0 {
			code++
			code += len(tmplWord(src, code))
		}
		fn(i, end, min(code, end-1))
		i = end
	}
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

// jsBraceEnd returns the offset after the '}' that closes the '{' at src[i],
// skipping JavaScript strings, template literals and comments; -1 if there is
// none. If a string is left open, braces are counted without strings, so a
// stray quote in JSX text does not swallow the page.
func jsBraceEnd(src []byte, i int) int {
	if e := jsBraceScan(src, i, true); e >= 0 {
		return e
	}
	return jsBraceScan(src, i, false)
}

func jsBraceScan(src []byte, i int, quoted bool) int {
	var stack []byte // '{' for a brace, '`' for a template literal
	for j := i; j < len(src); j++ {
		c := src[j]
		if n := len(stack); n > 0 && stack[n-1] == '`' {
			switch {
			case c == '\\':
				j++
			case c == '`':
				stack = stack[:n-1]
			case c == '$' && j+1 < len(src) && src[j+1] == '{':
				stack = append(stack, '{')
				j++
			}
			continue
		}
		switch c {
		case '{':
			stack = append(stack, '{')
		case '}':
			if len(stack) == 0 {
				return -1
			}
			if stack = stack[:len(stack)-1]; len(stack) == 0 {
				return j + 1
			}
		case '`':
			if quoted {
				stack = append(stack, '`')
			}
		case '\'', '"':
			if !quoted {
				continue
			}
			e := tmplSkipString(src, j)
			if e < 0 || bytes.IndexByte(src[j:e], '\n') >= 0 {
				return -1
			}
			j = e - 1
		case '/':
			if !quoted || j+1 >= len(src) {
				continue
			}
			switch src[j+1] {
			case '/':
				nl := bytes.IndexByte(src[j:], '\n')
				if nl < 0 {
					return -1
				}
				j += nl
			case '*':
				k := bytes.Index(src[j+2:], []byte("*/"))
				if k < 0 {
					return -1
				}
				j += 2 + k + 1
			}
		}
	}
	return -1
}
