// Package newfrom tells which lines a change added or modified, so that
// `cscmd lint --new-from-rev`, `--new-from-merge-base` and
// `--new-from-patch` report only the findings on them: the meaning of
// golangci-lint's options of the same names. A line is new when a hunk of
// the unified diff adds it ("+"); a file git does not track yet is new as a
// whole.
package newfrom

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Lines are the new line numbers (1-based) of one file, as sorted,
// disjoint, non-adjacent ranges.
type Lines struct {
	whole  bool // every line (an untracked file)
	ranges []span
}

type span struct{ from, to int } // inclusive

// Has reports whether line (1-based) is new.
func (l *Lines) Has(line int) bool {
	if l == nil {
		return false
	}
	if l.whole {
		return true
	}
	_, found := slices.BinarySearchFunc(l.ranges, line, func(s span, line int) int {
		switch {
		case s.to < line:
			return -1
		case s.from > line:
			return 1
		}
		return 0
	})
	return found
}

// add adds a line; lines come in increasing order within a hunk, and
// hunks in increasing order within a file's diff.
func (l *Lines) add(line int) {
	if n := len(l.ranges); n > 0 && l.ranges[n-1].to+1 == line {
		l.ranges[n-1].to = line
		return
	}
	l.ranges = append(l.ranges, span{line, line})
}

// normalize sorts and merges the ranges: a patch may change one file in
// several places (concatenated commits), each in its own order.
func (l *Lines) normalize() {
	slices.SortFunc(l.ranges, func(a, b span) int { return a.from - b.from })
	out := l.ranges[:0]
	for _, s := range l.ranges {
		if n := len(out); n > 0 && out[n-1].to+1 >= s.from {
			out[n-1].to = max(out[n-1].to, s.to)
			continue
		}
		out = append(out, s)
	}
	l.ranges = out
}

// A PatchError is a line of a patch that cannot be read.
type PatchError struct {
	Line int // 1-based
	Msg  string
}

func (e *PatchError) Error() string { return strconv.Itoa(e.Line) + ": " + e.Msg }

// ParsePatch reads a unified diff (git diff, diff -u, a .patch file) and
// returns the added lines of each file it changes, by the path after "+++"
// with git's "b/" prefix removed (a git diff's "diff --git a/…" line, or
// an "a/" prefix on the "---" path, says the paths have them). A
// deleted file, a binary file and a mode change add no lines. Text before
// the first file and between files (commit messages, "diff --git" and
// "index" lines) is skipped, as patch(1) does. A hunk whose lines do not
// match its header's counts, or a hunk outside a file, is an error.
func ParsePatch(patch []byte) (map[string]*Lines, error) {
	files := map[string]*Lines{}
	var (
		cur          *Lines // the file whose hunks are read, nil for /dev/null
		inFile       bool
		oldLeft      int // lines of the hunk still to come, old side
		newLeft      int // and new side
		newLine      int // number of the next line on the new side
		oldPath      string
		lineNo       int
		afterOldPath bool
		prefixed     bool // "diff --git a/… b/…": the paths have git's prefixes
	)
	for len(patch) > 0 {
		var line []byte
		line, patch, _ = bytes.Cut(patch, []byte{'\n'})
		line = bytes.TrimSuffix(line, []byte{'\r'})
		lineNo++
		if oldLeft > 0 || newLeft > 0 {
			if len(line) == 0 {
				// Some tools strip the space of an empty context line.
				line = []byte{' '}
			}
			switch line[0] {
			case ' ':
				oldLeft--
				newLeft--
				newLine++
			case '-':
				oldLeft--
			case '+':
				if cur != nil {
					cur.add(newLine)
				}
				newLeft--
				newLine++
			case '\\': // "\ No newline at end of file"
				continue
			default:
				return nil, &PatchError{lineNo, fmt.Sprintf("hunk ends early: %d old and %d new lines missing", max(oldLeft, 0), max(newLeft, 0))}
			}
			if oldLeft < 0 || newLeft < 0 {
				return nil, &PatchError{lineNo, "hunk has more lines than its header says"}
			}
			continue
		}
		s := string(line)
		switch {
		case strings.HasPrefix(s, "diff --git "):
			prefixed = strings.HasPrefix(s, "diff --git a/") || strings.HasPrefix(s, `diff --git "a/`)
			afterOldPath = false
		case strings.HasPrefix(s, "--- "):
			oldPath, afterOldPath = headerPath(s[4:]), true
		case strings.HasPrefix(s, "+++ ") && afterOldPath:
			afterOldPath = false
			p := headerPath(s[4:])
			cur, inFile = nil, true
			if p == "/dev/null" {
				break // a deleted file: nothing new in it
			}
			if strings.HasPrefix(p, "b/") && (prefixed || strings.HasPrefix(oldPath, "a/")) {
				p = p[2:]
			}
			p = path.Clean(p)
			if files[p] == nil {
				files[p] = &Lines{}
			}
			cur = files[p]
		case strings.HasPrefix(s, "@@ "):
			if !inFile {
				return nil, &PatchError{lineNo, "hunk before any \"---\"/\"+++\" file header"}
			}
			start, o, n, ok := hunkHeader(s)
			if !ok {
				return nil, &PatchError{lineNo, fmt.Sprintf("malformed hunk header %q", s)}
			}
			oldLeft, newLeft, newLine = o, n, start
			if n == 0 {
				newLine = start + 1 // "+5,0": nothing added, after line 5
			}
		default:
			afterOldPath = false
		}
	}
	if oldLeft > 0 || newLeft > 0 {
		return nil, &PatchError{lineNo, fmt.Sprintf("patch ends inside a hunk: %d old and %d new lines missing", oldLeft, newLeft)}
	}
	for _, l := range files {
		l.normalize()
	}
	return files, nil
}

