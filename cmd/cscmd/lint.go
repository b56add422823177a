package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/report"
	"github.com/web1on1/cscmd/rewrite"
	"github.com/web1on1/cscmd/walk"
)

type lintCmd struct {
	Paths  []string `arg:"" optional:"" name:"PATH" help:"Files and directories to lint (default \".\"); directories are walked honouring .gitignore and exclude."`
	Format string   `enum:"text,json,sarif,github,checkstyle,codeclimate,junit,rdjson,rdjsonl" default:"text" help:"Output format: ${enum}."`
	Config string   `help:"Use this .cscmd.yaml instead of the nearest one above each file."`
	FailOn string   `enum:"error,warning,info" default:"error" help:"Exit 1 when a finding is at least this severe: ${enum}."`
	Fix    bool     `help:"Apply safe fixes in place, then report what is left; a summary of what was fixed goes to stderr."`
	lintFlags

	FollowSymlinks bool `help:"Lint files that symbolic links lead to outside the linted directories; by default they are skipped."`
	Verbose        bool `short:"v" help:"Name each file skipped as a symbolic link out of the linted directories."`
	scopeFlags
}

func (c *lintCmd) Run(e *env) error {
	defer batchGC()()
	failOn, _ := lint.ParseSeverity(c.FailOn) // kong checked the enum
	cfgs := &configs{explicit: c.Config, e: e}
	if c.Config != "" {
		if _, err := os.Stat(c.Config); err != nil {
			return pathError(c.Config, err)
		}
	}
	fromStdin, err := c.readsStdin()
	if err != nil {
		return err
	}
	scope, err := c.scopeFlags.load()
	if err != nil {
		return err
	}
	roots := c.Paths
	if len(roots) == 0 {
		roots = []string{"."}
	}
	var (
		mu      sync.Mutex
		files   []report.LintFile
		outside int // links skipped; OnOutside calls are serialised
	)
	opt := walk.Options{
		Match: cfgs.lintable,
		Skip:  cfgs.skip,
		OnError: func(path string, err error) {
			e.fail("%v", pathError(path, err))
		},
		FollowSymlinks: c.FollowSymlinks,
		OnOutside: func(path, target string) {
			if c.Verbose {
				e.note("%s: skipped: a symbolic link to %s, outside the linted directories", path, target)
			}
			outside++
		},
	}
	// A link is written through, by --fix, where it may be read.
	within := walk.Inside(roots)
	if c.FollowSymlinks {
		within = func(string) bool { return true }
	}
	if fromStdin {
		// No walk: the one input is standard input.
		if f, ok := c.lintStdin(e, cfgs); ok {
			files = append(files, f)
		}
	} else if err := walk.Files(context.Background(), roots, opt, func(path string) error {
		f, ok := c.lintFile(e, cfgs, path, within)
		if ok {
			mu.Lock()
			files = append(files, f)
			mu.Unlock()
		}
		return nil
	}); err != nil {
		return err
	}
	if outside > 0 && !c.Verbose {
		e.note("skipped %d symbolic %s to files outside the linted directories; --verbose names them, --follow-symlinks lints them", outside, plural(outside, "link", "links"))
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	if c.WriteBaseline != "" {
		// Every finding, whatever --quiet would leave out.
		return writeBaseline(e, c.WriteBaseline, files)
	}
	// The baseline sees every finding (one --quiet hides is not stale),
	// then --quiet thins what is left.
	files, baselined := scope.apply(files)
	c.keepSevere(files)

	out := report.LintOptions{Version: versionString(), Rules: ruleInfos(), Color: c.color(e), Baseline: baselined}
	if baselined {
		out.Rules = append(out.Rules, baselineRule)
	}
	if path := e.getenv("GITHUB_STEP_SUMMARY"); path != "" && c.Format == "github" {
		sf, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			e.fail("%v", pathError(path, err))
		} else {
			defer sf.Close()
			out.Summary = sf
		}
	}
	write := map[string]func(io.Writer, []report.LintFile, report.LintOptions) error{
		"text":        report.WriteText,
		"json":        report.WriteJSON,
		"sarif":       report.WriteSARIF,
		"github":      report.WriteGitHub,
		"checkstyle":  report.WriteCheckstyle,
		"codeclimate": report.WriteCodeClimate,
		"junit":       report.WriteJUnit,
		"rdjson":      report.WriteRDJSON,
		"rdjsonl":     report.WriteRDJSONL,
	}[c.Format]
	if err := write(e.stdout, files, out); err != nil {
		return err
	}
	for _, f := range files {
		for _, d := range f.Diags {
			if d.Severity >= failOn {
				e.code = max(e.code, exitFindings)
			}
		}
	}
	c.judgeWarnings(e, files)
	c.sayFixed(e, files)
	return nil
}

// lintable reports whether the walk should yield a file: one of a
// language, by its name or by the config's languages:.
func (c *configs) lintable(path string) bool { return c.linter(path).LanguageOf(path) != nil }

// lintable reports whether a file is of a language by its name alone, for
// a walk without configs.
func lintable(path string) bool { return host.ByPath(path) != nil }

// linter is the linter of a file, under the config in force for it.
func (c *configs) linter(path string) *lint.Linter {
	return &lint.Linter{Config: c.forDir(filepath.Dir(path))}
}

