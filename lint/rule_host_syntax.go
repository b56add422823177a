package lint

import (
	"errors"
	"unicode/utf8"

	"github.com/web1on1/cscmd/host"
)

// ruleHostSyntax reports what keeps a file from being read in full: a host
// file's own syntax error (an unterminated string, YAML nested deeper than
// host.MaxDepth), a file in an encoding cscmd does not read, and an internal
// error while linting a file. The engine reports it itself: it is about the
// file, not about a message in it.
var ruleHostSyntax = &Rule{
	ID:       "host-syntax",
	Severity: Warning,
	Summary:  "a file that cannot be read in full: a host syntax error, an unsupported encoding, an internal error",
}

// hostSyntax reports the error that host extraction returned: where the
// host file stops making sense, unless a comment there silences it.
func (c *checker) hostSyntax(err error, src []byte, sups hostSups) {
	sev := c.l.severity(ruleHostSyntax)
	if sev == Off {
		return
	}
	off, msg := 0, err.Error()
	var se *host.SyntaxError
	if errors.As(err, &se) {
		off, msg = min(max(se.Offset, 0), len(src)), se.Msg
	}
	if sups.at(off).covers(ruleHostSyntax.ID) {
		return
	}
	c.out = append(c.out, Diagnostic{Rule: ruleHostSyntax.ID, Severity: sev, Start: off, End: charEnd(src, off),
		Message: msg + "; commands after this point may not have been checked"})
}

// charEnd returns the end of the character at src[off], or off at a line
// break or the end of src: a finding about a place covers one character.
func charEnd(src []byte, off int) int {
	if off >= len(src) || src[off] == '\n' || src[off] == '\r' {
		return off
	}
	_, n := utf8.DecodeRune(src[off:])
	return off + n
}
