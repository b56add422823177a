const id = '62c6077ca980127f404b0301';
web1on1.api.sendClientMessage(`>cs /assign ${id}`);
web1on1.api.sendClientMessage(`>cs /set ${name} ${value}`);
web1on1.api.sendClientMessage(`>cs /set isLead ${flag ? 'yes' : 'no'}!`);
const nested = `>cs /set note ${`inner ${`>cs /notify ${inbox}`} text`} end`;
const braces = `>cs /set x ${ {a: 1}.a } ${ (() => { return '}'; })() }`;
const escaped = `>cs /set price \${notAPlaceholder} \`quoted\``;
const multi = `>cs /set note line one
line two`;
const notFirst = `${prefix}>cs /notify`;
const tagged = html`>cs /notify`;
const plain = `>cs /notify`;
