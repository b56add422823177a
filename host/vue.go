package host

import "bytes"

// Vue is a Vue single-file component: its <script> blocks (TypeScript with
// lang="ts") and the values of @event, v-on:event, :prop and v-bind:prop
// attributes are JavaScript. That is how a page is read too (see
// htmlIsDirective), so a component is extracted as a page.
var Vue = &Language{
	Name:       "vue",
	Extensions: []string{".vue"},
	IDs:        []string{"vue"},
	Extract:    extractHTML,
	Cuts:       true,
	Comments:   sfcComments,
	Suppress:   &Delims{Open: "<!--", Close: "-->"},
}

// htmlIsDirective reports whether an attribute of a page or a component is
// a Vue (or Alpine.js, petite-vue) directive whose value is JavaScript:
// @event, v-on:event, :prop, v-bind:prop, x-on:event, x-bind:prop, x-init.
// Plain HTML gives such names no meaning, so a page is read the same way.
func htmlIsDirective(key []byte) bool {
	if len(key) < 2 {
		return false
	}
	if key[0] == '@' || key[0] == ':' {
		return true
	}
	for _, p := range [...]string{"v-on:", "v-bind:", "x-on:", "x-bind:"} {
		if bytes.HasPrefix(key, []byte(p)) {
			return true
		}
	}
	return string(key) == "x-init"
}
