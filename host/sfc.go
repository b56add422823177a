package host

import (
	"bytes"
	"sort"

	"github.com/tdewolff/parse/v2"
	thtml "github.com/tdewolff/parse/v2/html"
)

// Single-file components (.vue, .svelte, .astro) are HTML with code in more
// places: script blocks, Astro's `---` frontmatter, and the template's
// handlers and bound expressions. Each is found in the page as written and
// scanned as JavaScript at its own offset; the HTML scan sees a copy in
// which Vue's directive names read as event attributes and every `{…}`
// expression is filler, so that a `>` inside `{() => …}` cannot end a tag.

// extractVue finds the messages of a Vue component: its <script> blocks, and
// the values of @event, v-on:event, :prop and v-bind:prop attributes, which
// are JavaScript.
func extractVue(src []byte) (*File, error) {
	buf := bytes.Clone(src)
	sfcEachAttr(src, func(key []byte, at int) {
		if len(key) < 3 || !vueCodeAttr(key) {
			return
		}
		// "onxxx" of the same length reads as an event handler.
		buf[at], buf[at+1] = 'o', 'n'
		for i := at + 2; i < at+len(key); i++ {
			buf[i] = 'x'
		}
	})
	f, err := extractHTML(buf)
	sfcRestoreComments(f, src)
	return f, err
}

// vueCodeAttr reports whether a Vue attribute's value is JavaScript.
func vueCodeAttr(key []byte) bool {
	return key[0] == '@' || key[0] == ':' ||
		bytes.HasPrefix(key, []byte("v-on:")) || bytes.HasPrefix(key, []byte("v-bind:"))
}

// sfcEachAttr calls fn with the name and offset of every attribute of every
// start tag of an HTML page.
func sfcEachAttr(src []byte, fn func(key []byte, at int)) {
	buf := make([]byte, len(src), len(src)+1)
	copy(buf, src)
	htmlHideForeign(buf)
	in := parse.NewInputBytes(buf)
	l := thtml.NewLexer(in)
	for {
		tt, data := l.Next()
		if tt == thtml.ErrorToken {
			return
		}
		if tt != thtml.AttributeToken {
			continue
		}
		start := in.Offset() - len(data)
		// The token starts with the white space before the name.
		at := start + len(data) - len(bytes.TrimLeft(data, " \t\n\r\f/"))
		key := l.AttrKey()
		if at+len(key) <= len(src) && bytes.EqualFold(src[at:at+len(key)], key) {
			fn(src[at:at+len(key)], at)
		}
	}
}

// extractSvelte finds the messages of a Svelte component: its <script>
// blocks and every `{…}` expression of its markup — on:click={…},
// onclick={…}, {#if …}, {@html …} and plain {…}.
func extractSvelte(src []byte) (*File, error) {
	return sfcExtract(src, 0)
}

// extractAstro finds the messages of an Astro component: its `---`
// frontmatter (TypeScript), its <script> blocks and every `{…}` expression
// of its markup, JSX handlers such as onClick={…} included.
func extractAstro(src []byte) (*File, error) {
	return sfcExtract(src, astroFrontmatter(src))
}

// astroFrontmatter returns the offset after the closing fence of the `---`
// frontmatter that opens src, or 0.
func astroFrontmatter(src []byte) int {
	body := bytes.TrimLeft(src, " \t\r\n")
	if !bytes.HasPrefix(body, []byte("---")) {
		return 0
	}
	i := len(src) - len(body) + 3
	for i < len(src) {
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			return 0
		}
		i += nl + 1
		if bytes.HasPrefix(src[i:], []byte("---")) {
			return i + 3
		}
	}
	return 0
}

// sfcExtract scans src as a component whose first fm bytes are a `---`
// frontmatter: the frontmatter and each markup expression as JavaScript, the
// rest, with those masked, as HTML.
func sfcExtract(src []byte, fm int) (*File, error) {
	buf := bytes.Clone(src)
	var regions [][2]int
	if fm > 0 {
		open := bytes.Index(src, []byte("---")) + 3
		regions = append(regions, [2]int{open, fm - 3})
		sfcFill(buf, 0, fm, ' ')
	}
	sfcEachExpr(src, fm, func(open, close, code int) {
		regions = append(regions, [2]int{code, close - 1})
		sfcFill(buf, open, close, tmplFillOutput)
	})
	f, err := extractHTML(buf)
	if f == nil {
		f = &File{}
	}
	sfcRestoreComments(f, src)
	for _, r := range regions {
		if e := jsExtractInto(f, src[r[0]:r[1]], r[0]); err == nil && e != nil {
			err = e
		}
	}
	sort.SliceStable(f.Strings, func(i, j int) bool { return f.Strings[i].Start < f.Strings[j].Start })
	sort.SliceStable(f.Calls, func(i, j int) bool { return f.Calls[i].Start < f.Calls[j].Start })
	sort.SliceStable(f.Comments, func(i, j int) bool { return f.Comments[i].Start < f.Comments[j].Start })
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

// sfcRestoreComments quotes comments from the page as written, not from the
// copy that was scanned.
func sfcRestoreComments(f *File, src []byte) {
	if f == nil {
		return
	}
	for i := range f.Comments {
		c := &f.Comments[i]
		c.Text = string(src[c.Start:c.End])
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
		for k := e; k < len(src); {
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
