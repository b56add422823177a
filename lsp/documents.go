package lsp

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"go.lsp.dev/uri"

	"github.com/web1on1/cscmd/linemap"
)

// snapshot is one immutable state of an open document. Each edit makes a new
// snapshot, so work on an old one (an analysis, a request) never sees a torn
// document, and a result can be checked for staleness by comparing seq.
type snapshot struct {
	uri      uri.URI
	language string
	version  int32
	text     []byte
	// seq identifies the snapshot across the whole server. Unlike version, it
	// changes when a document is reopened or its configuration reloaded.
	seq uint64

	lines func() *linemap.Map

	// sem guards findings; it is a channel so that a waiter can give up when
	// its context ends.
	sem      chan struct{}
	analyzed bool
	findings []Finding
}

func newSnapshot(u uri.URI, language string, version int32, text []byte, seq uint64) *snapshot {
	return &snapshot{
		uri: u, language: language, version: version, text: text, seq: seq,
		lines: lazyLines(text),
		sem:   make(chan struct{}, 1),
	}
}

// lazyLines returns a function that builds the line map of text on first use:
// most snapshots of a document being typed are replaced before anyone needs
// positions in them.
func lazyLines(text []byte) func() *linemap.Map {
	return sync.OnceValue(func() *linemap.Map { return linemap.New(text) })
}

// splicedLines returns a function that makes, on first use, the line map
// of text from m, the map of the text before [start, end) was replaced by
// n bytes: a keystroke in a large document moves its lines rather than
// scanning it again.
func splicedLines(m *linemap.Map, text []byte, start, end, n int) func() *linemap.Map {
	return sync.OnceValue(func() *linemap.Map { return m.Splice(text, start, end, n) })
}

// analysis returns the snapshot's findings, running analyze at most once to
// completion per snapshot however many diagnostics runs and requests ask.
func (snap *snapshot) analysis(ctx context.Context, analyze func(context.Context, *snapshot) ([]Finding, error)) ([]Finding, error) {
	select {
	case snap.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-snap.sem }()
	if snap.analyzed {
		return snap.findings, nil
	}
	findings, err := analyze(ctx, snap)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		// An analysis cut short may be incomplete; let the next caller redo it.
		return nil, err
	}
	snap.findings, snap.analyzed = findings, true
	return findings, nil
}

// documents is the store of open documents.
type documents struct {
	mu   sync.Mutex
	docs map[uri.URI]*snapshot
	// lost holds the last good state of each document whose edits could not
	// be applied: the server's copy no longer matches the editor's, so the
	// document is served no more until the editor sends its whole text again.
	lost map[uri.URI]*snapshot
	seq  uint64
}

// errLost rejects an incremental change to a lost document: there is no
// copy it could apply to.
var errLost = errors.New("document lost; waiting for its whole text")

func newDocuments() *documents {
	return &documents{docs: make(map[uri.URI]*snapshot), lost: make(map[uri.URI]*snapshot)}
}

// lose stops serving a document whose copy diverged from the editor's.
func (d *documents) lose(u uri.URI) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if snap, ok := d.docs[u]; ok {
		d.lost[u] = snap
		delete(d.docs, u)
	}
}

// tracked reports whether a document is open, served or lost.
func (d *documents) tracked(u uri.URI) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.docs[u] != nil || d.lost[u] != nil
}

func (d *documents) get(u uri.URI) *snapshot {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.docs[u]
}

// current reports whether snap is still the latest state of its document.
func (d *documents) current(snap *snapshot) bool {
	return d.get(snap.uri) == snap
}

func (d *documents) open(u uri.URI, language string, version int32, text []byte) *snapshot {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.seq++
	snap := newSnapshot(u, language, version, text, d.seq)
	d.docs[u] = snap
	delete(d.lost, u)
	return snap
}

func (d *documents) close(u uri.URI) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, ok := d.docs[u]
	delete(d.docs, u)
	delete(d.lost, u)
	return ok
}

// refresh replaces every document with a fresh snapshot of the same text, so
// that findings cached under the old configuration are not reused.
func (d *documents) refresh() []*snapshot {
	d.mu.Lock()
	defer d.mu.Unlock()
	all := make([]*snapshot, 0, len(d.docs))
	for u, old := range d.docs {
		d.seq++
		snap := newSnapshot(u, old.language, old.version, old.text, d.seq)
		snap.lines = old.lines
		d.docs[u] = snap
		all = append(all, snap)
	}
	return all
}

// change applies the content changes of one didChange notification, in order,
// each to the text left by the previous one. Ranges are converted in unit. A
// bad range rejects the whole notification and leaves the document as it was.
// A lost document is found again by a change that replaces its whole text.
func (d *documents) change(u uri.URI, version int32, changes []contentChange, unit linemap.Unit) (*snapshot, error) {
	// The store is locked throughout: didChange notifications are handled one at
	// a time, in order, so the lock only keeps readers from a half-made state.
	d.mu.Lock()
	defer d.mu.Unlock()
	old, ok := d.docs[u]
	if lost := d.lost[u]; !ok && lost != nil {
		if len(changes) == 0 || changes[0].Range != nil {
			return nil, errLost
		}
		old, ok = lost, true
	}
	if !ok {
		return nil, fmt.Errorf("change to %s, which is not open", u)
	}
	text, lines := old.text, old.lines
	for i, change := range changes {
		switch {
		case change.Text == nil:
			return nil, fmt.Errorf("change %d to %s: no text", i, u)
		case change.Range == nil:
			text = []byte(*change.Text)
		default:
			m := lines()
			start, err := offset(m, change.Range.Start, unit)
			if err != nil {
				return nil, fmt.Errorf("change %d to %s: start: %w", i, u, err)
			}
			end, err := offset(m, change.Range.End, unit)
			if err != nil {
				return nil, fmt.Errorf("change %d to %s: end: %w", i, u, err)
			}
			if end < start {
				return nil, fmt.Errorf("change %d to %s: range ends before it starts", i, u)
			}
			text = splice(text, start, end, *change.Text)
			lines = splicedLines(m, text, start, end, len(*change.Text))
			continue
		}
		lines = lazyLines(text)
	}
	d.seq++
	snap := newSnapshot(u, old.language, version, text, d.seq)
	snap.lines = lines
	d.docs[u] = snap
	delete(d.lost, u)
	return snap, nil
}

// splice returns a new slice: text with [start, end) replaced by s. Snapshots
// share nothing mutable, so the old text stays intact for whoever holds it.
func splice(text []byte, start, end int, s string) []byte {
	out := make([]byte, 0, len(text)-(end-start)+len(s))
	out = append(out, text[:start]...)
	out = append(out, s...)
	return append(out, text[end:]...)
}
