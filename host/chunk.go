package host

import (
	"bytes"
	"sort"

	"github.com/web1on1/cscmd/linemap"
)

// Incremental extraction. After a keystroke in a 10,000-line file the
// language server extracts the file again; lexing all of it costs more
// than the rest of the analysis together. An extractor that knows its own
// state reports cuts: line starts where that state is the state at the
// start of a file (in JavaScript, between top-level statements; in a page,
// in text between tags), or, for a language that can resume from one, a
// state it names (JSON: the open containers and what comes next).
// Extracting src[:c] and, from the cut's state, src[c:] apart finds what
// extracting src finds. A large document is kept as chunks between
// cuts, and after an edit only the chunks that the edit touched are
// extracted again: the text before them is unchanged, and the text after
// them is read in the same state as before once the new text ends on a cut.
//
// A cut is a promise about what follows it, and also about what precedes
// it: nothing found before a cut may depend on text after it. An extractor
// that looks ahead (a template's closer searched to the end of the page, a
// JavaScript bracket left open) reports no cut beyond the point where it
// started looking, and none at its end.

// chunking sizes: documents smaller than chunkMin are extracted whole;
// chunks are about chunkSize long. Variables, so that tests can chunk
// small texts.
var (
	chunkMin  = 64 << 10
	chunkSize = 16 << 10
)

// cutSpacing is how far apart an extractor records cuts at least: a
// chunk boundary needs one cut near it, not one per line.
func cutSpacing() int { return chunkSize / 4 }

// cut is a place where a text may be cut: an offset, and the state an
// extractor is in there ("" for the state at a text's start). A cut is
// only ever a line start after a '\n': after a '\r' the byte at the cut
// decides whether it starts a line ("\r\n" is one break), and what is
// found before a cut may not depend on it (a suppression comment covers
// the line after its own).
type cut struct {
	at    int
	state string
}

// cutRecorder keeps the cuts of one extraction, each at least cutSpacing
// after the previous; the cut at the end of the text is always kept.
type cutRecorder struct {
	cuts []cut
	n    int // length of the text
}

// wants reports whether a cut at offset at would be kept.
func (r *cutRecorder) wants(at int) bool {
	if at > r.n || at <= 0 {
		return false
	}
	k := len(r.cuts)
	return k == 0 || at-r.cuts[k-1].at >= cutSpacing() || at == r.n
}

func (r *cutRecorder) add(at int, state string) {
	if r.wants(at) {
		r.cuts = append(r.cuts, cut{at, state})
	}
}

// chunk is one piece of a chunked extraction: what extraction found in
// text[start:end], at offsets of the whole text.
type chunk struct {
	start, end int
	file       *File
	err        *SyntaxError // the first in the chunk
	strain     int          // see File.strain
	open       bool         // end is not a cut
	// state is the extractor's state at start, endState at end (when
	// the end is a cut).
	state, endState string
	// shift is how far the chunk moved since file was extracted: file's
	// offsets are shift bytes short of the text's.
	shift int
	fresh bool // extracted for this text
}

// chunked is the last chunked extraction of a document.
type chunked struct {
	lang   *Language
	depth  int
	text   []byte
	chunks []chunk
}

// keptChunked is how many large documents a DocCache keeps in chunks: the
// few an editor has open and is typing in.
const keptChunked = 4

// chunkedExtract is extractDoc for a large document of a language that
// reports cuts, through the chunks of the most similar document the cache
// holds.
func (c *DocCache) chunkedExtract(lang *Language, src []byte, depth int) (*File, *SyntaxError) {
	prev := c.similar(lang, depth, src)
	var chunks []chunk
	if prev == nil {
		chunks = extractChunks(lang, src, 0, len(src), "", depth, c)
	} else {
		chunks = rechunk(prev, src, depth, c)
	}
	fresh := 0
	for _, k := range chunks {
		if k.fresh {
			fresh += k.end - k.start
		}
	}
	f, err, ok := assemble(src, chunks)
	if !ok {
		// A limit that depends on the whole file was reached: only an
		// extraction of the whole file says what it finds.
		return extractWhole(lang, src, depth, c)
	}
	// The chunks keep their part of f, which is only read from now on.
	for i := range chunks {
		chunks[i].file, chunks[i].shift, chunks[i].fresh = f.within(chunks[i].start, chunks[i].end), 0, false
	}
	c.keepChunked(prev, &chunked{lang: lang, depth: depth, text: src, chunks: chunks}, fresh)
	return f, err
}

// similar returns the kept document of lang and depth that shares the
// longest prefix and suffix with src, or nil when none shares much.
func (c *DocCache) similar(lang *Language, depth int, src []byte) *chunked {
	c.mu.Lock()
	kept := append([]*chunked(nil), c.chunked...)
	c.mu.Unlock()
	var best *chunked
	bestShared := len(src) / 2 // less in common is not worth the bookkeeping
	for _, k := range kept {
		if k.lang != lang || k.depth != depth {
			continue
		}
		p := commonPrefix(k.text, src)
		if shared := p + commonSuffix(k.text[p:], src[p:]); shared > bestShared {
			best, bestShared = k, shared
		}
	}
	return best
}

