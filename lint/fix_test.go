package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFixAll(t *testing.T) {
	l := &Linter{Now: testNow}
	src := "\uFEFF>CS /assign 62C6077CA980127F404B0301\r\n>cs /Set isLead yes\r\n>cs/notify\r\nhello"
	out, left, applied := l.FixAll("a.cscmd", []byte(src), l.LintCommands([]byte(src)))
	assert.Equal(t, 4, applied, "the prefix, the id it uncovers, the verb's case, the glued verb")
	assert.Equal(t, "\uFEFF>cs /assign 62c6077ca980127f404b0301\r\n>cs /set isLead yes\r\n>cs /notify\r\nhello", string(out))
	assert.Equal(t, l.LintCommands(out), left, "the findings returned are those of the fixed text")
	again, n := ApplyFixes(out, l.LintCommands(out))
	assert.Zero(t, n, "fixing is idempotent")
	assert.Equal(t, string(out), string(again))

	clean := []byte(">cs /notify\n")
	same, _, applied := l.FixAll("a.cscmd", clean, l.LintCommands(clean))
	assert.Zero(t, applied)
	assert.Same(t, &clean[0], &same[0], "nothing to fix: the source itself comes back")
}

func TestApplyFixesOverlap(t *testing.T) {
	src := []byte("abcdef")
	d := []Diagnostic{
		{Fix: &Fix{Edits: []Edit{{Start: 1, End: 3, New: "X"}}}},
		{Fix: &Fix{Edits: []Edit{{Start: 2, End: 4, New: "Y"}}}},
		{Fix: &Fix{Edits: []Edit{{Start: 4, End: 4, New: "Z"}}}},
		{Fix: &Fix{Edits: []Edit{{Start: 5, End: 9, New: "out of range"}}}},
	}
	out, n := ApplyFixes(src, d)
	assert.Equal(t, 2, n)
	assert.Equal(t, "aXdZef", string(out))
}
