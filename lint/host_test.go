package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/host"
)

// TestHostFixEscaping checks that replacement text is written in the syntax
// of the literal it lands in, and that the edited file says what was meant.
func TestHostFixEscaping(t *testing.T) {
	cfg, err := config.Load("t.yaml", []byte("catalog:\n  categories: [\"Mom's \\\"Car\\\"\"]\n"), RuleIDs())
	require.NoError(t, err)
	l := &Linter{Config: cfg, Now: testNow}
	for _, tc := range []struct {
		lang      *host.Language
		src, want string
	}{
		{host.JS, `web1on1.api.sendClientMessage('>cs /set @category Moms "Car"');`, `web1on1.api.sendClientMessage('>cs /set @category Mom\'s "Car"');`},
		{host.JS, "web1on1.api.sendClientMessage(\">cs /set @category Moms 'Car'\");", "web1on1.api.sendClientMessage(\">cs /set @category Mom's \\\"Car\\\"\");"},
		{host.HTML, `<a onclick="web1on1.api.sendClientMessage('&gt;cs /set @category Moms &quot;Car&quot;')">x</a>`, `<a onclick="web1on1.api.sendClientMessage('&gt;cs /set @category Mom\&#39;s &quot;Car&quot;')">x</a>`},
		{host.JSON, `{"a": ">cs /set @category Moms \"Car\""}`, `{"a": ">cs /set @category Mom's \"Car\""}`},
	} {
		diags, err := l.LintHost(tc.lang, []byte(tc.src))
		require.NoError(t, err)
		require.Len(t, diags, 1, tc.src)
		require.Len(t, diags[0].Suggestions, 1, tc.src)
		fix := diags[0]
		fix.Fix, fix.Suggestions = &fix.Suggestions[0], nil
		out, n := ApplyFixes([]byte(tc.src), []Diagnostic{fix})
		require.Equal(t, 1, n)
		assert.Equal(t, tc.want, string(out))
		after, err := l.LintHost(tc.lang, out)
		require.NoError(t, err)
		assert.Empty(t, after, "the fixed %v file is clean: %s", tc.lang, out)
	}
}
