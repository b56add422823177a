package newfrom

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// Changes are the new lines of a change, by file.
type Changes struct {
	root  string // absolute directory the paths of files are relative to
	files map[string]*Lines
}

// File returns the new lines of the file at path (as the linter was given
// it: relative to the working directory, or absolute); nil, which has no
// line, when the change does not touch it.
func (c *Changes) File(path string) *Lines {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	if l := c.files[c.key(abs)]; l != nil {
		return l
	}
	// git gives the repository's real path; the working directory may be
	// reached through a symbolic link.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return c.files[c.key(real)]
	}
	return nil
}

func (c *Changes) key(abs string) string {
	rel, err := filepath.Rel(c.root, abs)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(rel)
}

// FromPatch returns the lines a unified diff adds; its paths are relative
// to dir, as those of `git diff` run at the top of the repository are.
func FromPatch(patch []byte, dir string) (*Changes, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	files, err := ParsePatch(patch)
	if err != nil {
		return nil, err
	}
	return &Changes{root: root, files: files}, nil
}

// FromRev returns what changed in the git repository holding dir since
// rev: the lines `git diff REV` adds in the work tree (staged or not), and
// every line of the files git does not track yet (ignored ones aside).
func FromRev(dir, rev string) (*Changes, error) {
	root, err := topLevel(dir)
	if err != nil {
		return nil, err
	}
	commit, err := resolve(root, rev)
	if err != nil {
		return nil, err
	}
	return diff(root, commit)
}

// FromMergeBase returns what changed since the merge base of ref and HEAD
// (where the branch left ref), as FromRev does: on a pull request, what the
// pull request changes, whatever ref has gained since.
func FromMergeBase(dir, ref string) (*Changes, error) {
	root, err := topLevel(dir)
	if err != nil {
		return nil, err
	}
	commit, err := resolve(root, ref)
	if err != nil {
		return nil, err
	}
	base, err := git(root, "merge-base", commit, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("%q and HEAD have no common ancestor in this clone; a shallow clone needs more history (actions/checkout: fetch-depth: 0): %w", ref, err)
	}
	return diff(root, strings.TrimSpace(string(base)))
}

func diff(root, commit string) (*Changes, error) {
	out, err := git(root, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-U0",
		"--src-prefix=a/", "--dst-prefix=b/", commit, "--")
	if err != nil {
		return nil, err
	}
	files, err := ParsePatch(out)
	if err != nil {
		return nil, fmt.Errorf("reading git diff %s: line %w", commit, err)
	}
	untracked, err := git(root, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	for _, p := range strings.Split(string(untracked), "\x00") {
		if p != "" {
			files[p] = &Lines{whole: true}
		}
	}
	return &Changes{root: root, files: files}, nil
}

// topLevel returns the top directory of the work tree holding dir.
func topLevel(dir string) (string, error) {
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		abs, _ := filepath.Abs(dir)
		return "", fmt.Errorf("%s is not in a git repository: %w", abs, err)
	}
	return filepath.FromSlash(strings.TrimSpace(string(out))), nil
}

// resolve returns the commit a revision names.
func resolve(root, rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("unknown revision %q", rev)
	}
	out, err := git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("unknown revision %q", rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// git runs git in dir and returns its standard output; a failure carries
// git's own message.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "core.quotePath=true"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, errors.New("git is not on PATH; the --new-from options need it")
	case errors.As(err, &exit):
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = exit.Error()
		}
		return nil, errors.New(msg)
	case err != nil:
		return nil, err
	}
	return out, nil
}
