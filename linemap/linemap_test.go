package linemap_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/linemap"
)

var units = []linemap.Unit{linemap.Bytes, linemap.Runes, linemap.UTF16}

// pos is a position with its column in each unit: bytes, runes, utf-16.
type pos struct{ line, b, r, u int }

func (p pos) col(u linemap.Unit) int {
	return [...]int{p.b, p.r, p.u}[u]
}

func TestPosition(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		offset int
		want   pos
	}{
		{"empty", "", 0, pos{0, 0, 0, 0}},
		{"ascii", "abc", 2, pos{0, 2, 2, 2}},
		{"negative offset clamps to start", "abc", -5, pos{0, 0, 0, 0}},
		{"offset past end clamps to end", "abc", 99, pos{0, 3, 3, 3}},
		{"Ü before", "aÜb", 1, pos{0, 1, 1, 1}},
		{"Ü inside clamps to its start", "aÜb", 2, pos{0, 1, 1, 1}},
		{"Ü after", "aÜb", 3, pos{0, 3, 2, 2}},
		{"Ü end of file", "aÜb", 4, pos{0, 4, 3, 3}},
		{"😀 after", "a😀b", 5, pos{0, 5, 2, 3}},
		{"😀 inside clamps to its start", "a😀b", 3, pos{0, 1, 1, 1}},
		{"😀 end of file", "a😀b", 6, pos{0, 6, 3, 4}},
		{"CRLF at CR", "ab\r\ncd", 2, pos{0, 2, 2, 2}},
		{"CRLF between CR and LF", "ab\r\ncd", 3, pos{0, 2, 2, 2}},
		{"CRLF next line", "ab\r\ncd", 4, pos{1, 0, 0, 0}},
		{"CRLF after Ü", "Ü\r\nx", 3, pos{0, 2, 1, 1}},
		{"lone CR ends a line", "ab\rcd", 4, pos{1, 1, 1, 1}},
		{"CR CRLF", "a\r\r\nb", 4, pos{2, 0, 0, 0}},
		{"LF CR is two terminators", "a\n\rb", 3, pos{2, 0, 0, 0}},
		{"at LF", "ab\ncd", 2, pos{0, 2, 2, 2}},
		{"trailing LF end of file", "ab\n", 3, pos{1, 0, 0, 0}},
		{"invalid byte", "a\xffb", 2, pos{0, 2, 2, 2}},
		{"truncated sequence counts per byte", "\xe2\x82x", 2, pos{0, 2, 2, 2}},
		{"truncated emoji", "a\xf0\x9f\x98", 4, pos{0, 4, 4, 4}},
		{"valid U+FFFD", "\uFFFDx", 3, pos{0, 3, 1, 1}},
		{"second line with 😀", "x\n😀😀y", 10, pos{1, 8, 2, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := linemap.New([]byte(tt.src))
			for _, u := range units {
				line, col := m.Position(tt.offset, u)
				assert.Equal(t, tt.want.line, line, "line in %v", u)
				assert.Equal(t, tt.want.col(u), col, "column in %v", u)
			}
		})
	}
}

