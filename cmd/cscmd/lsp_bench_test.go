package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/web1on1/cscmd/internal/benchdoc"
)

// rpc is a minimal JSON-RPC client of a language server over stdio, for
// measuring the server as an editor sees it.
type rpc struct {
	w       io.Writer
	mu      sync.Mutex
	nextID  int
	replies map[int]chan json.RawMessage
	diags   chan diagNote
}

type diagNote struct {
	Version int
	Count   int
	At      time.Time
}

func newRPC(w io.Writer, r io.Reader) *rpc {
	c := &rpc{w: w, replies: map[int]chan json.RawMessage{}, diags: make(chan diagNote, 1024)}
	go c.read(bufio.NewReaderSize(r, 1<<20))
	return c
}

func (c *rpc) send(v any) {
	b, _ := json.Marshal(v)
	c.mu.Lock()
	fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(b), b)
	c.mu.Unlock()
}

func (c *rpc) notify(method string, params any) {
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

func (c *rpc) call(method string, params any) json.RawMessage {
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan json.RawMessage, 1)
	c.replies[id] = ch
	c.mu.Unlock()
	c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	select {
	case r := <-ch:
		return r
	case <-time.After(10 * time.Second):
		panic("no reply to " + method)
	}
}

func (c *rpc) read(r *bufio.Reader) {
	for {
		n := 0
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m struct {
			ID     *int            `json:"id"`
			Method string          `json:"method"`
			Result json.RawMessage `json:"result"`
			Params json.RawMessage `json:"params"`
		}
		if json.Unmarshal(body, &m) != nil {
			continue
		}
		switch {
		case m.Method == "textDocument/publishDiagnostics":
			var p struct {
				Version     int               `json:"version"`
				Diagnostics []json.RawMessage `json:"diagnostics"`
			}
			json.Unmarshal(m.Params, &p)
			c.diags <- diagNote{Version: p.Version, Count: len(p.Diagnostics), At: time.Now()}
		case m.Method != "" && m.ID != nil:
			c.send(map[string]any{"jsonrpc": "2.0", "id": *m.ID, "result": nil}) // registrations
		case m.ID != nil:
			c.mu.Lock()
			ch := c.replies[*m.ID]
			delete(c.replies, *m.ID)
			c.mu.Unlock()
			if ch != nil {
				ch <- m.Result
			}
		}
	}
}

// waitVersion waits for the diagnostics of one version of the document.
func (c *rpc) waitVersion(v int) diagNote {
	for {
		select {
		case d := <-c.diags:
			if d.Version == v {
				return d
			}
		case <-time.After(10 * time.Second):
			panic(fmt.Sprintf("no diagnostics for version %d", v))
		}
	}
}

func p95(ds []time.Duration) float64 {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return float64(ds[len(ds)*95/100].Microseconds()) / 1000
}

// BenchmarkLSP measures `cscmd lsp` as a process, with a 10,000-line command
// file open and a catalog in force: the time from a one-character edit to
// its diagnostics, the time to answer completion, and the peak resident
// memory (VmHWM). Targets: diagnostics p95 <= 20 ms, completion p95 <= 5 ms,
// RSS <= 150 MB.
func BenchmarkLSP(b *testing.B) {
	b.Run("cscmd", func(b *testing.B) { benchLSP(b, "cscmd", "big.cscmd", cscmdLines.Line, 12) })
	b.Run("javascript", func(b *testing.B) { benchLSP(b, "javascript", "big.js", jsLines.Line, 50) })
	b.Run("javascript-wrapped", func(b *testing.B) { benchLSP(b, "javascript", "big.js", jsWrappedLine, 52) })
	b.Run("gtm-json", func(b *testing.B) { benchLSP(b, "json", "gtm.json", benchdoc.GTMLine, 111) })
	b.Run("vue", func(b *testing.B) { benchLSP(b, "vue", "Big.vue", benchdoc.VueLine, 65) })
	b.Run("svelte", func(b *testing.B) { benchLSP(b, "svelte", "Big.svelte", benchdoc.SvelteLine, 73) })
	b.Run("php", func(b *testing.B) { benchLSP(b, "php", "big.php", benchdoc.PHPLine, 66) })
}

// The benchmark's command file and script.
var (
	cscmdLines = benchdoc.Lines{
		">cs /set @category Used Car\n",
		">cs .brand Toyota {i}\n",
		">cs /assign 62c6077ca980127f404b0301\n",
		">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5\n",
		"# line {i}\n",
	}
	jsLines = benchdoc.Lines{
		"if (page.used) { web1on1.api.sendClientMessage('>cs /set @category Used Car'); }\n",
		"const total{i} = items.reduce((a, b) => a + b.price / 2, 0); // {i}\n",
		"web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b0301');\n",
		"el.addEventListener('click', () => web1on1.open(), { once: true });\n",
		"// line {i}\n",
	}
)

// jsWrappedLine writes the script inside one function, as most embed
// snippets and bundles are: no statement of it is at the top level.
func jsWrappedLine(doc *strings.Builder, i int) {
	if i == 0 {
		doc.WriteString("(function () {\n")
	}
	doc.WriteString("  ")
	jsLines.Line(doc, i)
	if i == 9999 {
		doc.WriteString("})();\n")
	}
}

// benchLSP opens a 10,000-line document of a language, edits one character
// and asks for completion at column col of an /assign line, b.N times.
func benchLSP(b *testing.B, languageID, name string, line func(*strings.Builder, int), col int) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "cscmd")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/cscmd").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	catalog, err := os.ReadFile("testdata/lint/project/.cscmd.yaml")
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".cscmd.yaml"), catalog, 0o644); err != nil {
		b.Fatal(err)
	}
	var doc strings.Builder
	for i := range 10000 {
		line(&doc, i)
	}
	docURI := "file://" + filepath.Join(dir, name)

	cmd := exec.Command(bin, "lsp")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer cmd.Process.Kill()
	c := newRPC(stdin, stdout)
	c.call("initialize", map[string]any{"processId": nil, "rootUri": "file://" + dir,
		"workspaceFolders": []any{map[string]any{"uri": "file://" + dir, "name": "w"}},
		"capabilities":     map[string]any{}})
	c.notify("initialized", map[string]any{})
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": docURI, "languageId": languageID, "version": 1, "text": doc.String()}})
	c.waitVersion(1)

	var diagTimes, complTimes []time.Duration
	version := 1
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		version++
		at := (i * 37) % 10000
		start := time.Now()
		c.notify("textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": docURI, "version": version},
			"contentChanges": []any{map[string]any{
				"range": map[string]any{"start": map[string]any{"line": at, "character": 4}, "end": map[string]any{"line": at, "character": 4}},
				"text":  "x"}}})
		d := c.waitVersion(version)
		diagTimes = append(diagTimes, d.At.Sub(start))

		start = time.Now()
		c.call("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": docURI},
			"position": map[string]any{"line": 2 + 5*(i%100), "character": col}})
		complTimes = append(complTimes, time.Since(start))
	}
	b.StopTimer()
	b.ReportMetric(p95(diagTimes), "diag-p95-ms")
	b.ReportMetric(p95(complTimes), "completion-p95-ms")
	if status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)); err == nil {
		for _, l := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
				kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
				b.ReportMetric(float64(kb)/1024, "peak-rss-MB")
			}
		}
	}
	c.call("shutdown", nil)
	c.notify("exit", nil)
	cmd.Wait()
}
