package lint

import (
	"bytes"
	"strings"
	"sync"

	"github.com/web1on1/cscmd/ast"

	"github.com/web1on1/cscmd/grammar"
	"github.com/web1on1/cscmd/host"
)

// LintHost lints the >cs strings and the web1on1 calls of a host file. A
// comment holding `cscmd-ignore RULE[,RULE]` silences the rules on its own
// line and the next. The host's own syntax error, if any, is a host-syntax
// finding: the strings before it, and those after it where the host's lexer
// recovers, are linted all the same.
func (l *Linter) LintHost(lang *host.Language, src []byte) []Diagnostic {
	f, err := host.Extract(lang, src)
	return l.LintExtractedCached(f, err, src, nil)
}

// StringCache remembers what the rules found in each >cs string of one host
// file, by the string's text and the call it is passed to, so that an
// editor's lint after a keystroke re-checks only the strings that changed.
// A cache belongs to one Linter: findings depend on its configuration.
type StringCache struct {
	mu      sync.Mutex
	strings map[stringKey]*cachedLine
	pass    int
}

type stringKey struct{ text, callee string }

// LintExtractedCached lints what host.Extract found in src and the error it
// returned, for a caller that keeps extractions (an editor asks several
// questions of one text). With a cache, the findings of strings seen before
// are reused; strings no longer in the file leave it.
func (l *Linter) LintExtractedCached(f *host.File, extractErr error, src []byte, cache *StringCache) []Diagnostic {
	c := l.newChecker()
	sups := hostSuppressions(f, src)
	c.sups = sups.all
	if cache != nil {
		cache.mu.Lock()
		defer cache.mu.Unlock()
		if cache.strings == nil {
			cache.strings = map[stringKey]*cachedLine{}
		}
		cache.pass++
	}
	for i := range f.Strings {
		s := &f.Strings[i]
		if grammar.Classify(s.Text) == grammar.Chat {
			continue // chat in a host file is the page's business
		}
		var r *cachedLine
		if cache != nil {
			r = cache.strings[stringKey{s.Text, s.Callee}]
		}
		if r == nil {
			r = &cachedLine{diags: c.lintUnit(s.Text, true, s.Callee)}
			if cache != nil {
				cache.strings[stringKey{s.Text, s.Callee}] = r
			}
		}
		if cache != nil {
			r.pass = cache.pass
		}
		sup := sups.at(s.Start)
		for _, d := range r.diags {
			if !sup.covers(d.Rule) {
				d = mapDiagnostic(d, s, s.Text)
				d.Message = quotePlaceholders(d.Message, s, src)
				c.out = append(c.out, d)
			}
		}
	}
	if cache != nil {
		for k, r := range cache.strings {
			if r.pass != cache.pass {
				delete(cache.strings, k)
			}
		}
	}
	if len(f.Calls) > 0 {
		// The call rules read the Call, never the text: a copy of a large
		// file per lint would cost more than the rules.
		c.pass.Src = ""
		for i := range f.Calls {
			call := &f.Calls[i]
			p := &c.pass
			p.Msg, p.Errors, p.Call, p.CommandFile, p.Callee = nil, nil, call, false, ""
			p.idsFound = false
			c.run(nil, sups.at(call.Start))
		}
	}
	if extractErr != nil {
		c.hostSyntax(extractErr, src, sups)
	}
	return c.finish()
}

// hostSups are the suppression comments of a host file.
type hostSups struct {
	all suppressions
}

func hostSuppressions(f *host.File, _ []byte) hostSups {
	var h hostSups
	for _, c := range f.Comments {
		if s := findSuppression(c.Body, c.BodyMap, c.Start, c.End); s != nil {
			s.scope = c.Scope
			h.all = append(h.all, s)
		}
	}
	return h
}

// at returns the suppressions that cover a unit starting at offset: those
// whose comment is on its line or the line before, in the document the
// comment is written in. Files hold few suppression comments.
func (h hostSups) at(offset int) suppressions {
	var out suppressions
	for _, s := range h.all {
		if s.scope[0] <= offset && offset <= s.scope[1] {
			out = append(out, s)
		}
	}
	return out
}

// genericPlaceholder is how the grammar writes a dynamic part in a message.
const genericPlaceholder = "${…}"

// quotePlaceholders writes the dynamic parts a message quotes as the file
// spells them — `{{ product.vendor }}`, `<?= $x ?>`, `${x}` — rather than
// always as ${…}: the n-th one quoted is the n-th one of the string, when
// the message quotes them all. A dynamic part that is not a template tag
// (an operand of `+`), or one too long to read in a message, stays ${…}.
// It costs O(number of dynamic parts) and nothing for a message without
// one.
func quotePlaceholders(msg string, s *host.String, src []byte) string {
	n := strings.Count(msg, genericPlaceholder) + strings.Count(msg, string(ast.Placeholder))
	if n == 0 {
		return msg
	}
	var spelled []string
	m := s.Map()
	for i := 0; ; {
		j := strings.IndexRune(s.Text[i:], ast.Placeholder)
		if j < 0 {
			break
		}
		i += j
		next := i + len(string(ast.Placeholder))
		spelled = append(spelled, placeholderSpelling(src[m.Start(i):m.End(next)]))
		i = next
	}
	if len(spelled) != n {
		return msg
	}
	var b strings.Builder
	for k := 0; ; k++ {
		i := strings.Index(msg, genericPlaceholder)
		j := strings.Index(msg, string(ast.Placeholder))
		size := len(genericPlaceholder)
		if i < 0 || j >= 0 && j < i {
			i, size = j, len(string(ast.Placeholder))
		}
		if i < 0 {
			b.WriteString(msg)
			return b.String()
		}
		b.WriteString(msg[:i])
		b.WriteString(spelled[k])
		msg = msg[i+size:]
	}
}

// placeholderSpelling is how a message shows the dynamic part written as
// host: as written when it is a template tag or substitution of one line
// and at most 40 bytes, else ${…}.
func placeholderSpelling(host []byte) string {
	if len(host) > 40 || bytes.ContainsAny(host, "\r\n") {
		return genericPlaceholder
	}
	for _, open := range []string{"${", "{{", "{%", "<?", "<%", "@{{", "{!!"} {
		if bytes.HasPrefix(host, []byte(open)) {
			return string(host)
		}
	}
	return genericPlaceholder
}
