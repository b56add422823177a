'use strict';
// The typed API over the raw functions cscmd.wasm registers as
// globalThis.__cscmd. Shared by index.js (Node) and the playground's Web
// Worker; it needs nothing of Node. Go answers JSON text, decoded here.

/** Decodes a raw answer: JSON text, or {error} for a bad argument. */
function decode(r) {
  if (typeof r !== 'string') throw new Error('cscmd: ' + r.error);
  return JSON.parse(r);
}

/**
 * The {line, character} (0-based, UTF-16) of an index into text, with the
 * line breaks cscmd counts: LF, CRLF and a lone CR. A position is passed
 * through.
 */
function positionAt(text, at) {
  if (typeof at !== 'number') return at;
  if (typeof text !== 'string') throw new TypeError('cscmd: an index needs the text as a string; pass {line, character}');
  let line = 0;
  let start = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      if (i + 1 >= at) break; // between CR and LF: the end of the line
      i++;
      line++;
      start = i + 1;
    } else if (c === 10 || c === 13) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: at - start };
}

/** The index into text of a {line, character} position (the inverse). */
function offsetAt(text, pos) {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 13 && text.charCodeAt(i) === 10) i++;
    if (c === 10 || c === 13) line++;
  }
  return Math.min(i + pos.character, text.length);
}

function wrap(raw) {
  return {
    parse: (text) => decode(raw.parse(text)),
    lint: (text, options) => decode(raw.lint(text, options || {})),
    diagnose: (text, options) => decode(raw.diagnose(text, options || {})),
    complete(text, at, options) {
      const p = positionAt(text, at);
      return decode(raw.complete(text, p.line, p.character, options || {}));
    },
    hover(text, at, options) {
      const p = positionAt(text, at);
      return decode(raw.hover(text, p.line, p.character, options || {}));
    },
    explain: (text, options) => decode(raw.explain(text, options || {})),
    rules: () => decode(raw.rules()),
    languages: () => decode(raw.languages()),
    positionAt,
    offsetAt,
  };
}

module.exports = { wrap, positionAt, offsetAt };
