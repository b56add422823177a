package grammar

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/ast"
)

// A lone CR ends a line, as LF and CRLF do, everywhere a document is split
// (linemap.BreakAt): the command after it is its own message on its own line.
func TestLoneCR(t *testing.T) {
	src := ">cs /set a b\r>cs /sett c d\r\n# c\r>cs /assign 62c6077ca980127f404b0301\r>cs /sett x"
	doc, errs := ParseDocument([]byte(src))
	require.Len(t, doc.Messages, 4)
	var lines []int
	for _, m := range doc.Messages {
		lines = append(lines, m.Pos().Line)
	}
	assert.Equal(t, []int{1, 2, 4, 5}, lines)
	assert.Equal(t, ">cs /assign 62c6077ca980127f404b0301", src[doc.Messages[2].Pos().Offset:doc.Messages[2].End().Offset])
	require.Len(t, doc.Comments, 1)
	assert.Equal(t, 3, doc.Comments[0].Hash.Line)
	var codes []string
	for _, e := range errs {
		codes = append(codes, e.Code)
	}
	assert.Equal(t, []string{CodeUnknownCommand, CodeUnknownCommand}, codes, "no objectid-format on the CR")

	var texts []string
	for l := range Lines([]byte(src)) {
		texts = append(texts, l.Text)
	}
	assert.Equal(t, []string{">cs /set a b", ">cs /sett c d", "# c", ">cs /assign 62c6077ca980127f404b0301", ">cs /sett x"}, texts)

	// Pieces count lone CRs as lines too, and never cut a CRLF in two.
	pieces := Pieces([]byte(src), 1, ast.Pos{Line: 1, Column: 1}, nil)
	for _, p := range pieces {
		first := 0
		for l := range Lines([]byte(src[:p.Start])) {
			first = l.Pos.Line
		}
		if p.Start > 0 {
			assert.Equal(t, first, p.Base.Line, "piece at %d", p.Start)
		}
		assert.NotEqual(t, byte('\n'), src[p.Start], "piece at %d starts inside a CRLF", p.Start)
	}
}
