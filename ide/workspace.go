// Package ide holds what the language server knows about cscmd, as pure
// functions of a document's text and the configuration in force: the
// diagnostics with their quick fixes, completion, hover, inlay hints,
// semantic tokens and document symbols. Offsets are bytes; package lsp
// converts them to the client's positions.
package ide

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"

	"github.com/web1on1/cscmd/config"
	"github.com/web1on1/cscmd/host"
	"github.com/web1on1/cscmd/lint"
	"github.com/web1on1/cscmd/lsp/feature"
	"go.lsp.dev/uri"
)

// Workspace is the configuration in force for a document. A nil Workspace
// or a nil Config means none: every rule at its default, no catalog.
type Workspace struct {
	Config *config.Config
	// Extractions is where the features keep the extraction of the texts
	// they are asked about, shared by the workspaces of one Workspaces; nil
	// extracts every time.
	Extractions *Extractions
}

func (w *Workspace) extractions() *Extractions {
	if w == nil {
		return nil
	}
	return w.Extractions
}

// Catalog returns the catalog in force, or nil.
func (w *Workspace) Catalog() *config.Catalog {
	if w == nil || w.Config == nil {
		return nil
	}
	return w.Config.Catalog
}

// Workspaces finds the .cscmd.yaml in force for each document, as the CLI
// does: the nearest one above the document's file. Configs are loaded once
// and kept until Reload.
type Workspaces struct {
	mu     sync.Mutex
	byDir  map[string]*Workspace // directory → the workspace of its files
	byFile map[string]*Workspace // config file → its workspace
	bare   *Workspace            // the workspace of documents without a config
	// extractions are the host extractions of this session's documents.
	extractions Extractions
}

// For returns the workspace of the document at uri. A document that is not a
// file, or has no .cscmd.yaml above it, gets one without a Config.
func (w *Workspaces) For(docURI string) *Workspace {
	u := uri.URI(docURI)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.bare == nil {
		w.bare = &Workspace{Extractions: &w.extractions}
	}
	if u.Scheme() != "file" {
		return w.bare
	}
	dir := filepath.Dir(u.Path())
	if ws, ok := w.byDir[dir]; ok {
		return ws
	}
	if w.byDir == nil {
		w.byDir, w.byFile = map[string]*Workspace{}, map[string]*Workspace{}
	}
	ws := w.bare
	if file, err := config.Find(dir); err == nil && file != "" {
		ws, _ = w.load(file)
	}
	w.byDir[dir] = ws
	return ws
}

// load loads a config file once; w.mu is held. A broken config still
// gives the workspace of its valid parts, as in the CLI.
func (w *Workspaces) load(file string) (*Workspace, error) {
	if ws, ok := w.byFile[file]; ok {
		return ws, nil
	}
	cfg, err := config.LoadFile(file, lint.RuleIDs())
	ws := &Workspace{Config: cfg, Extractions: &w.extractions}
	w.byFile[file] = ws
	return ws, err
}

// Reload forgets every loaded config and loads those of the workspace
// folders again: the one in or above each folder. The problems of a broken
// config come back as *feature.ConfigError, joined, for the server to show on
// the file; the documents' configs are found again as they are analysed.
func (w *Workspaces) Reload(_ context.Context, folders []string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.byDir, w.byFile = map[string]*Workspace{}, map[string]*Workspace{}
	var errs []error
	for _, folder := range folders {
		file, err := config.Find(folder)
		if err != nil || file == "" {
			continue
		}
		_, err = w.load(file)
		var list config.ErrorList
		switch {
		case errors.As(err, &list):
			for _, e := range list {
				msg := e.Msg
				if e.Key != "" {
					msg = e.Key + ": " + msg
				}
				errs = append(errs, &feature.ConfigError{Path: file, Line: e.Line, Column: e.Column, Message: msg})
			}
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			errs = append(errs, &feature.ConfigError{Path: file, Message: err.Error()})
		}
	}
	return errors.Join(errs...)
}

// hostLanguage returns the host language of an editor language id, or nil
// for command files and ids that are not served.
func hostLanguage(languageID string) *host.Language {
	if l := host.ByID(languageID); l != nil && l.Extract != nil {
		return l
	}
	return nil
}

// isCommands reports whether an editor language id is that of command files.
func isCommands(languageID string) bool { return host.ByID(languageID) == host.Commands }
