package host

import (
	"errors"
	"sort"
	"strings"
	"sync"

	"github.com/web1on1/cscmd/ast"
	"github.com/web1on1/cscmd/linemap"
)

// MaxDepth is how deep Extract looks into documents embedded in documents:
// a JSON file (level 0) holding a page (1) whose script (2) sets
// innerHTML to markup (3) with an onclick handler (4).
const MaxDepth = 4

// Extract finds the candidate >cs messages, the web1on1 calls and the
// suppression comments of a file in lang, and of every document embedded in
// it, with every position in the file. Extraction is best-effort: it lexes
// past recoverable errors and returns everything it found with the first
// *SyntaxError. A language without an extractor (command files) yields an
// empty File.
func Extract(lang *Language, src []byte) (*File, error) {
	return ExtractCached(lang, src, nil)
}

// ExtractCached is Extract reusing, when cache is not nil, what was found
// in the embedded documents it has seen: after a keystroke in a tag
// manager's export, only the tag that changed is extracted again; in a
// large script or page, only the text around the edit (see chunk.go). The
// cache keeps src to compare the next text with: src must not be modified
// afterwards.
func ExtractCached(lang *Language, src []byte, cache *DocCache) (*File, error) {
	if lang == nil || lang.Extract == nil {
		return &File{}, nil
	}
	f, err := extractDoc(lang, src, 0, cache)
	if err == nil {
		return f, nil // not a nil *SyntaxError in an error
	}
	return f, err
}

// extractDoc is the one driver of extraction: it runs the language's
// extractor, reads its comments' bodies, and extracts each document it
// yields in that document's language, lifting what is found there into
// the File through the document's map and escaping layer. With a cache, a
// large document of a language that reports cuts is extracted in chunks
// (see chunk.go).
func extractDoc(lang *Language, src []byte, depth int, cache *DocCache) (*File, *SyntaxError) {
	if cache != nil && lang.Cuts && len(src) >= chunkMin {
		return cache.chunkedExtract(lang, src, depth)
	}
	return extractWhole(lang, src, depth, cache)
}

// extractWhole is extractDoc for the whole of src at once.
func extractWhole(lang *Language, src []byte, depth int, cache *DocCache) (*File, *SyntaxError) {
	return extractWith(lang, lang.Extract, src, depth, cache)
}

// extractWith is extractWhole with extract in place of lang.Extract (a
// chunk resumed from a cut's state).
func extractWith(lang *Language, extract func([]byte) (*File, error), src []byte, depth int, cache *DocCache) (*File, *SyntaxError) {
	f, err := extract(src)
	if f == nil {
		f = &File{}
	}
	var first *SyntaxError
	if err != nil && !errors.As(err, &first) {
		first = &SyntaxError{Msg: err.Error()}
	}
	for i := range f.Comments {
		c := &f.Comments[i]
		body, at := lang.Body(c.Text)
		c.Body, c.BodyMap = body, VerbatimMap(c.Start+at, len(body))
		end := linemap.LineEnd(src, c.End)
		c.Scope = [2]int{linemap.LineStart(src, c.Start), linemap.LineEnd(src, end+linemap.BreakAt(src, end))}
	}
	docs := f.Docs
	f.Docs = nil
	for _, d := range docs {
		sub := ByName(d.Lang)
		if sub == nil || sub.Extract == nil || depth >= MaxDepth {
			continue
		}
		var e docEntry
		if cache == nil || len(d.Text) >= chunkMin {
			// A large document is not remembered by its text: each
			// keystroke in it would add a copy. One of a language that
			// reports cuts is extracted in chunks through the cache.
			e = extractEmbedded(sub, d.Text, depth+1, cache)
		} else {
			// Looked up before the pre-check: a document seen before costs
			// one hash, not a scan.
			k := docKey{lang: sub, depth: depth + 1, text: string(d.Text)}
			var ok bool
			if e, ok = cache.get(k); !ok {
				e = extractEmbedded(sub, d.Text, depth+1, cache)
				cache.put(k, e)
			}
		}
		if e.file == nil {
			continue // it cannot hold a command or a widget call
		}
		f.lift(src, e.file, d)
		f.Regions = append(f.Regions, Region{Start: d.Map.Start(0), End: d.Map.End(d.Map.Len), Lang: sub, Escaped: d.Layer.Escape != nil})
		if first == nil && e.err != nil && d.Own {
			first = &SyntaxError{Offset: d.Map.Start(e.err.Offset), Msg: e.err.Msg}
		}
	}
	if len(docs) > 0 {
		sort.SliceStable(f.Strings, func(i, j int) bool { return f.Strings[i].Start < f.Strings[j].Start })
		sort.SliceStable(f.Calls, func(i, j int) bool { return f.Calls[i].Start < f.Calls[j].Start })
		sort.SliceStable(f.Comments, func(i, j int) bool { return f.Comments[i].Start < f.Comments[j].Start })
		sortRegions(f.Regions)
	}
	if lang.Finish != nil {
		lang.Finish(src, f)
	}
	return f, first
}

// extractEmbedded extracts an embedded document that passes its language's
// pre-check; one that does not yields no File.
func extractEmbedded(lang *Language, text []byte, depth int, cache *DocCache) docEntry {
	if !lang.MayHold(text) {
		return docEntry{}
	}
	f, err := extractDoc(lang, text, depth, cache)
	return docEntry{file: f, err: err}
}

// DocCache remembers what extraction found in embedded documents, by their
// language, depth and text. It holds up to twice docCacheSize documents:
// when the current generation is full it becomes the previous one, and a
// document found there moves back. Safe for concurrent use; what it holds
// is never modified.
type DocCache struct {
	mu        sync.Mutex
	cur, prev map[docKey]docEntry
	// chunked holds the last few large documents in chunks, least
	// recent first; fresh is how many bytes of its text the last chunked
	// extraction extracted anew.
	chunked []*chunked
	fresh   int
}

