// host-syntax: the host file's own syntax problem is a finding, at the place
// the JavaScript lexer stopped making sense.

// bad: an unterminated string literal; the lexer recovers at the next line
const greeting = 'Hello, can I help?;
// good: a command after it is still checked (unknown-command)
web1on1.api.sendClientMessage('>cs /sett isLead yes');
