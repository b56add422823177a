package lsp

import (
	"path"
	"strings"

	"go.lsp.dev/uri"
)

// languages are the language ids the server serves: command files and the
// host languages of SPEC §2, with the ids editors use for them.
var languages = []string{
	"cscmd",
	"javascript", "javascriptreact", "typescript", "typescriptreact",
	"html", "json", "jsonc", "yaml",
}

// extensions maps a file extension to its language, for clients that send a
// language id we do not know (an editor without a "cscmd" file type sends
// "plaintext" or "").
var extensions = map[string]string{
	".cscmd": "cscmd",
	".js":    "javascript", ".mjs": "javascript", ".cjs": "javascript",
	".jsx":  "javascriptreact",
	".ts":   "typescript",
	".tsx":  "typescriptreact",
	".html": "html", ".htm": "html",
	".json": "json",
	".yaml": "yaml", ".yml": "yaml",
}

// language returns the language of a document from the client's language id,
// falling back to the extension of its URI, and reports whether the server
// serves it.
func language(languageID string, u uri.URI) (string, bool) {
	for _, l := range languages {
		if languageID == l {
			return l, true
		}
	}
	l, ok := extensions[strings.ToLower(path.Ext(u.Path()))]
	return l, ok
}
