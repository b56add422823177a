package linemap

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBreaks(t *testing.T) {
	const src = "a\nb\r\nc\rd"
	// offset: a0 \n1 b2 \r3 \n4 c5 \r6 d7
	tests := []struct {
		name            string
		at              int
		brk, end, start int
	}{
		{"text", 0, 0, 1, 0},
		{"lf", 1, 1, 1, 0},
		{"crlf", 3, 2, 3, 2},
		{"lf of a crlf belongs to its line", 4, 1, 4, 2},
		{"after crlf", 5, 0, 6, 5},
		{"lone cr", 6, 1, 6, 5},
		{"after lone cr", 7, 0, 8, 7},
		{"end", 8, 0, 8, 7},
		{"outside", 9, 0, 8, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.brk, BreakAt(src, tt.at), "BreakAt")
			assert.Equal(t, tt.brk, BreakAt([]byte(src), tt.at), "BreakAt bytes")
			assert.Equal(t, tt.end, LineEnd(src, tt.at), "LineEnd")
			assert.Equal(t, tt.start, LineStart(src, tt.at), "LineStart")
		})
	}
	// The Map counts the same lines.
	m := New([]byte(src))
	assert.Equal(t, 4, m.LineCount())
	for line, want := range [][2]int{{0, 1}, {2, 3}, {5, 6}, {7, 8}} {
		start, end, ok := m.Line(line)
		assert.True(t, ok)
		assert.Equal(t, want, [2]int{start, end}, "line %d", line)
		assert.Equal(t, start, LineStart(src, end))
		assert.Equal(t, end, LineEnd(src, start))
	}
}
