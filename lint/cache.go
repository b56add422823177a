package lint

import (
	"slices"
	"strings"
	"sync"

	"github.com/web1on1/cscmd/grammar"
)

// LineCache remembers what the rules found on each line of one command file,
// by the line's text. An editor lints the whole file after every keystroke;
// with the cache only the lines that changed are parsed and checked again.
// A cache belongs to one Linter: findings depend on its configuration.
type LineCache struct {
	mu    sync.Mutex
	lines map[string]*cachedLine
	pass  int
}

// cachedLine holds the findings of one unit — a line of a command file, or
// a host string — with offsets in the unit's own text, before suppression,
// which depends on what is around the unit.
type cachedLine struct {
	diags []Diagnostic
	pass  int // the last pass of its cache (LineCache, StringCache) that saw the unit
}

// LintCommandsCached is LintCommands for a file linted again and again:
// it gives the same diagnostics, reusing the cache's results for lines seen
// before. Lines no longer in the file are dropped from the cache.
func (l *Linter) LintCommandsCached(src []byte, cache *LineCache) []Diagnostic {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if cache.lines == nil {
		cache.lines = map[string]*cachedLine{}
	}
	cache.pass++
	c := l.newChecker()
	var pending suppressions
	for line := range grammar.Lines(src) {
		switch line.Kind {
		case grammar.CommentLine:
			text := strings.Trim(line.Text, " \t")
			start := line.Pos.Offset + strings.Index(line.Text, text)
			if s := commandSuppression(text, start, start+len(text)); s != nil {
				c.sups = append(c.sups, s)
				pending = append(pending, s)
			}
		case grammar.MessageLine:
			r := cache.lines[line.Text]
			if r == nil {
				r = &cachedLine{diags: c.lintUnit(line.Text, false, "")}
				cache.lines[line.Text] = r
			}
			r.pass = cache.pass
			for _, d := range r.diags {
				if !pending.covers(d.Rule) {
					c.out = append(c.out, shift(d, line.Pos.Offset))
				}
			}
			pending = nil
		}
	}
	for text, r := range cache.lines {
		if r.pass != cache.pass {
			delete(cache.lines, text)
		}
	}
	return c.finish()
}

// lintUnit runs the rules over one message on its own — a line of a
// command file, or a host string (with placeholders, passed to callee) —
// and returns the findings with offsets in text, before suppression.
func (c *checker) lintUnit(text string, inHost bool, callee string) []Diagnostic {
	var opts []grammar.Option
	if inHost {
		opts = append(opts, grammar.Placeholders())
	}
	m, err := grammar.Parse(text, opts...)
	errs, _ := err.(grammar.ErrorList)
	c.pass.Src = text
	n := len(c.out)
	c.check(m, errs, nil, nil, !inHost, callee)
	diags := slices.Clone(c.out[n:])
	c.out = c.out[:n]
	return diags
}

// shift moves a line's diagnostic to the line's place in its file, copying
// the fixes so that the cached ones stay as they are.
func shift(d Diagnostic, by int) Diagnostic {
	d.Start += by
	d.End += by
	move := func(f Fix) Fix {
		edits := make([]Edit, len(f.Edits))
		for i, e := range f.Edits {
			edits[i] = Edit{Start: e.Start + by, End: e.End + by, New: e.New}
		}
		f.Edits = edits
		return f
	}
	if d.Fix != nil {
		f := move(*d.Fix)
		d.Fix = &f
	}
	if len(d.Suggestions) > 0 {
		s := make([]Fix, len(d.Suggestions))
		for i, f := range d.Suggestions {
			s[i] = move(f)
		}
		d.Suggestions = s
	}
	return d
}
