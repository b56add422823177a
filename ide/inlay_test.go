package ide_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/web1on1/cscmd/ide"
	"github.com/web1on1/cscmd/lsp"
)

// seedCommands are the examples of the widget's documentation.
var seedCommands = []string{
	">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5",
	">cs +6093490651a8b5629324ae4f",
	">cs .brand Toyota",
	">cs /set @category Used Car",
	">cs /set isLead yes",
	">cs /assign 62c6077ca980127f404b0301",
	">cs /notify 605411853c68d83fd1ac7655",
	">cs /notify",
	">cs @6248f0083ab5d5001e523146 Hello this is for you",
}

// hintsAt returns each hint as the text before it and its label.
func hintsAt(text []byte, hints []lsp.InlayHint) [][2]string {
	out := [][2]string{}
	for _, h := range hints {
		before := string(text[:h.Offset])
		if i := strings.LastIndexByte(before, '\n'); i >= 0 {
			before = before[i+1:]
		}
		if !h.PaddingLeft {
			before += " (no padding)"
		}
		out = append(out, [2]string{before, h.Label})
	}
	return out
}

var seedHints = [][2]string{
	{">cs .location 61be87aeafdf672d381a9db4", "‹Acme Cars Amsterdam›"},
	{">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5", "‹Sales · Acme Cars Amsterdam›"},
	{">cs +6093490651a8b5629324ae4f", "‹Test drive›"},
	{">cs /assign 62c6077ca980127f404b0301", "‹Jane Doe›"},
	{">cs /notify 605411853c68d83fd1ac7655", "‹Sales inbox›"},
	{">cs @6248f0083ab5d5001e523146", "‹Lead bot›"},
}

func TestInlayHintsCommandFile(t *testing.T) {
	ws := catalogWorkspace(t)
	text := []byte(strings.Join(seedCommands, "\r\n") + "\n>cs /assign 62c6077ca980127f404b0399\n#  >cs /assign 62c6077ca980127f404b0301\n")
	assert.Equal(t, seedHints, hintsAt(text, ide.InlayHints(ws, "cscmd", text, 0, len(text))),
		"hints after known ids only, not in comments")

	// Only the range asked for: the lines of the /assign and /notify.
	from := strings.Index(string(text), ">cs /set isLead")
	to := strings.Index(string(text), ">cs /notify\r")
	assert.Equal(t, seedHints[3:5], hintsAt(text, ide.InlayHints(ws, "cscmd", text, from, to)))

	assert.Empty(t, ide.InlayHints(nil, "cscmd", text, 0, len(text)), "no catalog, no hints")
}

func TestInlayHintsHost(t *testing.T) {
	ws := catalogWorkspace(t)
	var js strings.Builder
	for _, c := range seedCommands {
		js.WriteString("web1on1.api.sendClientMessage('" + c + "');\n")
	}
	text := []byte(js.String())
	want := [][2]string{}
	for _, h := range seedHints {
		want = append(want, [2]string{"web1on1.api.sendClientMessage('" + h[0], h[1]})
	}
	assert.Equal(t, want, hintsAt(text, ide.InlayHints(ws, "javascript", text, 0, len(text))))

	// Through escapes, at the end of what the author wrote.
	text = []byte(`<a onclick="f('&gt;cs /assign 62c6077ca980127f404b030\x31')">x</a>`)
	assert.Equal(t, [][2]string{{`<a onclick="f('&gt;cs /assign 62c6077ca980127f404b030\x31`, "‹Jane Doe›"}},
		hintsAt(text, ide.InlayHints(ws, "html", text, 0, len(text))))

	// Inside a tag manager's tag: JS in a script in a JSON string, the id
	// ending in a JSON escape.
	text = []byte(`{"html": "<script>\n f('>cs +6093490651a8b5629324ae4\u0066');\n</script>", "x": "<b onclick=\"f('\u003ecs @6248f0083ab5d5001e523146 hi')\">"}`)
	assert.Equal(t, [][2]string{
		{`{"html": "<script>\n f('>cs +6093490651a8b5629324ae4\u0066`, "‹Test drive›"},
		{`{"html": "<script>\n f('>cs +6093490651a8b5629324ae4\u0066');\n</script>", "x": "<b onclick=\"f('\u003ecs @6248f0083ab5d5001e523146`, "‹Lead bot›"},
	}, hintsAt(text, ide.InlayHints(ws, "json", text, 0, len(text))))
}
