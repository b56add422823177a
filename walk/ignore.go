package walk

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
)

// This file implements .gitignore matching as git documents it
// (gitignore(5)), rather than using github.com/sabhiram/go-gitignore, which
// is wrong for a walk in ways a user would notice:
//   - it has no notion of directories, so "build/" never matches the
//     directory build itself and the walk could not prune it;
//   - it anchors "docs/build" only when the pattern also holds "*.", so the
//     pattern matches x/docs/build too;
//   - it makes "?" a literal, passes "+", "(", "|", "{" through to a regular
//     expression, and silently drops a line that does not compile;
//   - it ignores escaped trailing spaces, and a pattern's base directory, so
//     nested .gitignore files need the same bookkeeping as here anyway.
// What is left out: core.excludesFile (a per-user setting, not the
// project's) and case-insensitive matching (core.ignoreCase).

// pattern is one line of a .gitignore file.
type pattern struct {
	// segs is the pattern split at "/"; "**" alone is a segment of its own.
	segs     []string
	negate   bool // "!pattern": re-include
	dirOnly  bool // "pattern/": directories only
	anchored bool // a "/" before the end: match from the .gitignore's directory
}

// ignoreFile is the patterns of one .gitignore file, chained to those of the
// directories above it.
type ignoreFile struct {
	parent   *ignoreFile
	base     string // absolute directory the patterns are relative to
	patterns []pattern
}

// ignored reports whether the file or directory at the absolute path abs is
// ignored. Deeper files override shallower ones, and within a file the last
// matching pattern decides, as in git.
func (f *ignoreFile) ignored(abs string, isDir bool) bool {
	for l := f; l != nil; l = l.parent {
		rel, ok := relSlash(l.base, abs)
		if !ok {
			continue
		}
		base := rel[strings.LastIndexByte(rel, '/')+1:]
		for i := len(l.patterns) - 1; i >= 0; i-- {
			if l.patterns[i].match(rel, base, isDir) {
				return !l.patterns[i].negate
			}
		}
	}
	return false
}

// relSlash returns abs relative to base, with "/" separators, when abs lies
// strictly inside base.
func relSlash(base, abs string) (string, bool) {
	if !strings.HasPrefix(abs, base) || len(abs) == len(base) {
		return "", false
	}
	rel := abs[len(base):]
	if !strings.HasSuffix(base, string(filepath.Separator)) {
		if rel[0] != filepath.Separator {
			return "", false
		}
		rel = rel[1:]
	}
	return filepath.ToSlash(rel), true
}

func (p *pattern) match(rel, base string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	if !p.anchored {
		return matchSegment(p.segs[0], base)
	}
	return matchPath(p.segs, rel)
}

// parseIgnore reads the patterns of a .gitignore file.
func parseIgnore(src []byte) []pattern {
	var out []pattern
	for len(src) > 0 {
		var line []byte
		line, src, _ = bytes.Cut(src, []byte("\n"))
		if p, ok := parsePattern(string(line)); ok {
			out = append(out, p)
		}
	}
	return out
}

func parsePattern(line string) (pattern, bool) {
	line = strings.TrimSuffix(line, "\r")
	if line == "" || line[0] == '#' {
		return pattern{}, false
	}
	line = trimTrailingSpaces(line)
	var p pattern
	if strings.HasPrefix(line, "!") {
		p.negate = true
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = line[:len(line)-1]
	}
	if line == "" {
		return pattern{}, false
	}
	p.anchored = strings.Contains(line, "/")
	p.segs = strings.Split(strings.TrimPrefix(line, "/"), "/")
	return p, true
}

// trimTrailingSpaces drops trailing spaces unless escaped with a backslash,
// which then stays for matchSegment to unescape.
func trimTrailingSpaces(s string) string {
	end := len(s)
	for end > 0 && s[end-1] == ' ' {
		backslashes := 0
		for i := end - 2; i >= 0 && s[i] == '\\'; i-- {
			backslashes++
		}
		if backslashes%2 == 1 {
			break
		}
		end--
	}
	return s[:end]
}

// matchPath matches a slash-separated path against pattern segments, where
// a "**" segment matches any number of directories — at least one when it
// ends the pattern, so that "dir/**" matches what is inside dir but not dir.
func matchPath(segs []string, path string) bool {
	return matchSegs(segs, path, matchSegment)
}

// matchSegs is matchPath with the matcher of one segment given, so that a
// test can count the calls. A pattern without "**" is matched segment by
// segment. With "**", trying each way to split the path among the stars,
// as git does, takes exponential time for a pattern of several stars on a
// deep path; instead, ok[j] records whether the segments from i on match
// the path's segments from j on, computed for i from the last segment to
// the first: each pair of a pattern segment and a path segment is matched
// once.
func matchSegs(segs []string, path string, match func(pat, name string) bool) bool {
	if !slices.Contains(segs, "**") {
		for _, seg := range segs {
			if path == "" {
				return false
			}
			name, rest, _ := strings.Cut(path, "/")
			if !match(seg, name) {
				return false
			}
			path = rest
		}
		return path == ""
	}
	var names []string
	for path != "" { // as the loop above reads it: "a/" is one name
		var name string
		name, path, _ = strings.Cut(path, "/")
		names = append(names, name)
	}
	n := len(names)
	ok, next := make([]bool, n+1), make([]bool, n+1)
	next[n] = true // no segments left match no names left
	for i := len(segs) - 1; i >= 0; i-- {
		switch {
		case segs[i] == "**" && i == len(segs)-1:
			for j := range ok {
				ok[j] = j < n
			}
		case segs[i] == "**":
			ok[n] = next[n]
			for j := n - 1; j >= 0; j-- {
				ok[j] = next[j] || ok[j+1]
			}
		default:
			ok[n] = false
			for j := n - 1; j >= 0; j-- {
				ok[j] = next[j+1] && match(segs[i], names[j])
			}
		}
		ok, next = next, ok
	}
	return next[0]
}