// keepChunked remembers a chunked extraction, which read fresh bytes
// anew, in place of the one it was made from (prev, if not nil): one
// entry per document being edited. A new one replaces the least recent.
func (c *DocCache) keepChunked(prev, k *chunked, fresh int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fresh = fresh
	kept := c.chunked[:0]
	for _, e := range c.chunked {
		if e != prev {
			kept = append(kept, e)
		}
	}
	if len(kept) == keptChunked {
		kept = kept[1:]
	}
	c.chunked = append(kept, k)
}

// rechunk returns the chunks of src, given the chunks of prev.text: those
// before the edit as they are, those after it moved, and the text between
// extracted again until it ends on a cut.
func rechunk(prev *chunked, src []byte, depth int, c *DocCache) []chunk {
	old := prev.chunks
	p := commonPrefix(prev.text, src)
	s := commonSuffix(prev.text[p:], src[p:])
	delta := len(src) - len(prev.text)
	// Chunks [0, i) end in the unchanged prefix; chunks [j, len) start in
	// the unchanged suffix.
	i := sort.Search(len(old), func(k int) bool { return old[k].end > p })
	j := sort.Search(len(old), func(k int) bool { return old[k].start >= len(prev.text)-s })
	if i > 0 && old[i-1].open {
		i-- // the text after it was read in its state
	}
	j = max(j, i)
	out := append([]chunk(nil), old[:i]...)
	a, state := 0, ""
	if i > 0 {
		a, state = old[i-1].end, old[i-1].endState
	}
	// Extract from a to the start of chunk j, taking in one more chunk,
	// then two, four…, until the extraction ends on a cut: the work stays
	// proportional to the text that changed state.
	for grow := 1; ; grow *= 2 {
		b := len(src)
		if j < len(old) {
			b = old[j].start + delta
		}
		mid := extractChunks(prev.lang, src, a, b, state, depth, c)
		if last := mid[len(mid)-1]; j == len(old) || !last.open && last.endState == old[j].state {
			out = append(out, mid...)
			break
		}
		j = min(j+grow, len(old))
	}
	for _, k := range old[j:] {
		k.start, k.end, k.shift = k.start+delta, k.end+delta, k.shift+delta
		if k.err != nil {
			k.err = &SyntaxError{Offset: k.err.Offset + delta, Msg: k.err.Msg}
		}
		out = append(out, k)
	}
	return out
}

// extractChunks extracts src[a:b], which starts in state, and splits what
// it found at its cuts into chunks of about chunkSize. The last chunk is
// open when b is not a cut. A chunk holding a syntax error runs to b: what
// it knows is the first error in it, and a later one must not be lost when
// that is fixed.
func extractChunks(lang *Language, src []byte, a, b int, state string, depth int, c *DocCache) []chunk {
	extract := lang.Extract
	if lang.Resume != nil {
		extract = func(part []byte) (*File, error) { return lang.Resume(part, state, b == len(src)) }
	}
	f, err := extractWith(lang, extract, src[a:b], depth, c)
	f.shift(a)
	if err != nil {
		err = &SyntaxError{Offset: err.Offset + a, Msg: err.Msg}
	}
	bounds := []cut{{at: a, state: state}}
	for _, k := range f.cuts {
		k.at += a
		// No cut at or after an error: one at the end of the text (an
		// unclosed container) is an error about what does not follow.
		if err != nil && k.at >= err.Offset || k.state != "" && lang.Resume == nil {
			break
		}
		if k.at-bounds[len(bounds)-1].at >= chunkSize && k.at < b {
			bounds = append(bounds, k)
		}
	}
	end := cut{at: b}
	open := true
	if n := len(f.cuts); n > 0 && f.cuts[n-1].at+a == b && (err == nil || err.Offset < b) &&
		(f.cuts[n-1].state == "" || lang.Resume != nil) {
		end.state, open = f.cuts[n-1].state, false
	}
	bounds = append(bounds, end)
	out := make([]chunk, 0, len(bounds)-1)
	for k := 1; k < len(bounds); k++ {
		from, to := bounds[k-1], bounds[k]
		out = append(out, chunk{start: from.at, end: to.at, state: from.state, endState: to.state,
			file: f.within(from.at, to.at), fresh: true})
	}
	tail := &out[len(out)-1]
	tail.err, tail.strain, tail.open = err, f.strain, open
	return out
}

