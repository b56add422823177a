package host

import (
	"bytes"

	"github.com/tdewolff/parse/v2"
	thtml "github.com/tdewolff/parse/v2/html"
)

// Vue is a Vue single-file component: its <script> blocks (TypeScript with
// lang="ts") and the values of @event, v-on:event, :prop and v-bind:prop
// attributes are JavaScript.
var Vue = &Language{
	Name:       "vue",
	Extensions: []string{".vue"},
	IDs:        []string{"vue"},
	Extract:    extractVue,
	Comments:   sfcComments,
	Suppress:   &Delims{Open: "<!--", Close: "-->"},
}

// extractVue finds the messages of a Vue component: its <script> blocks, and
// the values of @event, v-on:event, :prop and v-bind:prop attributes, which
// are JavaScript.
func extractVue(src []byte) (*File, error) {
	buf := bytes.Clone(src)
	sfcEachAttr(src, func(key []byte, at int) {
		if len(key) < 3 || !vueCodeAttr(key) {
			return
		}
		// "onxxx" of the same length reads as an event handler.
		buf[at], buf[at+1] = 'o', 'n'
		for i := at + 2; i < at+len(key); i++ {
			buf[i] = 'x'
		}
	})
	return &File{Docs: []Doc{{Lang: HTML.Name, Text: buf, Map: VerbatimMap(0, len(buf))}}}, nil
}

// vueCodeAttr reports whether a Vue attribute's value is JavaScript.
func vueCodeAttr(key []byte) bool {
	return key[0] == '@' || key[0] == ':' ||
		bytes.HasPrefix(key, []byte("v-on:")) || bytes.HasPrefix(key, []byte("v-bind:"))
}

// sfcEachAttr calls fn with the name and offset of every attribute of every
// start tag of an HTML page.
func sfcEachAttr(src []byte, fn func(key []byte, at int)) {
	buf := make([]byte, len(src), len(src)+1)
	copy(buf, src)
	htmlHideForeign(buf)
	in := parse.NewInputBytes(buf)
	l := thtml.NewLexer(in)
	for {
		tt, data := l.Next()
		if tt == thtml.ErrorToken {
			return
		}
		if tt != thtml.AttributeToken {
			continue
		}
		start := in.Offset() - len(data)
		// The token starts with the white space before the name.
		at := start + len(data) - len(bytes.TrimLeft(data, " \t\n\r\f/"))
		key := l.AttrKey()
		if at+len(key) <= len(src) && bytes.EqualFold(src[at:at+len(key)], key) {
			fn(src[at:at+len(key)], at)
		}
	}
}
