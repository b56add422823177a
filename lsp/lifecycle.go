package lsp

import (
	"context"
	"slices"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/web1on1/cscmd/linemap"
)

func (s *server) initialize(_ context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	s.caps = params.Capabilities
	if g := params.Capabilities.General; g != nil && slices.Contains(g.PositionEncodings, protocol.PositionEncodingKindUTF8) {
		// Byte offsets are what every part of cscmd works in: no conversion at all.
		s.encoding, s.unit = protocol.PositionEncodingKindUTF8, linemap.Bytes
	}
	s.setFolders(initialFolders(params))
	if params.ProcessID != nil {
		s.watchClient(int(*params.ProcessID))
	}
	s.state.Store(stateInitialized)
	return &protocol.InitializeResult{
		Capabilities: s.capabilities(),
		ServerInfo:   protocol.ServerInfo{Name: "cscmd", Version: protocol.NewOptional(s.opts.Version)},
	}, nil
}

// capabilities lists what the server offers, each feature adding its own.
func (s *server) capabilities() protocol.ServerCapabilities {
	caps := protocol.ServerCapabilities{
		PositionEncoding: s.encoding,
		TextDocumentSync: &protocol.TextDocumentSyncOptions{
			OpenClose: new(true),
			Change:    new(protocol.TextDocumentSyncKindIncremental),
			// Saves matter only for .cscmd.yaml, which is reloaded from disk.
			Save: protocol.Boolean(true),
		},
	}
	for _, add := range []func(*protocol.ServerCapabilities){
		s.codeActionCapability,
		s.formattingCapability,
		s.completionCapability,
		s.hoverCapability,
		s.inlayHintCapability,
		s.semanticTokensCapability,
		s.documentSymbolCapability,
	} {
		add(&caps)
	}
	return caps
}

func (s *server) initialized(ctx context.Context, _ *protocol.InitializedParams) error {
	s.watchConfig()
	s.reload(ctx, nil)
	return nil
}

func (s *server) shutdown(context.Context, jsonrpc2.RawMessage) (any, error) {
	s.state.Store(stateShutdown)
	s.stopBackground()
	return nil, nil
}

func (s *server) exitNotification(context.Context, jsonrpc2.RawMessage) error {
	s.exitOnce.Do(func() { close(s.exit) })
	return nil
}
