package grammar

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/web1on1/cscmd/ast"
)

// The constructors return the canonical text of a command, ready for
// web1on1.api.sendClientMessage, or an error when the input cannot make a
// command that does what it says: a malformed ObjectId, a bad NAME, an empty
// value, a line break or invalid UTF-8. Surrounding blanks of values are
// trimmed, as the widget would.

// SetCategory returns the command that sets the conversation category.
func SetCategory(category string) (string, error) {
	v, err := value("category", category)
	if err != nil {
		return "", err
	}
	return build(&ast.Set{Verb: at(4), Name: &ast.Ident{Name: ast.Category}, Value: &ast.Text{Value: v}})
}

// SetVariable returns the command that sets a conversation meta variable.
func SetVariable(name, val string) (string, error) {
	if strings.HasPrefix(name, "@") {
		return "", fmt.Errorf("variable name %q is reserved; use SetCategory for @category", name)
	}
	if err := checkName(name); err != nil {
		return "", err
	}
	v, err := value("value", val)
	if err != nil {
		return "", err
	}
	return build(&ast.Set{Verb: at(4), Name: &ast.Ident{Name: name}, Value: &ast.Text{Value: v}})
}

// SetField returns the command that sets a contact-profile or form field.
func SetField(name, val string) (string, error) {
	if name == fieldLocation {
		return "", errors.New("the location field takes ObjectIds; use SetLocation")
	}
	if err := checkName(name); err != nil {
		return "", err
	}
	v, err := value("value", val)
	if err != nil {
		return "", err
	}
	return build(&ast.Field{Dot: at(4), Name: &ast.Ident{Name: name}, Value: &ast.Text{Value: v}})
}

// SetLocation returns the command that sets the contact's location to an
// organization and, unless dept is "", one of its departments.
func SetLocation(org, dept string) (string, error) {
	o, err := objectID("organization", org)
	if err != nil {
		return "", err
	}
	loc := &ast.Location{Org: o}
	if dept != "" {
		if loc.Dept, err = objectID("department", dept); err != nil {
			return "", err
		}
		loc.Hash = at(1)
	}
	return build(&ast.Field{Dot: at(4), Name: &ast.Ident{Name: fieldLocation}, Value: loc})
}

// ActivateForm returns the command that activates a form.
func ActivateForm(form string) (string, error) {
	id, err := objectID("form", form)
	if err != nil {
		return "", err
	}
	return build(&ast.Form{Plus: at(4), Form: id})
}

// Assign returns the command that assigns the conversation to a user or bot.
func Assign(target string) (string, error) {
	id, err := objectID("user or bot", target)
	if err != nil {
		return "", err
	}
	return build(&ast.Assign{Verb: at(4), Target: id})
}

// Notify returns the command that notifies an inbox, or with inbox "" all
// organizations.
func Notify(inbox string) (string, error) {
	n := &ast.Notify{Verb: at(4)}
	if inbox != "" {
		id, err := objectID("inbox", inbox)
		if err != nil {
			return "", err
		}
		n.Inbox = id
	}
	return build(n)
}

// Mention returns the command that mentions a user or bot with a text; the
// text may be "", though a mention usually says something.
func Mention(target, text string) (string, error) {
	id, err := objectID("user or bot", target)
	if err != nil {
		return "", err
	}
	m := &ast.Mention{At: at(4), Target: id}
	if strings.Trim(text, blanks) != "" {
		v, err := value("text", text)
		if err != nil {
			return "", err
		}
		m.Text = &ast.Text{Value: v}
	}
	return build(m)
}

// at is a placeholder position: the printer ignores positions, but nodes
// whose verb position is unset would not know they exist.
func at(off int) ast.Pos { return ast.Pos{Offset: off, Line: 1, Column: off + 1} }

func value(what, v string) (string, error) {
	if !utf8.ValidString(v) {
		return "", fmt.Errorf("%s is not valid UTF-8", what)
	}
	if strings.ContainsAny(v, "\r\n") {
		return "", fmt.Errorf("%s holds a line break; a command is one line", what)
	}
	v = strings.Trim(v, blanks)
	if v == "" {
		return "", fmt.Errorf("%s must not be empty", what)
	}
	return v, nil
}

func checkName(name string) error {
	if !(&builder{}).validName(name) {
		return fmt.Errorf("invalid name %q; a name starts with a letter or \"_\" and holds letters, digits, \"_\", \"-\" and \".\"", name)
	}
	return nil
}

func objectID(what, s string) (*ast.ObjectID, error) {
	if !ast.IsObjectID(s) {
		if len(s) == 24 {
			return nil, fmt.Errorf("%s id %q must be 24 hex digits", what, s)
		}
		return nil, fmt.Errorf("%s id must be 24 hex digits, got %d", what, len(s))
	}
	return &ast.ObjectID{Raw: s}, nil
}

// build prints m with the exact prefix and parses the text back: the
// constructors never hand out text that does not parse to the same command.
func build(m ast.Message) (string, error) {
	prefix := &ast.Prefix{ValuePos: at(0), Text: ">cs"}
	switch m := m.(type) {
	case *ast.Set:
		m.Prefix = prefix
	case *ast.Field:
		m.Prefix = prefix
	case *ast.Form:
		m.Prefix = prefix
	case *ast.Assign:
		m.Prefix = prefix
	case *ast.Notify:
		m.Prefix = prefix
	case *ast.Mention:
		m.Prefix = prefix
	}
	text := ast.Print(m)
	back, err := Parse(text)
	if err != nil || back.Kind() != m.Kind() || ast.Print(back) != text {
		return "", fmt.Errorf("cannot build a %s command from this input: %q does not parse back", m.Kind(), text)
	}
	return text, nil
}
