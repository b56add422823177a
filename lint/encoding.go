package lint

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// foreignBOMs are the byte order marks of the Unicode encodings other than
// UTF-8, UTF-32 before UTF-16 since the UTF-32LE mark starts with UTF-16LE's.
var foreignBOMs = []struct {
	bom   string
	name  string
	width int // bytes per code unit
	order byteOrder
}{
	{"\x00\x00\xFE\xFF", "UTF-32BE", 4, binary.BigEndian},
	{"\xFF\xFE\x00\x00", "UTF-32LE", 4, binary.LittleEndian},
	{"\xFE\xFF", "UTF-16BE", 2, binary.BigEndian},
	{"\xFF\xFE", "UTF-16LE", 2, binary.LittleEndian},
}

type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// ForeignEncoding returns the encoding that src's byte order mark declares
// when it is UTF-16 or UTF-32, in either byte order, and "" otherwise.
func ForeignEncoding(src []byte) string {
	for _, b := range foreignBOMs {
		if bytes.HasPrefix(src, []byte(b.bom)) {
			return b.name
		}
	}
	return ""
}

// DecodeUTF returns the text of a UTF-16 or UTF-32 file (its byte order
// mark says which) as UTF-8 without the mark, and the encoding's name; a
// file without such a mark is returned as it is, with "". A unit that is not
// a character (a lone surrogate, a truncated last unit) decodes as U+FFFD,
// which EncodeUTF cannot turn back into the same bytes: callers that write
// compare before they do.
func DecodeUTF(src []byte) ([]byte, string) {
	for _, b := range foreignBOMs {
		if !bytes.HasPrefix(src, []byte(b.bom)) {
			continue
		}
		body := src[len(b.bom):]
		out := make([]byte, 0, len(body))
		if b.width == 4 {
			for i := 0; i < len(body); i += 4 {
				r := utf8.RuneError
				if i+4 <= len(body) {
					r = rune(b.order.Uint32(body[i:]))
				}
				out = utf8.AppendRune(out, r)
			}
			return out, b.name
		}
		units := make([]uint16, 0, len(body)/2)
		for i := 0; i+2 <= len(body); i += 2 {
			units = append(units, b.order.Uint16(body[i:]))
		}
		for _, r := range utf16.Decode(units) {
			out = utf8.AppendRune(out, r)
		}
		if len(body)%2 == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		}
		return out, b.name
	}
	return src, ""
}

// EncodeUTF writes UTF-8 text in the named encoding, byte order mark first:
// the inverse of DecodeUTF.
func EncodeUTF(text []byte, name string) []byte {
	for _, b := range foreignBOMs {
		if b.name != name {
			continue
		}
		out := append([]byte(nil), b.bom...)
		for _, r := range string(text) {
			if b.width == 4 {
				out = b.order.AppendUint32(out, uint32(r))
				continue
			}
			for _, u := range utf16.Encode([]rune{r}) {
				out = b.order.AppendUint16(out, u)
			}
		}
		return out
	}
	return text
}

// unsupportedEncoding returns the finding for a file in a foreign encoding
// given to Lint undecoded, and whether src is one.
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
		"the file is encoded in %s (its byte order mark says so) and was given to the linter "+
			"undecoded, so nothing in it was checked: decode it with DecodeUTF first", enc)}}, true
}
