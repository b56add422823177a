// Package linemap converts between byte offsets in a file and (line, column)
// positions, with columns counted in bytes, Unicode code points or UTF-16 code
// units.
//
// Everything inside cscmd works with byte offsets; positions exist only at the
// edges: the command line prints code-point columns, the language server speaks
// UTF-16 (or UTF-8 when the client offers it). All that arithmetic lives here.
//
// Lines and columns are 0-based, as in the Language Server Protocol; the command
// line adds 1 to both when it prints them.
//
// Line terminators follow the LSP: "\n", "\r\n" and a lone "\r" each end a line,
// so a file ending in a terminator has a final, empty line. A column never
// counts the terminator: a column past the end of a line is clamped to the end
// of its text, and the offset between the "\r" and "\n" of a CRLF maps to the
// end of the line's text.
//
// Invalid UTF-8 never fails: each byte that is not part of a valid encoding
// counts as one code point and one UTF-16 unit, as if it were U+FFFD.
package linemap

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"unicode/utf8"
)

// Unit is what a column counts.
type Unit uint8

const (
	// Bytes counts UTF-8 code units, that is bytes (LSP "utf-8").
	Bytes Unit = iota
	// Runes counts Unicode code points (LSP "utf-32"), the columns the CLI prints.
	Runes
	// UTF16 counts UTF-16 code units (LSP "utf-16", the protocol's default): a
	// code point above U+FFFF counts two.
	UTF16
)

func (u Unit) String() string {
	switch u {
	case Bytes:
		return "bytes"
	case Runes:
		return "runes"
	case UTF16:
		return "utf-16"
	}
	return fmt.Sprintf("Unit(%d)", u)
}

// ErrOutOfRange is wrapped by the errors of Offset for a position that lies
// outside the file.
var ErrOutOfRange = errors.New("position out of range")

// Map holds the line structure of one file. Build it with New; it is immutable
// and safe for concurrent use. It keeps a reference to the source, which must
// not be modified while the Map is in use.
type Map struct {
	src []byte
	// starts[i] is the offset of the first byte of line i; starts[0] is 0.
	starts []int
	// wide[i] reports whether line i holds a byte >= 0x80. Columns on the other
	// lines are byte differences in every unit, without decoding.
	wide []bool
	// checks holds the checkpoints of the long wide lines, by line.
	checks map[int][]checkpoint
}

// checkEvery is the spacing in bytes of the checkpoints of a long line that
// is not all ASCII. A column there is found by decoding from the checkpoint
// before it, not from the start of the line: on a minified bundle of one
// line, each finding then costs O(checkEvery), not O(line).
const checkEvery = 64

// checkpoint is a character boundary of a long wide line with its column in
// code points and in UTF-16 units (its column in bytes is its offset's).
type checkpoint struct {
	off          int // in the file
	runes, utf16 int
}

// units returns the checkpoint's column, counted in unit, on a line that
// starts at start.
func (c checkpoint) units(unit Unit, start int) int {
	switch unit {
	case Runes:
		return c.runes
	case UTF16:
		return c.utf16
	}
	return c.off - start
}

// BreakAt returns the length of the line terminator that starts at src[i]:
// 2 for "\r\n", 1 for "\n" or a lone "\r", 0 for anything else or outside
// src. It, LineEnd and LineStart are cscmd's one definition of a line: the
// grammar, the linter, the command line and the language server all split
// text with them, so that they agree on every line number.
func BreakAt[T ~string | ~[]byte](src T, i int) int {
	if i < 0 || i >= len(src) {
		return 0
	}
	switch src[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		return 1
	}
	return 0
}

// LineEnd returns the offset of the first line terminator at or after i,
// or len(src): the end of the text of the line holding i.
func LineEnd[T ~string | ~[]byte](src T, i int) int {
	for i = max(i, 0); i < len(src); i++ {
		if c := src[i]; c == '\n' || c == '\r' {
			return i
		}
	}
	return len(src)
}

// LineStart returns the offset of the first byte of the line holding
// src[i]: just after the last terminator that ends before i. The "\n" of a
// "\r\n" belongs to the line the pair ends.
func LineStart[T ~string | ~[]byte](src T, i int) int {
	i = min(i, len(src))
	if i > 0 && i < len(src) && src[i] == '\n' && src[i-1] == '\r' {
		i--
	}
	for j := i - 1; j >= 0; j-- {
		if c := src[j]; c == '\n' || c == '\r' {
			return j + 1
		}
	}
	return 0
}

