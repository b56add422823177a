package newfrom

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// added lists the new lines of each file, for comparing.
func added(files map[string]*Lines) map[string][]int {
	out := map[string][]int{}
	for p, l := range files {
		out[p] = []int{}
		for _, s := range l.ranges {
			for n := s.from; n <= s.to; n++ {
				out[p] = append(out[p], n)
			}
		}
	}
	return out
}

var patchTests = []struct {
	name  string
	patch string
	want  map[string][]int
}{
	{"git diff with context", `diff --git a/cmds/a.cscmd b/cmds/a.cscmd
index 1111111..2222222 100644
--- a/cmds/a.cscmd
+++ b/cmds/a.cscmd
@@ -1,4 +1,5 @@
 # leads
->cs /assign 62c6077ca980127f404b03
+>cs /assign 62c6077ca980127f404b0301
+>cs /notify
 >cs /set isLead yes
 
@@ -10,2 +11,2 @@ section
 keep
-old
+new
`, map[string][]int{"cmds/a.cscmd": {2, 3, 12}}},
	{"zero context, deletion only", `diff --git a/x.js b/x.js
--- a/x.js
+++ b/x.js
@@ -3 +2,0 @@
-gone
@@ -7,0 +7,2 @@
+one
+two
`, map[string][]int{"x.js": {7, 8}}},
	{"new file", `diff --git a/new.cscmd b/new.cscmd
new file mode 100644
--- /dev/null
+++ b/new.cscmd
@@ -0,0 +1,2 @@
+>cs /notify
+>cs /assign x
`, map[string][]int{"new.cscmd": {1, 2}}},
	{"deleted file", `diff --git a/old.cscmd b/old.cscmd
deleted file mode 100644
--- a/old.cscmd
+++ /dev/null
@@ -1 +0,0 @@
->cs /notify
`, map[string][]int{}},
	{"diff -u without prefixes, timestamps", "--- page.html\t2024-01-01 10:00:00\n+++ page.html\t2024-01-02 10:00:00\n@@ -1 +1 @@\n-a\n+b\n",
		map[string][]int{"page.html": {1}}},
	{"no newline at end of file, CRLF", "--- a/f.cscmd\r\n+++ b/f.cscmd\r\n@@ -1 +1 @@\r\n-a\r\n\\ No newline at end of file\r\n+b\r\n\\ No newline at end of file\r\n",
		map[string][]int{"f.cscmd": {1}}},
	{"quoted path", "diff --git \"a/caf\\303\\251 page.js\" \"b/caf\\303\\251 page.js\"\n--- \"a/caf\\303\\251 page.js\"\n+++ \"b/caf\\303\\251 page.js\"\n@@ -1 +1 @@\n-a\n+b\n",
		map[string][]int{"café page.js": {1}}},
	{"quoted path with a tab and a quote", "--- \"a/x\\ty\\\"z.js\"\n+++ \"b/x\\ty\\\"z.js\"\n@@ -1 +1 @@\n-a\n+b\n",
		map[string][]int{"x\ty\"z.js": {1}}},
	{"commit message and two files", `From 1234 Mon Sep 17 00:00:00 2001
Subject: [PATCH] change

--- a/one.yaml
+++ b/one.yaml
@@ -1 +1 @@
-a
+b
--- a/two.yaml
+++ b/two.yaml
@@ -5,0 +6 @@
+c
`, map[string][]int{"one.yaml": {1}, "two.yaml": {6}}},
	{"same file twice, out of order", "--- a/f\n+++ b/f\n@@ -9 +9 @@\n-a\n+b\n--- a/f\n+++ b/f\n@@ -2 +2,2 @@\n-a\n+b\n+c\n",
		map[string][]int{"f": {2, 3, 9}}},
	{"a line that looks like a header inside a hunk", "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n---- x\n+++++ y\n-a\n+b\n",
		map[string][]int{"f": {1, 2}}},
	{"binary file", "diff --git a/img.png b/img.png\nBinary files a/img.png and b/img.png differ\n", map[string][]int{}},
	{"empty", "", map[string][]int{}},
}

func TestParsePatch(t *testing.T) {
	for _, tt := range patchTests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := ParsePatch([]byte(tt.patch))
			require.NoError(t, err)
			assert.Equal(t, tt.want, added(files))
		})
	}
}

func TestParsePatchErrors(t *testing.T) {
	tests := []struct {
		name, patch, want string
	}{
		{"hunk without a file", "@@ -1 +1 @@\n-a\n+b\n", `1: hunk before any "---"/"+++" file header`},
		{"malformed header", "--- a/f\n+++ b/f\n@@ -x +1 @@\n", `3: malformed hunk header "@@ -x +1 @@"`},
		{"header without the closing @@", "--- a/f\n+++ b/f\n@@ -1 +1\n", `3: malformed hunk header "@@ -1 +1"`},
		{"negative count", "--- a/f\n+++ b/f\n@@ -1,-1 +1 @@\n", `3: malformed hunk header "@@ -1,-1 +1 @@"`},
		{"hunk ends early", "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\nxyz\n", "5: hunk ends early: 2 old and 2 new lines missing"},
		{"too many added lines", "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n+c\n", ""},
		{"patch ends in a hunk", "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n", "4: patch ends inside a hunk: 1 old and 1 new lines missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePatch([]byte(tt.patch))
			if tt.want == "" {
				// "+c" comes after the hunk: not part of any, so skipped.
				require.NoError(t, err)
				return
			}
			var pe *PatchError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestLinesHas(t *testing.T) {
	files, err := ParsePatch([]byte("--- a/f\n+++ b/f\n@@ -0,0 +3,2 @@\n+a\n+b\n@@ -9,0 +20 @@\n+c\n"))
	require.NoError(t, err)
	l := files["f"]
	for line, want := range map[int]bool{1: false, 2: false, 3: true, 4: true, 5: false, 19: false, 20: true, 21: false} {
		assert.Equal(t, want, l.Has(line), "line %d", line)
	}
	assert.False(t, (*Lines)(nil).Has(1), "a file the change does not touch")
	assert.True(t, (&Lines{whole: true}).Has(12345), "an untracked file")
}

// FuzzParsePatch: any input gives lines or a PatchError, never a panic or
// a hang, and the lines of every file are sorted, disjoint and positive.
func FuzzParsePatch(f *testing.F) {
	for _, tt := range patchTests {
		f.Add([]byte(tt.patch))
	}
	f.Fuzz(func(t *testing.T, patch []byte) {
		files, err := ParsePatch(patch)
		if err != nil {
			var pe *PatchError
			require.ErrorAs(t, err, &pe)
			assert.Positive(t, pe.Line)
			return
		}
		for p, l := range files {
			prev := 0
			for _, s := range l.ranges {
				assert.Greater(t, s.from, prev, "%s: ranges overlap, touch or are not positive", p)
				assert.LessOrEqual(t, s.from, s.to)
				prev = s.to + 1
			}
		}
	})
}
