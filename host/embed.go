package host

import "bytes"

// A string value holding HTML that can run code is an HTML document (SPEC
// §2.4): a tag manager's Custom HTML tag, `el.innerHTML = '<button
// onclick="…">'`, a YAML `html: |` block. These two tests decide which: the
// first on the literal as written, so that most strings are never decoded;
// the second on its decoded text.

// mayHoldHTML reports whether a literal as written may decode to text with a
// '<': plainly, or escaped as \u003c or \x3c (Go's JSON encoder writes
// every '<' as \u003c).
func mayHoldHTML(raw []byte) bool {
	if bytes.IndexByte(raw, '<') >= 0 {
		return true
	}
	for i := 0; ; {
		j := bytes.IndexByte(raw[i:], '\\')
		if j < 0 {
			return false
		}
		i += j + 1
		if r, _ := preEscape(raw, i-1); r == '<' {
			return true
		}
	}
}

// htmlCanRun reports whether text holds HTML markup that can run code: a
// <script start tag, or a start tag with an event-handler attribute
// (on…=). It reads each byte at most twice.
func htmlCanRun(text []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		n := i
		for n < len(text) && htmlNameByte(text[n]) {
			n++
		}
		if n == i || !isLetter(text[i]) {
			continue
		}
		if n-i == len("script") && htmlHasFold(text[i:n], "script") {
			return true
		}
		var ok bool
		if i, ok = htmlTagRuns(text, n); ok {
			return true
		}
	}
}

// htmlTagRuns reads the attributes of a start tag from text[i] to its '>'
// and reports whether one is an event handler with a value, with the
// offset where it stopped reading.
func htmlTagRuns(text []byte, i int) (int, bool) {
	for i < len(text) {
		switch c := text[i]; {
		case c == '>' || c == '<':
			return i, false
		case c == '"' || c == '\'':
			k := bytes.IndexByte(text[i+1:], c)
			if k < 0 {
				return len(text), false
			}
			i += k + 2
		case isLetter(c):
			n := i
			for n < len(text) && htmlNameByte(text[n]) {
				n++
			}
			name := text[i:n]
			for n < len(text) && (text[n] == ' ' || text[n] == '\t' || text[n] == '\n' || text[n] == '\r') {
				n++
			}
			if len(name) > 2 && name[0]|0x20 == 'o' && name[1]|0x20 == 'n' && n < len(text) && text[n] == '=' {
				return n, true
			}
			i = n
		default:
			i++
		}
	}
	return i, false
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func htmlNameByte(c byte) bool {
	return isLetter(c) || '0' <= c && c <= '9' || c == '-' || c == ':' || c == '_'
}

// tagVariables makes each tag-manager variable of d's text, `{{Name}}`, a
// Placeholder: Google Tag Manager replaces it with the variable's value
// before the page sees the HTML, so it satisfies any argument.
func tagVariables(d *Doc) {
	var runs [][2]int
	for i := 0; ; {
		j := bytes.Index(d.Text[i:], []byte("{{"))
		if j < 0 {
			break
		}
		i += j + 2
		k := i
		for k < len(d.Text) && k-i < 128 && d.Text[k] != '{' && d.Text[k] != '}' && d.Text[k] != '\n' {
			k++
		}
		if k > i && k+1 < len(d.Text) && d.Text[k] == '}' && d.Text[k+1] == '}' {
			runs = append(runs, [2]int{i - 2, k + 2})
			i = k + 2
		}
	}
	if len(runs) > 0 {
		d.Text, d.Map = placeholderRuns(d.Text, d.Map, runs)
	}
}

// placeholderRuns returns text and its map with each run [lo, hi) of runs
// (sorted, disjoint) replaced by a Placeholder that stands for the run's
// host bytes.
func placeholderRuns(text []byte, m Map, runs [][2]int) ([]byte, Map) {
	out := make([]byte, 0, len(text))
	var segs []Seg
	keep := func(a, b int) {
		if a >= b {
			return
		}
		base := len(out)
		for k := m.segAt(a); k < len(m.Segs) && m.Segs[k].Dec < b; k++ {
			g := m.Segs[k]
			lo, hi := max(a, g.Dec), min(b, g.Dec+m.decLen(k))
			if lo >= hi {
				continue
			}
			s := Seg{Dec: base + lo - a, Host: g.Host, HostLen: g.HostLen, Verbatim: g.Verbatim}
			if g.Verbatim {
				s.Host, s.HostLen = g.Host+lo-g.Dec, hi-lo
			}
			segs = append(segs, s)
		}
		out = append(out, text[a:b]...)
	}
	at := 0
	for _, r := range runs {
		keep(at, r[0])
		h := m.Start(r[0])
		segs = append(segs, Seg{Dec: len(out), Host: h, HostLen: m.End(r[1]) - h})
		out = append(out, string(Placeholder)...)
		at = r[1]
	}
	keep(at, len(text))
	return out, Map{Segs: segs, Len: len(out), Base: m.Base}
}
