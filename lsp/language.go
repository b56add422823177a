package lsp

import (
	"path"

	"github.com/web1on1/cscmd/host"
	"go.lsp.dev/uri"
)

// language returns the language of a document from the client's language id,
// falling back to the extension of its URI (an editor without a "cscmd"
// file type sends "plaintext" or ""), and reports whether the server serves
// it. The languages and their ids are package host's registry.
func language(languageID string, u uri.URI) (string, bool) {
	if host.ByID(languageID) != nil {
		return languageID, true
	}
	if l := host.ByPath(path.Base(u.Path())); l != nil && len(l.IDs) > 0 {
		return l.IDs[0], true
	}
	return "", false
}
