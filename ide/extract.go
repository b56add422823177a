package ide

import (
	"hash/maphash"
	"sync"

	"github.com/web1on1/cscmd/host"
)

// extractions remembers the extraction of the last few host texts.
// Completion, hover and inlay hints ask about the same text again and again
// as the cursor moves; hashing a file costs a small fraction of lexing it
// (a 10,000-line script takes milliseconds to extract). A *host.File is
// only read once made, so one may be shared.
var extractions struct {
	mu    sync.Mutex
	files map[extractKey]extracted
	order []extractKey // oldest first
}

// extracted is what host.Extract returned for one text.
type extracted struct {
	file *host.File
	err  error
}

const keptExtractions = 8

// embedded remembers the extraction of the documents embedded in host
// texts, so that a keystroke in one tag of a tag manager's export extracts
// that tag again, not the thousands of others.
var embedded host.DocCache

var extractSeed = maphash.MakeSeed()

type extractKey struct {
	lang *host.Language
	size int
	sum  uint64
}

// extract is host.Extract through the cache, for the features that do not
// show the host's syntax error.
func extract(lang *host.Language, text []byte) *host.File {
	f, _ := extractWithError(lang, text)
	return f
}

// extractWithError is host.Extract through the cache.
func extractWithError(lang *host.Language, text []byte) (*host.File, error) {
	k := extractKey{lang: lang, size: len(text), sum: maphash.Bytes(extractSeed, text)}
	extractions.mu.Lock()
	x, ok := extractions.files[k]
	extractions.mu.Unlock()
	if ok {
		return x.file, x.err
	}
	x.file, x.err = host.ExtractCached(lang, text, &embedded)
	extractions.mu.Lock()
	defer extractions.mu.Unlock()
	if extractions.files == nil {
		extractions.files = map[extractKey]extracted{}
	}
	if _, ok := extractions.files[k]; !ok {
		if len(extractions.order) == keptExtractions {
			delete(extractions.files, extractions.order[0])
			extractions.order = extractions.order[1:]
		}
		extractions.files[k] = x
		extractions.order = append(extractions.order, k)
	}
	return x.file, x.err
}
