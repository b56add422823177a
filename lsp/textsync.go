package lsp

import (
	"context"
	"errors"
	"fmt"
	"path"

	"github.com/go-json-experiment/json/jsontext"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

func (s *server) didOpen(_ context.Context, params *protocol.DidOpenTextDocumentParams) error {
	doc := params.TextDocument
	lang, ok := language(string(doc.LanguageID), doc.URI)
	if !ok {
		s.log.Debug("not serving document", "uri", doc.URI, "languageId", doc.LanguageID)
		return nil
	}
	s.docs.open(doc.URI, lang, doc.Version, []byte(doc.Text))
	s.schedule(doc.URI)
	return nil
}

// didChangeParams are the params of didChange, decoded without the
// protocol's union for content changes: that decoder takes a change whose range
// it cannot read (a negative line, say) for a whole-document replacement, and
// would silently replace the document with the change's text.
// The changes are decoded by didChange, so that changes it cannot read lose
// the document like changes it cannot apply.
type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges jsontext.Value                           `json:"contentChanges"`
}

// contentChange replaces Range, or the whole document when Range is nil.
type contentChange struct {
	Range *protocol.Range `json:"range"`
	Text  *string         `json:"text"`
}

func (s *server) didChange(_ context.Context, params *didChangeParams) error {
	u := params.TextDocument.URI
	if !s.docs.tracked(u) {
		s.log.Debug("change to a document not served", "uri", u)
		return nil
	}
	var changes []contentChange
	err := unmarshal(params.ContentChanges, &changes)
	if err == nil {
		_, err = s.docs.change(u, params.TextDocument.Version, changes, s.unit)
	}
	switch {
	case errors.Is(err, errLost):
		return nil
	case err != nil:
		s.lose(u, err)
		return nil
	}
	s.schedule(u)
	return nil
}

// lose stops serving a document whose change could not be applied: findings
// computed on a copy that differs from the editor's would point at the wrong
// text. The user is told, its diagnostics are cleared, and it is served again
// once the editor sends its whole text (a reopen, or a full sync).
func (s *server) lose(u uri.URI, err error) {
	s.log.Error("document lost", "uri", u, "error", err)
	s.docs.lose(u)
	s.cancelRun(u)
	s.publishConfigOnly(u)
	msg := &protocol.ShowMessageParams{
		Type:    protocol.MessageTypeWarning,
		Message: fmt.Sprintf("cscmd: an edit to %s could not be applied (%v); its diagnostics are cleared until the file is reopened", path.Base(u.Path()), err),
	}
	if err := s.client.ShowMessage(s.ctx, msg); err != nil {
		s.log.Error("showing a message", "error", err)
	}
}

func (s *server) didClose(_ context.Context, params *protocol.DidCloseTextDocumentParams) error {
	u := params.TextDocument.URI
	s.cancelRun(u)
	if s.docs.close(u) {
		s.publishConfigOnly(u)
		if s.opts.Closed != nil {
			s.opts.Closed(string(u))
		}
	}
	return nil
}

func (s *server) didSave(ctx context.Context, params *protocol.DidSaveTextDocumentParams) error {
	if isConfig(params.TextDocument.URI) {
		s.reload(ctx, []uri.URI{params.TextDocument.URI})
	}
	return nil
}
