package grammar

import (
	"reflect"
	"regexp"
	"sync"
	"sync/atomic"

	"github.com/alecthomas/participle/v2/lexer"
)

// Participle interprets the grammar through reflection and allocates for
// every branch it tries and every part it captures: parsing a line costs
// tens of allocations, most of a lint run. But what participle decides —
// which command, which parts, which token goes where — depends only on the
// types of a line's tokens and on which of them are the grammar's literal
// words ("/set", "location", "#", …); never on the rest of their text or on
// their positions. So a line's lineShape, those types and literals, determines
// its tree up to the tokens in it.
//
// Participle therefore parses each shape once. Its tree is recorded as a
// recipe — the command's type, and for every captured part the index of its
// token in the line — and a later line of the same shape gets the same tree
// with its own tokens. TestShapeReplay and FuzzParse check that a replayed
// tree equals participle's own for the same line.

// lineShape is the key of a line's lineShape: per token, its type and literal.
type lineShape struct {
	n    uint8
	code [maxShape]uint8
}

// maxShape is the most tokens a memoized line has; a longer line, free
// text of many words, is parsed by participle each time.
const maxShape = 31

// literal is a word the grammar matches by its text.
type literal struct {
	typ   lexer.TokenType
	value string
}

// literals are the grammar's literal words, read from its productions.
var literals = literalsOf(commands)

var literalTag = regexp.MustCompile(`'([^']*)':(\w+)`)

func literalsOf(cmds []command) []literal {
	var out []literal
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			for _, m := range literalTag.FindAllStringSubmatch(f.Tag.Get("parser"), -1) {
				out = append(out, literal{typ: symbols[m[2]], value: m[1]})
			}
			visit(f.Type)
		}
	}
	for _, c := range cmds {
		visit(reflect.TypeOf(c))
	}
	return out
}

// lineShapeOf returns the shape of a line's tokens, or false when the line has
// too many tokens to be memoized.
func lineShapeOf(toks []lexer.Token) (lineShape, bool) {
	var s lineShape
	if len(toks) > maxShape {
		return s, false
	}
	s.n = uint8(len(toks))
	for i, t := range toks {
		c := uint8(-t.Type) // 2…9
		for j, l := range literals {
			if l.typ == t.Type && l.value == t.Value {
				c |= uint8(j+1) << 4
				break
			}
		}
		s.code[i] = c
	}
	return s, true
}

// recipe is participle's tree for one shape: the command's type, nil for a
// bare prefix, and where each captured part's token is.
type recipe struct {
	typ   reflect.Type // the command's struct type
	slots []slot
}

type slotKind uint8

const (
	tokenSlot    slotKind = iota // a lexer.Token field: the token
	positionSlot                 // a production's Pos: its first token's position
	textSlot                     // a text field: free text from this token on
)

type slot struct {
	path []int // field indexes from the command, through pointers to productions
	kind slotKind
	tok  int // index of the token in the line
}

var (
	recipes     sync.Map // lineShape → *recipe
	recipeCount atomic.Int32
)

// maxRecipes bounds the memo: real files hold a few dozen shapes, and input
// made to hold ever new ones is parsed by participle each time.
const maxRecipes = 4096

var (
	tokenType    = reflect.TypeFor[lexer.Token]()
	positionType = reflect.TypeFor[lexer.Position]()
	textType     = reflect.TypeFor[text]()
)

// remember records participle's tree of a line of shape s with tokens toks.
func remember(s lineShape, tree *message, toks []lexer.Token) {
	if recipeCount.Load() >= maxRecipes {
		return
	}
	r := &recipe{}
	if tree.Command != nil {
		v := reflectElem(tree.Command)
		r.typ = v.Type()
		r.record(v, nil, toks)
	}
	if _, loaded := recipes.LoadOrStore(s, r); !loaded {
		recipeCount.Add(1)
	}
}

// reflectElem returns the production a command points to.
func reflectElem(c command) reflect.Value { return reflect.ValueOf(c).Elem() }

// record adds the slots of the production v at path.
func (r *recipe) record(v reflect.Value, path []int, toks []lexer.Token) {
	at := func(off int) int {
		for i, t := range toks {
			if t.Pos.Offset == off {
				return i
			}
		}
		panic("grammar: a captured position is no token's") // participle captures tokens
	}
	for i := range v.NumField() {
		f, p := v.Field(i), append(path[:len(path):len(path)], i)
		switch f.Type() {
		case tokenType:
			if t := f.Interface().(lexer.Token); present(t) {
				r.slots = append(r.slots, slot{path: p, kind: tokenSlot, tok: at(t.Pos.Offset)})
			}
		case positionType:
			r.slots = append(r.slots, slot{path: p, kind: positionSlot, tok: at(f.Interface().(lexer.Position).Offset)})
		case textType:
			if t := f.Interface().(text); t.Pos.Line > 0 {
				r.slots = append(r.slots, slot{path: p, kind: textSlot, tok: at(t.Pos.Offset)})
			}
		default:
			if f.Kind() == reflect.Pointer && !f.IsNil() {
				r.record(f.Elem(), p, toks)
			}
		}
	}
}

// replay returns the tree of a line of the recipe's lineShape with tokens toks.
func (r *recipe) replay(toks []lexer.Token) message {
	if r.typ == nil {
		return message{}
	}
	cmd := reflect.New(r.typ)
	for _, s := range r.slots {
		f := cmd.Elem()
		for _, i := range s.path {
			if f.Kind() == reflect.Pointer {
				if f.IsNil() {
					f.Set(reflect.New(f.Type().Elem()))
				}
				f = f.Elem()
			}
			f = f.Field(i)
		}
		// Through a pointer, so that setting a field boxes nothing.
		switch t := toks[s.tok]; s.kind {
		case tokenSlot:
			*f.Addr().Interface().(*lexer.Token) = t
		case positionSlot:
			*f.Addr().Interface().(*lexer.Position) = t.Pos
		case textSlot:
			*f.Addr().Interface().(*text) = text{Pos: t.Pos}
		}
	}
	return message{Command: cmd.Interface().(command)}
}
