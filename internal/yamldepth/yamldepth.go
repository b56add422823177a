// Package yamldepth bounds the nesting of YAML before goccy/go-yaml's parser
// sees its tokens. The parser's memory grows with the square of the nesting
// depth — 20,000 levels of `[` (40 KB of text) take 630 MB, 100,000 end the
// process with a fatal out-of-memory error that Go cannot recover — while its
// lexer stays linear. go/parser has had the same kind of limit since
// CVE-2022-1962.
package yamldepth

import "github.com/goccy/go-yaml/token"

// Max is the deepest nesting parsed: far beyond any real configuration,
// and small enough that the parser's memory stays in megabytes.
const Max = 1000

// Message says why a file nested deeper than Max is not parsed.
const Message = "nesting is deeper than 1000 levels; the file is not parsed"

// TooDeep returns the first token nested deeper than Max, or nil. Depth
// counts the open flow collections (`[`, `{`) and the open block nodes,
// told by their indentation: a line indented more than the lines above it,
// or a `-` or `?` entry, opens one.
func TooDeep(tks token.Tokens) *token.Token {
	var block []int // columns of the open block nodes, increasing
	flow, line := 0, 0
	for _, tk := range tks {
		if tk.Type == token.CommentType || tk.Position == nil {
			continue
		}
		pos := tk.Position
		if flow == 0 && (pos.Line != line || tk.Type == token.SequenceEntryType || tk.Type == token.MappingKeyType) {
			for len(block) > 0 && block[len(block)-1] >= pos.Column {
				block = block[:len(block)-1]
			}
			block = append(block, pos.Column)
		}
		line = pos.Line
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
		case token.DocumentHeaderType, token.DocumentEndType:
			block, flow = block[:0], 0
		}
		if len(block)+flow > Max {
			return tk
		}
	}
	return nil
}
