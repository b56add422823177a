package config

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadSpec(t *testing.T) *Catalog {
	t.Helper()
	src, err := os.ReadFile("testdata/spec.yaml")
	require.NoError(t, err)
	cfg, err := Load("testdata/spec.yaml", src, ruleIDs)
	require.NoError(t, err)
	require.NotNil(t, cfg.Catalog)
	return cfg.Catalog
}

func TestCatalogLookup(t *testing.T) {
	c := loadSpec(t)
	tests := []struct {
		id         string
		kind       Kind
		name, org  string
		userOrBot  bool
		wantExists bool
	}{
		{"61be87aeafdf672d381a9db4", Organization, "Acme Cars Amsterdam", "", false, true},
		{"61BE87AEAFDF672D381A9DB5", Department, "Sales", "61be87aeafdf672d381a9db4", false, true},
		{"6093490651a8b5629324ae4f", Form, "Test drive", "", false, true},
		{"62c6077ca980127f404b0301", User, "Jane Doe", "", true, true},
		{"6248F0083ab5d5001e523146", Bot, "Lead bot", "", true, true},
		{"605411853c68d83fd1ac7655", Inbox, "Sales inbox", "", false, true},
		{"000000000000000000000000", "", "", "", false, false},
		{"not an id", "", "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			e, ok := c.Lookup(tt.id)
			require.Equal(t, tt.wantExists, ok)
			assert.Equal(t, tt.userOrBot, c.IsUserOrBot(tt.id))
			if !ok {
				return
			}
			assert.Equal(t, tt.kind, e.Kind)
			assert.Equal(t, tt.name, e.Name)
			assert.Equal(t, tt.org, e.Org)
		})
	}
	form, _ := c.Lookup("6093490651a8b5629324ae4f")
	assert.Equal(t, []string{"brand", "model"}, form.Fields)
	assert.Equal(t, 10, form.Line)
	assert.Equal(t, 20, form.Column)
}

func TestCatalogEntries(t *testing.T) {
	c := loadSpec(t)
	ids := func(es []Entry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	assert.Equal(t, []string{"62c6077ca980127f404b0301", "6248f0083ab5d5001e523146"}, ids(c.Entries(User, Bot)))
	assert.Equal(t, []string{"62c6077ca980127f404b0301", "6248f0083ab5d5001e523146"}, ids(c.Entries(Bot, User)),
		"file order, not the order of the kinds asked for")
	assert.Len(t, c.Entries(), 6)
	assert.Equal(t, []string{"61be87aeafdf672d381a9db5"}, ids(c.Departments("61BE87AEAFDF672D381A9DB4")))
	assert.Empty(t, c.Departments("61be87aeafdf672d381a9db5"), "a department has no departments")
}

func TestCatalogNames(t *testing.T) {
	c := loadSpec(t)
	assert.True(t, c.Categories().Contains("Used Car"))
	assert.False(t, c.Categories().Contains("used car"), "membership is exact")
	got, ok := c.Categories().Closest("used car")
	assert.True(t, ok)
	assert.Equal(t, "Used Car", got)
	got, ok = c.Categories().Closest("Servise")
	assert.True(t, ok)
	assert.Equal(t, "Service", got)
	_, ok = c.Categories().Closest("Motorbikes")
	assert.False(t, ok)

	assert.True(t, c.Fields().Contains("email"))
	assert.True(t, c.Fields().Contains("model"), "a form's field can be set with .NAME")
	got, _ = c.Fields().Closest("brnad")
	assert.Equal(t, "brand", got)
	assert.Equal(t, []string{"isLead"}, c.Variables().All())
	assert.True(t, c.Variables().Contains("isLead"))
}

func TestCatalogSections(t *testing.T) {
	cfg, err := Load(".cscmd.yaml", []byte("catalog:\n  users: []\n  categories:\n"), ruleIDs)
	require.NoError(t, err)
	c := cfg.Catalog
	assert.True(t, c.Has(Users), "an empty list is present: every user id is unknown")
	assert.False(t, c.Has(Categories), "null is absent")
	assert.False(t, c.Has(Bots))
	assert.False(t, c.IsUserOrBot("62c6077ca980127f404b0301"))
}

func TestNilCatalog(t *testing.T) {
	var c *Catalog
	assert.False(t, c.Has(Users))
	_, ok := c.Lookup("62c6077ca980127f404b0301")
	assert.False(t, ok)
	assert.False(t, c.IsUserOrBot("62c6077ca980127f404b0301"))
	assert.Nil(t, c.Entries())
	assert.Nil(t, c.Departments("61be87aeafdf672d381a9db4"))
	assert.False(t, c.Categories().Contains("x"))
	_, ok = c.Fields().Closest("x")
	assert.False(t, ok)
	assert.Nil(t, c.Variables().All())
}
