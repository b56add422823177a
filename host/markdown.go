package host

import (
	"bytes"
	"strings"

	"github.com/web1on1/cscmd/grammar"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Markdown is a Markdown (or MDX) document: the content of each fenced
// code block whose info string names a language (```js, ~~~yaml, ```php) is
// a document of that language, with positions in the Markdown file; a
// ```cscmd block holds command lines. Indented blocks, inline code and prose
// are documentation.
var Markdown = &Language{
	Name:       "markdown",
	Aliases:    []string{"md", "mdx"},
	Extensions: []string{".md", ".markdown", ".mdx"},
	IDs:        []string{"markdown", "mdx"},
	Extract:    extractMarkdown,
	Comments:   []Delims{{Open: "<!--", Close: "-->"}},
	Suppress:   &Delims{Open: "<!--", Close: "-->"},
}

// extractMarkdown yields the fenced blocks of a Markdown file as documents
// in their languages, and the command lines of ```cscmd blocks as strings.
func extractMarkdown(src []byte) (*File, error) {
	f := &File{}
	for _, fence := range mdFences(src) {
		// Commands (named by hand: the list of languages holds this one)
		// are lines, not a document the driver can extract.
		if fence.Info == "cscmd" {
			mdCommands(f, fence)
			continue
		}
		// A sample in documentation is often a fragment: its syntax errors
		// are not the file's (not Own).
		f.Docs = append(f.Docs, Doc{Lang: fence.Info, Text: fence.Text, Map: VerbatimMap(fence.Start, len(fence.Text))})
	}
	return f, nil
}

// mdCommands adds the lines of a ```cscmd block that look like messages to
// f, and its comment lines that hold a suppression.
func mdCommands(f *File, fence mdFence) {
	for at := 0; at < len(fence.Text); {
		line := fence.Text[at:]
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl+1]
		}
		start := at + fence.Start
		at += len(line)
		line = bytes.TrimRight(line, "\r\n")
		trimmed := bytes.TrimLeft(line, " \t")
		switch {
		case len(trimmed) > 0 && trimmed[0] == '#':
			if bytes.Contains(trimmed, []byte("cscmd-ignore")) {
				s := start + len(line) - len(trimmed)
				f.Comments = append(f.Comments, Comment{Start: s, End: start + len(line), Text: string(trimmed)})
			}
		case grammar.LooksLikeCommand(line):
			f.Strings = append(f.Strings, String{Text: string(line), Segs: VerbatimMap(start, len(line)).Segs,
				Start: start, End: start + len(line)})
		}
	}
}

// mdParser reads Markdown as CommonMark: a fence inside a list item or a
// block quote, a fence of tildes, an indented block (which is not a fence)
// and inline code are told apart as a Markdown renderer tells them.
var mdParser = goldmark.New().Parser()

// mdFence is the content of one fenced code block.
type mdFence struct {
	// Info is the first word of the info string, lowercased, without the
	// braces and dot of `{.js}`: the name of the block's language.
	Info string
	// Text is the content as it stands in the file from Start on: the
	// file's own bytes when the content lines are contiguous, else a copy
	// in which the block-quote markers and list indentation between them
	// are spaces (line breaks kept), so that every line keeps its column.
	Text  []byte
	Start int
}

// mdFences returns the fenced code blocks of a Markdown file that have an
// info string and content, in source order.
func mdFences(src []byte) []mdFence {
	var out []mdFence
	doc := mdParser.Parse(text.NewReader(src))
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		fc, ok := n.(*gast.FencedCodeBlock)
		if !entering || !ok {
			return gast.WalkContinue, nil
		}
		lines := fc.Lines()
		info := mdInfo(fc.Language(src))
		if info == "" || lines.Len() == 0 {
			return gast.WalkSkipChildren, nil
		}
		first, last := lines.At(0), lines.At(lines.Len()-1)
		f := mdFence{Info: info, Start: first.Start, Text: src[first.Start:last.Stop]}
		if !mdContiguous(lines) {
			f.Start = bytes.LastIndexByte(src[:first.Start], '\n') + 1
			f.Text = bytes.Repeat([]byte{' '}, last.Stop-f.Start)
			for i := range lines.Len() {
				s := lines.At(i)
				copy(f.Text[s.Start-f.Start:], src[s.Start:s.Stop])
			}
			for i, c := range src[f.Start:last.Stop] {
				if c == '\n' || c == '\r' {
					f.Text[i] = c
				}
			}
		}
		out = append(out, f)
		return gast.WalkSkipChildren, nil
	})
	return out
}

// mdContiguous reports whether the lines follow each other in the file with
// nothing stripped between them.
func mdContiguous(lines *text.Segments) bool {
	for i := range lines.Len() {
		s := lines.At(i)
		if s.Padding != 0 || i > 0 && lines.At(i-1).Stop != s.Start {
			return false
		}
	}
	return true
}

// mdInfo returns the language named by the first word of an info string.
func mdInfo(lang []byte) string {
	s := strings.TrimPrefix(string(lang), "{")
	s = strings.TrimPrefix(s, ".")
	if i := strings.IndexAny(s, "{}, "); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(s)
}
