package ide_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/web1on1/cscmd/ide"
)

func TestHover(t *testing.T) {
	tests := []struct {
		name string
		lang string
		text string // the range described is marked
		want []string
		not  []string
	}{
		{"verb", "cscmd", ">cs «/as‸sign» 62c6077ca980127f404b0301",
			[]string{"**/assign**", "/assign ID", ">cs /assign 62c6077ca980127f404b0301"}, nil},
		{"sigil", "cscmd", ">cs «‸+»6093490651a8b5629324ae4f", []string{"activate a form", "+FORM", ">cs +6093490651a8b5629324ae4f"}, nil},
		{"field", "cscmd", ">cs «‸.»brand Toyota", []string{".NAME VALUE", ">cs .brand Toyota"}, nil},
		{"location", "cscmd", ">cs «‸.»location 61be87aeafdf672d381a9db4", []string{".location ORG[#DEPT]"}, []string{".NAME VALUE"}},
		{"mention", "cscmd", ">cs «‸@»6248f0083ab5d5001e523146 hi", []string{"@ID TEXT", "Hello this is for you"}, nil},
		{"notify", "cscmd", ">cs «/notify‸»", []string{"/notify [INBOX]", ">cs /notify 605411853c68d83fd1ac7655\n>cs /notify"}, nil},
		{"set", "cscmd", ">cs «/s‸et» @category Used Car", []string{"/set NAME VALUE", ">cs /set isLead yes"}, nil},
		{"end of a word", "cscmd", ">cs /set @category «Used Car»‸", []string{"**category** `Used Car`"}, nil},
		{"prefix", "cscmd", "«>c‸s» /set isLead yes", []string{"command prefix", ">cs COMMAND"}, nil},
		{"near-miss prefix", "cscmd", "«>C‸S» /set isLead yes", []string{"**>CS** — not the command prefix", "sends this message as chat"}, nil},
		{"unknown verb", "cscmd", ">cs «/Se‸t» x", []string{"not a command", "Did you mean `/set`?"}, nil},

		{"known user", "cscmd", ">cs /assign «62c6‸077ca980127f404b0301»",
			[]string{"**user** Jane Doe", "`62c6077ca980127f404b0301`", "created 2022-07-06T22:06:52Z"}, []string{"expected", "unlikely"}},
		{"uppercase id", "cscmd", ">cs @«6248F0083AB5D5001E523146‸» hi", []string{"**bot** Lead bot"}, nil},
		{"known form", "cscmd", ">cs +«‸6093490651a8b5629324ae4f»", []string{"**form** Test drive", "fields: brand, model"}, nil},
		{"wrong kind", "cscmd", ">cs /assign «605411853c68d83fd1ac7655‸»", []string{"**inbox** Sales inbox", "expected a user or bot here, not an inbox"}, nil},
		{"unknown id", "cscmd", ">cs /notify «62c6077ca980127f404b0302‸»", []string{"not in the catalog: expected an inbox", "created 2022-07-06T22:06:52Z"}, nil},
		{"department", "cscmd", ">cs .location 61be87aeafdf672d381a9db4#«61be87aeafdf672d381a9db5‸»",
			[]string{"**department** Sales · Acme Cars Amsterdam"}, []string{"not a department"}},
		{"department of another organization", "cscmd", ">cs .location 61be87aeafdf672d381a9db4#«‸61be87aeafdf672d381a9dc1»",
			[]string{"**department** Service desk · Acme Cars Utrecht", "not a department of Acme Cars Amsterdam"}, nil},
		{"organization", "cscmd", ">cs .location «61be87aeafdf672d381a9db4‸»#61be87aeafdf672d381a9db5", []string{"**organization** Acme Cars Amsterdam"}, nil},
		{"before 2009", "cscmd", ">cs /assign «‸000000010000000000000000»", []string{"created 1970-01-01T00:00:01Z — before 2009"}, nil},
		{"in the future", "cscmd", ">cs /assign «‸ff0000000000000000000000»", []string{"created 2105-07-28T02:08:00Z — in the future"}, nil},
		{"malformed id", "cscmd", ">cs /assign «62c6‸»", []string{"malformed object id", "got 4"}, []string{"created"}},

		{"category in the catalog", "cscmd", ">cs /set @category «Used ‸Car»", []string{"**category** `Used Car`", "in the catalog"}, []string{"not in"}},
		{"category not in the catalog", "cscmd", ">cs /set @category «Used Cars‸»", []string{"not in the catalog; did you mean `Used Car`?"}, nil},
		{"reserved name", "cscmd", ">cs /set «@cat‸egory» New Car", []string{"the reserved name that sets the conversation category"}, nil},
		{"unknown reserved name", "cscmd", ">cs /set «@top‸ic» x", []string{"not a reserved name"}, nil},
		{"meta variable", "cscmd", ">cs /set «is‸Lead» yes", []string{"**meta variable** `isLead`", "in the catalog"}, nil},
		{"unknown field", "cscmd", ">cs .«bran‸dd» x", []string{"**field** `brandd`", "not in the catalog; did you mean `brand`?"}, nil},

		{"js string", "javascript", `f('\x3ecs /assign «62c6077ca980127f404b‸0301»')`, []string{"**user** Jane Doe"}, nil},
		{"js verb after an escape", "javascript", `f('\x3ecs «/noti‸fy»')`, []string{"/notify [INBOX]"}, nil},
		{"html attribute", "html", `<a onclick="f('&gt;cs «‸/set» @category Used Car')">x</a>`, []string{"/set @category VALUE"}, nil},
		{"yaml", "yaml", "m: \">cs @«6248f0083ab5d5001e523146‸» hi\"\n", []string{"**bot** Lead bot"}, nil},
		{"gtm tag", "json", `{"html": "<script>\n f('\u003ecs /assign «62c6077ca980127f404b‸0301»')</script>"}`, []string{"**user** Jane Doe"}, nil},
		{"attribute in a js string", "javascript", `e.innerHTML = '<a onclick="f(\'&gt;cs «‸/set» @category Used Car\')">';`, []string{"/set @category VALUE"}, nil},
	}
	ws := catalogWorkspace(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, cur, from, to := marked(t, tt.text)
			md, start, end, ok := ide.Hover(ws, tt.lang, src, cur)
			if !assert.True(t, ok) {
				return
			}
			assert.Equal(t, [2]int{from, to}, [2]int{start, end}, "range")
			for _, w := range tt.want {
				assert.Contains(t, md, w)
			}
			for _, n := range tt.not {
				assert.NotContains(t, md, n)
			}
		})
	}
}

