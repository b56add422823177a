package plain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/lint"
)

const catalog = `catalog:
  organizations:
    - id: 61be87aeafdf672d381a9db4
      name: Acme Cars Amsterdam
      departments: [{id: 61be87aeafdf672d381a9db5, name: Sales}]
  forms:     [{id: 6093490651a8b5629324ae4f, name: Test drive, fields: [brand]}]
  users:     [{id: 62c6077ca980127f404b0301, name: Jane Doe}]
  bots:      [{id: 6248f0083ab5d5001e523146, name: Lead bot}]
  inboxes:   [{id: 605411853c68d83fd1ac7655, name: Sales inbox}]
`

func TestDescribeCommandFile(t *testing.T) {
	cfg, err := config.Load(".cscmd.yaml", []byte(catalog), lint.RuleIDs())
	require.NoError(t, err)
	tests := []struct {
		name, src string
		runs      bool
		want      string
	}{
		{"category", ">cs /set @category Used Car", true, "Set the conversation category to “Used Car”"},
		{"variable", ">cs /set isLead yes", true, "Set the conversation variable isLead to “yes”"},
		{"field", ">cs .brand Toyota", true, "Set the contact field brand to “Toyota”"},
		{"location with department", ">cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5", true,
			"Set the contact's location to Acme Cars Amsterdam (organization), department Sales (department)"},
		{"location unknown", ">cs .location 61be87aeafdf672d381a9dff", true, "Set the contact's location to 61be87aeafdf672d381a9dff"},
		{"form", ">cs +6093490651a8b5629324ae4f", true, "Activate the form Test drive (form)"},
		{"assign user", ">cs /assign 62c6077ca980127f404b0301", true, "Assign the conversation to Jane Doe (user)"},
		{"assign uppercase id", ">cs /assign 62C6077CA980127F404B0301", true, "Assign the conversation to Jane Doe (user)"},
		{"assign unknown", ">cs /assign 62c6077ca980127f404b0399", true, "Assign the conversation to 62c6077ca980127f404b0399"},
		{"notify inbox", ">cs /notify 605411853c68d83fd1ac7655", true, "Notify the inbox Sales inbox (inbox)"},
		{"notify all", ">cs /notify", true, "Notify all organizations"},
		{"mention", ">cs @6248f0083ab5d5001e523146 Hello there", true, "Mention Lead bot (bot): “Hello there”"},
		{"mention without text", ">cs @6248f0083ab5d5001e523146", true, "Mention Lead bot (bot)"},
		{"near miss case", ">CS /set @category Used Car", false, "Sent as chat: `>CS` is not the prefix"},
		{"near miss space", "> cs /notify", false, "Sent as chat: `> cs` is not the prefix"},
		{"chat", "hello there", false, "Sent as chat"},
		{"unknown verb", ">cs /sett a b", false, "Rejected: unknown command \"/sett\"; did you mean \"/set\"?"},
		{"short id", ">cs /assign 62c6077ca980127f404b030", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps := Document(host.Commands, []byte(tt.src), cfg.Catalog)
			require.Len(t, steps, 1)
			assert.Equal(t, tt.runs, steps[0].Runs)
			if tt.want == "" {
				assert.Contains(t, steps[0].Text, "Rejected: ")
				return
			}
			assert.Equal(t, tt.want, steps[0].Text)
		})
	}
}

func TestDocumentPositions(t *testing.T) {
	src := "# comment\n>cs /notify\n\n>CS /notify\n"
	steps := Document(host.Commands, []byte(src), nil)
	require.Len(t, steps, 2)
	assert.Equal(t, 10, steps[0].Start)
	assert.Equal(t, "Notify all organizations", steps[0].Text)
	assert.Equal(t, 23, steps[1].Start)
	assert.False(t, steps[1].Runs)
}

func TestDocumentHost(t *testing.T) {
	src := `web1on1.api.sendClientMessage('>cs /set @category ' + car);
var s = 'just text';
web1on1.api.sendClientMessage(">CS /notify");`
	steps := Document(host.JS, []byte(src), nil)
	require.Len(t, steps, 2)
	assert.Equal(t, "Set the conversation category to “…”", steps[0].Text)
	assert.Equal(t, 30, steps[0].Start)
	assert.Equal(t, "Sent as chat: `>CS` is not the prefix", steps[1].Text)
}

// FuzzDocument: any text, in any language, is described without a panic,
// each step inside the text and in order.
func FuzzDocument(f *testing.F) {
	for _, s := range []string{">cs /set @category Used Car\n>CS /notify", "<script>web1on1.api.sendClientMessage('>cs /assign 62c6')</script>", `{"a": ">cs .location 61be87aeafdf672d381a9db4#"}`, "a: '> cs @x'"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, src string, lang int) {
		langs := host.Languages
		l := langs[(lang%len(langs)+len(langs))%len(langs)]
		last := -1
		for _, s := range Document(l, []byte(src), nil) {
			require.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(src), "%+v in %d bytes", s, len(src))
			require.GreaterOrEqual(t, s.Start, last)
			require.NotEmpty(t, s.Text)
			last = s.Start
		}
	})
}
