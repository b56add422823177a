package ast

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHexValue(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := -1
		switch {
		case '0' <= c && c <= '9':
			want = c - '0'
		case 'a' <= c && c <= 'f':
			want = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			want = c - 'A' + 10
		}
		assert.Equal(t, want, HexValue(byte(c)), "%q", rune(c))
	}
}

func TestShortID(t *testing.T) {
	assert.Equal(t, "6054…7655", ShortID("605411853c68d83fd1ac7655"))
	assert.Equal(t, "6054…7655", ShortID("605411853C68D83FD1AC7655"[:20]+"7655"))
	assert.Equal(t, "605411853c68d83fd1ac765", ShortID("605411853c68d83fd1ac765"), "not an id: as is")
	assert.Equal(t, "x", ShortID("x"))
}

func TestHasPlaceholder(t *testing.T) {
	assert.True(t, HasPlaceholder("a"+string(Placeholder)))
	assert.False(t, HasPlaceholder("a${b}"))
	assert.False(t, HasPlaceholder(""))
}
