package host

// Svelte is a Svelte component: its <script> blocks and every `{…}`
// expression of its markup are JavaScript.
var Svelte = &Language{
	Name:       "svelte",
	Extensions: []string{".svelte"},
	IDs:        []string{"svelte"},
	Extract:    extractSvelte,
	Cuts:       true,
	Comments:   sfcComments,
	Suppress:   &Delims{Open: "<!--", Close: "-->"},
}

// extractSvelte finds the messages of a Svelte component: its <script>
// blocks and every `{…}` expression of its markup — on:click={…},
// onclick={…}, {#if …}, {@html …} and plain {…}.
func extractSvelte(src []byte) (*File, error) {
	return sfcExtract(src, 0)
}
