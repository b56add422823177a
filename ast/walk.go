package ast

// Visitor's Visit is called for each node of a walk. If it returns a non-nil
// Visitor w, Walk visits the children of node with w, then calls w.Visit(nil).
type Visitor interface {
	Visit(node Node) (w Visitor)
}

// Walk traverses a tree depth-first in source order, like go/ast.Walk. Absent
// optional parts are skipped.
func Walk(v Visitor, node Node) {
	if v = v.Visit(node); v == nil {
		return
	}
	for _, c := range children(node) {
		Walk(v, c)
	}
	v.Visit(nil)
}

type inspector func(Node) bool

func (f inspector) Visit(node Node) Visitor {
	if f(node) {
		return f
	}
	return nil
}

// Inspect traverses a tree depth-first in source order, calling f for each
// node and then f(nil) after a node's children; f returns false to skip a
// node's children.
func Inspect(node Node, f func(Node) bool) {
	Walk(inspector(f), node)
}

// children returns the present children of n in source order.
func children(n Node) []Node {
	var out []Node
	add := func(ns ...Node) {
		for _, c := range ns {
			if c.Pos().IsValid() {
				out = append(out, c)
			}
		}
	}
	switch n := n.(type) {
	case *Document:
		for _, c := range n.Lines() {
			add(c)
		}
	case *Field:
		add(n.Prefix, n.Name)
		if n.Value != nil {
			add(n.Value)
		}
		add(n.Extra)
	case *Location:
		add(n.Org, n.Dept)
	case *Form:
		add(n.Prefix, n.Form, n.Extra)
	case *Set:
		add(n.Prefix, n.Name, n.Value)
	case *Assign:
		add(n.Prefix, n.Target, n.Extra)
	case *Notify:
		add(n.Prefix, n.Inbox, n.Extra)
	case *Mention:
		add(n.Prefix, n.Target, n.Text)
	case *Chat:
		if n.Intended != nil {
			add(n.Intended)
		}
	case *Invalid:
		add(n.Prefix, n.Head, n.Rest)
	}
	return out
}
