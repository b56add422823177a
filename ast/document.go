package ast

// Document is a command file: one message per line, with comment lines.
// Blank lines hold no node; a printer restores them from line numbers.
type Document struct {
	Messages []Message
	Comments []*Comment
}

// Comment is a line whose first non-blank character is "#". Text is the line
// from the "#" on, with trailing blanks trimmed.
type Comment struct {
	Hash Pos
	Text string
}

func (c *Comment) Pos() Pos { return c.Hash }
func (c *Comment) End() Pos { return c.Hash.Add(len(c.Text)) }

// Pos is the position of the first line that holds a node.
func (d *Document) Pos() Pos {
	if l := d.Lines(); len(l) > 0 {
		return l[0].Pos()
	}
	return Pos{}
}

// End is the end of the last line that holds a node.
func (d *Document) End() Pos {
	if l := d.Lines(); len(l) > 0 {
		return l[len(l)-1].End()
	}
	return Pos{}
}

// Lines returns the messages and comments of d in line order.
func (d *Document) Lines() []Node {
	out := make([]Node, 0, len(d.Messages)+len(d.Comments))
	i, j := 0, 0
	for i < len(d.Messages) || j < len(d.Comments) {
		if j == len(d.Comments) || i < len(d.Messages) && d.Messages[i].Pos().Offset < d.Comments[j].Hash.Offset {
			out = append(out, d.Messages[i])
			i++
		} else {
			out = append(out, d.Comments[j])
			j++
		}
	}
	return out
}
