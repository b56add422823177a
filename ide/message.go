package ide

import (
	"bytes"
	"sort"
	"strings"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/linemap"
)

// message is one message of a document together with the way back from its
// offsets to the document's: a line of a command file, or the decoded text
// of a string literal in a host file.
type message struct {
	text string
	base int          // offset of text in a command file
	str  *host.String // the literal in a host file; nil in a command file
}

// start maps an offset in m.text to the document, for the start of a range.
func (m *message) start(i int) int {
	if m.str == nil {
		return m.base + i
	}
	return m.str.HostOffset(i)
}

// end maps an offset in m.text to the document, for the exclusive end of a
// range: after an escape that ends there, not before it.
func (m *message) end(i int) int {
	if m.str == nil {
		return m.base + i
	}
	return m.str.HostEnd(i)
}

// escape writes text as it must appear in the document at this message.
func (m *message) escape(text string) (string, bool) {
	if m.str == nil {
		return text, true
	}
	return m.str.Escape(text)
}

// parse parses the message; in a host file a dynamic part satisfies any
// argument, as the linter reads it.
func (m *message) parse() ast.Message {
	var msg ast.Message
	if m.str != nil {
		msg, _ = grammar.Parse(m.text, grammar.Placeholders())
	} else {
		msg, _ = grammar.Parse(m.text)
	}
	return msg
}

// messageAt finds the message holding the document offset and the cursor's
// offset in its text. In a command file that is the offset's line, found
// without reading the rest of the document; in a host file, the extracted
// string whose characters the offset lies between (or at either end of),
// not inside an escape or a dynamic part.
func messageAt(x *Extractions, languageID string, text []byte, offset int) (message, int, bool) {
	if offset < 0 || offset > len(text) {
		return message{}, 0, false
	}
	if isCommands(languageID) {
		start, end := lineAround(text, offset)
		if offset < start || offset > end {
			return message{}, 0, false // before a byte order mark, or inside a CRLF
		}
		return message{text: string(text[start:end]), base: start}, offset - start, true
	}
	lang := hostLanguage(languageID)
	if lang == nil {
		return message{}, 0, false
	}
	f := x.extract(lang, text)
	// Strings come in source order and do not nest, so only the first one
	// ending at or after offset can hold it.
	i := sort.Search(len(f.Strings), func(i int) bool { return f.Strings[i].End >= offset })
	for ; i < len(f.Strings) && f.Strings[i].Start <= offset; i++ {
		s := &f.Strings[i]
		if cur, ok := s.Decoded(offset); ok {
			return message{text: s.Text, str: s}, cur, true
		}
	}
	return message{}, 0, false
}

// lineAround returns the text of the command-file line holding offset,
// without its line break, and after a byte order mark on the first line.
func lineAround(text []byte, offset int) (start, end int) {
	start, end = linemap.LineStart(text, offset), linemap.LineEnd(text, offset)
	if offset > 0 && offset < len(text) && text[offset] == '\n' && text[offset-1] == '\r' {
		end = offset - 1 // inside the CRLF that ends the line
	}
	if start == 0 && bytes.HasPrefix(text, []byte("\uFEFF")) {
		start = len("\uFEFF")
	}
	return start, end
}

// firstLine cuts a message at its first line break: a command is one line.
func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// readable writes the dynamic parts of a host string as the author did.
func readable(s string) string {
	return strings.ReplaceAll(s, string(ast.Placeholder), "${…}")
}

// messages calls f for each message of a document that overlaps the byte
// range [start, end]: in a command file each line that is not blank
// (comments included), in a host file each extracted string. In a command
// file only the lines of the range are read.
func messages(x *Extractions, languageID string, text []byte, start, end int, f func(m *message)) {
	start, end = max(start, 0), min(end, len(text))
	if isCommands(languageID) {
		if start > end {
			return
		}
		from, _ := lineAround(text, start)
		for from <= end {
			ls, le := lineAround(text, from)
			if line := string(text[ls:le]); strings.TrimLeft(line, " \t") != "" {
				f(&message{text: line, base: ls})
			}
			if le == len(text) {
				return
			}
			from = le + linemap.BreakAt(text, le)
		}
		return
	}
	lang := hostLanguage(languageID)
	if lang == nil {
		return
	}
	file := x.extract(lang, text)
	for i := range file.Strings {
		if s := &file.Strings[i]; s.End >= start && s.Start <= end {
			f(&message{text: s.Text, str: s})
		}
	}
}
