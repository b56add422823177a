// Package walk lists the files under the paths given to `cscmd lint`,
// honouring .gitignore files, in parallel.
//
// What is skipped:
//   - entries named .git, always;
//   - what .gitignore files ignore: the .gitignore of each directory walked,
//     and those of the directories above a root up to the enclosing git
//     repository's top (the one holding .git), plus that repository's
//     .git/info/exclude. Above a root outside any repository, no
//     .gitignore applies, so that a stray file in a home directory does not
//     silently hide a project;
//   - what Options.Skip rejects, such as a config's exclude patterns;
//   - symbolic links to directories, which are not followed, so a link to an
//     ancestor cannot loop and a link inside the tree does not visit files
//     twice. Links to regular files inside a root directory are visited;
//     dangling links are not, and neither are links to files outside every
//     root directory unless Options.FollowSymlinks is set: a repository
//     under review could otherwise have /etc/passwd read and printed
//     (Options.OnOutside hears of each);
//   - anything but a regular file: sockets, pipes, devices. A root that is
//     one of those is an error (ErrNotRegular): reading a pipe would wait
//     for a writer, and reading /dev/zero would never end.
//
// Nothing else is special: node_modules, vendor and hidden files are walked
// unless a .gitignore or Skip says otherwise, because the embed snippets the
// linter looks for can live anywhere.
//
// A root that is a file is always visited — even when ignored, excluded or
// rejected by Match — as ripgrep does: the user named it. A root that is a
// directory is walked even when an ignore rule covers it.
package walk

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Options control a walk. Every func may be nil. Match and Skip are called
// from several goroutines at once; calls to OnError are serialised.
type Options struct {
	// Match selects the files to yield, by path; nil yields every file.
	Match func(path string) bool
	// Skip drops a file or directory (with all it holds) that .gitignore
	// keeps. It is not asked about roots.
	Skip func(path string, isDir bool) bool
	// OnError hears of a path that could not be read — a missing root, an
	// unreadable directory or .gitignore — and the walk goes on without it.
	// When nil, the first such error stops the walk and Files returns it.
	OnError func(path string, err error)
	// Workers bounds the goroutines reading directories and calling fn;
	// 0 means runtime.GOMAXPROCS(0).
	Workers int
	// FollowSymlinks visits links to regular files wherever they lead.
	FollowSymlinks bool
	// OnOutside hears of each link skipped because its target, resolved,
	// lies outside every root directory. Calls are serialised with OnError.
	OnOutside func(path, target string)
}

// ErrNotRegular is the error of a root that is neither a directory nor a
// regular file.
var ErrNotRegular = errors.New("not a regular file")

// readDir is a variable so that tests can make a directory unreadable even
// when they run as root, who can read anything.
var readDir = os.ReadDir

// Files calls fn with the path of every file found under roots (default
// "."), joined onto the root as given (cleaned), each path once even when
// roots overlap. fn runs concurrently in up to Options.Workers goroutines,
// in no particular order: callers that print should sort, or use Collect.
//
// The walk stops at the first error returned by fn, or when ctx is done, and
// Files returns that error.
func Files(ctx context.Context, roots []string, opt Options, fn func(path string) error) error {
	if len(roots) == 0 {
		roots = []string{"."}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	w := &walker{ctx: ctx, opt: opt, fn: fn, g: g, inside: Inside(roots)}
	if len(roots) > 1 {
		// Only overlapping roots can reach a file twice: symlinked
		// directories are not followed.
		w.seen = map[string]struct{}{}
	}
	for _, root := range roots {
		root := filepath.Clean(root)
		g.Go(func() error { return w.root(root) })
	}
	return g.Wait()
}

// Collect returns the sorted paths that Files would visit.
func Collect(ctx context.Context, roots []string, opt Options) ([]string, error) {
	var mu sync.Mutex
	var paths []string
	err := Files(ctx, roots, opt, func(path string) error {
		mu.Lock()
		paths = append(paths, path)
		mu.Unlock()
		return nil
	})
	slices.Sort(paths)
	return paths, err
}

type walker struct {
	ctx context.Context
	opt Options
	fn  func(string) error
	g   *errgroup.Group

	mu     sync.Mutex          // guards seen and serialises OnError
	seen   map[string]struct{} // absolute paths already yielded; nil for one root
	inside func(string) bool   // within a root directory, links resolved
}

// Inside returns a test of whether an absolute path, with every link
// resolved, lies in the tree of roots: in a root that is a directory, or in
// the directory of a root that is a file. Roots are resolved once, so a
// root reached through a link holds what its target holds. The walk skips
// links out of the tree; a command that writes files through links allows
// the same tree.
func Inside(roots []string) func(path string) bool {
	if len(roots) == 0 {
		roots = []string{"."}
	}
	var dirs []string
	for _, r := range roots {
		if fi, err := os.Stat(r); err == nil && !fi.IsDir() {
			r = filepath.Dir(r)
		}
		real, err := filepath.EvalSymlinks(r)
		if err != nil {
			continue // a missing root holds nothing
		}
		if real, err = filepath.Abs(real); err == nil {
			dirs = append(dirs, real)
		}
	}
	return func(path string) bool {
		for _, d := range dirs {
			if rest, ok := strings.CutPrefix(path, d); ok && (rest == "" || rest[0] == filepath.Separator || strings.HasSuffix(d, string(filepath.Separator))) {
				return true
			}
		}
		return false
	}
}

func (w *walker) root(root string) error {
	fi, err := os.Stat(root)
	if err != nil {
		return w.report(root, err)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return w.report(root, err)
	}
	if !fi.IsDir() {
		if !fi.Mode().IsRegular() {
			return w.report(root, ErrNotRegular)
		}
		return w.yield(root, abs)
	}
	ign, err := w.ancestors(abs)
	if err != nil {
		return err
	}
	return w.dir(root, abs, ign)
}

// ancestors loads the ignore files that apply above the root directory: the
// .gitignore files from the repository's top down to the root's parent, and
// the repository's .git/info/exclude, which ranks below all of them.
func (w *walker) ancestors(root string) (*ignoreFile, error) {
	var dirs []string // the root's ancestors, innermost first
	top, gitDir := "", false
	for d := root; ; {
		if fi, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			top, gitDir = d, fi.IsDir()
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, nil
		}
		d = parent
		dirs = append(dirs, d)
	}
	var ign *ignoreFile
	var err error
	// A worktree or submodule has a .git file pointing at a git directory
	// elsewhere; its info/exclude is left out rather than chased.
	if gitDir {
		if ign, err = w.load(filepath.Join(top, ".git", "info", "exclude"), top, nil); err != nil {
			return nil, err
		}
	}
	for _, d := range slices.Backward(dirs) {
		if ign, err = w.load(filepath.Join(d, ".gitignore"), d, ign); err != nil {
			return nil, err
		}
	}
	return ign, nil
}