func TestOffset(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		unit      linemap.Unit
		want      int
	}{
		{"start", "abc", 0, 0, linemap.UTF16, 0},
		{"ascii", "abc", 0, 2, linemap.Bytes, 2},
		{"past end of line clamps", "abc\ndef", 0, 10, linemap.UTF16, 3},
		{"past end of last line clamps", "abc", 0, 10, linemap.Runes, 3},
		{"Ü in bytes", "aÜb", 0, 3, linemap.Bytes, 3},
		{"Ü byte column inside clamps", "aÜb", 0, 2, linemap.Bytes, 1},
		{"Ü in runes", "aÜb", 0, 2, linemap.Runes, 3},
		{"Ü in utf-16", "aÜb", 0, 2, linemap.UTF16, 3},
		{"😀 in utf-16", "a😀b", 0, 3, linemap.UTF16, 5},
		{"😀 between surrogates clamps", "a😀b", 0, 2, linemap.UTF16, 1},
		{"😀 in runes", "a😀b", 0, 2, linemap.Runes, 5},
		{"😀 byte column inside clamps", "a😀b", 0, 4, linemap.Bytes, 1},
		{"CRLF column past CR clamps", "ab\r\ncd", 0, 3, linemap.UTF16, 2},
		{"CRLF column far past clamps", "ab\r\ncd", 0, 30, linemap.Bytes, 2},
		{"CRLF second line", "ab\r\ncd", 1, 1, linemap.UTF16, 5},
		{"lone CR", "ab\rcd", 1, 2, linemap.Runes, 5},
		{"CR CRLF middle line", "a\r\r\nb", 1, 5, linemap.UTF16, 2},
		{"wide line past end clamps before CRLF", "Ü\r\nx", 0, 7, linemap.UTF16, 2},
		{"empty last line", "ab\n", 1, 0, linemap.UTF16, 3},
		{"empty last line past end clamps", "ab\n", 1, 4, linemap.UTF16, 3},
		{"line count column 0 is end of file", "ab\n", 2, 0, linemap.UTF16, 3},
		{"line count column 0 without final newline", "ab", 1, 0, linemap.Bytes, 2},
		{"empty file", "", 0, 3, linemap.UTF16, 0},
		{"invalid byte counts one", "\xffb", 0, 1, linemap.UTF16, 1},
		{"invalid byte counts one in bytes", "\xffb", 0, 1, linemap.Bytes, 1},
		{"truncated sequence", "\xe2\x82x", 0, 2, linemap.Runes, 2},
		{"valid U+FFFD", "\uFFFDx", 0, 1, linemap.UTF16, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := linemap.New([]byte(tt.src)).Offset(tt.line, tt.col, tt.unit)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestOffsetOutOfRange(t *testing.T) {
	m := linemap.New([]byte("ab\ncd"))
	for _, p := range [][2]int{{-1, 0}, {0, -1}, {2, 1}, {3, 0}, {100, 0}} {
		_, err := m.Offset(p[0], p[1], linemap.UTF16)
		assert.True(t, errors.Is(err, linemap.ErrOutOfRange), "line %d column %d: %v", p[0], p[1], err)
	}
}

func TestLine(t *testing.T) {
	m := linemap.New([]byte("ab\r\nÜ\rc\n"))
	assert.Equal(t, 4, m.LineCount())
	assert.Equal(t, 9, m.Len())
	for i, want := range [][2]int{{0, 2}, {4, 6}, {7, 8}, {9, 9}} {
		start, end, ok := m.Line(i)
		require.True(t, ok, "line %d", i)
		assert.Equal(t, want, [2]int{start, end}, "line %d", i)
	}
	_, _, ok := m.Line(4)
	assert.False(t, ok)
	_, _, ok = m.Line(-1)
	assert.False(t, ok)
}

func TestUnitString(t *testing.T) {
	assert.Equal(t, "bytes", linemap.Bytes.String())
	assert.Equal(t, "runes", linemap.Runes.String())
	assert.Equal(t, "utf-16", linemap.UTF16.String())
	assert.Equal(t, "Unit(9)", linemap.Unit(9).String())
}

// pieces are the fragments random documents are made of: every kind of
// character width, every terminator, and broken UTF-8.
var pieces = []string{
	"a", "b", " ", "Ü", "é", "€", "😀", "𝄞", "\n", "\r\n", "\r",
	"\xff", "\xe2\x82", "\xf0\x9f\x98", "\xc3", "\uFFFD", "\t",
}

func randomDoc(rng *rand.Rand, n int) []byte {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return []byte(b.String())
}

// TestAgainstReference compares every position and offset of random documents
// with the naive reference implementation below.
func TestAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		src := randomDoc(rng, rng.IntN(40))
		checkAgainstReference(t, src)
		if t.Failed() {
			t.Fatalf("document %d: %q", i, src)
		}
	}
}

// TestRoundTrip checks that offset → position → offset is the identity at
// every character boundary that is not inside a CRLF.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		src := randomDoc(rng, rng.IntN(60))
		checkRoundTrip(t, src)
	}
}

func checkRoundTrip(t *testing.T, src []byte) {
	t.Helper()
	m := linemap.New(src)
	ref := newReference(src)
	for _, off := range ref.boundaries() {
		for _, u := range units {
			line, col := m.Position(off, u)
			got, err := m.Offset(line, col, u)
			if !assert.NoError(t, err) || !assert.Equal(t, off, got, "%q offset %d via (%d, %d) in %v", src, off, line, col, u) {
				return
			}
		}
	}
}

func checkAgainstReference(t *testing.T, src []byte) {
	t.Helper()
	m := linemap.New(src)
	ref := newReference(src)
	require.Equal(t, len(ref.lines), m.LineCount())
	for off := -1; off <= len(src)+1; off++ {
		for _, u := range units {
			line, col := m.Position(off, u)
			wl, wc := ref.position(off, u)
			assert.Equal(t, [2]int{wl, wc}, [2]int{line, col}, "position of offset %d in %v", off, u)
		}
	}
	for line := range len(ref.lines) + 2 {
		for col := range 12 {
			for _, u := range units {
				got, err := m.Offset(line, col, u)
				want, ok := ref.offset(line, col, u)
				if !ok {
					assert.Error(t, err, "offset of (%d, %d) in %v", line, col, u)
					continue
				}
				if assert.NoError(t, err, "offset of (%d, %d) in %v", line, col, u) {
					assert.Equal(t, want, got, "offset of (%d, %d) in %v", line, col, u)
				}
			}
		}
	}
}

// reference is a slow, obviously correct model of a Map: lines as lists of
// decoded characters.
type reference struct {
	src   []byte
	lines []refLine
}

type refLine struct {
	start, end int // text, excluding the terminator
	chars      []refChar
}

type refChar struct {
	off, size int
	r         rune
}

