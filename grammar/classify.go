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
	i := 0
	for i < len(s) && isBlank(s[i]) {
		i++
	}
	if i == len(s) || s[i] != '>' {
		return Chat, 0
	}
	j := i + 1
	for j < len(s) && isBlank(s[j]) {
		j++
	}
	if j+2 > len(s) || s[j]|0x20 != 'c' || s[j+1]|0x20 != 's' {
		return Chat, 0
	}
	k := j + 2
	if k < len(s) && !isBlank(s[k]) && !isBreak(s[k]) && !isSigil(s[k]) {
		return Chat, 0 // ">csv data" is ordinary chat
	}
	return NearMiss, k
}

func isSigil(c byte) bool { return c == '/' || c == '.' || c == '+' || c == '@' }

func isBreak(c byte) bool { return c == '\n' || c == '\r' }
