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
	"path/filepath"
	"sort"
	"strings"

	"github.com/web1on1/cscmd/ast"
)

// Placeholder stands for a dynamic part of a message — `${expr}` in a template
// literal, or a non-literal operand of `+` — in String.Text. The grammar,
// parsing with grammar.Placeholders, treats it as a value that satisfies any
// argument.
const Placeholder = ast.Placeholder

// Lang is a host language.
type Lang int

// The host languages of SPEC §2.
const (
	JS   Lang = iota + 1 // .js .mjs .cjs .jsx .ts .tsx
	HTML                 // .html .htm
	JSON                 // .json
	YAML                 // .yaml .yml
)

// LangOf reports the host language of a file by its extension.
func LangOf(path string) (Lang, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx":
		return JS, true
	case ".html", ".htm":
		return HTML, true
	case ".json":
		return JSON, true
	case ".yaml", ".yml":
		return YAML, true
	}
	return 0, false
}

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

// Seg maps a run of decoded bytes to the host bytes it was written as.
//
// A verbatim run is copied byte for byte (HostLen equals the decoded length);
// any other run is one escape, entity or placeholder whose decoded bytes all
// come from the HostLen bytes at Host.
type Seg struct {
	Dec      int // offset of the run in String.Text
	Host     int // offset in the host file of the run's first source byte
	HostLen  int // number of host bytes the run was written as
	Verbatim bool
}

// String is one string value found in a host file whose decoded text may be a
// >cs message.
type String struct {
	Text   string // decoded value; dynamic parts are Placeholder
	Segs   []Seg  // sorted by Dec, covering Text from 0 to len(Text) without gaps
	Start  int    // host offset of the literal (the opening quote, if any)
	End    int    // host offset just after the literal (after the closing quote)
	Syntax Syntax // syntax of the first literal
	// InAttr is set for JS inside an HTML event-handler attribute: the source
	// is entity-encoded on top of the JS escapes.
	InAttr bool
	// Callee is the member path of the web1on1 call this string is a direct
	// argument of ("api.sendClientMessage", "setPredefinedMessage"), or "".
	Callee string
}

// HostOffset maps an offset in s.Text (0 ≤ dec ≤ len(s.Text)) to a host offset,
// for the start of a range. An offset inside an escape maps to the escape's
// start.
func (s *String) HostOffset(dec int) int {
	if len(s.Segs) == 0 {
		return s.Start
	}
	dec = min(max(dec, 0), len(s.Text))
	i := s.segAt(dec)
	g := s.Segs[i]
	if dec >= g.Dec+s.decLen(i) {
		return g.Host + g.HostLen
	}
	if g.Verbatim {
		return g.Host + dec - g.Dec
	}
	return g.Host
}

// HostEnd maps the exclusive end of a range in s.Text to a host offset: an end
// inside or just after an escape maps to the end of that escape.
func (s *String) HostEnd(dec int) int {
	dec = min(dec, len(s.Text))
	if len(s.Segs) == 0 || dec <= 0 {
		return s.HostOffset(dec)
	}
	i := s.segAt(dec - 1)
	g := s.Segs[i]
	if g.Verbatim {
		return g.Host + dec - g.Dec
	}
	return g.Host + g.HostLen
}

// segAt returns the index of the segment holding decoded offset dec (the last
// one for dec == len(s.Text)).
func (s *String) segAt(dec int) int {
	i := sort.Search(len(s.Segs), func(i int) bool { return s.Segs[i].Dec > dec }) - 1
	if i < 0 {
		i = 0
	}
	return i
}

func (s *String) decLen(i int) int {
	if i+1 < len(s.Segs) {
		return s.Segs[i+1].Dec - s.Segs[i].Dec
	}
	return len(s.Text) - s.Segs[i].Dec
}

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
	Text       string // the comment as written, delimiters included
}

// File is what extraction finds in one host file.
type File struct {
	Strings  []String  // candidate messages, in source order
	Calls    []Call    // web1on1 calls, in source order
	Comments []Comment // comments, in source order
}