// lintFile reads, lints and with --fix repairs one file. It is false when
// the file could not be linted; the failure is reported.
func (c *lintCmd) lintFile(e *env, cfgs *configs, path string, within func(string) bool) (report.LintFile, bool) {
	if !cfgs.lintable(path) {
		e.fail("%s: not %s; a .cscmd.yaml can name its language under languages:", path, host.Kinds())
		return report.LintFile{}, false
	}
	var stamp rewrite.Stamp
	if c.Fix {
		// Taken before reading: a write from now on shows as a change.
		st, err := os.Stat(path)
		if err != nil {
			e.fail("%v", pathError(path, err))
			return report.LintFile{}, false
		}
		stamp = rewrite.StampOf(st)
	}
	buf := buffers.Get().(*[]byte)
	defer buffers.Put(buf)
	src, err := readInto(path, (*buf)[:0])
	*buf = src[:0]
	if err != nil {
		e.fail("%v", pathError(path, err))
		return report.LintFile{}, false
	}
	return c.lintSource(e, cfgs, path, path, src, stamp, within)
}

// lintSource lints src, read from path or from standard input as path;
// shown is the name the output uses, stamp and within are for --fix.
func (c *lintCmd) lintSource(e *env, cfgs *configs, path, shown string, src []byte, stamp rewrite.Stamp, within func(string) bool) (report.LintFile, bool) {
	// A clean file is reported without its source: a repository scan then
	// holds only the files with findings in memory.
	f := report.LintFile{Path: shown}
	// A UTF-16 or UTF-32 file is linted as the text it holds; positions
	// count the code points of that text, and the output shows it.
	raw := src
	src, enc := lint.DecodeUTF(src)
	l := cfgs.linter(path)
	if lang := l.LanguageOf(path); lang != host.Commands && lang != nil && !lang.MayHold(src) {
		return f, true // no command and no widget call can be in it
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		e.fail("%s: binary file (NUL byte at offset %d), not linted", shown, i)
		return report.LintFile{}, false
	}
	diags, err := l.Lint(path, src)
	if err != nil {
		e.fail("%s: %v", shown, err)
	}
	// A file whose units do not all decode is not written: encoding the
	// fixed text would change more than the fixes.
	if c.Fix && (enc == "" || bytes.Equal(lint.EncodeUTF(src, enc), raw)) {
		var (
			fixed   []byte
			applied int
		)
		fixed, diags, applied = l.FixAll(path, src, diags)
		if !bytes.Equal(fixed, src) {
			if err := rewrite.File(path, lint.EncodeUTF(fixed, enc), stamp, rewrite.Options{Within: within}); err != nil {
				e.fail("%v", err)
				diags, _ = l.Lint(path, src)
			} else {
				src = fixed
				c.fixed.add(applied)
			}
		}
	}
	if len(diags) > 0 {
		// What is reported outlives the pooled buffer; the diagnostics
		// share no memory with it.
		f.Src, f.Diags = bytes.Clone(src), diags
	}
	return f, true
}

// buffers are the read buffers of the lint workers: a repository scan reads
// hundreds of megabytes, most of it never kept, so the buffers are reused
// rather than allocated and zeroed for every file.
var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// configs finds and loads the .cscmd.yaml of each path once, reporting a
// broken one once and linting with what of it is valid.
type configs struct {
	explicit string
	e        *env
	mu       sync.Mutex
	byDir    map[string]*config.Config // directory → its nearest config
	byFile   map[string]*config.Config // config file → loaded config
}

// skip is a walk's Skip: what the config in force excludes.
func (c *configs) skip(path string, isDir bool) bool {
	dir := path
	if !isDir {
		dir = filepath.Dir(path)
	}
	return c.forDir(dir).Excluded(path)
}

// forDir returns the config in force for the files of dir.
func (c *configs) forDir(dir string) *config.Config {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byDir == nil {
		c.byDir, c.byFile = map[string]*config.Config{}, map[string]*config.Config{}
	}
	if c.explicit != "" {
		return c.load(c.explicit)
	}
	if cfg, ok := c.byDir[dir]; ok {
		return cfg
	}
	file, err := config.Find(dir)
	var cfg *config.Config
	switch {
	case err != nil:
		c.e.fail("%v", err)
	case file != "":
		cfg = c.load(file)
	}
	c.byDir[dir] = cfg
	return cfg
}

// load loads a config file once; c.mu is held.
func (c *configs) load(file string) *config.Config {
	if cfg, ok := c.byFile[file]; ok {
		return cfg
	}
	cfg, err := config.LoadFile(file, lint.RuleIDs())
	var list config.ErrorList
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			shown := *e
			shown.File = relative(e.File)
			c.e.fail("%v", &shown)
		}
	case errors.Is(err, fs.ErrNotExist):
		c.e.fail("%v", pathError(relative(file), err))
	case err != nil:
		c.e.fail("%v", err)
	}
	c.byFile[file] = cfg
	return cfg
}

// relative shows a path found by walking up, which is absolute, relative to
// the working directory when it lies below it.
func relative(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

func ruleInfos() []report.RuleInfo {
	out := make([]report.RuleInfo, len(lint.Rules))
	for i, r := range lint.Rules {
		out[i] = report.RuleInfo{ID: r.ID, Summary: r.Summary, Help: r.Doc(), HelpURI: r.DocURL(), Default: r.Severity}
	}
	return out
}

// colorOK reports whether text output may use colour: stdout is a terminal
// and NO_COLOR (https://no-color.org) is not set.
func colorOK(e *env) bool {
	if e.getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := e.stdout.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// plural picks the word for n things.
func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}
