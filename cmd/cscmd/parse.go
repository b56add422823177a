package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"unicode/utf8"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/linemap"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/report"
	"github.com/web1on1/cscmd/walk"
)

type parseCmd struct {
	Files  []string `arg:"" optional:"" name:"FILE" help:"Command files to parse; \"-\" or none reads standard input."`
	Format string   `enum:"text,json" default:"text" help:"Output format: text, or json for JSON Lines (${enum})."`
}

func (c *parseCmd) Run(e *env) error {
	defer batchGC()()
	files := c.Files
	if len(files) == 0 {
		files = []string{"-"}
	}
	encode := report.AppendText
	if c.Format == "json" {
		encode = report.AppendJSON
	}
	w := bufio.NewWriterSize(e.stdout, 256<<10)
	for _, name := range files {
		src, err := readInput(name, e.stdin)
		if err != nil {
			e.fail("%v", err)
			continue
		}
		display := name
		if name == "-" {
			display = ""
		}
		src, _ = lint.DecodeUTF(src) // a UTF-16 or UTF-32 file holds text too
		reportInvalidUTF8(e, name, src)
		if err := parseParallel(w, display, src, encode); err != nil {
			return err
		}
	}
	return w.Flush()
}

// readInput reads a named file, or standard input for "-", with an error
// that names what could not be read.
func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("<stdin>: %w", err)
		}
		return b, nil
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, pathError(name, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a command file", name)
	}
	if !st.Mode().IsRegular() {
		// A pipe would wait for a writer, and /dev/zero never ends;
		// standard input ("-") is where a stream goes.
		return nil, pathError(name, walk.ErrNotRegular)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, pathError(name, err)
	}
	return b, nil
}

// pathError words an I/O error as "NAME: what went wrong", without the name
// of the system call that *os.PathError adds.
func pathError(name string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", name, err)
}

// reportInvalidUTF8 names each line holding bytes that are not UTF-8: the
// messages there are reported invalid on stdout, and the run fails.
func reportInvalidUTF8(e *env, name string, src []byte) {
	if utf8.Valid(src) {
		return
	}
	if name == "-" {
		name = "<stdin>"
	}
	line, start := 1, 0
	for i := 0; i < len(src); {
		if n := linemap.BreakAt(src, i); n > 0 {
			line, start = line+1, i+n
			i += n
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			col := utf8.RuneCount(src[start:i]) + 1
			e.fail("%s:%d:%d: invalid UTF-8 byte 0x%02x", name, line, col, src[i])
			i = linemap.LineEnd(src, i)
			continue
		}
		i += n
	}
}

// chunkSize is the amount of source one worker parses at a time: large
// enough to amortise the hand-off, small enough to keep both cores busy and
// below the size from which grammar.ParseDocument itself goes parallel.
const chunkSize = 64 << 10

// parseParallel parses src in chunks of whole lines on every core and writes
// the results in source order.
func parseParallel(w io.Writer, name string, src []byte, encode func([]byte, *report.Parsed) []byte) error {
	type chunk struct {
		grammar.Piece
		out chan []byte
	}
	var chunks []*chunk
	for _, p := range grammar.Pieces(src, chunkSize, ast.Pos{Line: 1, Column: 1}, nil) {
		chunks = append(chunks, &chunk{Piece: p, out: make(chan []byte, 1)})
	}
	bom := bytes.HasPrefix(src, []byte("\uFEFF"))
	jobs := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for i := range jobs {
				c := chunks[i]
				c.out <- parseChunk(name, src, c.Piece, bom, encode)
			}
		}()
	}
	go func() {
		for i := range chunks {
			jobs <- i
		}
		close(jobs)
	}()
	for _, c := range chunks {
		// On a write error the workers still finish: their sends are
		// buffered, so returning early leaks nothing.
		if _, err := w.Write(<-c.out); err != nil {
			return err
		}
	}
	return nil
}

func parseChunk(name string, src []byte, piece grammar.Piece, bom bool, encode func([]byte, *report.Parsed) []byte) []byte {
	return report.AppendDocument(make([]byte, 0, (piece.End-piece.Start)*2), name, src, piece, bom, encode)
}
