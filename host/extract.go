package host

import "github.com/web1on1/cscmd/ast"

// Extract finds the candidate >cs messages, the web1on1 calls and the
// suppression comments of a host file. Extraction is best-effort: it lexes
// past recoverable errors and returns everything it found with the first
// *SyntaxError.
func Extract(lang Lang, src []byte) (*File, error) {
	var (
		f   *File
		err error
	)
	switch lang {
	case JS:
		f, err = extractJS(src)
	case HTML:
		f, err = extractHTML(src)
	case JSON:
		f, err = extractJSON(src)
	case YAML:
		f, err = extractYAML(src)
	default:
		return &File{}, nil
	}
	if f == nil {
		f = &File{}
	}
	return f, err
}

// Escape writes text as it must appear inside the string's literal, for a
// fix written back into the host file. It is false when the text cannot be
// written in that literal's syntax without changing it (a plain YAML scalar
// that would need quotes): such a fix is not offered.
func (s *String) Escape(text string) (string, bool) {
	switch s.Syntax {
	case JSSingle, JSDouble, JSTemplate, JSXAttr:
		out := escapeJS(s.Syntax, text)
		if s.InAttr {
			out = escapeAttr(out)
		}
		return out, true
	case JSONString:
		return escapeJSON(text), true
	case YAMLPlain, YAMLSingle, YAMLDouble, YAMLBlock:
		return escapeYAML(s.Syntax, text)
	}
	return "", false
}

// hexRune decodes the n hex digits at src[i]: the one decoder of the
// numeric escapes of every host language (\x, \u, \U, &#x…;).
func hexRune(src []byte, i, n int) (rune, bool) {
	if i < 0 || i+n > len(src) {
		return 0, false
	}
	v := rune(0)
	for _, c := range src[i : i+n] {
		d := hexDigit(c)
		if d < 0 {
			return 0, false
		}
		v = v<<4 | d
	}
	return v, true
}

// hexDigit is ast.HexValue, the one definition of a hex digit, as a rune.
func hexDigit(c byte) rune { return rune(ast.HexValue(c)) }
