// A BOM and CRLF line endings.
web1on1.api.sendClientMessage('>cs /set isLead yes');
const t = `>cs /set note one
two ${x}`;
web1on1.api.sendClientMessage('>cs /set a \
b'); // cscmd-ignore syntax
