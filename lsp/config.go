package lsp

import (
	"context"
	"errors"
	"os"
	"slices"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/web1on1/cscmd/linemap"
)

const configName = ".cscmd.yaml"

func isConfig(u uri.URI) bool { return uri.Basename(u) == configName }

// initialFolders returns the workspace folders of an initialize request as
// file system paths, from the newest field the client filled in.
func initialFolders(params *protocol.InitializeParams) []string {
	var paths []string
	if folders, ok := params.WorkspaceFolders.Get(); ok {
		for _, f := range folders {
			if f.URI.IsFile() {
				paths = append(paths, f.URI.FsPath())
			}
		}
		return paths
	}
	if params.RootURI != nil && params.RootURI.IsFile() {
		return []string{params.RootURI.FsPath()}
	}
	if root, ok := params.RootPath.Get(); ok && root != "" {
		return []string{root}
	}
	return nil
}

func (s *server) setFolders(paths []string) {
	s.foldersMu.Lock()
	defer s.foldersMu.Unlock()
	s.folders = paths
}

func (s *server) workspaceFolders() []string {
	s.foldersMu.Lock()
	defer s.foldersMu.Unlock()
	return slices.Clone(s.folders)
}

func (s *server) didChangeWorkspaceFolders(ctx context.Context, params *protocol.DidChangeWorkspaceFoldersParams) error {
	paths := s.workspaceFolders()
	for _, f := range params.Event.Removed {
		paths = slices.DeleteFunc(paths, func(p string) bool { return p == f.URI.FsPath() })
	}
	for _, f := range params.Event.Added {
		if f.URI.IsFile() && !slices.Contains(paths, f.URI.FsPath()) {
			paths = append(paths, f.URI.FsPath())
		}
	}
	s.setFolders(paths)
	s.reload(ctx, nil)
	return nil
}

// watchConfig asks the client to report changes to configuration files, when
// it can register for them.
func (s *server) watchConfig() {
	ws := s.caps.Workspace
	if ws == nil || ws.DidChangeWatchedFiles == nil || ws.DidChangeWatchedFiles.DynamicRegistration == nil || !*ws.DidChangeWatchedFiles.DynamicRegistration {
		return
	}
	opts, err := protocol.Marshal(&protocol.DidChangeWatchedFilesRegistrationOptions{
		Watchers: []protocol.FileSystemWatcher{{GlobPattern: protocol.Pattern("**/" + configName)}},
	})
	if err != nil {
		s.log.Error("watching configuration", "error", err)
		return
	}
	params := &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:              "cscmd-config",
		Method:          protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: opts,
	}}}
	// A request to the client from a notification handler must not wait on the
	// read loop that runs the handler, or the reply could never be read.
	s.spawn(func() {
		if err := s.client.RegisterCapability(s.ctx, params); err != nil {
			s.log.Warn("watching configuration", "error", err)
		}
	})
}

func (s *server) didChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	var changed []uri.URI
	for _, c := range params.Changes {
		if isConfig(c.URI) {
			changed = append(changed, c.URI)
		}
	}
	if len(changed) > 0 {
		s.reload(ctx, changed)
	}
	return nil
}

// reload calls Options.Reload, reports its errors on the configuration files
// (those named by the errors, else those that changed) and in a message, and
// analyses every open document again under the new configuration.
func (s *server) reload(ctx context.Context, changed []uri.URI) {
	if s.opts.Reload == nil {
		return
	}
	err := s.protect("reload", func() error { return s.opts.Reload(ctx, s.workspaceFolders()) })
	s.setConfigDiagnostics(s.configErrorDiagnostics(err, changed))
	if err != nil {
		s.log.Error("reloading configuration", "error", err)
		msg := &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: "cscmd: invalid configuration: " + err.Error()}
		if err := s.client.ShowMessage(s.ctx, msg); err != nil {
			s.log.Error("showing message", "error", err)
		}
	}
	for _, snap := range s.docs.refresh() {
		s.schedule(snap.uri)
	}
	s.refreshInlayHints()
}

