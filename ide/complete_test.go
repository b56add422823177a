package ide_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/ide"
	"github.com/web1on1/cscmd/lsp"
)

// item is what a test checks of a candidate: its label and what accepting
// it does to the document.
type item struct {
	Label  string
	Insert string
	Start  int // of the replaced range
	End    int
}

func items(cs []lsp.Completion) []item {
	out := []item{}
	for _, c := range cs {
		out = append(out, item{c.Label, c.Edit.NewText, c.Edit.Start, c.Edit.End})
	}
	return out
}

// completes is a case of completion: the text with its marks, the labels
// expected, and what each inserts (the label when nil).
type completes struct {
	name    string
	text    string
	labels  []string
	inserts []string
}

func (c completes) want(from, to int) []item {
	out := []item{}
	for i, l := range c.labels {
		ins := l
		if c.inserts != nil {
			ins = c.inserts[i]
		}
		out = append(out, item{l, ins, from, to})
	}
	return out
}

var (
	forms      = []string{".", "+", "/set", "/assign", "/notify", "@"}
	verbLabels = []string{"/set", "/assign", "/notify"}
	setNames   = []string{"@category", "isLead"}
	fieldNames = []string{"location", "brand", "model", "email"}
	usersBots  = []string{"Jane Doe", "Lead bot"}
	usersBotID = []string{"62c6077ca980127f404b0301", "6248f0083ab5d5001e523146"}
	categories = []string{"Used Car", "New Car", "Service", "Driver's Car"}
	orgs       = []string{"Acme Cars Amsterdam", "Acme Cars Utrecht"}
	orgIDs     = []string{"61be87aeafdf672d381a9db4", "61be87aeafdf672d381a9dc0"}
	formName   = []string{"Test drive"}
	formID     = []string{"6093490651a8b5629324ae4f"}
	inbox      = []string{"Sales inbox"}
	inboxID    = []string{"605411853c68d83fd1ac7655"}
)

func TestCompleteCommandFile(t *testing.T) {
	withPrefix := make([]string, len(forms))
	for i, f := range forms {
		withPrefix[i] = ">cs " + f
	}
	tests := []completes{
		{"empty line", "‸", withPrefix, nil},
		{"partial prefix", "«>c‸»", withPrefix, nil},
		{"after >cs", ">cs ‸", forms, nil},
		{"partial head", ">cs «se‸»", forms, nil},
		{"slash", ">cs «/‸»", verbLabels, nil},
		{"partial verb", ">cs «/as‸»", verbLabels, nil},
		{"inside a verb", ">cs «/as‸sign» 62c6", verbLabels, nil},
		{"set name", ">cs /set ‸", setNames, nil},
		{"set partial name", ">cs /set «is‸»", setNames, nil},
		{"set reserved", ">cs /set «@‸»", []string{"@category"}, nil},
		{"category", ">cs /set @category ‸", categories, nil},
		{"category with a space", ">cs /set @category «Used C‸»", categories, nil},
		{"category with text after", ">cs /set @category «U‸sed Car»  ", categories, nil},
		{"field", ">cs .‸", fieldNames, nil},
		{"field inside a name", ">cs .«bra‸nd» Toyota", fieldNames, nil},
		{"form", ">cs +‸", formName, formID},
		{"form partial id", ">cs +«6093‸»", formName, formID},
		{"assign", ">cs /assign ‸", usersBots, usersBotID},
		{"assign partial id", ">cs /assign «62c6‸»", usersBots, usersBotID},
		{"assign after tabs", ">cs /assign\t\t‸", usersBots, usersBotID},
		{"mention", ">cs @‸", usersBots, usersBotID},
		{"mention partial name", ">cs @«Ja‸» hello", usersBots, usersBotID},
		{"notify", ">cs /notify ‸", inbox, inboxID},
		{"organization", ">cs .location ‸", orgs, orgIDs},
		{"organization before #", ">cs .location «61be‸»#61be87aeafdf672d381a9db5", orgs, orgIDs},
		{"department", ">cs .location 61be87aeafdf672d381a9db4#‸", []string{"Sales"}, []string{"61be87aeafdf672d381a9db5"}},
		{"department of the other organization", ">cs .location 61BE87AEAFDF672D381A9DC0#«61b‸»", []string{"Service desk"}, []string{"61be87aeafdf672d381a9dc1"}},
		{"department of an unknown organization", ">cs .location 61be87aeafdf672d381a9dff#‸", nil, nil},

		{"set value", ">cs /set isLead ‸", nil, nil},
		{"field value", ">cs .brand ‸", nil, nil},
		{"mention text", ">cs @6248f0083ab5d5001e523146 ‸", nil, nil},
		{"after the id", ">cs /assign 62c6077ca980127f404b0301 ‸", nil, nil},
		{"chat", "hello ‸", nil, nil},
		{"csv is chat", ">csv ‸", nil, nil},
		{"near miss", ">cs/‸", nil, nil},
		{"comment", "# >cs ‸", nil, nil},
		{"in the prefix", ">c‸s /set", nil, nil},
	}
	ws := catalogWorkspace(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, cur, from, to := marked(t, tt.text)
			assert.Equal(t, tt.want(from, to), items(ide.Complete(ws, "cscmd", src, cur)))

			// The same line in the middle of a document, after CRLF lines.
			before := "\uFEFF# intro\r\n>cs /set isLead yes\r\n"
			doc := append([]byte(before), src...)
			doc = append(doc, "\r\n>cs /notify\r\n"...)
			n := len(before)
			assert.Equal(t, tt.want(from+n, to+n), items(ide.Complete(ws, "cscmd", doc, cur+n)), "inside a document")
		})
	}
}

