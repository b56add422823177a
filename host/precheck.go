package host

import "bytes"

// MayContain reports whether src may hold a >cs message or a web1on1 call, so
// that a repository scan can skip every other file without extracting it. It
// errs on the side of true: a false result is a promise, a true one only a hint.
//
// It is true when src contains "web1on1", or a ">" followed by "c" and "s" in
// either case, where
//   - ">" may be written plainly or as \x3e, \u003e, \u{3e}, \U0000003e (YAML),
//     \76 or \076 (octal), &gt; or &GT; (with or without the semicolon), &#62;
//     or &#x3e; (any number of leading zeros, optional semicolon); hex digits in
//     either case;
//   - "c" and "s" may be written plainly or with the same numeric escapes and
//     character references (\x63, \u0053, \143, &#99;, …), or as a JavaScript
//     identity escape (\c, \s);
//   - between ">" and "c" any run of spaces, tabs and line breaks may stand,
//     plain or escaped (\t, \n, \x20, …), so that "> cs" and a YAML line fold
//     between the two are caught; a backslash before a line break (a JavaScript
//     line continuation or a YAML escaped line break) is skipped there and
//     between "c" and "s", together with the indentation that follows it.
//
// Escaped spellings of "web1on1" itself are not looked for.
func MayContain(src []byte) bool {
	if bytes.Contains(src, []byte("web1on1")) {
		return true
	}
	// Each trigger byte starts spellings of '>'. Minified code is full of
	// them ("=>", "&&", "\n"), so the byte after each one is checked against
	// a table before anything is decoded.
	for k, trig := range [...]byte{'>', '\\', '&'} {
		bit := byte(1) << k
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], trig)
			if j < 0 {
				break
			}
			i += j + 1
			if i < len(src) && preFollow[src[i]]&bit == 0 {
				continue
			}
			if preCommandAt(src, i-1) {
				return true
			}
		}
	}
	return false
}

// preFollow marks, with bit k, the bytes that may follow trigger k of
// MayContain in a spelling of ">cs": after '>' white space, "c" or the start
// of an escape; after '\\' the letter of an escape of '>'; after '&' that of a
// character reference.
var preFollow = func() (t [256]byte) {
	for _, c := range []byte(" \t\n\rcC\\&") {
		t[c] |= 1
	}
	for _, c := range []byte("xuU01234567") {
		t[c] |= 2
	}
	for _, c := range []byte("gG#") {
		t[c] |= 4
	}
	return t
}()

// preCommandAt reports whether a spelling of ">", optional white space, "c"
// and "s" starts at src[i].
func preCommandAt(src []byte, i int) bool {
	r, n := preChar(src, i)
	if r != '>' {
		return false
	}
	i += n
	for k := 0; k < 256; k++ {
		r, n = preChar(src, i)
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			break
		}
		i += n
	}
	if r != 'c' && r != 'C' {
		return false
	}
	i = preSkipContinuation(src, i+n)
	r, _ = preChar(src, i)
	return r == 's' || r == 'S'
}

// preSkipContinuation skips a backslash and a line break, and the spaces and
// tabs after it, at src[i].
func preSkipContinuation(src []byte, i int) int {
	if i+1 >= len(src) || src[i] != '\\' || (src[i+1] != '\n' && src[i+1] != '\r') {
		return i
	}
	i += 2
	if src[i-1] == '\r' && i < len(src) && src[i] == '\n' {
		i++
	}
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// preChar decodes the character spelt at src[i] in any notation that
// MayContain knows, and returns it with the number of bytes it takes. It
// returns -1 at the end of src. Characters outside ASCII are not decoded: only
// ASCII is ever compared, so their first byte stands for them.
func preChar(src []byte, i int) (rune, int) {
	if i >= len(src) {
		return -1, 0
	}
	switch src[i] {
	case '\\':
		return preEscape(src, i)
	case '&':
		return preEntity(src, i)
	}
	return rune(src[i]), 1
}

// preEscape decodes a backslash escape of JavaScript, JSON or YAML.
func preEscape(src []byte, i int) (rune, int) {
	if i+1 >= len(src) {
		return '\\', 1
	}
	switch c := src[i+1]; c {
	case 'x':
		if v, ok := hexRune(src, i+2, 2); ok {
			return v, 4
		}
	case 'u':
		if i+2 < len(src) && src[i+2] == '{' {
			j := i + 3
			for j < len(src) && j-i-3 < 8 && hexDigit(src[j]) >= 0 {
				j++
			}
			if j > i+3 && j < len(src) && src[j] == '}' {
				v, _ := hexRune(src, i+3, j-i-3)
				return v, j + 1 - i
			}
		} else if v, ok := hexRune(src, i+2, 4); ok {
			return v, 6
		}
	case 'U':
		if v, ok := hexRune(src, i+2, 8); ok {
			return v, 10
		}
	case 'n':
		return '\n', 2
	case 'r':
		return '\r', 2
	case 't':
		return '\t', 2
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v, j := rune(0), i+1
		for j < len(src) && j-i-1 < 3 && src[j] >= '0' && src[j] <= '7' {
			v = v*8 + rune(src[j]-'0')
			j++
		}
		return v, j - i
	}
	// An identity escape (\c in JavaScript) stands for the character itself.
	return rune(src[i+1]), 2
}

// preEntity decodes an HTML character reference for '>' or a numeric one.
func preEntity(src []byte, i int) (rune, int) {
	j := i + 1
	if j+1 < len(src) && (src[j] == 'g' && src[j+1] == 't' || src[j] == 'G' && src[j+1] == 'T') {
		j += 2
		if j < len(src) && src[j] == ';' {
			j++
		}
		return '>', j - i
	}
	if j >= len(src) || src[j] != '#' {
		return '&', 1
	}
	j++
	base := rune(10)
	if j < len(src) && (src[j] == 'x' || src[j] == 'X') {
		base = 16
		j++
	}
	v, start := rune(0), j
	for j < len(src) && j-start < 12 {
		d := hexDigit(src[j])
		if d < 0 || d >= base {
			break
		}
		v = v*base + d
		j++
	}
	if j == start {
		return '&', 1
	}
	if j < len(src) && src[j] == ';' {
		j++
	}
	return v, j - i
}
