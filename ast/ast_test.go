package ast_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/grammar"
)

func TestObjectID(t *testing.T) {
	id := &ast.ObjectID{Raw: "62C6077CA980127F404B0301"}
	assert.True(t, id.Valid())
	assert.Equal(t, "62c6077ca980127f404b0301", id.Canonical())
	ts, ok := id.Time()
	assert.True(t, ok)
	assert.Equal(t, time.Date(2022, 7, 6, 22, 6, 52, 0, time.UTC), ts)

	for raw, want := range map[string]time.Time{
		"000000000000000000000000": time.Unix(0, 0).UTC(),
		"ffffffff0000000000000000": time.Unix(1<<32-1, 0).UTC(),
		"FFFFFFFF0000000000000000": time.Unix(1<<32-1, 0).UTC(),
		"6093490651a8b5629324ae4f": time.Date(2021, 5, 6, 1, 40, 22, 0, time.UTC),
	} {
		ts, ok := (&ast.ObjectID{Raw: raw}).Time()
		assert.True(t, ok, raw)
		assert.Equal(t, want, ts, raw)
	}
	for _, raw := range []string{"g00000000000000000000000", "0000000000000000000000 0", "00000000000000000000000\xff"} {
		assert.False(t, ast.IsObjectID(raw), raw)
	}

	bad := &ast.ObjectID{Raw: "62C6077CA980127F404B030"}
	assert.False(t, bad.Valid())
	assert.Equal(t, "62C6077CA980127F404B030", bad.Canonical(), "a malformed id is printed as written")
	_, ok = bad.Time()
	assert.False(t, ok)

	dyn := &ast.ObjectID{Raw: "62c6" + string(ast.Placeholder)}
	assert.True(t, dyn.Dynamic())
	assert.True(t, dyn.Valid())
}

func TestNilParts(t *testing.T) {
	var text *ast.Text
	assert.False(t, text.Pos().IsValid())
	assert.False(t, text.End().IsValid())
	a := &ast.Assign{Prefix: &ast.Prefix{ValuePos: ast.Pos{Line: 1, Column: 1}, Text: ">cs"}, Verb: ast.Pos{Offset: 4, Line: 1, Column: 5}}
	assert.Equal(t, 11, a.End().Offset, "a command without arguments ends after its verb")
	assert.Equal(t, ">cs /assign", ast.Print(a))
	f := &ast.Field{Prefix: a.Prefix, Dot: a.Verb}
	assert.Equal(t, 5, f.End().Offset, "a nil Value interface is skipped")
}

func TestWalkOrder(t *testing.T) {
	m, err := grammar.Parse(">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5")
	assert.NoError(t, err)
	var got []string
	ast.Inspect(m, func(n ast.Node) bool {
		if n != nil {
			got = append(got, strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast."))
		}
		return true
	})
	assert.Equal(t, []string{"Field", "Prefix", "Ident", "Location", "ObjectID", "ObjectID"}, got)

	var skipped []string
	ast.Inspect(m, func(n ast.Node) bool {
		if n != nil {
			skipped = append(skipped, fmt.Sprintf("%T", n))
		}
		_, isLoc := n.(*ast.Location)
		return !isLoc
	})
	assert.Len(t, skipped, 4, "returning false skips a node's children")
}

func TestVerbSpan(t *testing.T) {
	for in, want := range map[string]string{
		">cs /set isLead yes": "/set",
		">cs /assign":         "/assign",
		">cs /notify":         "/notify",
		">cs .brand Toyota":   ".",
		">cs +":               "+",
		">cs @":               "@",
		">cs /sett x":         "/sett",
	} {
		m, _ := grammar.Parse(in)
		from, to, ok := ast.VerbSpan(m)
		assert.True(t, ok, in)
		assert.Equal(t, want, in[from.Offset:to.Offset], in)
	}
	m, _ := grammar.Parse("hello")
	_, _, ok := ast.VerbSpan(m)
	assert.False(t, ok)
}

func ExamplePrint() {
	m, _ := grammar.Parse(">cs\t/assign   62C6077CA980127F404B0301  ")
	fmt.Println(ast.Print(m))
	// Output: >cs /assign 62c6077ca980127f404b0301
}

func ExampleInspect() {
	m, _ := grammar.Parse(">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5")
	ast.Inspect(m, func(n ast.Node) bool {
		if id, ok := n.(*ast.ObjectID); ok {
			ts, _ := id.Time()
			fmt.Println(id.Pos(), id.Raw, ts.Format(time.DateOnly))
		}
		return true
	})
	// Output:
	// 1:15 61be87aeafdf672d381a9db4 2021-12-19
	// 1:40 61be87aeafdf672d381a9db5 2021-12-19
}
