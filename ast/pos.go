package ast

import "fmt"

// Pos is a position in source text. Offset is the byte offset from the start
// of the source; Line and Column count from 1, and Column counts bytes (convert
// to code points or UTF-16 units at the edge, where the line text is known).
//
// A command is one line, so inside one a position n bytes further on is
// Pos.Add(n). Chat may span lines (a host string can hold line breaks):
// there Add is wrong past a break, and positions come from the source.
type Pos struct {
	Offset int
	Line   int
	Column int
}

// IsValid reports whether p is set; the zero Pos is not a position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Add returns the position n bytes further on the same line.
func (p Pos) Add(n int) Pos { return Pos{Offset: p.Offset + n, Line: p.Line, Column: p.Column + n} }

func (p Pos) String() string {
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

// Node is any node of the tree. End is the position just after the node.
type Node interface {
	Pos() Pos
	End() Pos
}

// Span is the byte range [Pos().Offset, End().Offset) of n.
func Span(n Node) (start, end int) { return n.Pos().Offset, n.End().Offset }

// endOf returns the furthest end among last and the ends of nodes. Absent
// parts are nil pointers whose End is the zero Pos, so a command's End follows
// whatever parts it has.
func endOf(last Pos, nodes ...Node) Pos {
	for _, n := range nodes {
		if n == nil {
			continue
		}
		if e := n.End(); e.IsValid() && e.Offset > last.Offset {
			last = e
		}
	}
	return last
}
