package walk

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// matchPathNaive is how git matches "**": by recursion over every way to
// split the path among the stars, which is exponential in their number. It
// is the oracle for matchSegs.
func matchPathNaive(segs []string, path string) bool {
	for len(segs) > 0 {
		if segs[0] == "**" {
			if len(segs) == 1 {
				return path != ""
			}
			for {
				if matchPathNaive(segs[1:], path) {
					return true
				}
				i := strings.IndexByte(path, '/')
				if i < 0 {
					return false
				}
				path = path[i+1:]
			}
		}
		if path == "" {
			return false
		}
		seg, rest, _ := strings.Cut(path, "/")
		if !matchSegment(segs[0], seg) {
			return false
		}
		segs, path = segs[1:], rest
	}
	return path == ""
}

// manyStars is a pattern of ten "**" and a path forty directories deep
// that it does not match: git takes over a minute on it.
func manyStars() ([]string, string) {
	return strings.Split(strings.Repeat("**/a*/", 10)+"x", "/"), strings.Repeat("ab/", 40) + "y"
}

func TestMatchPathLinear(t *testing.T) {
	segs, path := manyStars()
	calls := 0
	got := matchSegs(segs, path, func(pat, name string) bool {
		calls++
		return matchSegment(pat, name)
	})
	assert.False(t, got)
	assert.LessOrEqual(t, calls, len(segs)*41, "each pattern segment meets each path segment at most once")
}

func TestMatchPathAgreesWithGit(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"**", "a", true},
		{"**", "a/b", true},
		{"a/**", "a", false},
		{"a/**", "a/b/c", true},
		{"**/b", "b", true},
		{"**/b", "a/x/b", true},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b", true},
		{"a/**/b", "a/x/y/c", false},
		{"**/**/b", "b", true},
		{"a/**/**/b/**", "a/x/b/y", true},
		{"a/**/**/b/**", "a/x/b", false},
		{"*/**/c", "a/c", true},
		{"*/**/c", "c", false},
		{"a/b", "a/b/c", false},
		{"a/b/c", "a/b", false},
	}
	for _, tt := range tests {
		segs := strings.Split(tt.pattern, "/")
		assert.Equal(t, tt.want, matchPath(segs, tt.path), "%s on %s", tt.pattern, tt.path)
		assert.Equal(t, tt.want, matchPathNaive(segs, tt.path), "oracle: %s on %s", tt.pattern, tt.path)
	}
}

func FuzzMatchPath(f *testing.F) {
	for _, s := range [][2]string{{"a/**/b", "a/x/b"}, {"**/*.js", "x/y.js"}, {"**/a/**/b/**", "a/b/a/b/c"}, {"**", ""}, {"x/**", "x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, path string) {
		segs := strings.Split(pattern, "/")
		if len(segs) > 8 || strings.Count(path, "/") > 8 {
			return // the oracle is exponential
		}
		if got, want := matchPath(segs, path), matchPathNaive(segs, path); got != want {
			t.Fatalf("%q on %q: got %v, git's way says %v", pattern, path, got, want)
		}
	})
}

// BenchmarkMatchPath matches a pattern with one "**" (the baseline) and one
// with ten against a path forty directories deep.
func BenchmarkMatchPath(b *testing.B) {
	segs, path := manyStars()
	b.Run("one-star", func(b *testing.B) {
		one := strings.Split("**/a*/x", "/")
		for b.Loop() {
			matchPath(one, path)
		}
	})
	b.Run("ten-stars", func(b *testing.B) {
		for b.Loop() {
			matchPath(segs, path)
		}
	})
}
