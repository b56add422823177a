package lint

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestDecodeUTF(t *testing.T) {
	for _, tt := range []struct {
		name, src, want, enc string
		roundTrip            bool
	}{
		{"UTF-8 stays", ">cs /set a b\n", ">cs /set a b\n", "", true},
		{"UTF-8 BOM stays", "\xEF\xBB\xBF>cs", "\xEF\xBB\xBF>cs", "", true},
		{"UTF-16LE", "\xFF\xFE>\x00c\x00s\x00 \x00\xE9\x00", ">cs é", "UTF-16LE", true},
		{"UTF-16BE", "\xFE\xFF\x00>\x00c\x00s", ">cs", "UTF-16BE", true},
		{"UTF-16 surrogate pair", "\xFF\xFE\x3D\xD8\x00\xDE", "😀", "UTF-16LE", true},
		{"UTF-16 lone surrogate", "\xFF\xFE\x3D\xD8>\x00", "\uFFFD>", "UTF-16LE", false},
		{"UTF-16 odd length", "\xFF\xFE>\x00c", ">\uFFFD", "UTF-16LE", false},
		{"UTF-32LE", "\xFF\xFE\x00\x00>\x00\x00\x00\x00\xF6\x01\x00", ">😀", "UTF-32LE", true},
		{"UTF-32BE", "\x00\x00\xFE\xFF\x00\x00\x00>", ">", "UTF-32BE", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, enc := DecodeUTF([]byte(tt.src))
			assert.Equal(t, tt.want, string(got))
			assert.Equal(t, tt.enc, enc)
			assert.Equal(t, tt.roundTrip, string(EncodeUTF(got, enc)) == tt.src, "round trip")
		})
	}
}

// FuzzDecodeUTF checks that decoding never fails, yields UTF-8, and that
// whatever decodes without loss encodes back to the same bytes.
func FuzzDecodeUTF(f *testing.F) {
	f.Add([]byte("\xFF\xFE>\x00c\x00s\x00"))
	f.Add([]byte("\xFE\xFF\xD8\x3D\xDE\x00"))
	f.Add([]byte("\x00\x00\xFE\xFF\x00\x11\x00\x00"))
	f.Fuzz(func(t *testing.T, src []byte) {
		text, enc := DecodeUTF(src)
		if enc == "" {
			assert.Equal(t, src, text)
			return
		}
		assert.True(t, utf8.Valid(text))
		back, enc2 := DecodeUTF(EncodeUTF(text, enc))
		assert.Equal(t, enc, enc2)
		assert.Equal(t, string(text), string(back), "decoded text survives a round trip")
	})
}
