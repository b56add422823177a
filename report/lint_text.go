package report

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/web1on1/cscmd/lint"
)

// maxShown is the most terminal cells of a source line the text format
// shows; a longer line is cut around the range, with "…" where it is cut.
const maxShown = 120

// before is how many cells of a cut line are kept ahead of the range.
const before = 40

// tabCells is what a tab counts when deciding where to cut a long line. Its
// real width is the terminal's business: the marker line repeats each tab
// of the source line, so the caret lines up whatever the tab stops are.
const tabCells = 4

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiGreen  = "\x1b[32m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
)

// WriteText writes the diagnostics of files for people (SPEC §5), in the
// style of actionlint:
//
//	path:line:col: severity: message [rule]
//	   3 | >cs /assign 62c6077ca980127f404b030
//	     |             ^~~~~~~~~~~~~~~~~~~~~~~
//
// followed, when there is any finding, by one summary line such as
// "3 problems (1 error, 1 warning, 1 info) in 2 files", which counts the
// files with problems. Nothing at all is written when there is no finding:
// the exit status says it, and a clean run stays quiet.
//
// Line breaks and other control characters in a path or message are
// printed as spaces, so each diagnostic's first line stays one line for
// tools that match it. The source line is shown with control characters, invalid
// UTF-8 and bidirectional overrides replaced by U+FFFD: a file must not be
// able to drive the terminal.
func WriteText(w io.Writer, files []LintFile, opt LintOptions) error {
	docs := prepare(files, 0)
	var b []byte
	for _, d := range docs {
		b = b[:0]
		for i := range d.diags {
			b = appendTextDiag(b, d, &d.diags[i], opt.Color)
		}
		if err := writeAll(w, b); err != nil {
			return err
		}
	}
	t := count(docs)
	if t.problems() == 0 {
		return nil
	}
	b = b[:0]
	b = paint(b, opt.Color, ansiBold, t.String())
	return writeAll(w, append(b, '\n'))
}

func appendTextDiag(b []byte, d *lintDoc, f *found, color bool) []byte {
	loc := appendOneLine(nil, d.path)
	loc = append(loc, ':')
	loc = strconv.AppendInt(loc, int64(f.start.line), 10)
	loc = append(loc, ':')
	loc = strconv.AppendInt(loc, int64(f.start.col), 10)
	b = paint(b, color, ansiBold, string(loc))
	b = append(b, ": "...)
	b = paint(b, color, severityColor(f.Severity), f.Severity.String())
	b = append(b, ": "...)
	b = appendOneLine(b, f.Message)
	b = append(b, ' ')
	b = paint(b, color, ansiDim, "["+f.Rule+"]")
	b = append(b, '\n')

	line, cells, s, e, more := d.shownPart(f)
	lo, hi := window(cells, s)

	num := strconv.Itoa(f.start.line)
	b = paint(b, color, ansiDim, " "+num+" |")
	b = append(b, ' ')
	cutBefore := lo > 0 || more&moreBefore != 0
	if cutBefore {
		b = append(b, "…"...)
	}
	b = append(b, string(line[lo:hi])...)
	if hi < len(line) || more&moreAfter != 0 {
		b = append(b, "…"...)
	}
	b = append(b, '\n')

	b = paint(b, color, ansiDim, strings.Repeat(" ", len(num)+2)+"|")
	b = append(b, ' ')
	if cutBefore {
		b = append(b, ' ')
	}
	for i := lo; i < s; i++ {
		if line[i] == '\t' {
			b = append(b, '\t')
			continue
		}
		for range cells[i] {
			b = append(b, ' ')
		}
	}
	marker := []byte{'^'}
	for i := s; i < min(e, hi); i++ {
		n := cells[i]
		if i == s {
			n--
		}
		for range n {
			marker = append(marker, '~')
		}
	}
	b = paint(b, color, ansiGreen, string(marker))
	return append(b, '\n')
}

// around is how many bytes of a line, before and after the start of a
// range, the text format decodes to choose what to show: a line is shown
// at most maxShown cells wide, and each cell takes at most four bytes. A
// finding then costs the same on a line of a megabyte as on a short one.
const around = 4 * maxShown

// Which ends of a line shownPart left undecoded.
const (
	moreBefore = 1 << iota
	moreAfter
)

