package ide_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/ide"
	"github.com/web1on1/cscmd/lsp"
)

// tokens returns each token as its text, type and modifiers, after checking
// that they come in order and do not overlap.
func tokens(t *testing.T, text []byte, toks []lsp.SemanticToken) []string {
	t.Helper()
	out := []string{}
	end := 0
	for _, tok := range toks {
		require.GreaterOrEqual(t, tok.Start, end, "token %+v overlaps or is out of order", tok)
		require.Greater(t, tok.End, tok.Start, "empty token %+v", tok)
		end = tok.End
		s := string(text[tok.Start:tok.End]) + " " + tok.Type
		if len(tok.Modifiers) > 0 {
			s += "." + strings.Join(tok.Modifiers, ".")
		}
		out = append(out, s)
	}
	return out
}

func TestSemanticTokensCommandFile(t *testing.T) {
	text := []byte("\uFEFF  # set up  \r\n" +
		">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5\n" +
		">cs +6093490651a8b5629324ae4f\n" +
		">cs .brand  Toyota Corolla \n" +
		">cs /set @category Used Car\n" +
		">cs /set isLead yes\n" +
		">cs /assign 62c6077ca980127f404b0301 extra\n" +
		">cs /notify\n" +
		">cs @6248f0083ab5d5001e523146 Hello this is for you\n" +
		"  >CS /notify 605411853c68d83fd1ac7655\n" +
		">cs /sett x\n" +
		"hello\n")
	assert.Equal(t, []string{
		"# set up comment",
		">cs macro", ". keyword", "location property.defaultLibrary", "61be87aeafdf672d381a9db4 number", "# operator", "61be87aeafdf672d381a9db5 number",
		">cs macro", "+ keyword", "6093490651a8b5629324ae4f number",
		">cs macro", ". keyword", "brand property", "Toyota Corolla string",
		">cs macro", "/set keyword", "@category enumMember", "Used Car string",
		">cs macro", "/set keyword", "isLead variable", "yes string",
		">cs macro", "/assign keyword", "62c6077ca980127f404b0301 number", "extra string",
		">cs macro", "/notify keyword",
		">cs macro", "@ keyword", "6248f0083ab5d5001e523146 number", "Hello this is for you string",
		">CS macro.deprecated", "/notify keyword", "605411853c68d83fd1ac7655 number",
		">cs macro",
	}, tokens(t, text, ide.SemanticTokens(nil, "cscmd", text)))
}

func TestSemanticTokensHost(t *testing.T) {
	text := []byte("f('\\x3ecs /set @category Used Car'); g(`>cs /assign ${id}`); h('>cs .brand ' + b + ' x'); i('plain')")
	assert.Equal(t, []string{
		`\x3ecs macro`, "/set keyword", "@category enumMember", "Used Car string",
		">cs macro", "/assign keyword",
		">cs macro", ". keyword", "brand property", "x string",
	}, tokens(t, text, ide.SemanticTokens(nil, "javascript", text)), "dynamic parts are left to the host")
}

// Every type and modifier is one the server's legend holds.
func TestSemanticTokensLegend(t *testing.T) {
	text := []byte("# c\n>cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5\n>CS /set @category x\n>cs /set a b\n>cs @6248f0083ab5d5001e523146 hi\n")
	seen := map[string]bool{}
	for _, tok := range ide.SemanticTokens(nil, "cscmd", text) {
		assert.True(t, slices.Contains(lsp.SemanticTokenTypes, tok.Type), tok.Type)
		seen[tok.Type] = true
		for _, m := range tok.Modifiers {
			assert.True(t, slices.Contains(lsp.SemanticTokenModifiers, m), m)
		}
	}
	assert.Len(t, seen, 9, "every type of the legend table is used")
}