// headerPath returns the path of a "---" or "+++" line: without the
// timestamp diff -u appends after a tab, and unquoted when git quoted it
// (a path with a tab, a line break, a quote or bytes beyond ASCII).
func headerPath(s string) string {
	if strings.HasPrefix(s, `"`) {
		if p, err := unquote(s); err == nil {
			return p
		}
	}
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, " ")
}

// unquote reads a C-style quoted path as git writes one: \t, \n, \", \\
// and three-digit octal bytes. What follows the closing quote is ignored.
func unquote(s string) (string, error) {
	var b []byte
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			return string(b), nil
		case '\\':
			i++
			if i >= len(s) {
				return "", fmt.Errorf("unterminated escape")
			}
			e := s[i]
			if j := strings.IndexByte("abtnvfr", e); j >= 0 {
				b = append(b, "\a\b\t\n\v\f\r"[j])
				continue
			}
			switch {
			case e >= '0' && e <= '3':
				if i+2 >= len(s) {
					return "", fmt.Errorf("short octal escape")
				}
				n, err := strconv.ParseUint(s[i:i+3], 8, 8)
				if err != nil {
					return "", err
				}
				b = append(b, byte(n))
				i += 2
			default: // \" and \\
				b = append(b, e)
			}
		default:
			b = append(b, c)
		}
	}
	return "", fmt.Errorf("no closing quote")
}

// hunkHeader reads "@@ -a[,b] +c[,d] @@…": the new side's first line and
// both sides' counts (1 when left out).
func hunkHeader(s string) (newStart, oldCount, newCount int, ok bool) {
	rest, found := strings.CutPrefix(s, "@@ -")
	if !found {
		return 0, 0, 0, false
	}
	old, rest, found := strings.Cut(rest, " +")
	if !found {
		return 0, 0, 0, false
	}
	nw, _, found := strings.Cut(rest, " @@")
	if !found {
		return 0, 0, 0, false
	}
	_, oldCount, ok1 := rangeOf(old)
	newStart, newCount, ok2 := rangeOf(nw)
	return newStart, oldCount, newCount, ok1 && ok2
}

// rangeOf reads "start[,count]" of a hunk header.
func rangeOf(s string) (start, count int, ok bool) {
	a, b, hasCount := strings.Cut(s, ",")
	start, err := strconv.Atoi(a)
	if err != nil || start < 0 {
		return 0, 0, false
	}
	count = 1
	if hasCount {
		if count, err = strconv.Atoi(b); err != nil || count < 0 {
			return 0, 0, false
		}
	}
	return start, count, true
}
