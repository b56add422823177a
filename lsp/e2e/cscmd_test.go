package e2e_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/host"
)

// TestNeovimCscmd attaches the real `cscmd lsp` to a command file and an
// HTML page in a project with a catalog, in a headless Neovim: diagnostics
// from the rules, completion of catalog names that inserts ids, and the
// preferred quick fix applied through the editor.
func TestNeovimCscmd(t *testing.T) {
	dir := t.TempDir()
	server := goBuild(t, dir, "cscmd", "../../cmd/cscmd")

	root := filepath.Join(dir, "workspace")
	require.NoError(t, os.Mkdir(root, 0o755))
	writeFile(t, filepath.Join(root, ".cscmd.yaml"), `catalog:
  users: [{id: 62c6077ca980127f404b0301, name: Jane Doe}]
  bots:  [{id: 6248f0083ab5d5001e523146, name: Lead bot}]
  categories: [Used Car, New Car]
`)
	commands := filepath.Join(root, "onopen.cscmd")
	page := filepath.Join(root, "page.html")
	// Neovim's cursor sits on a character, so completion is asked with
	// the cursor on a partial id, as when typing it.
	writeFile(t, commands, ">CS /set @category Used Car\n>cs /assign J\n>cs /set @category Used Cars\n")
	writeFile(t, page, "<button onclick=\"web1on1.api.sendClientMessage('&gt;cs /sett isLead yes')\">go</button>\n")
	// A tag manager's container export: the command is JS in a <script> in
	// a JSON string, after characters that UTF-16 counts differently.
	gtm := filepath.Join(root, "gtm-export.json")
	writeFile(t, gtm, `{"containerVersion": {"tag": [{"name": "web1on1 category", "type": "html", "parameter": [`+"\n"+
		`  {"type": "TEMPLATE", "key": "html", "notes": "Café 😀", "value": "<script>\n web1on1.api.sendClientMessage('\u003eCS /set @category 😀 {{Car Type}}');\n</script>"}]}]}}`+"\n")

	res := runNeovim(t, []string{server, "lsp"}, plan{
		Root: root,
		Files: []filePlan{
			{Path: commands, Filetype: "cscmd", Completion: &cursor{1, 12}, CodeAction: &cursor{0, 1}},
			{Path: page},
			{Path: gtm, CodeAction: &cursor{1, 115}},
		},
	})

	require.Empty(t, res.Errors)
	assert.Equal(t, "cscmd", res.Server.Info.Name)
	require.NotNil(t, res.ExitCode)
	assert.Equal(t, 0, *res.ExitCode, "cscmd lsp exits 0 after shutdown and exit")
	require.Len(t, res.Files, 3)

	cmd := res.Files[0]
	assert.Equal(t, []string{"prefix", "objectid-format", "unknown-category"}, codes(cmd.Diagnostics))
	assert.Equal(t, []string{"Jane Doe", "Lead bot"}, cmd.Completion, "catalog names are offered after /assign")
	assert.Contains(t, cmd.CodeActions, "Ignore prefix here")
	assert.Equal(t, `Replace with ">cs"`, cmd.Applied, "the preferred fix is the safe one")
	assert.Equal(t, ">cs /set @category Used Car", cmd.AfterFix[0])
	assert.Equal(t, []string{"objectid-format", "unknown-category"}, codes(cmd.DiagnosticsAfterFix))

	html := res.Files[1]
	require.Equal(t, []string{"unknown-command"}, codes(html.Diagnostics))
	assert.Equal(t, 55, html.Diagnostics[0].Col, "the column points at /sett through the &gt; entity")

	tag := res.Files[2]
	assert.Equal(t, "json", tag.Filetype)
	require.Equal(t, []string{"prefix"}, codes(tag.Diagnostics), "{{Car Type}} is a tag variable, not an unknown category")
	assert.Equal(t, diagnostic{Lnum: 1, Col: 113, EndLnum: 1, EndCol: 121, Severity: 2, Source: "cscmd", Code: "prefix",
		Message: tag.Diagnostics[0].Message}, tag.Diagnostics[0], "the range covers \\u003eCS in the outer file")
	assert.Equal(t, `Replace with ">cs"`, tag.Applied)
	assert.Contains(t, tag.AfterFix[1], `sendClientMessage('>cs /set @category 😀 {{Car Type}}')`, "the fix is written into the JSON string")
	assert.Empty(t, tag.DiagnosticsAfterFix)
}

func codes(ds []diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code.(string))
	}
	return out
}

// TestNeovimCscmdPHP opens a WordPress template in Neovim: the command in
// an onclick of the page, with a PHP output tag in it, which is a
// placeholder, not a finding. It runs where the registry has PHP.
func TestNeovimCscmdPHP(t *testing.T) {
	if host.ByName("php") == nil {
		t.Skip("no PHP language registered")
	}
	dir := t.TempDir()
	server := goBuild(t, dir, "cscmd", "../../cmd/cscmd")
	root := filepath.Join(dir, "workspace")
	require.NoError(t, os.Mkdir(root, 0o755))
	writeFile(t, filepath.Join(root, ".cscmd.yaml"), "catalog:\n  categories: [Used Car, New Car]\n")
	page := filepath.Join(root, "page.php")
	writeFile(t, page, "<?php $cat = get_field('category'); /* é 😀 */ ?>\n"+
		`<button title="😀" onclick="web1on1.api.sendClientMessage('&gt;CS /set @category <?= esc_js($cat) ?>')">Chat</button>`+"\n")

	res := runNeovim(t, []string{server, "lsp"}, plan{
		Root:  root,
		Files: []filePlan{{Path: page, CodeAction: &cursor{1, 65}}},
	})

	require.Empty(t, res.Errors)
	require.Len(t, res.Files, 1)
	php := res.Files[0]
	assert.Equal(t, "php", php.Filetype)
	require.Equal(t, []string{"prefix"}, codes(php.Diagnostics), "the output tag is a placeholder: no unknown category")
	// Byte columns, after a 4-byte emoji that is two UTF-16 units.
	assert.Equal(t, 61, php.Diagnostics[0].Col, "the range starts at &gt;CS")
	assert.Equal(t, 67, php.Diagnostics[0].EndCol)
	assert.Equal(t, `Replace with ">cs"`, php.Applied)
	assert.Contains(t, php.AfterFix[1], `sendClientMessage('>cs /set @category <?= esc_js($cat) ?>')`)
	assert.Empty(t, php.DiagnosticsAfterFix)
}
