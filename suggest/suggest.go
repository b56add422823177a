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
// For many words against one long list, build an Index once.
func Closest(word string, candidates []string) (string, bool) {
	return NewIndex(candidates).Closest(word)
}

// Index holds candidates prepared for Closest: lowercased and decoded once,
// so that asking about many words costs only the comparisons that can still
// win. Safe for concurrent use once made.
type Index struct {
	entries []entry
	// near maps each folded candidate, and each spelling of it with one
	// rune deleted, to the candidates it came from. Two strings at
	// distance 1 (a substitution, insertion, deletion or transposition)
	// always share such a spelling, so the typos nearest to the catalog
	// are found by a few map lookups instead of a scan. Nil for short
	// lists, where the scan is cheaper than the map.
	near map[string][]int32
}

type entry struct {
	word  string
	fold  []rune // lowercased
	runes []rune
}

// indexed is the list length from which an Index keeps the deletion map.
const indexed = 64

// NewIndex prepares candidates for Closest.
func NewIndex(candidates []string) *Index {
	ix := &Index{entries: make([]entry, len(candidates))}
	for i, c := range candidates {
		ix.entries[i] = entry{word: c, fold: []rune(strings.ToLower(c)), runes: []rune(c)}
	}
	if len(candidates) >= indexed {
		ix.near = map[string][]int32{}
		for i := range ix.entries {
			for _, k := range deletions(ix.entries[i].fold) {
				if l := ix.near[k]; len(l) == 0 || l[len(l)-1] != int32(i) {
					ix.near[k] = append(l, int32(i))
				}
			}
		}
	}
	return ix
}

// deletions returns w and every spelling of w with one rune deleted.
func deletions(w []rune) []string {
	out := make([]string, 0, len(w)+1)
	out = append(out, string(w))
	buf := make([]rune, 0, len(w))
	for i := range w {
		buf = append(append(buf[:0], w[:i]...), w[i+1:]...)
		out = append(out, string(buf))
	}
	return out
}

// Closest is the package's Closest over the index's candidates.
func (ix *Index) Closest(word string) (string, bool) {
	q := query{word: word, fold: []rune(strings.ToLower(word)), runes: []rune(word)}
	q.limit = max(utf8.RuneCountInString(word)/3, 1)
	q.bestFold = q.limit + 1
	if ix.near != nil {
		// Every candidate within distance 1 shares a key with the word; when
		// there is one, nothing farther can win.
		var buf []byte
		for skip := -1; skip < len(q.fold); skip++ {
			buf = buf[:0]
			for i, r := range q.fold {
				if i != skip {
					buf = utf8.AppendRune(buf, r)
				}
			}
			for _, i := range ix.near[string(buf)] { // no copy: a map index
				q.consider(&ix.entries[i], 1)
			}
		}
		if q.best != "" || q.limit == 1 {
			return q.best, q.best != ""
		}
	}
	for i := range ix.entries {
		q.consider(&ix.entries[i], q.limit)
	}
	return q.best, q.best != ""
}

// query is one search for the candidate nearest to a word.
type query struct {
	word        string
	fold, runes []rune
	limit       int
	best        string
	bestFold    int
	bestExact   int
	s           scratch
}

// consider makes e the best so far when it is nearer than the best, at a
// folded distance of at most bound. A candidate whose length differs from
// the word's by more than that distance cannot be nearer (each missing rune
// costs an insertion), so it is skipped unaligned.
func (q *query) consider(e *entry, bound int) {
	bound = min(bound, q.bestFold)
	if abs(len(e.fold)-len(q.fold)) > bound {
		return
	}
	d := q.s.distance(q.fold, e.fold, bound)
	if d > bound || d >= max(len(q.fold), len(e.fold)) {
		return
	}
	if d == q.bestFold && e.word == q.best {
		return // met again through another key
	}
	exact := q.s.distance(q.runes, e.runes, len(q.runes)+len(e.runes))
	if d == q.bestFold && !better(e.word, exact, q.best, q.bestExact) {
		return
	}
	q.best, q.bestFold, q.bestExact = e.word, d, exact
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
	ra, rb := []rune(a), []rune(b)
	var s scratch
	return s.distance(ra, rb, len(ra)+len(rb))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// scratch holds the rows of the alignment, reused from one comparison to
// the next.
type scratch struct{ rows [3][]int }

// distance is the optimal string alignment distance between a and b when it
// is at most bound, and bound+1 otherwise. Only the cells within bound of the
// diagonal are computed (a path through any other cell costs more than
// bound), and the alignment stops once two successive rows exceed bound.
func (s *scratch) distance(a, b []rune, bound int) int {
	inf := bound + 1
	if abs(len(a)-len(b)) > bound {
		return inf
	}
	if len(a) == 0 || len(b) == 0 {
		return max(len(a), len(b))
	}
	for i := range s.rows {
		if cap(s.rows[i]) < len(b)+2 {
			s.rows[i] = make([]int, len(b)+2)
		}
	}
	// Three rows suffice: transposition looks back two rows.
	prev2, prev, cur := s.rows[0][:len(b)+2], s.rows[1][:len(b)+2], s.rows[2][:len(b)+2]
	for j := range prev {
		prev[j] = min(j, inf)
	}
	prevMin := 0
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-bound), min(len(b), i+bound)
		cur[0] = min(i, inf)
		if lo > 1 {
			cur[lo-1] = inf
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = min(v, inf)
			rowMin = min(rowMin, cur[j])
		}
		cur[hi+1] = inf
		// A cell of a later row costs at least the least of this row or
		// the row before it (a transposition reaches back two rows).
		if rowMin > bound && prevMin > bound {
			return inf
		}
		prevMin = rowMin
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
