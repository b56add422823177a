// Package citool finds, for tests, the programs that check cscmd's output
// as its real consumers would (reviewdog, actionlint, xmllint,
// pre-commit): on PATH, or where .ci/run installs the Go ones.
package citool

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Dir is where .ci/run installs the Go programs: $HOME/.cache/cscmd-tools.
func Dir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".cache", "cscmd-tools")
}

// Path returns the path of the program name, or skips the test, saying so,
// when it is not installed.
func Path(t testing.TB, name string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if dir := Dir(); dir != "" {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skipf("%s is not installed (.ci/run installs it); the check that needs it is skipped", name)
	return ""
}
