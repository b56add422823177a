package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/web1on1/cscmd/report"
)

// benchLines returns n distinct valid command lines covering every form.
func benchLines(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		id := fmt.Sprintf("%08x%016x", 0x60000000+i, uint64(i)*2654435761)
		switch i % 8 {
		case 0:
			fmt.Fprintf(&b, ">cs .location %s#%s\n", id, id)
		case 1:
			fmt.Fprintf(&b, ">cs +%s\n", id)
		case 2:
			fmt.Fprintf(&b, ">cs .brand Toyota %d\n", i)
		case 3:
			fmt.Fprintf(&b, ">cs /set @category Used Car %d\n", i)
		case 4:
			fmt.Fprintf(&b, ">cs /set isLead%d yes\n", i)
		case 5:
			fmt.Fprintf(&b, ">cs /assign %s\n", id)
		case 6:
			fmt.Fprintf(&b, ">cs /notify %s\n", id)
		case 7:
			fmt.Fprintf(&b, ">cs @%s Hello this is for you %d\n", id, i)
		}
	}
	return b.Bytes()
}

// regexpParse is the baseline: what one would write without cscmd, a
// regexp per form, printing the same JSON Lines as `cscmd parse --format
// json` does for valid commands.
var (
	reLocation = regexp.MustCompile(`^>cs[ \t]+\.location[ \t]+([0-9a-fA-F]{24})(?:#([0-9a-fA-F]{24}))?[ \t]*$`)
	reField    = regexp.MustCompile(`^>cs[ \t]+\.([A-Za-z_][A-Za-z0-9_.-]*)[ \t]+(.*\S)[ \t]*$`)
	reForm     = regexp.MustCompile(`^>cs[ \t]+\+([0-9a-fA-F]{24})[ \t]*$`)
	reSet      = regexp.MustCompile(`^>cs[ \t]+/set[ \t]+(@?[A-Za-z_][A-Za-z0-9_.-]*)[ \t]+(.*\S)[ \t]*$`)
	reAssign   = regexp.MustCompile(`^>cs[ \t]+/assign[ \t]+([0-9a-fA-F]{24})[ \t]*$`)
	reNotify   = regexp.MustCompile(`^>cs[ \t]+/notify(?:[ \t]+([0-9a-fA-F]{24}))?[ \t]*$`)
	reMention  = regexp.MustCompile(`^>cs[ \t]+@([0-9a-fA-F]{24})(?:[ \t]+(.*\S))?[ \t]*$`)
)

// cutLine splits the first line off src, without its line break.
func cutLine(src []byte) (line, rest []byte) {
	line, rest, _ = bytes.Cut(src, []byte{'\n'})
	return line, rest
}

func regexpParse(w io.Writer, src []byte) {
	out := make([]byte, 0, 1<<20)
	lineNo := 0
	for len(src) > 0 {
		lineNo++
		raw, rest := cutLine(src)
		line := string(raw)
		src = rest
		kv := func(kind string, pairs ...string) {
			out = append(out, `{"line":`...)
			out = strconv.AppendInt(out, int64(lineNo), 10)
			text := line
			if kind == "mention" {
				text = pairs[3]
			}
			out = append(out, `,"text":`...)
			out = appendJSONString(out, text)
			out = append(out, `,"kind":`...)
			out = appendJSONString(out, kind)
			for j := 0; j+1 < len(pairs); j += 2 {
				if kind == "mention" && pairs[j] == "text" {
					continue
				}
				out = append(out, ',')
				out = appendJSONString(out, pairs[j])
				out = append(out, ':')
				out = appendJSONString(out, pairs[j+1])
			}
			out = append(out, `,"source":`...)
			out = appendJSONString(out, line)
			out = append(out, "}\n"...)
		}
		if m := reLocation.FindStringSubmatch(line); m != nil {
			value := m[1]
			pairs := []string{"name", "location", "organization", m[1]}
			if m[2] != "" {
				value += "#" + m[2]
				pairs = append(pairs, "department", m[2])
			}
			kv("field", append(pairs, "value", value)...)
		} else if m := reField.FindStringSubmatch(line); m != nil {
			kv("field", "name", m[1], "value", m[2])
		} else if m := reForm.FindStringSubmatch(line); m != nil {
			kv("form", "form", m[1])
		} else if m := reSet.FindStringSubmatch(line); m != nil {
			kv("set", "name", m[1], "value", m[2])
		} else if m := reAssign.FindStringSubmatch(line); m != nil {
			kv("assign", "target", m[1])
		} else if m := reNotify.FindStringSubmatch(line); m != nil {
			if m[1] == "" {
				kv("notify")
			} else {
				kv("notify", "inbox", m[1])
			}
		} else if m := reMention.FindStringSubmatch(line); m != nil {
			kv("mention", "target", m[1], "text", m[2])
		} else {
			kv("chat")
		}
		if len(out) > 1<<20 {
			w.Write(out)
			out = out[:0]
		}
	}
	w.Write(out)
}

