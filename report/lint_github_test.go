package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/lint"
)

func TestWorkflowEscaping(t *testing.T) {
	assert.Equal(t, "100%25 a: b, c%0D%0Ad", string(appendEscaped(nil, "100% a: b, c\r\nd", false)))
	assert.Equal(t, "a%3Ab%2Cc%25d%0A", string(appendEscaped(nil, "a:b,c%d\n", true)))
}

func TestGitHubCommands(t *testing.T) {
	src := "ab\ncd\n"
	files := []LintFile{{Path: "dir/a,b:c.cscmd", Src: []byte(src), Diags: []lint.Diagnostic{
		{Rule: "info-rule", Severity: lint.Info, Start: 0, End: 1, Message: "i"},
		{Rule: "multi", Severity: lint.Warning, Start: 1, End: 4, Message: "w"},
		{Rule: "err", Severity: lint.Error, Start: 4, End: 4, Message: "e"},
	}}}
	var b, sum bytes.Buffer
	require.NoError(t, WriteGitHub(&b, files, LintOptions{}))
	assert.Equal(t, ""+
		"::error file=dir/a%2Cb%3Ac.cscmd,line=2,col=2,endLine=2,endColumn=2,title=err::e\n"+
		// Columns only for a range on one line.
		"::warning file=dir/a%2Cb%3Ac.cscmd,line=1,endLine=2,title=multi::w\n"+
		"::notice file=dir/a%2Cb%3Ac.cscmd,line=1,col=1,endLine=1,endColumn=2,title=info-rule::i\n",
		b.String())

	b.Reset()
	require.NoError(t, WriteGitHub(&b, files, LintOptions{Summary: &sum}))
	assert.Equal(t, 3, strings.Count(b.String(), "\n"), "the summary goes to its own writer")
	assert.Contains(t, sum.String(), "| dir/a,b:c.cscmd:2:2 | error | err | e |\n")
}

func TestGitHubSummaryLimit(t *testing.T) {
	// More findings than GitHub shows as annotations: the summary has all.
	var diags []lint.Diagnostic
	for i := range 25 {
		diags = append(diags, lint.Diagnostic{Rule: "r", Severity: lint.Error, Start: i, End: i + 1, Message: "m"})
	}
	var sum bytes.Buffer
	require.NoError(t, WriteGitHub(new(bytes.Buffer), []LintFile{{Path: "f", Src: bytes.Repeat([]byte("x"), 30), Diags: diags}},
		LintOptions{Summary: &sum}))
	assert.Equal(t, 25, strings.Count(sum.String(), "| error | r | m |"))
}

func TestMarkdownEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, 100%: ok", "plain text, 100%: ok"},
		{"a|b", `a\|b`},
		{"two\nlines\r\nthree", "two<br>lines<br>three"},
		{"*em* _em_ `code` [link](x) <b>", `\*em\* \_em\_ \` + "`" + `code\` + "`" + ` \[link\](x) \<b\>`},
		{"/set @category $x$ ~~s~~ #1 &amp; !", `/set \@category \$x\$ \~\~s\~\~ \#1 \&amp; \!`},
		{`back\slash`, `back\\slash`},
		{"tab\there", "tab here"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, mdEscape(tt.in), tt.in)
	}
}
