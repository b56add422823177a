package lsp

import (
	"path"
	"slices"
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

// extensions maps a file extension to its language. It decides over the
// client's language id: an editor set up with one shared entry for several
// file types sends "cscmd" for a .js file, and one without a "cscmd" file
// type sends "plaintext" or "".
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

// family groups the languages one extractor reads, where the client's id is
// the better judge: JSX in a .js file, comments in a .json file (VS Code's
// jsonc for tsconfig.json).
var family = map[string]string{
	"javascript": "script", "javascriptreact": "script", "typescript": "script", "typescriptreact": "script",
	"json": "json", "jsonc": "json",
}

// language returns the language of a document and reports whether the
// server serves it. A known extension decides, unless the client's id is of
// the same family; without one (an untitled buffer, a file named by
// .cscmd.yaml's languages) the client's id does.
func language(languageID string, u uri.URI) (string, bool) {
	served := slices.Contains(languages, languageID)
	if l, ok := extensions[strings.ToLower(path.Ext(u.Path()))]; ok {
		if served && family[l] != "" && family[l] == family[languageID] {
			return languageID, true
		}
		return l, true
	}
	return languageID, served
}
