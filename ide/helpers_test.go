package ide_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/ide"
)

// catalogYAML is the catalog of SPEC §3, with a second organization to tell
// departments apart and a category that needs escaping in a host string.
const catalogYAML = `
catalog:
  organizations:
    - id: 61be87aeafdf672d381a9db4
      name: Acme Cars Amsterdam
      departments: [{id: 61be87aeafdf672d381a9db5, name: Sales}]
    - id: 61be87aeafdf672d381a9dc0
      name: Acme Cars Utrecht
      departments: [{id: 61be87aeafdf672d381a9dc1, name: Service desk}]
  forms:     [{id: 6093490651a8b5629324ae4f, name: Test drive, fields: [brand, model]}]
  users:     [{id: 62c6077ca980127f404b0301, name: Jane Doe}]
  bots:      [{id: 6248f0083ab5d5001e523146, name: Lead bot}]
  inboxes:   [{id: 605411853c68d83fd1ac7655, name: Sales inbox}]
  categories: [Used Car, New Car, Service, "Driver's Car"]
  fields:    [location, brand, email]
  variables: [isLead]
`

func catalogWorkspace(t testing.TB) *ide.Workspace {
	t.Helper()
	cfg, err := config.Load("t.yaml", []byte(catalogYAML), nil)
	require.NoError(t, err)
	require.NotNil(t, cfg.Catalog)
	return &ide.Workspace{Config: cfg}
}

// The marks of test texts, characters no host syntax uses: the cursor, and
// around it the range that a completion replaces.
const (
	mark      = "‸"
	openMark  = "«"
	closeMark = "»"
)

// cursor removes the cursor mark from s and returns the text and the mark's
// byte offset.
func cursor(t testing.TB, s string) ([]byte, int) {
	t.Helper()
	src, cur, _, _ := marked(t, s)
	return src, cur
}

// marked removes the marks from s and returns the text, the cursor and the
// marked range; without range marks the range is the empty one at the
// cursor.
func marked(t testing.TB, s string) (src []byte, cur, from, to int) {
	t.Helper()
	at := func(m string) int {
		i := strings.Index(s, m)
		if i >= 0 {
			s = s[:i] + s[i+len(m):]
		}
		return i
	}
	// Removed in text order, so that each offset counts only what stays.
	from = at(openMark)
	if strings.Index(s, closeMark) < strings.Index(s, mark) {
		to = at(closeMark) // the cursor just after the range
		cur = at(mark)
	} else {
		cur = at(mark)
		to = at(closeMark)
	}
	require.GreaterOrEqual(t, cur, 0, "no cursor in %q", s)
	if from < 0 {
		from, to = cur, cur
	}
	return []byte(s), cur, from, to
}
