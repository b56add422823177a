// Package e2e_test drives a cscmd language server from a real, headless
// Neovim with init.lua. It is skipped where nvim is not installed.
//
// TestNeovim runs the test server (testserver/, the server with the fake
// analysis). To check another server, such as `cscmd lsp`, call runNeovim with
// its command, a plan for its own files and expectations of its own.
package e2e_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plan is what init.lua reads from CSCMD_E2E_PLAN.
type plan struct {
	Root      string     `json:"root"`
	Out       string     `json:"out"`
	TimeoutMS int        `json:"timeout_ms"`
	Files     []filePlan `json:"files"`
}

type filePlan struct {
	Path       string  `json:"path"`
	Filetype   string  `json:"filetype,omitempty"`
	Completion *cursor `json:"completion,omitempty"`
	CodeAction *cursor `json:"code_action,omitempty"`
	Format     bool    `json:"format,omitempty"`
}

// cursor is a 0-based line and byte column.
type cursor struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// result is what init.lua writes.
type result struct {
	Nvim     string   `json:"nvim"`
	Errors   []string `json:"errors"`
	ExitCode *int     `json:"exit_code"`
	Server   struct {
		Info struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"info"`
		PositionEncoding string `json:"position_encoding"`
		OffsetEncoding   string `json:"offset_encoding"`
	} `json:"server"`
	Files []fileResult `json:"files"`
}

type fileResult struct {
	Path                   string       `json:"path"`
	Filetype               string       `json:"filetype"`
	Diagnostics            []diagnostic `json:"diagnostics"`
	Completion             []string     `json:"completion"`
	CodeActions            []string     `json:"code_actions"`
	Applied                string       `json:"applied"`
	AfterFix               []string     `json:"after_fix"`
	DiagnosticsAfterFix    []diagnostic `json:"diagnostics_after_fix"`
	Formatted              []string     `json:"formatted"`
	DiagnosticsAfterFormat []diagnostic `json:"diagnostics_after_format"`
}

// diagnostic is a diagnostic as Neovim holds it: 0-based lines, byte columns.
type diagnostic struct {
	Lnum     int    `json:"lnum"`
	Col      int    `json:"col"`
	EndLnum  int    `json:"end_lnum"`
	EndCol   int    `json:"end_col"`
	Severity int    `json:"severity"`
	Message  string `json:"message"`
	Source   string `json:"source"`
	Code     any    `json:"code"`
}

func TestNeovim(t *testing.T) {
	dir := t.TempDir()
	server := buildTestServer(t, dir)

	root := filepath.Join(dir, "workspace")
	require.NoError(t, os.Mkdir(root, 0o755))
	commands := filepath.Join(root, "commands.cscmd")
	page := filepath.Join(root, "page.html")
	writeFile(t, commands, ">cs .brand Škoda 😀 BAD\n>cs  /notify   BAD\n>cs /se\n")
	writeFile(t, page, `<button onclick="web1on1.api.sendClientMessage('>cs /set x BAD')">go</button>`+"\n")

	res := runNeovim(t, []string{server}, plan{
		Root: root,
		Files: []filePlan{
			{Path: commands, Filetype: "cscmd", Completion: &cursor{2, 7}, CodeAction: &cursor{0, 24}, Format: true},
			{Path: page},
		},
	})

	require.Empty(t, res.Errors)
	assert.Equal(t, "cscmd", res.Server.Info.Name)
	assert.Equal(t, "utf-16", res.Server.OffsetEncoding)
	require.NotNil(t, res.ExitCode)
	assert.Equal(t, 0, *res.ExitCode, "the server exits 0 after shutdown and exit")
	require.Len(t, res.Files, 2)

	cmd := res.Files[0]
	bad := func(line, col int) diagnostic {
		return diagnostic{Lnum: line, Col: col, EndLnum: line, EndCol: col + 3, Severity: 2, Message: `found "BAD"`, Source: "cscmd", Code: "bad-word"}
	}
	// Byte 23 on the first line is UTF-16 column 20: the server's columns
	// survived the trip through Neovim's conversion.
	assert.Equal(t, []diagnostic{bad(0, 23), bad(1, 15)}, cmd.Diagnostics)
	assert.Equal(t, []string{"/assign", "/notify", "/set"}, cmd.Completion)
	assert.Equal(t, []string{`replace with "GOOD"`, `delete "BAD"`}, cmd.CodeActions)
	assert.Equal(t, `replace with "GOOD"`, cmd.Applied)
	assert.Equal(t, []string{">cs .brand Škoda 😀 GOOD", ">cs  /notify   BAD", ">cs /se"}, cmd.AfterFix)
	assert.Equal(t, []diagnostic{bad(1, 15)}, cmd.DiagnosticsAfterFix, "incremental sync of the fix")
	assert.Equal(t, []string{">cs .brand Škoda 😀 GOOD", ">cs /notify BAD", ">cs /se"}, cmd.Formatted)
	assert.Equal(t, []diagnostic{bad(1, 12)}, cmd.DiagnosticsAfterFormat)

	html := res.Files[1]
	assert.Equal(t, "html", html.Filetype)
	assert.Equal(t, []diagnostic{bad(0, 59)}, html.Diagnostics)
}

// runNeovim runs init.lua in a headless Neovim against the server started by
// command, and returns what it saw.
func runNeovim(t *testing.T, command []string, p plan) *result {
	t.Helper()
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed")
	}
	dir := t.TempDir()
	p.Out = filepath.Join(dir, "result.json")
	if p.TimeoutMS == 0 {
		p.TimeoutMS = 20000
	}
	planPath := filepath.Join(dir, "plan.json")
	writeJSON(t, planPath, p)
	cmdJSON, err := json.Marshal(command)
	require.NoError(t, err)
	initLua, err := filepath.Abs("init.lua")
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	run := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", initLua)
	run.Dir = p.Root
	home := filepath.Join(dir, "home")
	// Neovim's state, and its LSP log, stay in the test's directory.
	run.Env = append(os.Environ(),
		"CSCMD_LSP_CMD="+string(cmdJSON),
		"CSCMD_E2E_PLAN="+planPath,
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
	)
	out, err := run.CombinedOutput()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("nvim output:\n%s", out)
			for _, log := range []string{filepath.Join(home, "cache", "nvim", "lsp.log"), filepath.Join(home, "state", "nvim", "lsp.log")} {
				if b, err := os.ReadFile(log); err == nil {
					t.Logf("%s:\n%s", log, b)
				}
			}
		}
	})
	require.NoError(t, err, "nvim")

	b, err := os.ReadFile(p.Out)
	require.NoError(t, err, "nvim wrote no result")
	var res result
	require.NoError(t, json.Unmarshal(b, &res), "%s", b)
	t.Logf("neovim %s; result: %s", res.Nvim, b)
	return &res
}

// buildTestServer builds testserver/ into dir.
func buildTestServer(t *testing.T, dir string) string {
	return goBuild(t, dir, "testserver", "./testserver")
}

// goBuild builds the package pkg into dir/name.
func goBuild(t *testing.T, dir, name, pkg string) string {
	t.Helper()
	bin := filepath.Join(dir, name)
	out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput()
	require.NoError(t, err, "building %s: %s", pkg, out)
	return bin
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, b, 0o644))
}