// shownPart decodes the part of the line of f that may be shown: the runes
// as printed, the cells each takes, the indexes of the range's first rune
// and of the rune after it (s, e), and which ends of the line were left
// out.
func (d *lintDoc) shownPart(f *found) (line []rune, cells []int, s, e, more int) {
	ls, le := d.bounds(f.start.line)
	from, to := max(ls, f.so-around), min(le, f.so+around)
	for from > ls && !utf8.RuneStart(d.src[from]) && from < f.so {
		from++ // whole characters only
	}
	for to < le && !utf8.RuneStart(d.src[to]) && to > f.so {
		to--
	}
	if from > ls {
		more |= moreBefore
	}
	if to < le {
		more |= moreAfter
	}
	end := to // the range, cut at the end of what is shown
	if f.end.line == f.start.line {
		end = max(f.so, min(f.eo, to))
	}
	line, cells = make([]rune, 0, to-from), make([]int, 0, to-from)
	s, e = -1, -1
	for i := from; i < to; {
		if i >= f.so && s < 0 {
			s = len(line)
		}
		if i >= end && e < 0 {
			e = len(line)
		}
		r, n := utf8.DecodeRune(d.src[i:to])
		r, c := shown(r)
		line, cells = append(line, r), append(cells, c)
		i += n
	}
	if s < 0 {
		s = len(line)
	}
	if e < 0 {
		e = len(line)
	}
	return line, cells, s, e, more
}

// window returns the runes [lo, hi) of a line to show so that the range
// starting at rune s stays visible: the whole line when it fits, else a
// part with some context before s that is as wide as the limit allows.
func window(cells []int, s int) (lo, hi int) {
	total := 0
	for _, c := range cells {
		total += c
	}
	if total <= maxShown {
		return 0, len(cells)
	}
	budget := maxShown - 2 // the two "…"
	lo, used := s, 0
	for lo > 0 && used+cells[lo-1] <= before {
		lo--
		used += cells[lo]
	}
	hi, used = lo, 0
	for hi < len(cells) && used+cells[hi] <= budget {
		used += cells[hi]
		hi++
	}
	for hi == len(cells) && lo > 0 && used+cells[lo-1] <= budget {
		lo--
		used += cells[lo]
	}
	return lo, hi
}

// shown returns the rune to print for r in a source line and the terminal
// cells it takes.
func shown(r rune) (rune, int) {
	switch {
	case ' ' <= r && r < 0x7f: // printable ASCII, most of any line
		return r, 1
	case r == '\t':
		return r, tabCells
	case r == utf8.RuneError, unicode.IsControl(r), isBidiControl(r):
		return utf8.RuneError, 1
	case unicode.In(r, unicode.Mn, unicode.Me) || r == '\u200b' || r == '\u200d' || unicode.Is(unicode.Variation_Selector, r):
		return r, 0
	case isWide(r):
		return r, 2
	}
	return r, 1
}

// isBidiControl reports the characters that reorder text on screen, which
// could make the shown line differ from what the file holds.
func isBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// wide holds the code point ranges that terminals draw two cells wide: the
// East Asian Wide and Fullwidth blocks and the emoji presentation blocks.
var wide = [][2]rune{
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
	{0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
	{0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
	{0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x18CFF},
	{0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
	{0x1F191, 0x1F19A}, {0x1F200, 0x1F2FF}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
	{0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x3FFFD},
}

func isWide(r rune) bool {
	if r < wide[0][0] {
		return false
	}
	for _, w := range wide {
		if r < w[0] {
			return false
		}
		if r <= w[1] {
			return true
		}
	}
	return false
}

// appendOneLine appends s with every control character as a space.
func appendOneLine(b []byte, s string) []byte {
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			r = ' '
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

func severityColor(s lint.Severity) string {
	switch s {
	case lint.Error:
		return ansiRed
	case lint.Warning:
		return ansiYellow
	}
	return ansiCyan
}

// paint appends s, wrapped in the escape code when color is on.
func paint(b []byte, color bool, code, s string) []byte {
	if !color {
		return append(b, s...)
	}
	b = append(b, code...)
	b = append(b, s...)
	return append(b, ansiReset...)
}
