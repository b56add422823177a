// Package host finds the >cs messages written inside host files — JavaScript,
// TypeScript, HTML, JSON and YAML — and maps every byte of each decoded message
// back to the bytes of the host file it came from.
//
// Extraction decodes a string literal's escapes, so "\x3ecs /set a b" becomes
// ">cs /set a b", and keeps an offset table (Segs) from decoded offsets to host
// offsets. A diagnostic found in the decoded text is mapped back through that
// table, so it points at the characters the author wrote.
package host

import (
	"github.com/web1on1/cscmd/ast"
)

// Placeholder stands for a dynamic part of a message — `${expr}` in a template
// literal, or a non-literal operand of `+` — in String.Text. The grammar,
// parsing with grammar.Placeholders, treats it as a value that satisfies any
// argument.
const Placeholder = ast.Placeholder

// Syntax is how a literal is written in its host; it decides how replacement
// text must be escaped when a fix is written back.
type Syntax int

// The literal syntaxes that extraction produces.
const (
	JSSingle   Syntax = iota + 1 // '…'
	JSDouble                     // "…"
	JSTemplate                   // `…`
	JSONString                   // "…" in JSON
	YAMLPlain                    // plain scalar
	YAMLSingle                   // '…'
	YAMLDouble                   // "…"
	YAMLBlock                    // | or > block scalar
	// JSXAttr is a JSX attribute string (name="…" or name='…'): backslashes
	// are literal there and character references are decoded, so
	// replacement text is entity-encoded rather than backslash-escaped.
	JSXAttr
)

// String is one string value found in a host file whose decoded text may be a
// >cs message.
type String struct {
	Text   string // decoded value; dynamic parts are Placeholder
	Segs   []Seg  // sorted by Dec, covering Text from 0 to len(Text) without gaps
	Start  int    // host offset of the literal (the opening quote, if any)
	End    int    // host offset just after the literal (after the closing quote)
	Syntax Syntax // syntax of the first literal
	// Outer are the layers the literal is written inside, innermost first:
	// JS in an HTML event attribute is entity-encoded on top of its own
	// escapes, and that HTML may be a JSON string. A fix is escaped for the
	// literal, then for each layer in turn.
	Outer []Layer
	// Callee is the member path of the web1on1 call this string is a direct
	// argument of ("api.sendClientMessage", "setPredefinedMessage"), or "".
	Callee string
}

// Map is the offset map of s.Text to the host file.
func (s *String) Map() Map { return Map{Segs: s.Segs, Len: len(s.Text), Base: s.Start} }

// HostOffset maps an offset in s.Text (0 ≤ dec ≤ len(s.Text)) to a host offset,
// for the start of a range. An offset inside an escape maps to the escape's
// start.
func (s *String) HostOffset(dec int) int { return s.Map().Start(dec) }

// HostEnd maps the exclusive end of a range in s.Text to a host offset: an end
// inside or just after an escape maps to the end of that escape.
func (s *String) HostEnd(dec int) int { return s.Map().End(dec) }

// Decoded maps a host offset to an offset in s.Text (see Map.Decoded).
func (s *String) Decoded(host int) (int, bool) { return s.Map().Decoded(host) }

// Call is a call on the widget's global object: web1on1.PATH(ARGS).
type Call struct {
	Path  string // member path after "web1on1.", e.g. "api.sendClientMessage", "opne"
	Start int    // host offset of Path
	End   int    // host offset just after Path
	Args  int    // number of arguments
}

// Comment is a host comment, for suppression (`cscmd-ignore RULE`).
type Comment struct {
	Start, End int    // host range of the whole comment
	Text       string // the comment as written in the file, delimiters included
	// Body is the comment's decoded text without its delimiters, and
	// BodyMap its map to the host file; Extract fills them in.
	Body    string
	BodyMap Map
	// Scope is the host range a suppression in the comment covers: from
	// the start of its first line to the end of the line after its last,
	// lines of the document it is written in (a tag's HTML in a JSON
	// string has lines of its own). Extract fills it in.
	Scope [2]int
}

// File is what extraction finds in one host file.
type File struct {
	Strings  []String  // candidate messages, in source order
	Calls    []Call    // web1on1 calls, in source order
	Comments []Comment // comments, in source order
	// Docs are the parts of the file written in another language; Extract
	// extracts them and empties the list.
	Docs []Doc
	// Regions are where Extract found embedded documents, by start, an
	// outer one before the inner ones that start with it.
	Regions []Region

	// cuts are where, in increasing order, a Language with Cuts says the
	// text may be cut (see chunk.go); the text's length is one when its
	// end is.
	cuts []cut
	// strain is how much the extraction spent of a budget the extractor
	// sets per file (JavaScript's failed JSX attempts): chunks together
	// may not spend more than the whole file could.
	strain int
}

// Region is the extent of an embedded document in the file, so that a
// comment written on one of its lines is written in its language.
type Region struct {
	Start, End int
	Lang       *Language
	// Escaped is set for a document written inside a literal (HTML in a
	// JSON string): a line of it is part of a value, and no comment can
	// be added there.
	Escaped bool
}

// Doc is a document embedded in another: a script body or an event
// attribute of a page, a string value holding HTML, a fenced code block.
type Doc struct {
	Lang  string // the Name or an alias of its language
	Text  []byte // its decoded text; it may share the host's bytes
	Map   Map    // from Text to the host that holds it
	Layer Layer  // how text is written into the host there
	// Own is set for the file's own code (a page's scripts and handlers,
	// a template's page), whose syntax errors are the file's; code inside
	// a string value is data to the file, and its errors are not reported.
	Own bool
}

// Layer is how decoded text is written back into the literal it came from:
// the escaping of one level of nesting. The zero Layer copies text as it
// is (a script body in a page).
type Layer struct {
	Name   string                      // what it escapes for, in tests: "attr", "json", …
	Escape func(string) (string, bool) // false where text cannot be written there
}
