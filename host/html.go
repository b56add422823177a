package host

import (
	"bytes"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	thtml "github.com/tdewolff/parse/v2/html"
)

// HTML is a web page: its inline scripts and event handlers are JS
// documents, its JSON script blocks JSON documents.
var HTML = &Language{
	Name:       "html",
	Aliases:    []string{"htm", "xhtml"},
	Extensions: []string{".html", ".htm"},
	IDs:        []string{"html"},
	Extract:    extractHTML,
	Cuts:       true,
	Comments:   []Delims{{Open: "<!--", Close: "-->"}},
	Suppress:   &Delims{Open: "<!--", Close: "-->"},
}

// extractHTML finds the documents of an HTML page that can hold messages:
// inline scripts and event-handler attributes (onclick, …) and javascript:
// URLs are JS documents, a <script type="application/json"> (ld+json,
// importmap) body a JSON document; and the suppression comments. Other
// text — <textarea>, template script types, comments — is not code.
func extractHTML(src []byte) (*File, error) {
	// The lexer lowercases tag and attribute names in place, and needs room
	// for a NUL: it gets a copy. Everything reported is read from src.
	buf := make([]byte, len(src), len(src)+1)
	copy(buf, src)
	htmlHideForeign(buf)
	in := parse.NewInputBytes(buf)
	l := thtml.NewLexer(in)

	f := &File{}
	var isScript, bodyNext bool
	var scriptLang string // the language of the script's body, "" if none
	// A raw text element's body (a script, a <textarea>) is read to its
	// end tag: the text in it is no place for a cut.
	var isRaw, rawNext bool
	cuts := cutRecorder{n: len(src)}
	for {
		tt, data := l.Next()
		end := in.Offset()
		start := end - len(data)
		afterOpen, afterRaw := bodyNext, rawNext
		bodyNext, rawNext = false, false
		switch tt {
		case thtml.ErrorToken:
			f.cuts = cuts.cuts
			return f, nil
		case thtml.CommentToken:
			if bytes.Contains(data, []byte("cscmd-ignore")) {
				f.Comments = append(f.Comments, Comment{Start: start, End: end, Text: string(src[start:end])})
			}
		case thtml.StartTagToken:
			isScript = string(l.Text()) == "script"
			scriptLang = "js"
			isRaw = htmlRaw[string(l.Text())]
		case thtml.AttributeToken:
			val := l.AttrVal()
			if val == nil {
				continue
			}
			a, e := htmlUnquote(src, end-len(val), end)
			key := l.AttrKey()
			switch {
			case isScript && string(key) == "src":
				scriptLang = ""
			case isScript && string(key) == "type":
				dec, _ := htmlDecode(src[a:e], a, false)
				if scriptLang != "" {
					scriptLang = htmlScriptLang(dec)
				}
			case htmlIsEvent(key) || htmlIsDirective(key):
				htmlAttrDoc(f, src, a, e, 0)
			default:
				if k := htmlJSURL(src[a:e]); k > 0 {
					htmlAttrDoc(f, src, a, e, k)
				}
			}
		case thtml.StartTagCloseToken, thtml.StartTagVoidToken:
			// A script body follows even after `<script/>`.
			bodyNext = isScript && scriptLang != ""
			rawNext = isRaw
			isScript, isRaw = false, false
		case thtml.TextToken:
			if afterOpen && end > start {
				f.Docs = append(f.Docs, Doc{Lang: scriptLang, Text: src[start:end], Map: VerbatimMap(start, end-start), Own: true})
			}
			if !afterRaw {
				htmlCuts(&cuts, src, start, end)
			}
		}
	}
}

// htmlRaw are the elements whose body the lexer reads as raw text, up to
// their end tag.
var htmlRaw = map[string]bool{"script": true, "style": true, "textarea": true, "title": true,
	"xmp": true, "iframe": true, "plaintext": true, "svg": true, "math": true, "xml": true}

// htmlCuts records the line starts after a '\n' in the text src[start:end]
// as cuts (see cut): in text between tags a page is read as from its
// start.
func htmlCuts(cuts *cutRecorder, src []byte, start, end int) {
	for p := start; p < end; {
		i := bytes.IndexByte(src[p:end], '\n')
		if i < 0 {
			return
		}
		p += i + 1
		cuts.add(p, "")
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

// htmlScriptLang is the language of a script body by the script's type:
// "js", "json" for the JSON types that embed configurations, or "" for a
// body that is not code (text/template, text/x-template, …).
func htmlScriptLang(v []byte) string {
	t := strings.ToLower(strings.TrimSpace(string(v)))
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	switch t {
	case "", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript",
		"application/x-javascript", "application/x-ecmascript", "text/x-javascript", "text/x-ecmascript",
		"text/jscript", "text/livescript", "text/babel", "text/jsx", "text/typescript", "application/typescript":
		return "js"
	case "application/json", "application/ld+json", "importmap", "speculationrules", "text/json":
		return "json"
	}
	if strings.HasPrefix(t, "text/javascript1.") {
		return "js"
	}
	return ""
}

// htmlAttrDoc yields the script in the attribute value src[a:e], from
// offset k of its decoded text on, as a JS document: character references
// are decoded, and a fix is entity-encoded again.
func htmlAttrDoc(f *File, src []byte, a, e, k int) {
	dec, m := htmlDecode(src[a:e], a, false)
	if len(dec) <= k {
		return
	}
	f.Docs = append(f.Docs, Doc{Lang: "js", Text: dec[k:], Map: VerbatimMap(k, len(dec)-k).Compose(m), Layer: attrLayer, Own: true})
}

// htmlDecode decodes the character references in raw, written at host
// offset host, and returns the decoded bytes with their map. It returns raw
// itself, with a verbatim map, when there is no reference. strict (JSX)
// decodes only references closed by ';'.
func htmlDecode(raw []byte, host int, strict bool) ([]byte, Map) {
	if bytes.IndexByte(raw, '&') < 0 {
		return raw, VerbatimMap(host, len(raw))
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
	return dec, Map{Segs: segs, Len: len(dec), Base: host}
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
