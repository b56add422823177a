package suggest

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

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

// referenceClosest is Closest without pruning: every candidate's full
// distance, for checking that the bounds never change an answer.
func referenceClosest(word string, candidates []string) (string, bool) {
	n := utf8.RuneCountInString(word)
	limit := max(n/3, 1)
	best, bestFold, bestExact := "", limit+1, 0
	for _, c := range candidates {
		d := Distance(strings.ToLower(word), strings.ToLower(c))
		if d > limit || d >= max(utf8.RuneCountInString(strings.ToLower(word)), utf8.RuneCountInString(strings.ToLower(c))) || d > bestFold {
			continue
		}
		exact := Distance(word, c)
		if d == bestFold && !better(c, exact, best, bestExact) {
			continue
		}
		best, bestFold, bestExact = c, d, exact
	}
	return best, bestFold <= limit
}

func FuzzIndexAgreesWithReference(f *testing.F) {
	f.Add("Used Cat", "Used Car", "Used Cars", "used car", "New Car")
	f.Add("categorié", "categorie", "category", "cat", "")
	f.Add("abcdefghij", "bacdefghij", "abcdefgh", "abcdefghijkl", "jihgfedcba")
	f.Add("Category 12 of the catalog B", "Category 12 of the catalog A", "x", "y", "z")
	f.Fuzz(func(t *testing.T, word, a, b, c, d string) {
		// Short lists are scanned; long ones go through the deletion map
		// first, so check both.
		for _, cands := range [][]string{{a, b, c, d}, append(categories(indexed), a, b, c, d)} {
			want, wantOK := referenceClosest(word, cands)
			got, ok := NewIndex(cands).Closest(word)
			assert.Equal(t, wantOK, ok)
			assert.Equal(t, want, got)
		}
	})
}

// misspelt returns n words near entries of list: one rune changed.
func misspelt(list []string, n int) []string {
	out := make([]string, n)
	for i := range out {
		w := []rune(list[(i*7)%len(list)])
		w[i%len(w)] = 'x'
		out[i] = string(w)
	}
	return out
}

func categories(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("Category %d of the catalog %c", i*7919%100000, 'A'+rune(i%26))
	}
	return out
}

// BenchmarkClosest: 10,000 misspelt categories against a catalog of 2,000,
// through one Index (as the catalog keeps it); the baseline is the same
// words checked for exact membership, which every lookup does first.
func BenchmarkClosest(b *testing.B) {
	list := categories(2000)
	words := misspelt(list, 10000)
	b.Run("baseline-membership", func(b *testing.B) {
		set := map[string]bool{}
		for _, c := range list {
			set[c] = true
		}
		for b.Loop() {
			for _, w := range words {
				_ = set[w]
			}
		}
	})
	b.Run("index-10000x2000", func(b *testing.B) {
		ix := NewIndex(list)
		for b.Loop() {
			for _, w := range words {
				if _, ok := ix.Closest(w); !ok {
					b.Fatalf("no suggestion for %q", w)
				}
			}
		}
	})
}