// New scans src and returns its Map.
func New(src []byte) *Map {
	// One line per 40 bytes is a fair guess for both source and command files,
	// and saves most of the slice growth on large inputs.
	n := len(src)/40 + 1
	m := &Map{src: src, starts: make([]int, 1, n), wide: make([]bool, 1, n)}
	// The next '\n' and '\r' are found with bytes.IndexByte and kept until
	// passed: a file of lone CRs would otherwise search to its end for a
	// '\n' on every line.
	nextLF, nextCR := -1, -1
	for i := 0; ; {
		if nextLF < i {
			nextLF = indexFrom(src, i, '\n')
		}
		if nextCR < i {
			nextCR = indexFrom(src, i, '\r')
		}
		end := min(nextLF, nextCR)
		m.wide[len(m.wide)-1] = hasHigh(src[i:end])
		if end == len(src) {
			break
		}
		i = end + BreakAt(src, end)
		m.starts = append(m.starts, i)
		m.wide = append(m.wide, false)
	}
	m.check(0, len(m.wide))
	return m
}

// check records the checkpoints of the long wide lines in [from, to).
func (m *Map) check(from, to int) {
	for line := from; line < to; line++ {
		if !m.wide[line] {
			continue
		}
		if start, end := m.starts[line], m.textEnd(line); end-start > 2*checkEvery {
			if m.checks == nil {
				m.checks = map[int][]checkpoint{}
			}
			m.checks[line] = checkpoints(m.src[start:end], start)
		}
	}
}

// Splice returns the Map of src, which is m's text with its bytes [start,
// end) replaced by n bytes: an editor's change, in O(lines) instead of a
// scan of the text. Whether an offset starts a line depends only on the two
// bytes before and at it, so the lines before the change and after it are
// m's, moved; only the lines the change touches are scanned.
func (m *Map) Splice(src []byte, start, end, n int) *Map {
	delta := n - (end - start)
	// Old lines [0, a) start before the change; old lines [b, …) start after
	// it, with both bytes that decide it unchanged.
	a := sort.Search(len(m.starts), func(i int) bool { return m.starts[i] >= start })
	b := sort.Search(len(m.starts), func(i int) bool { return m.starts[i] > end })
	out := &Map{src: src, starts: make([]int, 0, len(m.starts)+n/40+1)}
	out.starts = append(out.starts, m.starts[:max(a, 1)]...)
	for p := max(start, 1); p <= start+n && p <= len(src); p++ {
		if c := src[p-1]; c == '\n' || c == '\r' && (p == len(src) || src[p] != '\n') {
			out.starts = append(out.starts, p)
		}
	}
	mid := len(out.starts)
	for _, s := range m.starts[b:] {
		out.starts = append(out.starts, s+delta)
	}
	// The last line before the change and every line up to the first
	// that starts after it are scanned; the others keep their width.
	out.wide = make([]bool, len(out.starts))
	first := max(a-1, 0)
	copy(out.wide, m.wide[:first])
	copy(out.wide[mid:], m.wide[b:])
	for line := first; line < mid; line++ {
		out.wide[line] = hasHigh(src[out.starts[line]:out.textEnd(line)])
	}
	for line, cps := range m.checks {
		switch {
		case line < first:
			if out.checks == nil {
				out.checks = map[int][]checkpoint{}
			}
			out.checks[line] = cps
		case line >= b:
			moved := make([]checkpoint, len(cps))
			for i, c := range cps {
				c.off += delta
				moved[i] = c
			}
			if out.checks == nil {
				out.checks = map[int][]checkpoint{}
			}
			out.checks[line-b+mid] = moved
		}
	}
	out.check(first, mid)
	return out
}

// indexFrom is the offset of the first c at or after src[i], or len(src).
func indexFrom(src []byte, i int, c byte) int {
	if j := bytes.IndexByte(src[i:], c); j >= 0 {
		return i + j
	}
	return len(src)
}

// hasHigh reports whether b holds a byte >= 0x80, eight bytes at a time.
func hasHigh(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return true
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// checkpoints returns a checkpoint about every checkEvery bytes of text,
// which starts at offset start, decoding it as walk does.
func checkpoints(text []byte, start int) []checkpoint {
	out := make([]checkpoint, 0, len(text)/checkEvery+1)
	var c checkpoint
	next := checkEvery
	for i := 0; i < len(text); {
		size, w16 := 1, 1
		if text[i] >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRune(text[i:])
			if r > 0xFFFF {
				w16 = 2
			}
		}
		i += size
		c.runes++
		c.utf16 += w16
		if i >= next {
			c.off = start + i
			out = append(out, c)
			next = i + checkEvery
		}
	}
	return out
}

