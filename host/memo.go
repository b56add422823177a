package host

import (
	"hash/maphash"
	"sync"
)

// Memo remembers the extraction of embedded documents from one run of
// Extract to the next, for an editor that extracts a file again after
// every keystroke: in a 10,000-line component or template page, one
// handler of thousands has changed, and the others are found by the hash
// of their text instead of being lexed again. What the last run did not
// use is forgotten. A Memo is safe for concurrent use; the zero Memo is
// ready, and a nil *Memo memoizes nothing.
type Memo struct {
	mu        sync.Mutex
	cur, prev map[memoKey]memoEntry
}

type memoKey struct {
	lang  *Language
	depth int // how deep the document is decides how deep it is read
	size  int
	sum   uint64
}

type memoEntry struct {
	file *File
	err  *SyntaxError
}

var memoSeed = maphash.MakeSeed()

// Extract is the package's Extract, reusing the embedded documents that
// the previous call through m extracted.
func (m *Memo) Extract(lang *Language, src []byte) (*File, error) {
	if m == nil || lang == nil || lang.Extract == nil {
		return Extract(lang, src)
	}
	m.mu.Lock()
	m.prev, m.cur = m.cur, map[memoKey]memoEntry{}
	m.mu.Unlock()
	f, err := extractDoc(m, lang, src, 0)
	if err == nil {
		return f, nil
	}
	return f, err
}

// extract extracts an embedded document, through the memo when there is
// one. A memoized File is shared: lift only reads it.
func (m *Memo) extract(lang *Language, src []byte, depth int) (*File, *SyntaxError) {
	if m == nil {
		return extractDoc(nil, lang, src, depth)
	}
	k := memoKey{lang: lang, depth: depth, size: len(src), sum: maphash.Bytes(memoSeed, src)}
	m.mu.Lock()
	e, ok := m.cur[k]
	if !ok {
		if e, ok = m.prev[k]; ok {
			m.cur[k] = e
		}
	}
	m.mu.Unlock()
	if ok {
		return e.file, e.err
	}
	e.file, e.err = extractDoc(m, lang, src, depth)
	m.mu.Lock()
	m.cur[k] = e
	m.mu.Unlock()
	return e.file, e.err
}
