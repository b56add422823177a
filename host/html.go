package host

import (
	"bytes"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	thtml "github.com/tdewolff/parse/v2/html"
)

// extractHTML finds the candidate >cs strings, web1on1 calls and suppression
// comments of an HTML page: in inline scripts, in event-handler attributes
// (onclick, …) and in javascript: URLs. Other text is not a message.
func extractHTML(src []byte) (*File, error) {
	// The lexer lowercases tag and attribute names in place, and needs room
	// for a NUL: it gets a copy. Everything reported is read from src.
	buf := make([]byte, len(src), len(src)+1)
	copy(buf, src)
	htmlHideForeign(buf)
	in := parse.NewInputBytes(buf)
	l := thtml.NewLexer(in)

	f := &File{}
	var first *SyntaxError
	keep := func(err *SyntaxError) {
		if first == nil && err != nil {
			first = err
		}
	}
	var isScript, scriptJS, bodyNext bool
	for {
		tt, data := l.Next()
		end := in.Offset()
		start := end - len(data)
		afterOpen := bodyNext
		bodyNext = false
		switch tt {
		case thtml.ErrorToken:
			if first != nil {
				return f, first
			}
			return f, nil
		case thtml.CommentToken:
			if bytes.Contains(data, []byte("cscmd-ignore")) {
				f.Comments = append(f.Comments, Comment{Start: start, End: end, Text: string(src[start:end])})
			}
		case thtml.StartTagToken:
			isScript = string(l.Text()) == "script"
			scriptJS = true
		case thtml.AttributeToken:
			val := l.AttrVal()
			if val == nil {
				continue
			}
			a, e := htmlUnquote(src, end-len(val), end)
			key := l.AttrKey()
			switch {
			case isScript && string(key) == "src":
				scriptJS = false
			case isScript && string(key) == "type":
				dec, _ := htmlDecode(src[a:e], a, false)
				scriptJS = scriptJS && htmlJSType(dec)
			case htmlIsEvent(key):
				keep(htmlAttrJS(f, src, a, e, 0))
			default:
				if k := htmlJSURL(src[a:e]); k > 0 {
					keep(htmlAttrJS(f, src, a, e, k))
				}
			}
		case thtml.StartTagCloseToken, thtml.StartTagVoidToken:
			// A script body follows even after `<script/>`.
			bodyNext = isScript && scriptJS
			isScript = false
		case thtml.TextToken:
			if afterOpen {
				keep(jsExtractInto(f, src[start:end], start))
			}
		}
	}
}

// htmlHideForeign renames <svg, <math and <xml start tags in the lexer's copy
// (<zvg, …): the lexer returns such an element whole, as one token, which
// would hide the scripts and event handlers inside it.
func htmlHideForeign(buf []byte) {
	for i := 0; ; {
		j := bytes.IndexByte(buf[i:], '<')
		if j < 0 {
			return
		}
		i += j + 1
		for _, name := range [...]string{"svg", "math", "xml"} {
			e := i + len(name)
			if e > len(buf) || !htmlHasFold(buf[i:e], name) {
				continue
			}
			if e == len(buf) || bytes.IndexByte([]byte(" \t\n\r\f/>"), buf[e]) >= 0 {
				buf[i] = 'z'
			}
		}
	}
}

// htmlHasFold reports whether b equals the lowercase ASCII name in any case.
func htmlHasFold(b []byte, name string) bool {
	for i := range len(name) {
		if b[i]|0x20 != name[i] {
			return false
		}
	}
	return true
}

// htmlUnquote returns the content range of the attribute value src[s:e].
func htmlUnquote(src []byte, s, e int) (int, int) {
	if s < e && (src[s] == '"' || src[s] == '\'') {
		if e-s >= 2 && src[e-1] == src[s] {
			return s + 1, e - 1
		}
		return s + 1, e
	}
	return s, e
}

