// Package format writes command files in canonical form: each message
// through the ast printer, comments as written, runs of blank lines as one.
package format

import (
	"bytes"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/grammar"
)

const bom = "\uFEFF"

// Source returns src in canonical form. It keeps what is not the printer's
// to change: a byte order mark, the line-ending style (CRLF when the first
// line ends in CRLF), chat and invalid lines as written. The result ends in
// a line break unless it is empty, and formatting it again changes nothing.
func Source(src []byte) []byte {
	doc, _ := grammar.ParseDocument(src)
	var b bytes.Buffer
	if bytes.HasPrefix(src, []byte(bom)) {
		b.WriteString(bom)
	}
	eol := "\n"
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		eol = "\r\n"
	}
	ast.PrintDocument(&b, doc, eol) // a bytes.Buffer never fails
	return b.Bytes()
}
