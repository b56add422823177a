package host

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