func htmlIsEvent(key []byte) bool {
	if len(key) <= 2 || key[0] != 'o' || key[1] != 'n' {
		return false
	}
	for _, c := range key[2:] {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// htmlJSURL returns the offset of the script in a javascript: URL value, or
// 0. URLs with a '%' are left out: their script is percent-decoded as well,
// and positions through that are not mapped.
func htmlJSURL(v []byte) int {
	i := 0
	for i < len(v) && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r' || v[i] == '\f') {
		i++
	}
	const scheme = "javascript:"
	if len(v)-i <= len(scheme) || v[i]|0x20 != 'j' || !strings.EqualFold(string(v[i:i+len(scheme)]), scheme) {
		return 0
	}
	if bytes.IndexByte(v, '%') >= 0 {
		return 0
	}
	return i + len(scheme)
}

func htmlJSType(v []byte) bool {
	t := strings.ToLower(strings.TrimSpace(string(v)))
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	switch t {
	case "", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript",
		"application/x-javascript", "application/x-ecmascript", "text/x-javascript", "text/x-ecmascript",
		"text/jscript", "text/livescript", "text/babel", "text/jsx", "text/typescript", "application/typescript":
		return true
	}
	return strings.HasPrefix(t, "text/javascript1.")
}

// htmlAttrJS extracts the script in the attribute value src[a:e], from
// offset k of its decoded text on. Character references are decoded first;
// every offset found in the decoded text is mapped back through them.
func htmlAttrJS(f *File, src []byte, a, e, k int) *SyntaxError {
	dec, m := htmlDecode(src[a:e], a, false)
	n0 := len(f.Strings)
	if len(m) == 1 && m[0].Verbatim {
		// No reference: the value is plain JS at a known offset.
		err := jsExtractInto(f, src[a+k:e], a+k)
		for i := n0; i < len(f.Strings); i++ {
			f.Strings[i].InAttr = true
		}
		return err
	}
	sub := &File{}
	err := jsExtractInto(sub, dec[k:], k)
	mp := String{Text: string(dec), Segs: m, Start: a}
	for _, s := range sub.Strings {
		s.Segs = htmlCompose(&mp, s.Segs)
		s.Start, s.End = mp.HostOffset(s.Start), mp.HostEnd(s.End)
		s.InAttr = true
		f.Strings = append(f.Strings, s)
	}
	for _, c := range sub.Calls {
		c.Start, c.End = mp.HostOffset(c.Start), mp.HostEnd(c.End)
		f.Calls = append(f.Calls, c)
	}
	for _, c := range sub.Comments {
		c.Start, c.End = mp.HostOffset(c.Start), mp.HostEnd(c.End)
		c.Text = string(src[c.Start:c.End])
		f.Comments = append(f.Comments, c)
	}
	if err != nil {
		err.Offset = mp.HostOffset(err.Offset)
	}
	return err
}

// htmlCompose maps segs, whose host offsets are in the decoded text of mp,
// to the host offsets of mp. A verbatim run is split where it crosses a
// character reference, which becomes a non-verbatim seg of its own.
func htmlCompose(mp *String, segs []Seg) []Seg {
	out := make([]Seg, 0, len(segs))
	add := func(g Seg) {
		if k := len(out) - 1; k >= 0 && g.Verbatim && out[k].Verbatim &&
			out[k].Dec+out[k].HostLen == g.Dec && out[k].Host+out[k].HostLen == g.Host {
			out[k].HostLen += g.HostLen
			return
		}
		out = append(out, g)
	}
	for _, g := range segs {
		lo, hi := g.Host, g.Host+g.HostLen
		if !g.Verbatim {
			h := mp.HostOffset(lo)
			add(Seg{Dec: g.Dec, Host: h, HostLen: mp.HostEnd(hi) - h})
			continue
		}
		for k := mp.segAt(lo); k < len(mp.Segs) && mp.Segs[k].Dec < hi; k++ {
			m := mp.Segs[k]
			a, b := max(lo, m.Dec), min(hi, m.Dec+mp.decLen(k))
			if a >= b {
				continue
			}
			d := g.Dec + a - lo
			if m.Verbatim {
				add(Seg{Dec: d, Host: m.Host + a - m.Dec, HostLen: b - a, Verbatim: true})
			} else {
				add(Seg{Dec: d, Host: m.Host, HostLen: m.HostLen})
			}
		}
	}
	return out
}

// htmlDecode decodes the character references in raw, written at host
// offset host, and returns the decoded bytes with their offset table. It
// returns raw itself, with one verbatim seg, when there is no reference.
// strict (JSX) decodes only references closed by ';'.
func htmlDecode(raw []byte, host int, strict bool) ([]byte, []Seg) {
	if len(raw) == 0 {
		return raw, nil
	}
	if bytes.IndexByte(raw, '&') < 0 {
		return raw, []Seg{{Dec: 0, Host: host, HostLen: len(raw), Verbatim: true}}
	}
	dec := make([]byte, 0, len(raw))
	var segs []Seg
	verbatim := func(i, j int) {
		if k := len(segs) - 1; k >= 0 && segs[k].Verbatim && segs[k].Host+segs[k].HostLen == host+i {
			segs[k].HostLen += j - i
		} else {
			segs = append(segs, Seg{Dec: len(dec), Host: host + i, HostLen: j - i, Verbatim: true})
		}
		dec = append(dec, raw[i:j]...)
	}
	for i := 0; i < len(raw); {
		j := bytes.IndexByte(raw[i:], '&')
		if j < 0 {
			verbatim(i, len(raw))
			break
		}
		j += i
		if j > i {
			verbatim(i, j)
		}
		d := len(dec)
		var n int
		if dec, n = htmlRef(dec, raw, j, true, strict); n == 0 {
			verbatim(j, j+1)
			i = j + 1
			continue
		}
		segs = append(segs, Seg{Dec: d, Host: host + j, HostLen: n})
		i = j + n
	}
	return dec, segs
}

// htmlRef decodes the character reference at src[i] == '&', appending it to
// dst, and returns the number of source bytes it spans, 0 if there is none.
// In an attribute, a legacy name without ';' before '=' is not decoded, as in
// a browser; strict (JSX) requires the ';'.
func htmlRef(dst, src []byte, i int, attr, strict bool) ([]byte, int) {
	j := i + 1
	if j < len(src) && src[j] == '#' {
		j++
		base := rune(10)
		if j < len(src) && src[j]|0x20 == 'x' {
			base = 16
			j++
		}
		ds, v := j, rune(0)
		for j < len(src) {
			d := hexDigit(src[j])
			if d < 0 || d >= base {
				break
			}
			if v <= utf8.MaxRune {
				v = v*base + d
			}
			j++
		}
		if j == ds {
			return dst, 0
		}
		if j < len(src) && src[j] == ';' {
			j++
		} else if strict {
			return dst, 0
		}
		return utf8.AppendRune(dst, htmlNumeric(v, strict)), j - i
	}
	for j < len(src) && ('a' <= src[j]|0x20 && src[j]|0x20 <= 'z' || '0' <= src[j] && src[j] <= '9') {
		j++
	}
	if j == i+1 {
		return dst, 0
	}
	if j < len(src) && src[j] == ';' {
		switch string(src[i+1 : j]) {
		case "amp":
			return append(dst, '&'), j + 1 - i
		case "lt":
			return append(dst, '<'), j + 1 - i
		case "gt":
			return append(dst, '>'), j + 1 - i
		case "quot":
			return append(dst, '"'), j + 1 - i
		case "apos":
			return append(dst, '\''), j + 1 - i
		case "nbsp":
			return append(dst, "\u00a0"...), j + 1 - i
		}
		ref := string(src[i : j+1])
		// The standard library knows every HTML5 name; a result still
		// ending in ';' is a shorter legacy name followed by text.
		if s := html.UnescapeString(ref); s != ref && (s == ";" || !strings.HasSuffix(s, ";")) {
			return append(dst, s...), j + 1 - i
		}
		return dst, 0
	}
	if strict || attr && j < len(src) && src[j] == '=' {
		return dst, 0
	}
	ref := string(src[i:j])
	// Without ';' only a legacy name spanning the whole run counts; a
	// shorter match leaves letters or digits in the result.
	if s := html.UnescapeString(ref); s != ref && !strings.ContainsFunc(s, func(r rune) bool {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}) {
		return append(dst, s...), j - i
	}
	return dst, 0
}

// htmlWin1252 maps the numeric references &#128; to &#159; as browsers do.
var htmlWin1252 = [32]rune{
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
	0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
}

func htmlNumeric(v rune, strict bool) rune {
	switch {
	case v == 0, v > utf8.MaxRune, 0xD800 <= v && v < 0xE000:
		return utf8.RuneError
	case 0x80 <= v && v < 0xA0 && !strict:
		return htmlWin1252[v-0x80]
	}
	return v
}
