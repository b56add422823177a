package grammar

// Class tells command messages from chat, the first decision on every
// message the widget sees.
type Class uint8

const (
	// Chat is sent to the conversation as text.
	Chat Class = iota
	// Command starts with ">cs" and a blank, or is ">cs" alone (an error).
	Command
	// NearMiss is chat that looks like a mistyped command: leading blanks,
	// ">CS", "> cs", or ">cs" glued to a sigil.
	NearMiss
)

func (c Class) String() string {
	switch c {
	case Command:
		return "command"
	case NearMiss:
		return "near miss"
	}
	return "chat"
}

// IsCommand reports whether msg is a command message: ">cs" at offset 0
// followed by a blank or the end of the line. It does not allocate.
func IsCommand(msg string) bool {
	return len(msg) >= 3 && msg[0] == '>' && msg[1] == 'c' && msg[2] == 's' &&
		(len(msg) == 3 || isBlank(msg[3]) || isBreak(msg[3]))
}

// Classify reports the class of msg. It does not allocate.
func Classify(msg string) Class {
	c, _ := classify(msg)
	return c
}

// classify returns the class of a message and the length of its prefix.
func classify(s string) (Class, int) {
	if IsCommand(s) {
		return Command, 3
	}
	if len(s) == 0 || s[0] != '>' && !isBlank(s[0]) {
		return Chat, 0 // most chat, decided at its first byte as prefixEnd would
	}
	k := prefixEnd(s)
	if k < 0 {
		return Chat, 0
	}
	if k < len(s) && !isBlank(s[k]) && !isBreak(s[k]) && !isSigil(s[k]) {
		return Chat, 0 // ">csv data" is ordinary chat
	}
	return NearMiss, k
}

// LooksLikeCommand reports whether text starts the way a command or a near
// miss of one does: optional blanks, ">", optional blanks, then "cs" in any
// case. It is the one definition of a text worth parsing as a message: host
// extraction keeps the strings that pass it, and Classify judges them.
func LooksLikeCommand[T string | []byte](text T) bool { return prefixEnd(text) >= 0 }

// prefixEnd returns the offset after the "cs" of a text that looks like a
// command, or -1.
func prefixEnd[T string | []byte](s T) int {
	var m PrefixMatcher
	for i := 0; i < len(s); i++ {
		switch m.Feed(s[i]) {
		case PrefixMatch:
			return i + 1
		case PrefixFail:
			return -1
		}
	}
	return -1
}

// PrefixMatcher is LooksLikeCommand fed one byte at a time, for text that is
// decoded piece by piece (a string literal through its escapes) and should
// stop being decoded as soon as the answer is known. The zero value is ready.
type PrefixMatcher struct{ state uint8 }

// The answers of PrefixMatcher.Feed.
const (
	PrefixMore  = 0  // undecided: feed the next byte
	PrefixMatch = 1  // the text looks like a command
	PrefixFail  = -1 // it does not
)

// Feed takes the next byte of the text and returns PrefixMore, PrefixMatch
// or PrefixFail. Once decided, the matcher must not be fed again.
func (m *PrefixMatcher) Feed(c byte) int {
	switch m.state {
	case 0: // leading blanks
		if isBlank(c) {
			return PrefixMore
		}
		if c == '>' {
			m.state = 1
			return PrefixMore
		}
	case 1: // after ">": blanks, then "c"
		if isBlank(c) {
			return PrefixMore
		}
		if c|0x20 == 'c' {
			m.state = 2
			return PrefixMore
		}
	case 2:
		if c|0x20 == 's' {
			return PrefixMatch
		}
	}
	return PrefixFail
}

func isSigil(c byte) bool { return c == '/' || c == '.' || c == '+' || c == '@' }

func isBreak(c byte) bool { return c == '\n' || c == '\r' }