// assemble joins chunks into the File of src. It is false when the chunks
// together went past a limit that the extractor sets per file (see
// File.strain): extracted whole, the file would have stopped earlier.
func assemble(src []byte, chunks []chunk) (*File, *SyntaxError, bool) {
	var ns, nc, nr, nm int
	for _, k := range chunks {
		ns, nc, nr, nm = ns+len(k.file.Strings), nc+len(k.file.Calls), nr+len(k.file.Regions), nm+len(k.file.Comments)
	}
	f := &File{
		Strings:  make([]String, 0, ns),
		Calls:    make([]Call, 0, nc),
		Regions:  make([]Region, 0, nr),
		Comments: make([]Comment, 0, nm),
	}
	var err *SyntaxError
	strain := 0
	for _, k := range chunks {
		s, c, r, m := len(f.Strings), len(f.Calls), len(f.Regions), len(f.Comments)
		f.Strings = append(f.Strings, k.file.Strings...)
		f.Calls = append(f.Calls, k.file.Calls...)
		f.Regions = append(f.Regions, k.file.Regions...)
		f.Comments = append(f.Comments, k.file.Comments...)
		if k.shift != 0 {
			moved := &File{Strings: f.Strings[s:], Calls: f.Calls[c:], Regions: f.Regions[r:], Comments: f.Comments[m:]}
			moved.unshare()
			moved.shift(k.shift)
		}
		for i := m; i < len(f.Comments); i++ {
			// A suppression covers the line after its own, which may be
			// in the next chunk.
			if cm := &f.Comments[i]; cm.Scope[1] >= k.end && k.end < len(src) {
				cm.Scope[1] = linemap.LineEnd(src, k.end)
			}
		}
		if err == nil {
			err = k.err
		}
		strain += k.strain
	}
	return f, err, strain <= strainLimit(len(src))
}

// within returns what f holds in [start, end), sharing f's arrays: items
// are sorted by start, and none crosses a cut.
func (f *File) within(start, end int) *File {
	return &File{
		Strings:  part(f.Strings, start, end, func(s *String) int { return s.Start }),
		Calls:    part(f.Calls, start, end, func(c *Call) int { return c.Start }),
		Comments: part(f.Comments, start, end, func(c *Comment) int { return c.Start }),
		Regions:  part(f.Regions, start, end, func(r *Region) int { return r.Start }),
	}
}

// part is the run of items, sorted by at, that start in [start, end), with
// no room to append into its neighbours.
func part[T any](items []T, start, end int, at func(*T) int) []T {
	i := sort.Search(len(items), func(k int) bool { return at(&items[k]) >= start })
	j := sort.Search(len(items), func(k int) bool { return at(&items[k]) >= end })
	return items[i:j:j]
}

// sortRegions orders regions by start, an outer one before the inner ones
// that start with it.
func sortRegions(rs []Region) {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Start != rs[j].Start {
			return rs[i].Start < rs[j].Start
		}
		return rs[i].End > rs[j].End
	})
}

// unshare gives f's strings and comments maps of their own, in one array,
// so that shift does not move the maps of the file they were copied from.
func (f *File) unshare() {
	n := 0
	for _, s := range f.Strings {
		n += len(s.Segs)
	}
	for _, c := range f.Comments {
		n += len(c.BodyMap.Segs)
	}
	segs := make([]Seg, 0, n)
	own := func(g []Seg) []Seg {
		at := len(segs)
		segs = append(segs, g...)
		return segs[at:len(segs):len(segs)]
	}
	for i := range f.Strings {
		f.Strings[i].Segs = own(f.Strings[i].Segs)
	}
	for i := range f.Comments {
		f.Comments[i].BodyMap.Segs = own(f.Comments[i].BodyMap.Segs)
	}
}

// shift moves every offset of f, which no one else holds, d bytes later.
func (f *File) shift(d int) {
	if d == 0 {
		return
	}
	for i := range f.Strings {
		s := &f.Strings[i]
		s.Start += d
		s.End += d
		shiftSegs(s.Segs, d)
	}
	for i := range f.Calls {
		f.Calls[i].Start += d
		f.Calls[i].End += d
	}
	for i := range f.Comments {
		c := &f.Comments[i]
		c.Start += d
		c.End += d
		c.Scope[0] += d
		c.Scope[1] += d
		c.BodyMap.Base += d
		shiftSegs(c.BodyMap.Segs, d)
	}
	for i := range f.Regions {
		f.Regions[i].Start += d
		f.Regions[i].End += d
	}
}

func shiftSegs(segs []Seg, d int) {
	for i := range segs {
		segs[i].Host += d
	}
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	// Whole blocks first: bytes.Equal compares many bytes a step.
	const block = 256
	i := 0
	for i+block <= n && bytes.Equal(a[i:i+block], b[i:i+block]) {
		i += block
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix is the length of the longest common suffix of a and b.
func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	const block = 256
	i := 0
	for i+block <= n && bytes.Equal(a[len(a)-i-block:len(a)-i], b[len(b)-i-block:len(b)-i]) {
		i += block
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}