const docCacheSize = 1 << 14

type docKey struct {
	lang  *Language
	depth int
	text  string
}

type docEntry struct {
	file *File
	err  *SyntaxError
}

func (c *DocCache) get(k docKey) (docEntry, bool) {
	if c == nil {
		return docEntry{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.cur[k]; ok {
		return e, true
	}
	e, ok := c.prev[k]
	if ok {
		c.add(k, e)
	}
	return e, ok
}

func (c *DocCache) put(k docKey, e docEntry) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.add(k, e)
}

// add stores an entry; c.mu is held.
func (c *DocCache) add(k docKey, e docEntry) {
	if len(c.cur) >= docCacheSize {
		c.prev, c.cur = c.cur, nil
	}
	if c.cur == nil {
		c.cur = map[docKey]docEntry{}
	}
	c.cur[k] = e
}

// lift adds what was found in the embedded document d of src to f, moved
// to the offsets of src.
func (f *File) lift(src []byte, inner *File, d Doc) {
	// The strings found directly in d share one list of layers; appending
	// to any list makes a new array: inner may be shared through a
	// DocCache.
	own := []Layer{d.Layer}
	for _, s := range inner.Strings {
		m := s.Map().Compose(d.Map)
		s.Segs, s.Start, s.End = m.Segs, d.Map.Start(s.Start), d.Map.End(s.End)
		switch {
		case d.Layer.Escape == nil:
		case len(s.Outer) == 0:
			s.Outer = own[:1:1]
		default:
			s.Outer = append(s.Outer[:len(s.Outer):len(s.Outer)], d.Layer)
		}
		f.Strings = append(f.Strings, s)
	}
	for _, c := range inner.Calls {
		c.Start, c.End = d.Map.Start(c.Start), d.Map.End(c.End)
		f.Calls = append(f.Calls, c)
	}
	for _, r := range inner.Regions {
		r.Start, r.End = d.Map.Start(r.Start), d.Map.End(r.End)
		r.Escaped = r.Escaped || d.Layer.Escape != nil
		f.Regions = append(f.Regions, r)
	}
	for _, c := range inner.Comments {
		c.Start, c.End = d.Map.Start(c.Start), d.Map.End(c.End)
		c.Text = string(src[c.Start:c.End])
		c.BodyMap = c.BodyMap.Compose(d.Map)
		c.Scope = [2]int{d.Map.Start(c.Scope[0]), d.Map.End(c.Scope[1])}
		f.Comments = append(f.Comments, c)
	}
}

// Escape writes text as it must appear inside the string's literal, and
// then inside each layer around it, for a fix written back into the host
// file. It is false when the text cannot be written in one of them without
// changing it (a plain YAML scalar that would need quotes): such a fix is
// not offered.
func (s *String) Escape(text string) (string, bool) {
	out, ok := escapeLiteral(s.Syntax, text)
	for _, l := range s.Outer {
		if !ok {
			break
		}
		out, ok = l.Escape(out)
	}
	return out, ok
}

// Requote writes text as a whole new literal, for a fix that the string's
// own literal cannot hold (a plain YAML scalar that would need quotes): a
// double-quoted YAML scalar, escaped for every layer around it, to replace
// [s.Start, s.End). False for other literals, and for a string with a
// dynamic part, which a rewrite would lose.
func (s *String) Requote(text string) (string, bool) {
	if s.Syntax != YAMLPlain && s.Syntax != YAMLSingle || strings.ContainsRune(s.Text, Placeholder) {
		return "", false
	}
	out, ok := `"`+yamlEscapeDouble(text)+`"`, true
	for _, l := range s.Outer {
		if !ok {
			break
		}
		out, ok = l.Escape(out)
	}
	return out, ok
}

// escapeLiteral writes text for a literal of syntax syn.
func escapeLiteral(syn Syntax, text string) (string, bool) {
	switch syn {
	case JSSingle, JSDouble, JSTemplate, JSXAttr:
		return escapeJS(syn, text), true
	case JSONString:
		return escapeJSON(text), true
	case YAMLPlain, YAMLSingle, YAMLDouble, YAMLBlock:
		return escapeYAML(syn, text)
	}
	return "", false
}

// layerOf is the layer of a literal of syntax syn that holds a document.
func layerOf(syn Syntax) Layer {
	return Layer{Name: syntaxLayer[syn], Escape: func(text string) (string, bool) { return escapeLiteral(syn, text) }}
}

var syntaxLayer = map[Syntax]string{
	JSSingle: "js'", JSDouble: `js"`, JSTemplate: "js`", JSXAttr: "jsx",
	JSONString: "json", YAMLPlain: "yaml", YAMLSingle: "yaml'", YAMLDouble: `yaml"`, YAMLBlock: "yaml|",
}

// attrLayer is an HTML attribute value: JS in an event handler is
// entity-encoded on top of its own escapes.
var attrLayer = Layer{Name: "attr", Escape: func(text string) (string, bool) { return escapeAttr(text), true }}

// hexRune decodes the n hex digits at src[i]: the one decoder of the
// numeric escapes of every host language (\x, \u, \U, &#x…;).
func hexRune(src []byte, i, n int) (rune, bool) {
	if i < 0 || i+n > len(src) {
		return 0, false
	}
	v := rune(0)
	for _, c := range src[i : i+n] {
		d := hexDigit(c)
		if d < 0 {
			return 0, false
		}
		v = v<<4 | d
	}
	return v, true
}

// hexDigit is ast.HexValue, the one definition of a hex digit, as a rune.
func hexDigit(c byte) rune { return rune(ast.HexValue(c)) }