// load reads an ignore file whose patterns are relative to the directory
// base, and chains it onto parent. A missing file is no error.
func (w *walker) load(file, base string, parent *ignoreFile) (*ignoreFile, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return parent, nil
		}
		return parent, w.report(file, err)
	}
	pats := parseIgnore(src)
	if len(pats) == 0 {
		return parent, nil
	}
	return &ignoreFile{parent: parent, base: base, patterns: pats}, nil
}

// dir walks one directory: path is as shown to callers, abs is absolute.
func (w *walker) dir(path, abs string, ign *ignoreFile) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	entries, err := readDir(path)
	if err != nil {
		// ReadDir returns what it read before failing; walk that much.
		if err := w.report(path, err); err != nil {
			return err
		}
	}
	for _, e := range entries {
		if e.Name() == ".gitignore" && !e.IsDir() {
			if ign, err = w.load(join(path, ".gitignore"), abs, ign); err != nil {
				return err
			}
			break
		}
	}
	for _, e := range entries {
		name := e.Name()
		if name == ".git" {
			continue
		}
		p, a := join(path, name), join(abs, name)
		typ := e.Type()
		isDir := typ.IsDir()
		if ign.ignored(a, isDir) || w.opt.Skip != nil && w.opt.Skip(p, isDir) {
			continue
		}
		switch {
		case isDir:
			if !w.g.TryGo(func() error { return w.dir(p, a, ign) }) {
				// Every worker is busy: walk it here, depth first.
				if err := w.dir(p, a, ign); err != nil {
					return err
				}
			}
		case typ.IsRegular() || typ&fs.ModeSymlink != 0 && w.linkedFile(p):
			if w.opt.Match != nil && !w.opt.Match(p) {
				continue
			}
			if err := w.yield(p, a); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *walker) yield(path, abs string) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if w.seen != nil {
		w.mu.Lock()
		_, dup := w.seen[abs]
		w.seen[abs] = struct{}{}
		w.mu.Unlock()
		if dup {
			return nil
		}
	}
	return w.fn(path)
}

// report passes a read error to OnError and returns nil so the walk goes on,
// or returns the error when there is no OnError.
func (w *walker) report(path string, err error) error {
	if w.opt.OnError == nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.opt.OnError(path, err)
	return nil
}

// linkedFile reports whether the link at path leads to a regular file that
// the walk may visit: inside the tree, or anywhere with FollowSymlinks. A
// link out of the tree is told to OnOutside.
func (w *walker) linkedFile(path string) bool {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	if w.opt.FollowSymlinks {
		return true
	}
	target, err := filepath.EvalSymlinks(path)
	if err == nil {
		target, err = filepath.Abs(target)
	}
	if err != nil {
		return false
	}
	if w.inside(target) {
		return true
	}
	if w.opt.OnOutside != nil {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.opt.OnOutside(path, target)
	}
	return false
}

// join is filepath.Join for a clean dir and a bare name, without Join's
// cleaning pass over the whole path for each of thousands of entries.
func join(dir, name string) string {
	switch {
	case dir == ".":
		return name
	case strings.HasSuffix(dir, string(filepath.Separator)):
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}
