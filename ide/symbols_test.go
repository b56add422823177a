package ide_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/ide"
	"github.com/web1on1/cscmd/lsp"
)

// symbol is what a test checks of a symbol: name, kind, and the text of its
// range and selection.
type symbol struct {
	Name, Range, Selection string
	Kind                   protocol.SymbolKind
}

func symbols(text []byte, syms []lsp.Symbol) []symbol {
	out := []symbol{}
	for _, s := range syms {
		out = append(out, symbol{s.Name, string(text[s.Start:s.End]), string(text[s.SelStart:s.SelEnd]), protocol.SymbolKind(s.Kind)})
	}
	return out
}

func TestSymbolsCommandFile(t *testing.T) {
	text := []byte(strings.Join(seedCommands, "\n") + "\r\n# a comment\n\nchat\n>CS /notify\n>cs /sett x  \n>cs\n>cs .brand " + strings.Repeat("long ", 20) + "\n")
	assert.Equal(t, []symbol{
		{"location 61be…9db4#61be…9db5", seedCommands[0], ".", protocol.SymbolKindField},
		{"form 6093…ae4f", seedCommands[1], "+", protocol.SymbolKindObject},
		{"brand Toyota", seedCommands[2], ".", protocol.SymbolKindField},
		{"set @category Used Car", seedCommands[3], "/set", protocol.SymbolKindEnumMember},
		{"set isLead yes", seedCommands[4], "/set", protocol.SymbolKindVariable},
		{"assign 62c6…0301", seedCommands[5], "/assign", protocol.SymbolKindFunction},
		{"notify 6054…7655", seedCommands[6], "/notify", protocol.SymbolKindEvent},
		{"notify all", seedCommands[7], "/notify", protocol.SymbolKindEvent},
		{"mention 6248…3146 Hello this is for you", seedCommands[8], "@", protocol.SymbolKindEvent},
		{"/sett x", ">cs /sett x", "/sett", protocol.SymbolKindNull},
		{">cs", ">cs", ">cs", protocol.SymbolKindNull},
		{"brand long long long long long long long long long long lon…", ">cs .brand" + strings.TrimRight(" "+strings.Repeat("long ", 20), " "), ".", protocol.SymbolKindField},
	}, symbols(text, ide.Symbols(nil, "cscmd", text)))
}

func TestSymbolsHost(t *testing.T) {
	text := []byte("web1on1.api.sendClientMessage('>cs /set @category Used Car');\n" +
		"f(`>cs /assign ${user.id}`);\n" +
		"g('\\x3ecs /notify'); h('> cs /notify'); i('hello')\n")
	syms := ide.Symbols(nil, "javascript", text)
	assert.Equal(t, []symbol{
		{"set @category Used Car", "'>cs /set @category Used Car'", "/set", protocol.SymbolKindEnumMember},
		{"assign ${…}", "`>cs /assign ${user.id}`", "/assign", protocol.SymbolKindFunction},
		{"notify all", `'\x3ecs /notify'`, "/notify", protocol.SymbolKindEvent},
	}, symbols(text, syms))
	assert.Equal(t, "api.sendClientMessage", syms[0].Detail)
}
