package linemap_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/web1on1/cscmd/linemap"
)

// longWide is a minified bundle: one long line with a few characters
// outside ASCII (two bytes, three bytes, four bytes, an invalid byte), and a
// short line after it.
func longWide(n int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "f%d('>cs /set a b');", i)
		switch i % 97 {
		case 3:
			b.WriteString("é")
		case 50:
			b.WriteString("😀€")
		case 90:
			b.WriteString("\xff")
		}
	}
	b.WriteString("\r\nnext é line")
	return []byte(b.String())
}

// Columns on a long line with checkpoints are those of decoding the line
// from its start, at every offset and every column.
func TestLongLine(t *testing.T) {
	src := longWide(5000)
	m := linemap.New(src)
	ref := newReference(src)
	for _, u := range units {
		for off := 0; off <= len(src); off++ {
			l, c := m.Position(off, u)
			if wl, wc := ref.position(off, u); l != wl || c != wc {
				t.Fatalf("Position(%d, %v) = (%d, %d), want (%d, %d)", off, u, l, c, wl, wc)
			}
		}
		for col := 0; col <= len(src)+1; col++ {
			got, err := m.Offset(0, col, u)
			if want, ok := ref.offset(0, col, u); !ok || err != nil || got != want {
				t.Fatalf("Offset(0, %d, %v) = %d, %v; want %d", col, u, got, err, want)
			}
		}
	}
	checkRoundTrip(t, src)
}

// BenchmarkPositionLongLine converts 8,000 offsets on a 430 KB one-line
// file: all ASCII (the baseline) and with a few characters outside ASCII.
// Each conversion must cost about the same in both, not O(line).
func BenchmarkPositionLongLine(b *testing.B) {
	wide := longWide(430 << 10)
	ascii := []byte(strings.Map(func(r rune) rune {
		if r >= 0x80 || r == 0xFFFD {
			return 'x'
		}
		return r
	}, string(wide)))
	for _, bc := range []benchDoc{{"ascii", ascii}, {"wide", wide}} {
		m := linemap.New(bc.src)
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for i := range 8000 {
					m.Position(i*(len(bc.src)/8000), linemap.Runes)
				}
			}
		})
	}
}
