package lsp

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// run is the pending or running analysis of one document.
type run struct {
	timer  *time.Timer
	cancel context.CancelFunc
	at     time.Time   // when the run was scheduled
	done   atomic.Bool // it ran to its end
}

// schedule analyses a document, replacing (and cancelling) any earlier run
// for it. A change that comes after a quiet moment, or once the previous
// change's analysis is done, is analysed at once, so the diagnostics of a
// keystroke do not wait; a document just opened, or changed while the
// analysis of a change less than the debounce delay ago is still to come,
// waits until it has been left alone that long, so a burst of changes (a
// paste, a replace-all, fast typing) is analysed once.
func (s *server) schedule(u uri.URI) {
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	if s.bgClosed {
		return
	}
	now := time.Now()
	old := s.runs[u]
	if old != nil {
		s.stopRun(old)
	}
	delay := delayAfter(old, now, s.opts.debounce())
	ctx, cancel := context.WithCancel(s.ctx)
	s.bg.Add(1)
	r := &run{cancel: cancel, at: now}
	r.timer = time.AfterFunc(delay, func() {
		defer s.bg.Done()
		s.diagnose(ctx, u)
		r.done.Store(true)
	})
	s.runs[u] = r
}

// delayAfter is how long a run scheduled at now waits, given the document's
// previous run (nil for a document just opened).
func delayAfter(old *run, now time.Time, debounce time.Duration) time.Duration {
	if old != nil && (old.done.Load() || now.Sub(old.at) >= debounce) {
		return 0
	}
	return debounce
}

// stopRun stops a run: before its timer fires it never starts, after that
// its context ends. Call with s.bgMu held.
func (s *server) stopRun(r *run) {
	if r.timer.Stop() {
		s.bg.Done()
	}
	r.cancel()
}

func (s *server) cancelRun(u uri.URI) {
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	if r := s.runs[u]; r != nil {
		s.stopRun(r)
		delete(s.runs, u)
	}
}

// diagnose analyses the latest snapshot of a document and publishes the
// findings, unless the document changed in the meantime.
func (s *server) diagnose(ctx context.Context, u uri.URI) {
	if ctx.Err() != nil {
		return
	}
	snap := s.docs.get(u)
	if snap == nil {
		return
	}
	findings, err := s.findings(ctx, snap)
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			s.log.Error("analysis failed", "uri", u, "error", err)
		}
		return
	}
	s.publish(snap, findings)
}

// findings returns the findings of a snapshot, analysing it if no one has.
func (s *server) findings(ctx context.Context, snap *snapshot) ([]Finding, error) {
	return snap.analysis(ctx, s.analyze)
}

func (s *server) analyze(ctx context.Context, snap *snapshot) (findings []Finding, err error) {
	if s.opts.Analyze == nil {
		return nil, nil
	}
	defer func() {
		if v := recover(); v != nil {
			err = s.panicked("analysis of "+string(snap.uri), v)
		}
	}()
	return s.opts.Analyze(ctx, string(snap.uri), snap.language, snap.text), nil
}

// publish sends the diagnostics of a snapshot if it is still the document's
// latest state: results for an edited or closed document are dropped.
func (s *server) publish(snap *snapshot, findings []Finding) {
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	// Two runs can reach one snapshot: a run whose timer had fired when the
	// next change stopped it may read the document after that change.
	if !s.docs.current(snap) || s.published[snap.uri] >= snap.seq {
		return
	}
	s.published[snap.uri] = snap.seq
	diags := make([]protocol.Diagnostic, 0, len(findings))
	for _, f := range findings {
		diags = append(diags, s.diagnostic(snap, f))
	}
	diags = append(diags, s.configDiagnostics(snap.uri)...)
	s.sendDiagnostics(&protocol.PublishDiagnosticsParams{
		URI:         snap.uri,
		Version:     protocol.NewOptional(snap.version),
		Diagnostics: diags,
	})
}

// publishConfigOnly publishes the diagnostics of a document that is not
// open: none, unless it is a configuration file with errors.
func (s *server) publishConfigOnly(u uri.URI) {
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	if s.docs.get(u) != nil {
		return
	}
	s.sendDiagnostics(&protocol.PublishDiagnosticsParams{
		URI:         u,
		Diagnostics: append([]protocol.Diagnostic{}, s.configDiagnostics(u)...),
	})
}

func (s *server) sendDiagnostics(params *protocol.PublishDiagnosticsParams) {
	if err := s.client.PublishDiagnostics(s.ctx, params); err != nil {
		s.log.Error("publishing diagnostics", "uri", params.URI, "error", err)
	}
}

// diagnostic converts a finding of a snapshot to the protocol.
func (s *server) diagnostic(snap *snapshot, f Finding) protocol.Diagnostic {
	severity := protocol.DiagnosticSeverity(f.Severity)
	if severity < protocol.DiagnosticSeverityError || severity > protocol.DiagnosticSeverityHint {
		severity = protocol.DiagnosticSeverityError
	}
	d := protocol.Diagnostic{
		Range:    s.rangeOf(snap, f.Start, f.End),
		Severity: severity,
		Source:   protocol.NewOptional("cscmd"),
		Message:  protocol.String(f.Message),
	}
	if f.Code != "" {
		d.Code = protocol.String(f.Code)
		if f.Href != "" {
			d.CodeDescription = protocol.CodeDescription{Href: uri.URI(f.Href)}
		}
	}
	return d
}
