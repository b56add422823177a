package walk

import (
	"os"
	"path/filepath"
	"strings"
)

// Ignored reports whether a walk of the enclosing git repository would skip
// path because a .gitignore (or .git/info/exclude) covers it or one of the
// directories above it. It is for a file that is named without being walked,
// such as `cscmd lint --stdin-filename NAME`; the file need not exist. Outside
// a repository nothing is ignored, as in a walk.
func Ignored(path string) (bool, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false, err
	}
	w := &walker{}
	top := ""
	for d := filepath.Dir(abs); ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			top = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			return false, nil
		}
		d = parent
	}
	var ign *ignoreFile
	if fi, err := os.Stat(filepath.Join(top, ".git")); err == nil && fi.IsDir() {
		if ign, err = w.load(filepath.Join(top, ".git", "info", "exclude"), top, nil); err != nil {
			return false, err
		}
	}
	rel, _ := relSlash(top, abs)
	dir := top
	for _, name := range strings.Split(rel, "/") {
		if name == ".git" {
			return true, nil
		}
		if ign, err = w.load(filepath.Join(dir, ".gitignore"), dir, ign); err != nil {
			return false, err
		}
		dir = filepath.Join(dir, name)
		if ign.ignored(dir, dir != abs) {
			return true, nil
		}
	}
	return false, nil
}