// refreshInlayHints asks the client to fetch inlay hints again: they name
// catalog entries, which a new configuration may have changed. It is a
// request, and this runs on the read loop that would read its reply, so it
// is sent from a goroutine of its own.
func (s *server) refreshInlayHints() {
	ws := s.caps.Workspace
	if s.opts.InlayHints == nil || ws == nil || ws.InlayHint == nil || ws.InlayHint.RefreshSupport == nil || !*ws.InlayHint.RefreshSupport {
		return
	}
	go func() {
		if err := s.client.InlayHintRefresh(s.ctx); err != nil {
			s.log.Warn("refreshing inlay hints", "error", err)
		}
	}()
}

// protect calls f, turning a panic into an error.
func (s *server) protect(what string, f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = s.panicked(what, v)
		}
	}()
	return f()
}

// configErrorDiagnostics turns a Reload error into diagnostics per file: each
// ConfigError on its own file, anything else on the files that changed.
func (s *server) configErrorDiagnostics(err error, changed []uri.URI) map[uri.URI][]protocol.Diagnostic {
	diags := make(map[uri.URI][]protocol.Diagnostic)
	located, other := splitConfigErrors(err)
	for _, ce := range located {
		u := uri.File(ce.Path)
		diags[u] = append(diags[u], s.configDiagnostic(u, ce))
	}
	for _, e := range other {
		for _, u := range changed {
			diags[u] = append(diags[u], s.configDiagnostic(u, &ConfigError{Message: e.Error()}))
		}
	}
	return diags
}

// splitConfigErrors flattens an error tree into the ConfigErrors in it and the
// other errors at its leaves.
func splitConfigErrors(err error) (located []*ConfigError, other []error) {
	var ce *ConfigError
	switch e := err.(type) {
	case nil:
	case interface{ Unwrap() []error }:
		for _, err := range e.Unwrap() {
			l, o := splitConfigErrors(err)
			located, other = append(located, l...), append(other, o...)
		}
	case *ConfigError:
		located = append(located, e)
	default:
		if errors.As(err, &ce) {
			located = append(located, ce)
		} else {
			other = append(other, err)
		}
	}
	return located, other
}

// configDiagnostic places a configuration error on its line, from its column
// to the end of the line, reading the file from the editor if it is open.
func (s *server) configDiagnostic(u uri.URI, ce *ConfigError) protocol.Diagnostic {
	var text []byte
	if snap := s.docs.get(u); snap != nil {
		text = snap.text
	} else if b, err := os.ReadFile(u.FsPath()); err == nil {
		text = b
	}
	m := linemap.New(text)
	start, end, ok := m.Line(max(ce.Line-1, 0))
	if !ok {
		start, end = m.Len(), m.Len()
	}
	if ce.Column > 0 {
		if off, err := m.Offset(max(ce.Line-1, 0), ce.Column-1, linemap.Runes); err == nil {
			start = off
		}
	}
	return protocol.Diagnostic{
		Range:    protocol.Range{Start: position(m, start, s.unit), End: position(m, end, s.unit)},
		Severity: protocol.DiagnosticSeverityError,
		Source:   protocol.NewOptional("cscmd"),
		Message:  protocol.String(ce.Message),
	}
}

// setConfigDiagnostics replaces the configuration diagnostics and publishes
// them for files that are not open; open documents get them with their next
// analysis, which reload schedules.
func (s *server) setConfigDiagnostics(diags map[uri.URI][]protocol.Diagnostic) {
	s.configMu.Lock()
	old := s.configDiags
	s.configDiags = diags
	s.configMu.Unlock()
	for u := range old {
		if _, ok := diags[u]; !ok {
			s.publishConfigOnly(u)
		}
	}
	for u := range diags {
		s.publishConfigOnly(u)
	}
}

func (s *server) configDiagnostics(u uri.URI) []protocol.Diagnostic {
	s.configMu.Lock()
	defer s.configMu.Unlock()
	return s.configDiags[u]
}
