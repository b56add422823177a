package suggest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"abc", "abc", 0},
		{"abc", "abd", 1},
		{"abc", "ab", 1},
		{"ab", "abc", 1},
		{"abc", "acb", 1}, // transposition
		{"ca", "abc", 3},  // OSA, unlike true Damerau, cannot edit a transposed pair again
		{"kitten", "sitting", 3},
		{"Set", "set", 1},
		{"café", "cafe", 1}, // runes, not bytes
		{"😀x", "x😀", 1},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			assert.Equal(t, tt.want, Distance(tt.a, tt.b))
			assert.Equal(t, tt.want, Distance(tt.b, tt.a), "symmetric")
		})
	}
}

func TestClosest(t *testing.T) {
	rules := []string{"syntax", "unknown-command", "objectid-format", "objectid-case", "objectid-time", "location-pair"}
	tests := []struct {
		name       string
		word       string
		candidates []string
		want       string
		ok         bool
	}{
		{"typo", "objectid-formt", rules, "objectid-format", true},
		{"transposition", "objectid-tiem", rules, "objectid-time", true},
		{"case only", "/Set", []string{"/set", "/assign", "/notify"}, "/set", true},
		{"exact", "syntax", rules, "syntax", true},
		{"too far", "banana", rules, "", false},
		{"short word gets no wild guess", "x", []string{"y", "ab"}, "", false},
		{"one letter typo in short word", "/st", []string{"/set"}, "/set", true},
		{"empty word", "", []string{"a"}, "", false},
		{"no candidates", "abc", nil, "", false},
		{"folded distance wins", "USED car", []string{"Used Car", "Used Cat"}, "Used Car", true},
		{"case-sensitive distance breaks a tie", "Brand", []string{"brand", "Brand"}, "Brand", true},
		{"lexical tie-break is order-independent", "cat", []string{"cot", "bat"}, "bat", true},
		{"lexical tie-break reversed input", "cat", []string{"bat", "cot"}, "bat", true},
		{"unicode", "categorié", []string{"categorie", "category"}, "categorie", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Closest(tt.word, tt.candidates)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func FuzzClosest(f *testing.F) {
	f.Add("objectid-formt", "objectid-format", "syntax")
	f.Add("/Set", "/set", "/SET")
	f.Add("", "", "\xff")
	f.Fuzz(func(t *testing.T, word, a, b string) {
		got, ok := Closest(word, []string{a, b})
		if !ok {
			assert.Empty(t, got)
			return
		}
		assert.Contains(t, []string{a, b}, got)
		// Order of candidates must not matter.
		got2, ok2 := Closest(word, []string{b, a})
		assert.Equal(t, ok, ok2)
		assert.Equal(t, got, got2)
	})
}
