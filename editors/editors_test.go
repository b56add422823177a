// Package editors_test checks that the editor set-ups documented in README.md
// and docs/editors.md work, each in the real editor, where it is installed;
// where it is not, the test skips and says how to install it.
package editors_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

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

// wantCodes are the rule ids of the findings in workspace's files.
var wantCodes = map[string][]string{"onopen.cscmd": {"prefix"}, "page.js": {"unknown-command"}}

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
	Editor string `json:"editor"`
	Error  string `json:"error"`
	Files  []struct {
		Path     string   `json:"path"`
		Filetype string   `json:"filetype"`
		Codes    []string `json:"codes"`
	} `json:"files"`
}

func readChecked(t *testing.T, path string) checked {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err, "the editor wrote no result")
	var c checked
	require.NoError(t, json.Unmarshal(b, &c), "%s", b)
	t.Logf("result: %s", b)
	return c
}
