// Package format writes command files in canonical form: each message
// through the ast printer, comments as written, runs of blank lines as one.
package format

import (
	"bytes"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/linemap"
)

const bom = "\uFEFF"

// Source returns src in canonical form. It keeps what is not the printer's
// to change: a byte order mark, the line-ending style (that of the first
// line: LF, CRLF or a lone CR), chat and invalid lines as written. The result ends in
// a line break unless it is empty, and formatting it again changes nothing.
func Source(src []byte) []byte {
	doc, _ := grammar.ParseDocument(src)
	var b bytes.Buffer
	if bytes.HasPrefix(src, []byte(bom)) {
		b.WriteString(bom)
	}
	eol := "\n"
	if i := linemap.LineEnd(src, 0); i < len(src) {
		eol = string(src[i : i+linemap.BreakAt(src, i)])
	}
	ast.PrintDocument(&b, doc, eol) // a bytes.Buffer never fails
	return b.Bytes()
}