// matchSegment matches one path segment against a glob with git's wildmatch
// syntax: "*", "?", "[...]" with "!" or "^" negation, ranges and [:class:],
// and "\" escapes. Like git, it works on bytes — "?" does not match "é",
// which is two — so that cscmd ignores exactly what git ignores; and a
// malformed bracket expression matches nothing.
func matchSegment(pat, name string) bool {
	px, nx := 0, 0
	// Where to resume after a mismatch: just past the last "*", and the
	// name position up to which that star has swallowed.
	starPx, starNx := -1, -1
	for px < len(pat) || nx < len(name) {
		if px < len(pat) {
			switch c := pat[px]; c {
			case '*':
				for px < len(pat) && pat[px] == '*' {
					px++
				}
				starPx, starNx = px, nx
				continue
			case '?':
				if nx < len(name) {
					px, nx = px+1, nx+1
					continue
				}
			case '[':
				n, ok := classLen(pat[px:])
				if !ok {
					return false
				}
				if nx < len(name) && matchClass(pat[px:px+n], name[nx]) {
					px, nx = px+n, nx+1
					continue
				}
			case '\\':
				if px+1 < len(pat) && nx < len(name) && name[nx] == pat[px+1] {
					px, nx = px+2, nx+1
					continue
				}
			default:
				if nx < len(name) && name[nx] == c {
					px, nx = px+1, nx+1
					continue
				}
			}
		}
		if starNx < 0 || starNx >= len(name) {
			return false
		}
		starNx++
		px, nx = starPx, starNx
	}
	return true
}

// classLen returns the length of the bracket expression at the start of
// pat, through its closing "]", or false when it is not closed or names an
// unknown [:class:].
func classLen(pat string) (int, bool) {
	i := 1
	if i < len(pat) && (pat[i] == '!' || pat[i] == '^') {
		i++
	}
	if i < len(pat) && pat[i] == ']' { // a leading "]" is literal
		i++
	}
	for i < len(pat) {
		switch {
		case pat[i] == ']':
			return i + 1, true
		case pat[i] == '\\':
			i += 2
		case strings.HasPrefix(pat[i:], "[:"):
			end := strings.Index(pat[i+2:], ":]")
			if end < 0 {
				i++
				continue
			}
			if _, ok := posixClasses[pat[i+2:i+2+end]]; !ok {
				return 0, false
			}
			i += end + 4
		default:
			i++
		}
	}
	return 0, false
}

// posixClasses are ASCII-only, as in git's wildmatch.
var posixClasses = map[string]func(byte) bool{
	"alnum":  func(c byte) bool { return isAlpha(c) || isDigit(c) },
	"alpha":  isAlpha,
	"blank":  func(c byte) bool { return c == ' ' || c == '\t' },
	"cntrl":  func(c byte) bool { return c < ' ' || c == 0x7f },
	"digit":  isDigit,
	"graph":  func(c byte) bool { return '!' <= c && c <= '~' },
	"lower":  func(c byte) bool { return 'a' <= c && c <= 'z' },
	"print":  func(c byte) bool { return ' ' <= c && c <= '~' },
	"punct":  func(c byte) bool { return '!' <= c && c <= '~' && !isAlpha(c) && !isDigit(c) },
	"space":  func(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' },
	"upper":  func(c byte) bool { return 'A' <= c && c <= 'Z' },
	"xdigit": func(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' },
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// matchClass matches c against a well-formed bracket expression, brackets
// included.
func matchClass(class string, c byte) bool {
	body := class[1 : len(class)-1]
	negate := false
	if body != "" && (body[0] == '!' || body[0] == '^') {
		negate, body = true, body[1:]
	}
	matched := false
	for i := 0; i < len(body); {
		if strings.HasPrefix(body[i:], "[:") {
			if end := strings.Index(body[i+2:], ":]"); end >= 0 {
				matched = matched || posixClasses[body[i+2:i+2+end]](c)
				i += end + 4
				continue
			}
		}
		lo := classByte(body, &i)
		hi := lo
		if i+1 < len(body) && body[i] == '-' {
			i++
			hi = classByte(body, &i)
		}
		matched = matched || lo <= c && c <= hi
	}
	return matched != negate
}

// classByte returns the possibly escaped byte at body[*i] and moves past it.
func classByte(body string, i *int) byte {
	if body[*i] == '\\' && *i+1 < len(body) {
		*i++
	}
	c := body[*i]
	*i++
	return c
}
