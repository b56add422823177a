package lsp

import (
	"context"

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
type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []contentChange                          `json:"contentChanges"`
}

// contentChange replaces Range, or the whole document when Range is nil.
type contentChange struct {
	Range *protocol.Range `json:"range"`
	Text  *string         `json:"text"`
}

func (s *server) didChange(_ context.Context, params *didChangeParams) error {
	u := params.TextDocument.URI
	if s.docs.get(u) == nil {
		s.log.Debug("change to a document not served", "uri", u)
		return nil
	}
	if _, err := s.docs.change(u, params.TextDocument.Version, params.ContentChanges, s.unit); err != nil {
		return err
	}
	s.schedule(u)
	return nil
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
