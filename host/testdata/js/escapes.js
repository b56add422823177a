// Escapes decode; positions map back through them.
web1on1.api.sendClientMessage('\x3ecs /notify');
web1on1.api.sendClientMessage("\u003ecs /notify");
web1on1.api.sendClientMessage('\u{3e}cs /notify');
web1on1.api.sendClientMessage('\76cs \57notify');
web1on1.api.sendClientMessage('\x3Ecs \x2fset name it\'s \"quoted\"');
web1on1.api.sendClientMessage('>cs @6248f0083ab5d5001e523146 smile \uD83D\uDE00 \u00e9t\u00E9');
const é = 'café'; const s = '😀'; web1on1.api.sendClientMessage('>cs /set mood 😀 é');
web1on1.api.sendClientMessage('>cs /set long \
value');
web1on1.api.sendClientMessage('\
>cs /notify');
web1on1.api.sendClientMessage('>cs /set tabs\tand\nnewline\r\b\f\v\0');
web1on1.api.sendClientMessage('>cs /set identity \a\c\é \x4 \u12');
web1on1.api.sendClientMessage('>cs /set sep a\u2028b');
