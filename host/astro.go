package host

import "bytes"

// Astro is an Astro component: its `---` frontmatter, its <script> blocks
// and every `{…}` expression of its markup are JavaScript (TypeScript).
var Astro = &Language{
	Name:       "astro",
	Extensions: []string{".astro"},
	IDs:        []string{"astro"},
	Extract:    extractAstro,
	Cuts:       true,
	Comments:   sfcComments,
	Suppress:   &Delims{Open: "<!--", Close: "-->"},
}

// extractAstro finds the messages of an Astro component: its `---`
// frontmatter (TypeScript), its <script> blocks and every `{…}` expression
// of its markup, JSX handlers such as onClick={…} included.
func extractAstro(src []byte) (*File, error) {
	fm := astroFrontmatter(src)
	f, err := sfcExtract(src, fm)
	if fm == 0 && bytes.HasPrefix(bytes.TrimLeft(src, " \t\r\n"), []byte("---")) {
		f.cuts = nil // a frontmatter left open: its fence may come later
	}
	return f, err
}

// astroFrontmatter returns the offset after the closing fence of the `---`
// frontmatter that opens src, or 0.
func astroFrontmatter(src []byte) int {
	body := bytes.TrimLeft(src, " \t\r\n")
	if !bytes.HasPrefix(body, []byte("---")) {
		return 0
	}
	i := len(src) - len(body) + 3
	for i < len(src) {
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			return 0
		}
		i += nl + 1
		if bytes.HasPrefix(src[i:], []byte("---")) {
			return i + 3
		}
	}
	return 0
}
