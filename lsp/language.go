package lsp

import (
	"path"

	"github.com/web1on1/cscmd/host"
	"go.lsp.dev/uri"
)

// language returns the language of a document and reports whether the
// server serves it; the languages, their extensions and editor ids are
// package host's registry. A known extension decides, unless the client's
// id is of the same family (JSX in a .js file, VS Code's jsonc for
// tsconfig.json): an editor set up with one shared entry for several file
// types sends "cscmd" for a .js file. Without a known extension (an
// untitled buffer, a file named by .cscmd.yaml's languages) the client's
// id does.
func language(languageID string, u uri.URI) (string, bool) {
	byID := host.ByID(languageID)
	if l := host.ByPath(path.Base(u.Path())); l != nil && len(l.IDs) > 0 {
		if byID != nil && byID.Family() == l.Family() {
			return languageID, true
		}
		return l.IDs[0], true
	}
	return languageID, byID != nil
}