func TestCompleteWithoutCatalog(t *testing.T) {
	tests := []completes{
		{"forms", ">cs ‸", forms, nil},
		{"verbs", ">cs «/‸»", verbLabels, nil},
		{"reserved name", ">cs /set ‸", []string{"@category"}, nil},
		{"location", ">cs .‸", []string{"location"}, nil},
		{"no users", ">cs /assign ‸", nil, nil},
		{"no forms", ">cs +‸", nil, nil},
		{"no categories", ">cs /set @category ‸", nil, nil},
	}
	for _, ws := range []*ide.Workspace{nil, {}} {
		for _, tt := range tests {
			src, cur, from, to := marked(t, tt.text)
			assert.Equal(t, tt.want(from, to), items(ide.Complete(ws, "cscmd", src, cur)), tt.name)
		}
	}
}

// Catalog entries are labelled by name and insert their id; the filter text
// holds both, so that typing either keeps the entry.
func TestCompleteFilterText(t *testing.T) {
	src, off := cursor(t, ">cs /assign 62c6‸")
	got := ide.Complete(catalogWorkspace(t), "cscmd", src, off)
	require.Len(t, got, 2)
	jane := got[0]
	assert.Equal(t, "Jane Doe", jane.Label)
	assert.Equal(t, "user 62c6077ca980127f404b0301", jane.Detail)
	for _, typed := range []string{"Jane", "62c6"} {
		assert.Contains(t, jane.FilterText, typed)
	}
	assert.Contains(t, jane.Documentation, "created 2022-07-06T22:06:52Z")

	src, off = cursor(t, ">cs /‸")
	set := ide.Complete(nil, "cscmd", src, off)[0]
	assert.Empty(t, set.FilterText, "a label that is inserted filters by itself")
	assert.Contains(t, set.Documentation, ">cs /set @category Used Car", "the command's doc has the seed's example")
}