func TestHoverNothing(t *testing.T) {
	for name, tt := range map[string]struct{ lang, text string }{
		"value":           {"cscmd", ">cs .brand Toy‸ota"},
		"blank":           {"cscmd", ">cs  ‸  /set a b"},
		"chat":            {"cscmd", "hel‸lo"},
		"comment":         {"cscmd", "# >cs /se‸t"},
		"dynamic id":      {"javascript", "f(`>cs /assign ${i‸d}`)"},
		"outside strings": {"javascript", "f‸('>cs /set a b')"},
	} {
		src, cur := cursor(t, tt.text)
		_, _, _, ok := ide.Hover(catalogWorkspace(t), tt.lang, src, cur)
		assert.False(t, ok, name)
	}
}

// Without a catalog an id shows its time only, and names no verdict.
func TestHoverWithoutCatalog(t *testing.T) {
	src, cur := cursor(t, ">cs /assign 62c6077ca980127f404b‸0301")
	md, _, _, ok := ide.Hover(nil, "cscmd", src, cur)
	assert.True(t, ok)
	assert.Equal(t, "**object id** `62c6077ca980127f404b0301`\n\ncreated 2022-07-06T22:06:52Z", md)

	src, cur = cursor(t, ">cs /set @category Used ‸Cars")
	md, _, _, _ = ide.Hover(&ide.Workspace{}, "cscmd", src, cur)
	assert.Equal(t, "**category** `Used Cars`", md)
}