// from returns where to start decoding line (which starts at start) to
// reach byte offset off, or, with off < 0, the column col in unit: the
// last checkpoint before it, or the start of the line.
func (m *Map) from(line, start, off, col int, unit Unit) (at, units int) {
	cps := m.checks[line]
	i := sort.Search(len(cps), func(i int) bool {
		if off >= 0 {
			return cps[i].off > off
		}
		return cps[i].units(unit, start) > col
	}) - 1
	if i < 0 {
		return start, 0
	}
	return cps[i].off, cps[i].units(unit, start)
}

// Len returns the length of the source in bytes.
func (m *Map) Len() int { return len(m.src) }

// LineCount returns the number of lines: one more than the number of line
// terminators.
func (m *Map) LineCount() int { return len(m.starts) }

// Line returns the byte offsets of the start and end of the text of line,
// excluding its terminator. It reports false for a line outside the file.
func (m *Map) Line(line int) (start, end int, ok bool) {
	if line < 0 || line >= len(m.starts) {
		return 0, 0, false
	}
	return m.starts[line], m.textEnd(line), true
}

// textEnd returns the offset of the end of line's text, before its terminator.
func (m *Map) textEnd(line int) int {
	if line+1 == len(m.starts) {
		return len(m.src)
	}
	end := m.starts[line+1] - 1 // the terminator's last byte
	if m.src[end] == '\n' && end > m.starts[line] && m.src[end-1] == '\r' {
		end--
	}
	return end
}

// Position returns the line and column of the byte at offset, with the column
// counted in unit. An offset outside [0, Len()] is clamped into it; an offset
// inside a multi-byte character, or inside a line terminator, is moved back to
// the start of that character or terminator.
func (m *Map) Position(offset int, unit Unit) (line, col int) {
	offset = max(0, min(offset, len(m.src)))
	line = sort.Search(len(m.starts), func(i int) bool { return m.starts[i] > offset }) - 1
	start, end := m.starts[line], m.textEnd(line)
	offset = min(offset, end)
	if !m.wide[line] {
		return line, offset - start
	}
	// Decode to the end of the line, not just to offset: cut there, a
	// character would decode as several invalid bytes.
	at, units := m.from(line, start, offset, -1, unit)
	col, _ = walk(m.src[at:end], offset-at, -1, unit)
	return line, units + col
}

// Offset returns the byte offset of the given line and column, with the column
// counted in unit.
//
// A column past the end of the line's text is clamped to it, and a column that
// falls inside a character (a byte column inside a multi-byte sequence, or a
// UTF-16 column between the two halves of a surrogate pair) is moved back to
// the start of the character. Line LineCount() column 0, which editors use for
// "the end of the file", is Len(). Any other position outside the file is an
// error wrapping ErrOutOfRange.
func (m *Map) Offset(line, col int, unit Unit) (int, error) {
	switch {
	case line < 0 || col < 0:
		return 0, fmt.Errorf("line %d, column %d: %w", line, col, ErrOutOfRange)
	case line == len(m.starts) && col == 0:
		return len(m.src), nil
	case line >= len(m.starts):
		return 0, fmt.Errorf("line %d: %w: the file has %d lines", line, ErrOutOfRange, len(m.starts))
	}
	start, end := m.starts[line], m.textEnd(line)
	if !m.wide[line] {
		return min(start+col, end), nil
	}
	at, units := m.from(line, start, -1, col, unit)
	_, n := walk(m.src[at:end], -1, col-units, unit)
	return at + n, nil
}

// walk decodes text from its start and stops at the end of text or before the
// first character that would take it past maxBytes bytes or maxUnits units; a
// negative limit is no limit. It returns the units and bytes it walked over.
func walk(text []byte, maxBytes, maxUnits int, unit Unit) (units, bytes int) {
	for bytes < len(text) {
		size, w := 1, 1
		if b := text[bytes]; b >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRune(text[bytes:])
			switch unit {
			case Bytes:
				w = size
			case UTF16:
				if r > 0xFFFF {
					w = 2
				}
			}
		}
		if maxBytes >= 0 && bytes+size > maxBytes || maxUnits >= 0 && units+w > maxUnits {
			break
		}
		units += w
		bytes += size
	}
	return units, bytes
}