// appendJSONString is strconv.Quote's job done to JSON's rules; the
// baseline's values are ASCII, so quoting is enough.
func appendJSONString(dst []byte, s string) []byte { return strconv.AppendQuote(dst, s) }

// TestRegexpBaselineAgrees makes the benchmark fair: the baseline prints
// exactly what cscmd prints for the benchmark's lines.
func TestRegexpBaselineAgrees(t *testing.T) {
	src := benchLines(1000)
	var want, got bytes.Buffer
	regexpParse(&want, src)
	require.NoError(t, parseParallel(&got, "", src, report.AppendJSON))
	require.Equal(t, want.String(), got.String())
}

const benchN = 1_000_000

func BenchmarkParseJSON1M(b *testing.B) {
	src := benchLines(benchN)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if err := parseParallel(io.Discard, "", src, report.AppendJSON); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseJSON1MRegexp(b *testing.B) {
	src := benchLines(benchN)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		regexpParse(io.Discard, src)
	}
}

// reClassify is the lint baseline: a regexp per line that tells a valid
// command from anything else, printing one JSON line per input line.
var reClassify = regexp.MustCompile(`^>cs[ \t]+(?:\.[A-Za-z_][A-Za-z0-9_.-]*[ \t]+\S|\+[0-9a-fA-F]{24}[ \t]*$|/set[ \t]+@?[A-Za-z_][A-Za-z0-9_.-]*[ \t]+\S|/assign[ \t]+[0-9a-fA-F]{24}[ \t]*$|/notify(?:[ \t]+[0-9a-fA-F]{24})?[ \t]*$|@[0-9a-fA-F]{24})`)

func regexpClassify(w io.Writer, src []byte) {
	out := make([]byte, 0, 1<<20)
	lineNo := 0
	for len(src) > 0 {
		lineNo++
		var line []byte
		line, src = cutLine(src)
		out = append(out, `{"line":`...)
		out = strconv.AppendInt(out, int64(lineNo), 10)
		if reClassify.Match(line) {
			out = append(out, `,"valid":true}`+"\n"...)
		} else {
			out = append(out, `,"valid":false}`+"\n"...)
		}
		if len(out) > 1<<20 {
			w.Write(out)
			out = out[:0]
		}
	}
	w.Write(out)
}

func BenchmarkLintJSON1M(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.cscmd")
	if err := os.WriteFile(path, benchLines(benchN), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
		if code := run([]string{"lint", "--format", "json", path}, e); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

func BenchmarkLintJSON1MRegexp(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.cscmd")
	if err := os.WriteFile(path, benchLines(benchN), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		regexpClassify(io.Discard, src)
	}
}

// The process benchmarks time what a user waits for: a fresh process for
// each run, with its start, its page faults and its exit. The test binary
// stands in for both programs (see TestMain), so neither pays more to start.
func BenchmarkLintJSON1MProcess(b *testing.B) {
	benchProcess(b, "cscmd", "lint", "--format", "json")
}

func BenchmarkLintJSON1MRegexpProcess(b *testing.B) { benchProcess(b, "regexp") }

func benchProcess(b *testing.B, as string, args ...string) {
	path := filepath.Join(b.TempDir(), "bench.cscmd")
	if err := os.WriteFile(path, benchLines(benchN), 0o644); err != nil {
		b.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var stderr bytes.Buffer
		cmd := exec.Command(exe, append(args, path)...)
		cmd.Env = append(os.Environ(), "CSCMD_TEST_AS="+as)
		cmd.Stderr = &stderr // standard output goes to the null device
		if err := cmd.Run(); err != nil {
			b.Fatalf("%v: %s", err, stderr.Bytes())
		}
	}
}

// regexpMain is the baseline as a program: it classifies the lines of the
// file named by args[0], printing to standard output.
func regexpMain(args []string) int {
	src, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	regexpClassify(os.Stdout, src) // writes a megabyte at a time
	return 0
}
