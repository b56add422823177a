package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/web1on1/cscmd/format"
	"github.com/web1on1/cscmd/rewrite"
	"github.com/web1on1/cscmd/walk"
)

type fmtCmd struct {
	Files []string `arg:"" optional:"" name:"FILE" help:"Command files to format; \"-\" or none reads standard input."`
	Write bool     `short:"w" help:"Write the result back to each file instead of printing it." xor:"mode"`
	Diff  bool     `short:"d" help:"Print a unified diff of the changes instead of the result." xor:"mode"`
}

func (c *fmtCmd) Run(e *env) error {
	files := c.Files
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		if c.Write && name == "-" {
			e.fail("-w needs files, not standard input")
			continue
		}
		var stamp rewrite.Stamp
		if st, err := os.Stat(name); c.Write && err == nil {
			// Taken before reading: a write from now on shows as a change.
			stamp = rewrite.StampOf(st)
		}
		src, err := readInput(name, e.stdin)
		if err != nil {
			e.fail("%v", err)
			continue
		}
		out := format.Source(src)
		switch {
		case c.Diff:
			if bytes.Equal(src, out) {
				continue
			}
			label := name
			if name == "-" {
				label = "<stdin>"
			}
			diff, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
				A: lines(src), B: lines(out),
				FromFile: label + ".orig", ToFile: label, Context: 3,
			})
			if err != nil {
				return err
			}
			if _, err := fmt.Fprint(e.stdout, diff); err != nil {
				return err
			}
		case c.Write:
			if !bytes.Equal(src, out) {
				// A link is written through to a file in its own directory.
				if err := rewrite.File(name, out, stamp, rewrite.Options{Within: walk.Inside([]string{name})}); err != nil {
					e.fail("%v", err)
				}
			}
		default:
			if _, err := e.stdout.Write(out); err != nil {
				return err
			}
		}
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
