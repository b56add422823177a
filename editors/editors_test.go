// Package editors_test checks that the editor set-ups documented in README.md
// and docs/editors.md work, each in the real editor, where it is installed;
// where it is not, the test skips and says how to install it.
package editors_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

// cscmdDir returns a directory holding a cscmd built from this tree, to put
// first on PATH, as a user who installed it has it.
func cscmdDir(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "cscmd-editors-")
		if buildErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(buildDir, "cscmd"), "../cmd/cscmd").CombinedOutput()
		if err != nil {
			buildErr = &buildError{err, out}
		}
	})
	require.NoError(t, buildErr)
	return buildDir
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return e.err.Error() + ": " + string(e.out) }

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// workspace writes a project with a catalog, a command file and a script, each
// with one known finding, and returns its directory and the two files.
func workspace(t *testing.T) (root, commands, script string) {
	t.Helper()
	root = t.TempDir()
	write(t, filepath.Join(root, ".cscmd.yaml"), `catalog:
  users: [{id: 62c6077ca980127f404b0301, name: Jane Doe}]
  bots:  [{id: 6248f0083ab5d5001e523146, name: Lead bot}]
  categories: [Used Car, New Car]
`)
	commands = filepath.Join(root, "onopen.cscmd")
	write(t, commands, ">CS /set @category Used Car\n>cs /assign 62c6077ca980127f404b0301\n")
	script = filepath.Join(root, "page.js")
	write(t, script, "web1on1.api.sendClientMessage('>cs /sett isLead yes');\n")
	return root, commands, script
}

func write(t *testing.T, path, text string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
}

// editorEnv is the environment of an editor under test: cscmd first on PATH,
// and a home of its own so no user configuration is read.
func editorEnv(t *testing.T, home string) []string {
	return append(os.Environ(),
		"PATH="+cscmdDir(t)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_STATE_HOME="+filepath.Join(home, ".local", "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
	)
}

// checked is what an editor's check script writes: per file, its file type
// or mode and the rule ids of its diagnostics, sorted.
type checked struct {
	Editor string   `json:"editor"`
	Error  string   `json:"error"`
	Calls  []string `json:"calls"` // Neovim: the vim.lsp functions called to start the server
	Files  []struct {
		Path     string   `json:"path"`
		Filetype string   `json:"filetype"`
		Codes    []string `json:"codes"`
	} `json:"files"`
}

// check runs an editor, whose arguments load its configuration and then
// the check script, on workspace's command file and script, and checks
// what the script saw: the file type or major mode of each, and the rule id
// of its one finding. It returns the result and what the editor printed, for
// the checks of one editor.
func check(t *testing.T, editor string, args []string, cscmdType, scriptType string) (checked, string) {
	t.Helper()
	root, commands, script := workspace(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "result.json")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, editor, args...)
	cmd.Dir = root
	cmd.Env = append(editorEnv(t, filepath.Join(dir, "home")),
		"CSCMD_CHECK_FILES="+commands+"\n"+script, "CSCMD_CHECK_OUT="+out)
	start := time.Now() // after editorEnv, which builds cscmd the first time
	output, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s: %s", editor, output)
	t.Logf("%s ran in %v", filepath.Base(editor), time.Since(start).Round(100*time.Millisecond))

	b, err := os.ReadFile(out)
	require.NoError(t, err, "the editor wrote no result: %s", output)
	var res checked
	require.NoError(t, json.Unmarshal(b, &res), "%s", b)
	t.Logf("result: %s", b)
	require.Empty(t, res.Error)
	require.Len(t, res.Files, 2)
	assert.Equal(t, cscmdType, res.Files[0].Filetype, "the file type of a .cscmd file")
	assert.Equal(t, []string{"prefix"}, res.Files[0].Codes)
	assert.Equal(t, scriptType, res.Files[1].Filetype)
	assert.Equal(t, []string{"unknown-command"}, res.Files[1].Codes, "the script is linted as JavaScript")
	return res, string(output)
}
