package lint

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/ast"
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
		diags := l.LintHost(tc.lang, []byte(tc.src))
		require.Len(t, diags, 1, tc.src)
		require.Len(t, diags[0].Suggestions, 1, tc.src)
		fix := diags[0]
		fix.Fix, fix.Suggestions = &fix.Suggestions[0], nil
		out, n := ApplyFixes([]byte(tc.src), []Diagnostic{fix})
		require.Equal(t, 1, n)
		assert.Equal(t, tc.want, string(out))
		after := l.LintHost(tc.lang, out)
		assert.Empty(t, after, "the fixed %v file is clean: %s", tc.lang, out)
	}
}

// A near-miss prefix is judged the same in a host string as in a command
// file: `>  cs` is a prefix warning in both.
func TestHostNearMissAsInCommandFile(t *testing.T) {
	l := &Linter{Now: testNow}
	inFile, err := l.Lint("a.cscmd", []byte(">  cs /set a b\n"))
	require.NoError(t, err)
	inHost, err := l.Lint("a.js", []byte("web1on1.api.sendClientMessage('>  cs /set a b');\n"))
	require.NoError(t, err)
	require.Len(t, inFile, 1)
	require.Len(t, inHost, 1)
	assert.Equal(t, "prefix", inFile[0].Rule)
	assert.Equal(t, inFile[0].Rule, inHost[0].Rule)
	assert.Equal(t, inFile[0].Message, inHost[0].Message)
}

func TestHostSyntax(t *testing.T) {
	const broken = "a = 'x\nweb1on1.api.sendClientMessage('>cs /notify');\n"
	tests := []struct {
		name   string
		config string
		src    string
		want   string
	}{
		{"reported", "", broken,
			"1:5: warning: unterminated string literal; commands after this point may not have been checked [host-syntax]\n"},
		{"configured", "rules: {host-syntax: error}\n", broken,
			"1:5: error: unterminated string literal; commands after this point may not have been checked [host-syntax]\n"},
		{"off", "rules: {host-syntax: off}\n", broken, ""},
		{"suppressed on the line above", "", "// cscmd-ignore host-syntax generated\n" + broken, ""},
		{"utf-16", "", "\xFF\xFE>\x00c\x00s\x00",
			"1:1: warning: the file is encoded in UTF-16LE (its byte order mark says so) and was given to the linter undecoded, so nothing in it was checked: decode it with DecodeUTF first [host-syntax]\n"},
		{"utf-16 off", "rules: {host-syntax: off}\n", "\xFF\xFE>\x00c\x00s\x00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := config.Load("t.yaml", []byte(tt.config), RuleIDs())
			require.NoError(t, err)
			l := &Linter{Config: cfg, Now: testNow}
			assert.Equal(t, tt.want, render([]byte(tt.src), lintFile(t, l, "p.js", []byte(tt.src)), false))
		})
	}
}

// A panic in one file's analysis is an internal-error finding on that file,
// an error whatever the configuration.
func TestLintRecoversPanics(t *testing.T) {
	cfg, err := config.Load("t.yaml", []byte("rules: {host-syntax: off}\n"), RuleIDs())
	require.NoError(t, err)
	l := &Linter{Config: cfg, Now: testNow, rules: []*Rule{{ID: "boom", Severity: Error, Check: func(*Pass) { panic("boom") }}}}
	for _, name := range []string{"a.cscmd", "a.js"} {
		diags := lintFile(t, l, name, []byte("web1on1.api.sendClientMessage('>cs /notify');\n>cs /notify\n"))
		require.Len(t, diags, 1, name)
		assert.Equal(t, "host-syntax", diags[0].Rule)
		assert.Equal(t, Error, diags[0].Severity)
		assert.Contains(t, diags[0].Message, "internal error: cscmd failed while linting this file (boom)")
	}
}

// A fix that the literal's own syntax cannot hold — a plain YAML scalar
// that would need quotes — is offered as a suggestion that writes the
// scalar anew, quoted; --fix, which applies only fixes, leaves it alone.
func TestHostFixRequoted(t *testing.T) {
	src := "m: >cs /set @category Service\n"
	text := ">cs /set @category Service"
	s := &host.String{Text: text, Segs: host.VerbatimMap(3, len(text)).Segs, Start: 3, End: 3 + len(text), Syntax: host.YAMLPlain}
	at := len(">cs /set @category ")
	d := mapDiagnostic(Diagnostic{Rule: "unknown-category", Start: at, End: len(text),
		Fix: &Fix{Title: `Replace with "Cars: Service"`, Edits: []Edit{{Start: at, End: len(text), New: "Cars: Service"}}}}, s, text)
	assert.Nil(t, d.Fix, "not a safe fix any more")
	require.Len(t, d.Suggestions, 1)
	sug := d.Suggestions[0]
	assert.Equal(t, `Replace with "Cars: Service", quoting the value`, sug.Title)
	out, n := ApplyFixes([]byte(src), []Diagnostic{{Fix: &sug}})
	require.Equal(t, 1, n)
	assert.Equal(t, "m: \">cs /set @category Cars: Service\"\n", string(out))

	// A string with a dynamic part is not rewritten: the rewrite would
	// lose it.
	s.Text = ">cs /set @category " + string(ast.Placeholder)
	d = mapDiagnostic(Diagnostic{Start: 4, End: 8, Fix: &Fix{Edits: []Edit{{Start: 4, End: 8, New: "a: b"}}}}, s, s.Text)
	assert.Nil(t, d.Fix)
	assert.Empty(t, d.Suggestions)
}

// A panic in a worker that lints a piece of a large command file reaches
// Guard too.
func TestLintRecoversPanicsInWorkers(t *testing.T) {
	l := &Linter{Now: testNow, rules: []*Rule{{ID: "boom", Severity: Error, Needs: IsCommand, Check: func(p *Pass) {
		if p.Msg.Pos().Line == 40_000 {
			panic("boom")
		}
	}}}}
	src := []byte(strings.Repeat(">cs /notify\n", 50_000))
	diags := lintFile(t, l, "a.cscmd", src)
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].Message, "internal error: cscmd failed while linting this file (boom)")
}
