package grammar

import (
	"fmt"
	"sort"
	"strings"

	"github.com/web1on1/cscmd/ast"
)

// Error codes: each parse error belongs to the lint rule of the same id.
const (
	CodeSyntax             = "syntax"
	CodeUnknownCommand     = "unknown-command"
	CodeMissingArgument    = "missing-argument"
	CodeUnexpectedArgument = "unexpected-argument"
	CodeObjectIDFormat     = "objectid-format"
	CodeLocationPair       = "location-pair"
)

// Error is a parse error: a command the widget cannot run as written.
type Error struct {
	Pos, End ast.Pos
	Code     string // the lint rule id the error belongs to
	Msg      string
	// Suggest is the text that most likely was meant in place of Pos..End
	// (a verb for an unknown command), or "".
	Suggest string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Pos, e.Msg) }

// ErrorList is a list of parse errors sorted by position.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) sort() {
	if len(l) < 2 {
		return
	}
	sort.SliceStable(l, func(i, j int) bool { return l[i].Pos.Offset < l[j].Pos.Offset })
}

// First returns the first error, or nil.
func (l ErrorList) First() *Error {
	if len(l) == 0 {
		return nil
	}
	return l[0]
}
