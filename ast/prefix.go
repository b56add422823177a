package ast

// PrefixOf returns the prefix written before a command — for a near miss's
// Intended, the near miss itself — or nil for chat and a command without one.
func PrefixOf(m Message) *Prefix {
	switch m := m.(type) {
	case *Field:
		return m.Prefix
	case *Form:
		return m.Prefix
	case *Set:
		return m.Prefix
	case *Assign:
		return m.Prefix
	case *Notify:
		return m.Prefix
	case *Mention:
		return m.Prefix
	case *Invalid:
		return m.Prefix
	}
	return nil
}
