package report

import (
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/linemap"
)

// AppendDocument parses the piece of src and appends, with encode, what
// `cscmd parse` reports for each of its messages. name is the file name
// reported ("" for standard input); bom says that src starts with a UTF-8
// byte order mark, which no reported line holds. The CLI and the
// WebAssembly build both call it, so that they report the same objects.
func AppendDocument(dst []byte, name string, src []byte, piece grammar.Piece, bom bool, encode func([]byte, *Parsed) []byte) []byte {
	doc, errs := grammar.ParseDocument(src[piece.Start:piece.End], grammar.Base(piece.Base))
	p := Parsed{File: name}
	for _, m := range doc.Messages {
		pos := m.Pos()
		lineStart := pos.Offset - (pos.Column - 1)
		if bom && lineStart == 0 {
			lineStart = len("\uFEFF")
		}
		lineEnd := linemap.LineEnd(src, lineStart)
		p.Line, p.LineStart, p.Message = pos.Line, lineStart, m
		p.Text = string(src[lineStart:lineEnd])
		n := 0
		for n < len(errs) && errs[n].Pos.Line == pos.Line {
			n++
		}
		p.Errors, errs = errs[:n], errs[n:]
		dst = encode(dst, &p)
	}
	return dst
}
