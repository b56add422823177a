package grammar

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLooksLikeCommand(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"command", ">cs /set a b", true},
		{"bare", ">cs", true},
		{"leading blanks", " \t>cs x", true},
		{"blanks after the marker", ">  cs /set a b", true},
		{"tab after the marker", ">\tCS x", true},
		{"upper case", ">Cs", true},
		{"glued word", ">csv data", true}, // a candidate; Classify calls it chat
		{"too short", ">c", false},
		{"no marker", "cs x", false},
		{"text first", "x >cs", false},
		{"line break first", "\n>cs", false},
		{"line break after the marker", ">\ncs", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, LooksLikeCommand(tt.in))
			assert.Equal(t, tt.want, LooksLikeCommand([]byte(tt.in)))
			if !tt.want {
				assert.Equal(t, Chat, Classify(tt.in), "what does not look like a command is chat")
			}
		})
	}
}

// Every text Classify calls a command or a near miss looks like a command,
// so that a host string is judged the same as the same line of a command
// file.
func TestClassifyAgreesWithLooksLikeCommand(t *testing.T) {
	for _, in := range []string{">cs /x", " >cs /x", ">  cs /x", ">\tcs/x", ">CS .a b", ">cs", ">cs\r", "\t>cs@x"} {
		assert.NotEqual(t, Chat, Classify(in), "%q", in)
		assert.True(t, LooksLikeCommand(in), "%q", in)
	}
}
