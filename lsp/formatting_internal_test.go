package lsp

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		name, old, new string
		start, oldEnd  int
	}{
		{"equal", "abc", "abc", 3, 3},
		{"insert", "ac", "abc", 1, 1},
		{"delete", "abc", "ac", 1, 2},
		{"replace", "abcd", "aXYd", 1, 3},
		{"same lead byte backs off to the character", "é", "è", 0, 2},
		{"same trail byte moves to the character end", "aé", "aã", 1, 3},
		{"emoji", "x😀y", "x😁y", 1, 5},
		{"never between CR and LF", "a\r\n", "a\r\r\n", 1, 1},
		{"suffix never starts at LF of CRLF", "a \r\n", "a\r\n", 1, 2},
		{"repeated text", "aaaa", "aa", 2, 4},
		{"empty to text", "", "abc", 0, 0},
		{"text to empty", "abc", "", 0, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, oldEnd, newEnd := diff([]byte(tt.old), []byte(tt.new))
			assert.Equal(t, [2]int{tt.start, tt.oldEnd}, [2]int{start, oldEnd})
			assert.Equal(t, tt.new, tt.old[:start]+tt.new[start:newEnd]+tt.old[oldEnd:], "the edit reproduces new")
			assert.True(t, boundary([]byte(tt.old), start) && boundary([]byte(tt.old), oldEnd))
		})
	}
}