func newReference(src []byte) *reference {
	ref := &reference{src: src}
	start := 0
	for i := 0; ; {
		if i == len(src) {
			ref.lines = append(ref.lines, refLine{start: start, end: i})
			break
		}
		switch src[i] {
		case '\n':
			ref.lines = append(ref.lines, refLine{start: start, end: i})
			i++
			start = i
		case '\r':
			ref.lines = append(ref.lines, refLine{start: start, end: i})
			i++
			if i < len(src) && src[i] == '\n' {
				i++
			}
			start = i
		default:
			i++
		}
	}
	for k := range ref.lines {
		l := &ref.lines[k]
		for off := l.start; off < l.end; {
			r, size := utf8.DecodeRune(src[off:l.end])
			l.chars = append(l.chars, refChar{off, size, r})
			off += size
		}
	}
	return ref
}

func width(c refChar, u linemap.Unit) int {
	switch u {
	case linemap.Bytes:
		return c.size
	case linemap.UTF16:
		if c.size == 4 {
			return 2
		}
	}
	return 1
}

func (ref *reference) position(off int, u linemap.Unit) (line, col int) {
	off = max(0, min(off, len(ref.src)))
	for i := len(ref.lines) - 1; i >= 0; i-- {
		l := ref.lines[i]
		if off < l.start {
			continue
		}
		for _, c := range l.chars {
			if c.off+c.size > off {
				break
			}
			col += width(c, u)
		}
		return i, col
	}
	panic("unreachable")
}

func (ref *reference) offset(line, col int, u linemap.Unit) (int, bool) {
	if line == len(ref.lines) && col == 0 {
		return len(ref.src), true
	}
	if line >= len(ref.lines) {
		return 0, false
	}
	l := ref.lines[line]
	units := 0
	for _, c := range l.chars {
		if units+width(c, u) > col {
			return c.off, true
		}
		units += width(c, u)
	}
	return l.end, true
}

// boundaries returns every offset at which a position can be named exactly:
// character starts and line ends, but not the middle of a CRLF.
func (ref *reference) boundaries() []int {
	var offs []int
	for _, l := range ref.lines {
		for _, c := range l.chars {
			offs = append(offs, c.off)
		}
		offs = append(offs, l.end)
	}
	return offs
}

func FuzzMap(f *testing.F) {
	for _, s := range []string{"", "aÜb", "a😀b", "ab\r\ncd", "ab\rcd", "ab\n", "a\xffb", "\xe2\x82x", "\uFFFD\r\r\n😀"} {
		f.Add([]byte(s), 1, 0, 1)
	}
	f.Fuzz(func(t *testing.T, src []byte, off, line, col int) {
		if len(src) > 1<<12 {
			return
		}
		m := linemap.New(src)
		ref := newReference(src)
		for _, u := range units {
			l, c := m.Position(off, u)
			wl, wc := ref.position(off, u)
			if l != wl || c != wc {
				t.Fatalf("Position(%d, %v) = (%d, %d), want (%d, %d)", off, u, l, c, wl, wc)
			}
			got, err := m.Offset(line, col, u)
			want, ok := 0, false
			if line >= 0 && col >= 0 {
				want, ok = ref.offset(line, col, u)
			}
			if ok != (err == nil) || ok && got != want {
				t.Fatalf("Offset(%d, %d, %v) = %d, %v; want %d, %v", line, col, u, got, err, want, ok)
			}
		}
		checkRoundTrip(t, src)
	})
}

func BenchmarkNew(b *testing.B) {
	for _, bc := range benchDocs() {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.src)))
			for b.Loop() {
				linemap.New(bc.src)
			}
		})
	}
}

func BenchmarkPosition(b *testing.B) {
	for _, bc := range benchDocs() {
		m := linemap.New(bc.src)
		for _, u := range units {
			b.Run(fmt.Sprintf("%s/%v", bc.name, u), func(b *testing.B) {
				off := 0
				for b.Loop() {
					m.Position(off, u)
					off = (off + 7919) % len(bc.src)
				}
			})
		}
	}
}

func BenchmarkOffset(b *testing.B) {
	for _, bc := range benchDocs() {
		m := linemap.New(bc.src)
		for _, u := range units {
			b.Run(fmt.Sprintf("%s/%v", bc.name, u), func(b *testing.B) {
				line := 0
				for b.Loop() {
					if _, err := m.Offset(line, 30, u); err != nil {
						b.Fatal(err)
					}
					line = (line + 101) % m.LineCount()
				}
			})
		}
	}
}

type benchDoc struct {
	name string
	src  []byte
}

// benchDocs are 1 MB files of command lines: plain ASCII, and with an accented
// letter and an emoji on every line.
func benchDocs() []benchDoc {
	ascii := strings.Repeat(">cs /set @category Used Car\n>cs .brand Toyota\n", 1<<20/45)
	wide := strings.Repeat(">cs /set @category Über Car 😀\r\n>cs .brand Škoda\r\n", 1<<20/50)
	return []benchDoc{{"ascii", []byte(ascii)}, {"wide", []byte(wide)}}
}
