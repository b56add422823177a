package ide

import (
	"hash/maphash"
	"sync"

	"github.com/web1on1/cscmd/host"
)

// Extractions remembers the extraction of the last few host texts of one
// editor session. Completion, hover and inlay hints ask about the same text
// again and again as the cursor moves; hashing a file costs a small
// fraction of lexing it (a 10,000-line script takes milliseconds to
// extract). A *host.File is only read once made, so one may be shared. The
// texts it is given are an editor's snapshots, never modified: the
// DocCache keeps the last large ones to extract the next only around its
// edit.
// Workspaces keeps one for the documents it serves; a nil *Extractions
// extracts every time.
type Extractions struct {
	mu    sync.Mutex
	files map[extractKey]extracted
	order []extractKey // oldest first
	// embedded remembers the extraction of the documents embedded in host
	// texts, so that a keystroke in one tag of a tag manager's export
	// extracts that tag again, not the thousands of others.
	embedded host.DocCache
}

// extracted is what host.Extract returned for one text.
type extracted struct {
	file *host.File
	err  error
}

const keptExtractions = 8

var extractSeed = maphash.MakeSeed()

type extractKey struct {
	lang *host.Language
	size int
	sum  uint64
}

// extract is host.Extract through the cache, for the features that do not
// show the host's syntax error.
func (x *Extractions) extract(lang *host.Language, text []byte) *host.File {
	f, _ := x.extractWithError(lang, text)
	return f
}

// extractWithError is host.Extract through the cache.
func (x *Extractions) extractWithError(lang *host.Language, text []byte) (*host.File, error) {
	if x == nil {
		return host.Extract(lang, text)
	}
	k := extractKey{lang: lang, size: len(text), sum: maphash.Bytes(extractSeed, text)}
	x.mu.Lock()
	e, ok := x.files[k]
	x.mu.Unlock()
	if ok {
		return e.file, e.err
	}
	e.file, e.err = host.ExtractCached(lang, text, &x.embedded)
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.files == nil {
		x.files = map[extractKey]extracted{}
	}
	if _, ok := x.files[k]; !ok {
		if len(x.order) == keptExtractions {
			delete(x.files, x.order[0])
			x.order = x.order[1:]
		}
		x.files[k] = e
		x.order = append(x.order, k)
	}
	return e.file, e.err
}
