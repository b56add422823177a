package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/web1on1/cscmd/format"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/rewrite"
	"github.com/web1on1/cscmd/walk"
)

type fmtCmd struct {
	Paths []string `arg:"" optional:"" name:"PATH" help:"Command files (.cscmd) and directories to walk for them; \"-\" or none reads standard input."`
	Write bool     `short:"w" help:"Write the result back to each file instead of printing it." xor:"write-diff,write-check"`
	List  bool     `short:"l" help:"List the files whose formatting differs instead of printing them."`
	Diff  bool     `short:"d" help:"Print a unified diff of the changes instead of the result; exit 1 when there is any." xor:"write-diff"`
	Check bool     `help:"List the files whose formatting differs and exit 1 when there is any, writing nothing." xor:"write-check"`
}

func (c *fmtCmd) Run(e *env) error {
	paths := c.Paths
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	cfgs := &configs{e: e}
	opt := walk.Options{
		Match:   lint.IsCommandFile,
		Skip:    cfgs.skip,
		OnError: func(path string, err error) { e.fail("%v", pathError(path, err)) },
	}
	for _, p := range paths {
		if p == "-" {
			if c.Write {
				e.fail("-w needs files, not standard input")
				continue
			}
			src, err := readInput(p, e.stdin)
			if err != nil {
				e.fail("%v", err)
				continue
			}
			if err := c.format(e, "-", src, rewrite.Stamp{}, nil); err != nil {
				return err
			}
			continue
		}
		// A directory yields its command files, in order; a file named
		// here is yielded whatever its name, and refused below unless
		// it is a command file.
		files, err := walk.Collect(context.Background(), []string{p}, opt)
		if err != nil {
			return err
		}
		// A link is written through to a file inside the tree walked.
		within := walk.Inside([]string{p})
		for _, f := range files {
			if !lint.IsCommandFile(f) {
				e.fail("%s: not a command file (.cscmd); fmt rewrites command files only, and leaves the formatting of host files to their own tools", f)
				continue
			}
			var stamp rewrite.Stamp
			if st, err := os.Stat(f); c.Write && err == nil {
				// Taken before reading: a write from now on shows as a change.
				stamp = rewrite.StampOf(st)
			}
			src, err := readInput(f, nil)
			if err != nil {
				e.fail("%v", err)
				continue
			}
			if err := c.format(e, f, src, stamp, within); err != nil {
				return err
			}
		}
	}
	return nil
}

// format handles one input, name being "-" for standard input; stamp and
// within are for rewriting the file.
func (c *fmtCmd) format(e *env, name string, src []byte, stamp rewrite.Stamp, within func(string) bool) error {
	// A UTF-16 or UTF-32 file is formatted as the text it holds and written
	// back in its own encoding; the diff shows the text.
	raw := src
	src, enc := lint.DecodeUTF(src)
	out := format.Source(src)
	changed := !bytes.Equal(src, out)
	shown := name
	if name == "-" {
		shown = stdinName
	}
	if enc != "" && changed && (c.Write || !c.Diff && !c.List && !c.Check) && !bytes.Equal(lint.EncodeUTF(src, enc), raw) {
		e.fail("%s: not every %s unit of the file is a character; it cannot be rewritten without changing them", shown, enc)
		return nil
	}
	if changed && (c.Diff || c.Check) {
		// Something would change: what CI checking formatting fails on.
		e.code = max(e.code, exitFindings)
	}
	if changed && (c.List || c.Check) {
		if _, err := fmt.Fprintln(e.stdout, shown); err != nil {
			return err
		}
	}
	switch {
	case c.Diff:
		if !changed {
			return nil
		}
		diff, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: lines(src), B: lines(out),
			FromFile: shown + ".orig", ToFile: shown, Context: 3,
		})
		if err != nil {
			return err
		}
		_, err = fmt.Fprint(e.stdout, diff)
		return err
	case c.Write:
		if changed {
			if err := rewrite.File(name, lint.EncodeUTF(out, enc), stamp, rewrite.Options{Within: within}); err != nil {
				e.fail("%v", err)
			}
		}
	case !c.List && !c.Check:
		_, err := e.stdout.Write(lint.EncodeUTF(out, enc))
		return err
	}
	return nil
}

// lines splits text after each line break, for the diff. (difflib's
// SplitLines adds a line that is not in the text.)
func lines(b []byte) []string {
	out := strings.SplitAfter(string(b), "\n")
	if out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}
