package lint

import (
	"bytes"
	"fmt"
)

// foreignBOMs are the byte order marks of the encodings cscmd does not
// read, UTF-32 before UTF-16 since the UTF-32LE mark starts with UTF-16LE's.
var foreignBOMs = []struct {
	bom  string
	name string
}{
	{"\x00\x00\xFE\xFF", "UTF-32BE"},
	{"\xFF\xFE\x00\x00", "UTF-32LE"},
	{"\xFE\xFF", "UTF-16BE"},
	{"\xFF\xFE", "UTF-16LE"},
}

// ForeignEncoding returns the encoding that src's byte order mark declares
// when it is one cscmd does not read — UTF-16 or UTF-32, in either byte
// order — and "" otherwise. Such a file is neither binary nor clean: it is
// reported as unreadable (host-syntax), never passed in silence.
func ForeignEncoding(src []byte) string {
	for _, b := range foreignBOMs {
		if bytes.HasPrefix(src, []byte(b.bom)) {
			return b.name
		}
	}
	return ""
}

// unsupportedEncoding returns the finding for a file in a foreign encoding,
// and whether src is one.
func (l *Linter) unsupportedEncoding(src []byte) ([]Diagnostic, bool) {
	enc := ForeignEncoding(src)
	if enc == "" {
		return nil, false
	}
	sev := l.severity(ruleHostSyntax)
	if sev == Off {
		return nil, true
	}
	return []Diagnostic{{Rule: ruleHostSyntax.ID, Severity: sev, Message: fmt.Sprintf(
		"the file is encoded in %s (its byte order mark says so); cscmd reads UTF-8 only, "+
			"so nothing in it was checked: save it as UTF-8", enc)}}, true
}
