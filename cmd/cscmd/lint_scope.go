package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/web1on1/cscmd/baseline"
	"github.com/web1on1/cscmd/linemap"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/newfrom"
	"github.com/web1on1/cscmd/report"
)

// scopeFlags are the lint flags for a repository that has findings
// already: report only what a change adds, or what a baseline does not
// record. They are applied after linting, to the findings.
type scopeFlags struct {
	NewFromRev       string `group:"new findings only" xor:"newfrom" placeholder:"REV" help:"Report only findings on lines changed since REV (git diff REV: staged, unstaged and untracked files)."`
	NewFromMergeBase string `group:"new findings only" xor:"newfrom" placeholder:"REF" help:"Report only findings on lines changed since the merge base of REF and HEAD: what a pull request into REF changes."`
	NewFromPatch     string `group:"new findings only" xor:"newfrom" placeholder:"FILE" help:"Report only findings on lines the unified diff FILE adds (its paths relative to the working directory)."`
	Baseline         string `group:"new findings only" xor:"baseline" placeholder:"FILE" help:"Hide the findings recorded in FILE (see --write-baseline) and report its entries that no longer occur."`
	WriteBaseline    string `group:"new findings only" xor:"baseline" placeholder:"FILE" help:"Record every finding in FILE, for --baseline, instead of reporting them."`
}

// scope is what the flags loaded before linting: a bad revision or
// baseline fails the run before any file is read.
type scope struct {
	changes *newfrom.Changes
	base    *baseline.Baseline
}

func (f *scopeFlags) load() (*scope, error) {
	s := &scope{}
	var err error
	switch {
	case f.NewFromRev != "":
		s.changes, err = newfrom.FromRev(".", f.NewFromRev)
		err = flagError("--new-from-rev", err)
	case f.NewFromMergeBase != "":
		s.changes, err = newfrom.FromMergeBase(".", f.NewFromMergeBase)
		err = flagError("--new-from-merge-base", err)
	case f.NewFromPatch != "":
		var patch []byte
		if patch, err = os.ReadFile(f.NewFromPatch); err != nil {
			return nil, pathError(f.NewFromPatch, err)
		}
		s.changes, err = newfrom.FromPatch(patch, ".")
		if pe, ok := err.(*newfrom.PatchError); ok {
			err = fmt.Errorf("%s:%d: %s", f.NewFromPatch, pe.Line, pe.Msg)
		}
	}
	if err != nil {
		return nil, err
	}
	if f.Baseline != "" {
		if s.base, err = baseline.Load(f.Baseline); err != nil {
			if _, ok := err.(*baseline.Error); ok {
				return nil, err
			}
			return nil, pathError(f.Baseline, err)
		}
	}
	return s, nil
}

func flagError(flag string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", flag, err)
}

// apply hides what the baseline records and what the change did not add.
// The baseline's stale entries are findings in the baseline file itself,
// which no change filters. It returns whether a baseline was applied.
func (s *scope) apply(files []report.LintFile) ([]report.LintFile, bool) {
	var stale report.LintFile
	if s.base != nil {
		files, stale = s.base.Apply(files)
	}
	if s.changes != nil {
		for i := range files {
			files[i] = s.onlyNew(files[i])
		}
	}
	if len(stale.Diags) > 0 {
		files = append(files, stale)
	}
	return files, s.base != nil
}

// onlyNew keeps the findings of f that start on a line the change added.
func (s *scope) onlyNew(f report.LintFile) report.LintFile {
	if len(f.Diags)+len(f.Unchanged) == 0 {
		return f
	}
	lines, added := linemap.New(f.Src), s.changes.File(f.Path)
	keep := func(diags []lint.Diagnostic) []lint.Diagnostic {
		var out []lint.Diagnostic
		for _, d := range diags {
			line, _ := lines.Position(d.Start, linemap.Bytes)
			if added.Has(line + 1) {
				out = append(out, d)
			}
		}
		return out
	}
	f.Diags, f.Unchanged = keep(f.Diags), keep(f.Unchanged)
	return f
}

// writeBaseline records every finding of files in path.
func writeBaseline(e *env, path string, files []report.LintFile) error {
	var b bytes.Buffer
	if err := baseline.Write(&b, filepath.Dir(path), files); err != nil {
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return pathError(path, err)
	}
	n := 0
	for _, f := range files {
		for _, d := range f.Diags {
			if d.Severity > lint.Off {
				n++
			}
		}
	}
	fmt.Fprintf(e.stderr, "cscmd: recorded %d findings in %s; lint with --baseline %s to report only new ones\n", n, path, path)
	return nil
}

// baselineRule describes the findings of stale baseline entries, for the
// formats that list rules (SARIF).
var baselineRule = report.RuleInfo{
	ID:      report.BaselineRule,
	Summary: "a baseline entry whose finding no longer occurs",
	Help: "# baseline\n\nAn entry of the baseline file (`--baseline`) records a finding that this run " +
		"no longer has: it was fixed, or its line was edited. Remove the entry, or rewrite the file " +
		"with `cscmd lint --write-baseline FILE`, so that the baseline only shrinks.\n",
	HelpURI: "https://github.com/web1on1/cscmd/blob/main/docs/ci.md#baseline",
	Default: lint.Info,
}
