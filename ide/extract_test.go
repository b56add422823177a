package ide

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/web1on1/cscmd/host"
)

func TestExtractCache(t *testing.T) {
	text := []byte("web1on1.api.sendClientMessage('>cs /notify');")
	f := extract(host.JS, text)
	assert.Len(t, f.Strings, 1)
	assert.Same(t, f, extract(host.JS, append([]byte(nil), text...)), "the same text is extracted once")
	assert.NotSame(t, f, extract(host.JSON, text), "the language is part of the key")

	edited := []byte("web1on1.api.sendClientMessage('>cs /notify 605411853c68d83fd1ac7655');")
	assert.Equal(t, ">cs /notify 605411853c68d83fd1ac7655", extract(host.JS, edited).Strings[0].Text, "a changed text is extracted again")

	for i := range keptExtractions {
		extract(host.JS, fmt.Appendf(nil, "x = '>cs /set n%d v';", i))
	}
	extractions.mu.Lock()
	defer extractions.mu.Unlock()
	assert.Len(t, extractions.files, keptExtractions, "only the last few texts are kept")
	assert.Len(t, extractions.order, keptExtractions)
}
