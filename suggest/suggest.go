// Package suggest finds the closest spelling of a mistyped word among known
// candidates, for "did you mean" hints in diagnostics and config errors.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to word, or false when none is near
// enough to be a plausible typo.
//
// Distance is the optimal string alignment distance (Levenshtein plus
// transposition of adjacent runes) between the lowercased strings, so "/Set"
// is at distance 0 from "/set". A candidate is near enough when its distance
// is at most a third of the word's length (at least 1) and smaller than the
// longer of the two lengths: short words thus get no far-fetched hints.
// Ties go to the smaller case-sensitive distance, then to the candidate that
// sorts first case-insensitively, so the answer does not depend on the order
// of candidates (callers may pass the keys of a map).
//
// A candidate equal to word is returned too; callers check membership first.
func Closest(word string, candidates []string) (string, bool) {
	n := utf8.RuneCountInString(word)
	limit := max(n/3, 1)
	lw := []rune(strings.ToLower(word))
	best, bestFold, bestExact := "", limit+1, 0
	for _, c := range candidates {
		lc := []rune(strings.ToLower(c))
		d := distance(lw, lc)
		if d > limit || d >= max(len(lw), len(lc)) {
			continue
		}
		if d > bestFold {
			continue
		}
		exact := distance([]rune(word), []rune(c))
		if d == bestFold && !better(c, exact, best, bestExact) {
			continue
		}
		best, bestFold, bestExact = c, d, exact
	}
	return best, bestFold <= limit
}

// better breaks a tie between two candidates at the same folded distance.
func better(c string, cExact int, b string, bExact int) bool {
	if cExact != bExact {
		return cExact < bExact
	}
	lc, lb := strings.ToLower(c), strings.ToLower(b)
	if lc != lb {
		return lc < lb
	}
	return c < b
}

// Distance is the optimal string alignment distance between a and b, counted
// in runes: insertions, deletions, substitutions and transpositions of two
// adjacent runes each cost 1. It is case-sensitive.
func Distance(a, b string) int {
	return distance([]rune(a), []rune(b))
}

func distance(a, b []rune) int {
	if len(a) == 0 {
		return len(b)
	}
	if len(b) == 0 {
		return len(a)
	}
	// Three rows suffice: transposition looks back two rows.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
