// Package fake holds the stand-ins for the analysis that the language server's
// tests and end-to-end harness plug into it.
package fake

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"

	"github.com/web1on1/cscmd/lsp"
)

// Href is the documentation link of the "bad-word" findings.
const Href = "https://example.com/rules/bad-word"

// Analyze reports every "BAD" as a warning with two fixes, the preferred one
// replacing it with "GOOD". A document containing "PANIC" panics; one
// containing "SLOW" blocks until ctx ends.
func Analyze(ctx context.Context, _, _ string, text []byte) []lsp.Finding {
	if bytes.Contains(text, []byte("PANIC")) {
		panic("fake analysis panics on request")
	}
	if bytes.Contains(text, []byte("SLOW")) {
		<-ctx.Done()
		return nil
	}
	var findings []lsp.Finding
	for i := 0; ; {
		j := bytes.Index(text[i:], []byte("BAD"))
		if j < 0 {
			return findings
		}
		start, end := i+j, i+j+3
		findings = append(findings, lsp.Finding{
			Start: start, End: end,
			Severity: lsp.SeverityWarning,
			Code:     "bad-word",
			Message:  `found "BAD"`,
			Href:     Href,
			Fixes: []lsp.Fix{
				{Title: `replace with "GOOD"`, Edits: []lsp.Edit{{Start: start, End: end, NewText: "GOOD"}}, Preferred: true},
				{Title: `delete "BAD"`, Edits: []lsp.Edit{{Start: start, End: end}}},
			},
		})
		i = end
	}
}

var spaces = regexp.MustCompile(`[ \t]+`)

// Format squeezes runs of spaces and tabs into one space and trims them at the
// end of lines. A document containing "UNFORMATTABLE" fails; one containing
// "PANIC" panics.
func Format(_, _ string, text []byte) ([]byte, error) {
	if bytes.Contains(text, []byte("PANIC")) {
		panic("fake formatter panics on request")
	}
	if bytes.Contains(text, []byte("UNFORMATTABLE")) {
		return nil, errUnformattable
	}
	lines := strings.SplitAfter(string(text), "\n")
	for i, l := range lines {
		body, eol := strings.CutSuffix(l, "\n")
		cr := strings.HasSuffix(body, "\r")
		body = strings.TrimRight(spaces.ReplaceAllString(strings.TrimSuffix(body, "\r"), " "), " ")
		if cr {
			body += "\r"
		}
		if eol {
			body += "\n"
		}
		lines[i] = body
	}
	return []byte(strings.Join(lines, "")), nil
}

var errUnformattable = errors.New("document is unformattable")

// Complete offers the verbs after ">cs /", replacing the partial word before
// the cursor.
func Complete(_ context.Context, _, _ string, text []byte, offset int) []lsp.Completion {
	start := offset
	for start > 0 && text[start-1] >= 'a' && text[start-1] <= 'z' {
		start--
	}
	if start == 0 || text[start-1] != '/' {
		return nil
	}
	var out []lsp.Completion
	for _, verb := range []string{"assign", "notify", "set"} {
		out = append(out, lsp.Completion{
			Label:         "/" + verb,
			Detail:        "command",
			Documentation: "the `/" + verb + "` command",
			Kind:          14, // keyword
			Edit:          &lsp.Edit{Start: start - 1, End: offset, NewText: "/" + verb},
		})
	}
	return out
}
