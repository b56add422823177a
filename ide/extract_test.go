package ide

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/web1on1/cscmd/host"
)

func TestExtractCache(t *testing.T) {
	var x Extractions
	text := []byte("web1on1.api.sendClientMessage('>cs /notify');")
	f := x.extract(host.JS, text)
	assert.Len(t, f.Strings, 1)
	assert.Same(t, f, x.extract(host.JS, append([]byte(nil), text...)), "the same text is extracted once")
	assert.NotSame(t, f, x.extract(host.JSON, text), "the language is part of the key")

	edited := []byte("web1on1.api.sendClientMessage('>cs /notify 605411853c68d83fd1ac7655');")
	assert.Equal(t, ">cs /notify 605411853c68d83fd1ac7655", x.extract(host.JS, edited).Strings[0].Text, "a changed text is extracted again")

	for i := range keptExtractions {
		x.extract(host.JS, fmt.Appendf(nil, "x = '>cs /set n%d v';", i))
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	assert.Len(t, x.files, keptExtractions, "only the last few texts are kept")
	assert.Len(t, x.order, keptExtractions)
}

// Each session keeps its own extractions: nothing is shared between two
// Workspaces, and a nil Extractions extracts every time.
func TestExtractionsPerSession(t *testing.T) {
	text := []byte("web1on1.api.sendClientMessage('>cs /notify');")
	var a, b Workspaces
	wa, wb := a.For("file:///nowhere/a.js"), b.For("file:///nowhere/a.js")
	assert.NotNil(t, wa.Extractions)
	assert.Same(t, wa.Extractions, a.For("untitled:Untitled-1").Extractions, "one session, one cache")
	f := wa.Extractions.extract(host.JS, text)
	assert.NotSame(t, f, wb.Extractions.extract(host.JS, text), "two sessions share nothing")
	var none *Extractions
	assert.NotSame(t, none.extract(host.JS, text), none.extract(host.JS, text), "nil: no cache")
}