func TestCompleteHost(t *testing.T) {
	escaped := func(last string) []string { return append(categories[:3:3], last) }
	tests := []struct {
		lang string
		completes
	}{
		{"javascript", completes{"js single quotes", "web1on1.api.sendClientMessage('>cs /assign ‸');", usersBots, usersBotID}},
		{"javascript", completes{"js partial id after an escape", `f('\x3ecs /assign «62c6‸»')`, usersBots, usersBotID}},
		{"typescript", completes{"ts verbs", `f(">cs «/‸»")`, verbLabels, nil}},
		{"javascript", completes{"js category escaped", `f('>cs /set @category «Dr‸»')`, categories, escaped(`Driver\'s Car`)}},
		{"javascript", completes{"js template after a dynamic part", "f(`>cs /set ${name} ‸`)", nil, nil}},
		{"javascript", completes{"js template before a dynamic part", "f(`>cs /assign ‸${id}`)", usersBots, usersBotID}},
		{"javascript", completes{"js end of a literal joined with +", "f('>cs /set ‸' + v)", setNames, nil}},
		{"javascriptreact", completes{"jsx attribute", `<B m=">cs +‸" />`, formName, formID}},
		{"javascript", completes{"js outside the string", "f(‸'>cs /')", nil, nil}},
		{"javascript", completes{"js inside an escape", `f('\x3‸ecs /')`, nil, nil}},
		{"html", completes{"html attribute with &gt;", `<button onclick="web1on1.api.sendClientMessage('&gt;cs +‸')">x</button>`, formName, formID}},
		{"html", completes{"html attribute escapes a quote", `<a onclick="f('&gt;cs /set @category ‸')">x</a>`, categories, escaped(`Driver\&#39;s Car`)}},
		{"html", completes{"html script", "<script>f('>cs /notify ‸')</script>", inbox, inboxID}},
		{"json", completes{"json department", `{"m": ">cs .location 61be87aeafdf672d381a9db4#‸"}`, []string{"Sales"}, []string{"61be87aeafdf672d381a9db5"}}},
		{"jsonc", completes{"jsonc category", `{"m": ">cs /set @category ‸"}`, categories, nil}},
		{"yaml", completes{"yaml mention", "m: '>cs @‸'\n", usersBots, usersBotID}},
		{"yaml", completes{"yaml single quote doubled", "m: '>cs /set @category ‸'\n", categories, escaped("Driver''s Car")}},
		{"json", completes{"gtm tag: js in a script in a json string", `{"html": "<script>\n web1on1.api.sendClientMessage('>cs +‸');\n</script>"}`, formName, formID}},
		{"json", completes{"gtm tag: quote escaped for js, attribute and json", `{"html": "<b onclick=\"f('\u003ecs /set @category ‸')\">"}`, categories, escaped(`Driver\\&#39;s Car`)}},
		{"javascript", completes{"innerHTML attribute in a js string", `el.innerHTML = '<b onclick="f(\'>cs /notify ‸\')">';`, inbox, inboxID}},
		{"yaml", completes{"script in a yaml block", "h: |\n  <script>f('>cs /assign ‸')</script>\n", usersBots, usersBotID}},
		{"plaintext", completes{"unknown language", ">cs /‸", nil, nil}},
	}
	ws := catalogWorkspace(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, cur, from, to := marked(t, tt.text)
			assert.Equal(t, tt.want(from, to), items(ide.Complete(ws, tt.lang, src, cur)))
		})
	}
}

// Accepting a candidate in a host file leaves a literal that decodes to the
// command meant.
func TestCompleteHostRoundTrip(t *testing.T) {
	src, off := cursor(t, `<a onclick="f('&gt;cs /set @category Driv‸')">x</a>`)
	got := ide.Complete(catalogWorkspace(t), "html", src, off)
	require.Len(t, got, 4)
	e := got[3].Edit
	out := string(src[:e.Start]) + e.NewText + string(src[e.End:])
	assert.Equal(t, `<a onclick="f('&gt;cs /set @category Driver\&#39;s Car')">x</a>`, out)
}
