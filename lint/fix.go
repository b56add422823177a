package lint

import "sort"

// ApplyFixes applies the safe fixes of diags to src and returns the result
// and the number of fixes applied. A fix that overlaps one already taken is
// left for the next round, so callers repeat until nothing is applied. Bytes
// outside the edits — line endings, a byte order mark, the final newline —
// are kept as they are.
func ApplyFixes(src []byte, diags []Diagnostic) ([]byte, int) {
	var fixes []*Fix
	for i := range diags {
		if f := diags[i].Fix; f != nil && len(f.Edits) > 0 {
			fixes = append(fixes, f)
		}
	}
	sort.SliceStable(fixes, func(i, j int) bool { return fixes[i].Edits[0].Start < fixes[j].Edits[0].Start })
	var edits []Edit
	taken := 0
	for _, f := range fixes {
		if !editsFit(edits, f.Edits, len(src)) {
			continue
		}
		edits = append(edits, f.Edits...)
		sort.Slice(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
		taken++
	}
	if taken == 0 {
		return src, 0
	}
	out := make([]byte, 0, len(src))
	last := 0
	for _, e := range edits {
		out = append(out, src[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, src[last:]...), taken
}

// editsFit reports whether the edits of one fix lie inside the source and
// overlap none of those already taken.
func editsFit(taken, edits []Edit, size int) bool {
	for _, e := range edits {
		if e.Start < 0 || e.Start > e.End || e.End > size {
			return false
		}
		for _, t := range taken {
			if e.Start < t.End && t.Start < e.End || e.Start == t.Start {
				return false
			}
		}
	}
	return true
}

// maxFixRounds bounds FixAll: each round applies the fixes that do not
// overlap; a few rounds settle any real file.
const maxFixRounds = 5

// FixAll applies the safe fixes of diags, the findings of l.Lint(path,
// src), round after round — in each the fixes that do not overlap, then a
// fresh lint of the result — until no fix applies or maxFixRounds rounds
// have run. It returns the fixed source (src itself when nothing applied),
// the findings left in it and how many fixes it applied. It writes nothing: the caller decides where
// the result goes (a file, an editor's buffer).
func (l *Linter) FixAll(path string, src []byte, diags []Diagnostic) ([]byte, []Diagnostic, int) {
	fixed, applied := src, 0
	for range maxFixRounds {
		next, n := ApplyFixes(fixed, diags)
		if n == 0 {
			break
		}
		fixed, applied = next, applied+n
		// A host syntax error was already there before the fix, and its
		// strings are linted all the same: the findings are what counts.
		diags, _ = l.Lint(path, fixed)
	}
	return fixed, diags, applied
}
