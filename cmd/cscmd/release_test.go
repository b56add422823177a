package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReleaseScript builds this machine's target with scripts/release.sh,
// runs it and checks the stamped version and the checksums. Cross-compiling
// every other target would rebuild the standard library once per target, too
// slow for a test: the list of targets is checked instead.
func TestReleaseScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cscmd; skipped with -short")
	}
	for _, tool := range []string{"bash", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is needed to run scripts/release.sh", tool)
		}
	}
	out := t.TempDir()
	script, err := os.ReadFile("scripts/release.sh")
	require.NoError(t, err)
	assert.Contains(t, string(script), "targets=${TARGETS:-linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64}")

	native := runtime.GOOS + "/" + runtime.GOARCH
	cmd := exec.Command("bash", "scripts/release.sh", "v1.2.3-rc.1", out)
	cmd.Env = append(os.Environ(), "TARGETS="+native)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run(), stderr.String())

	exe := func(target string) string {
		name := "cscmd_v1.2.3-rc.1_" + strings.ReplaceAll(target, "/", "_")
		if strings.HasPrefix(target, "windows/") {
			name += ".exe"
		}
		return name
	}
	rev, err := exec.Command("git", "rev-parse", "HEAD").Output()
	require.NoError(t, err)
	got, err := exec.Command(filepath.Join(out, exe(native)), "version").Output()
	require.NoError(t, err)
	assert.Regexp(t, `^cscmd v1\.2\.3-rc\.1 \(revision `+strings.TrimSpace(string(rev))+`; go[0-9.]+\)\n$`, string(got))
	got, err = exec.Command(filepath.Join(out, exe(native)), "--version").Output()
	require.NoError(t, err)
	assert.Contains(t, string(got), "cscmd v1.2.3-rc.1 ")

	sums, err := os.ReadFile(filepath.Join(out, "checksums.txt"))
	require.NoError(t, err)
	lines := 0
	sc := bufio.NewScanner(bytes.NewReader(sums))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		require.True(t, ok, "sha256sum format: %q", sc.Text())
		b, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		h := sha256.Sum256(b)
		assert.Equal(t, hex.EncodeToString(h[:]), sum, name)
		lines++
	}
	assert.Equal(t, 1, lines, "one checksum per binary")
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "the binary and checksums.txt")

	for _, bad := range []string{"", "1.2.3", "latest", "v1.2"} {
		cmd := exec.Command("bash", "scripts/release.sh", bad, t.TempDir())
		msg, err := cmd.CombinedOutput()
		assert.Error(t, err, bad)
		assert.Contains(t, string(msg), "VERSION is semantic, such as v1.2.0", bad)
	}
}
