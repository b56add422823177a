// The playground page: two CodeMirror 6 editors (the document and its
// .cscmd.yaml), diagnostics with rule links and quick fixes, completion,
// hover and the "what the widget will do" panel, all answered by cscmd.wasm
// in a Web Worker. The document and config live in the URL fragment.
import { EditorState, Compartment, StateEffect } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, hoverTooltip, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { linter, lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { autocompletion } from '@codemirror/autocomplete';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { html } from '@codemirror/lang-html';
import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { languages, exampleConfig } from './examples.js';

// --- the worker ------------------------------------------------------------

// index.html started it, so that cscmd.wasm loads while this bundle does.
const worker = window.cscmdWorker || new Worker('worker.js');
let nextId = 0;
const waiting = new Map();
const timings = { bundle: performance.now() };
worker.onmessage = (e) => {
  if (e.data.ready) {
    timings.wasm = e.data.ready - performance.timeOrigin;
    return;
  }
  const { id, result, error } = e.data;
  const w = waiting.get(id);
  waiting.delete(id);
  if (error !== undefined) w.reject(new Error(error));
  else w.resolve(result);
};
function ask(op, args) {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, op, ...args });
  });
}

// --- positions ---------------------------------------------------------------

// The CLI's columns count code points; CodeMirror's offsets, UTF-16 units.
function offsetOfColumn(doc, line, column) {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  let i = 0;
  for (let c = 1; c < column && i < l.length; c++) {
    const code = l.text.codePointAt(i);
    i += code > 0xffff ? 2 : 1;
  }
  return l.from + Math.min(i, l.length);
}
// A {line, character} position of the wasm API (0-based, UTF-16).
function offsetOfPosition(doc, p) {
  const l = doc.line(Math.min(p.line + 1, doc.lines));
  return l.from + Math.min(p.character, l.length);
}

// --- state -------------------------------------------------------------------

const byId = Object.fromEntries(languages.map((l) => [l.id, l]));
const fragment = new URLSearchParams(location.hash.slice(1));
let language = byId[fragment.get('lang')] ? fragment.get('lang') : 'cscmd';
const initialDoc = fragment.has('doc') ? fragment.get('doc') : byId[language].example;
const initialConfig = fragment.has('config') ? fragment.get('config') : exampleConfig;
let rulesById = {};
let lastAnalysis = null;

const picker = document.getElementById('language');
for (const l of languages) picker.add(new Option(l.name, l.id));
picker.value = language;

function highlighter(id) {
  switch (id) {
    case 'html':
      return html();
    case 'javascript':
      return javascript();
    case 'typescript':
      return javascript({ typescript: true });
    case 'javascriptreact':
      return javascript({ jsx: true });
    case 'typescriptreact':
      return javascript({ jsx: true, typescript: true });
    case 'json':
    case 'jsonc':
      return json();
    case 'yaml':
      return yaml();
    case 'cscmd':
    case 'markdown':
    case 'mdx':
      return [];
  }
  // The template and component languages are HTML with tags of their own.
  return html();
}

// --- the document editor -------------------------------------------------------

function renderMessage(f) {
  return () => {
    const span = document.createElement('span');
    span.textContent = f.message + ' ';
    const a = document.createElement('a');
    a.className = 'rule';
    a.textContent = f.rule;
    a.href = f.url || (rulesById[f.rule] && rulesById[f.rule].url) || '#';
    a.target = '_blank';
    a.rel = 'noopener';
    span.append(a);
    return span;
  };
}

// toDiagnostic turns a finding of the wasm's diagnose into CodeMirror's
// shape: its fixes become actions, the rule's safe fix first.
function toDiagnostic(doc, f) {
  const from = offsetOfPosition(doc, f.range.start);
  const to = Math.max(from, offsetOfPosition(doc, f.range.end));
  const fixes = [...(f.fixes || [])].sort((a, b) => Number(Boolean(b.preferred)) - Number(Boolean(a.preferred)));
  return {
    from,
    to,
    severity: f.severity === 'hint' ? 'hint' : f.severity,
    message: `${f.message} [${f.rule}]`,
    renderMessage: renderMessage(f),
    actions: fixes.map((x) => ({
      name: x.title,
      apply(view) {
        const doc = view.state.doc;
        view.dispatch({
          changes: x.edits.map((e) => ({
            from: offsetOfPosition(doc, e.range.start),
            to: offsetOfPosition(doc, e.range.end),
            insert: e.newText,
          })),
        });
      },
    })),
  };
}

async function analyze(view) {
  const text = view.state.doc.toString();
  let r;
  try {
    r = await ask('analyze', { text, language, config: configView.state.doc.toString() });
  } catch (err) {
    setStatus(`cscmd: ${err.message}`);
    return [];
  }
  if (view.state.doc.toString() !== text) return []; // stale: another run follows
  ask('explain', { text, language, config: configView.state.doc.toString() }).then((steps) => {
    if (docView.state.doc.toString() !== text) return;
    lastAnalysis = { ...r, explain: steps, text };
    showSteps(steps, docView.state.doc);
  }, (err) => setStatus(`cscmd: ${err.message}`));
  showConfigErrors(r.configErrors);
  const n = (sev) => r.findings.filter((f) => f.severity === sev).length;
  setStatus(`${n('error')} errors, ${n('warning')} warnings, ${n('info')} infos`);
  if (window.__firstDiagnosticsMs === undefined) {
    // Counted from the start of navigation, which is before the page loads.
    window.__firstDiagnosticsMs = timings.diagnostics = performance.now();
    window.__timings = timings;
    document.getElementById('timing').textContent =
      `first diagnostics ${Math.round(timings.diagnostics)} ms after opening the page ` +
      `(editor ${Math.round(timings.bundle)} ms, cscmd ready ${Math.round(timings.wasm)} ms)`;
  }
  return r.findings.map((f) => toDiagnostic(view.state.doc, f));
}

async function complete(ctx) {
  const text = ctx.state.doc.toString();
  const items = await ask('complete', { text, at: ctx.pos, language, config: configView.state.doc.toString() });
  if (!items.length) return null;
  const first = items.find((c) => c.edit);
  const from = first ? offsetOfPosition(ctx.state.doc, first.edit.range.start) : ctx.pos;
  const typed = text.slice(from, ctx.pos).toLowerCase();
  const options = items
    .filter((c) => !typed || (c.filterText || c.label).toLowerCase().includes(typed) || c.label.toLowerCase().includes(typed))
    .map((c) => ({
      label: c.label,
      detail: c.detail,
      info: c.documentation ? () => markdown(c.documentation) : undefined,
      apply(view) {
        const e = c.edit;
        const at = e
          ? { from: offsetOfPosition(view.state.doc, e.range.start), to: offsetOfPosition(view.state.doc, e.range.end) }
          : { from: view.state.selection.main.head, to: view.state.selection.main.head };
        const insert = e ? e.newText : c.label;
        view.dispatch({ changes: { ...at, insert }, selection: { anchor: at.from + insert.length } });
      },
    }));
  return { from, options, filter: false };
}

// markdown renders the little Markdown hover and completion use: code
// blocks, inline code, bold, paragraphs.
function markdown(md) {
  const div = document.createElement('div');
  div.className = 'md';
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  div.innerHTML = md
    .split(/```[a-z]*\n?/)
    .map((part, i) =>
      i % 2
        ? `<pre>${esc(part)}</pre>`
        : esc(part)
            .replace(/`([^`]+)`/g, '<code>$1</code>')
            .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
            .split(/\n\n+/)
            .filter((p) => p.trim())
            .map((p) => `<p>${p}</p>`)
            .join(''),
    )
    .join('');
  return div;
}

const hover = hoverTooltip(async (view, pos) => {
  const h = await ask('hover', { text: view.state.doc.toString(), at: pos, language, config: configView.state.doc.toString() });
  if (!h) return null;
  return {
    pos: offsetOfPosition(view.state.doc, h.range.start),
    end: offsetOfPosition(view.state.doc, h.range.end),
    create: () => ({ dom: markdown(h.markdown) }),
  };
});

const highlighting = new Compartment();
// configChanged tells the document's linter that the config tab changed.
const configChanged = StateEffect.define();
let saveTimer;
const save = EditorView.updateListener.of((u) => {
  if (!u.docChanged) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveFragment, 300);
});

const docView = new EditorView({
  parent: document.getElementById('document'),
  state: EditorState.create({
    doc: initialDoc,
    extensions: [
      lineNumbers(),
      highlightActiveLine(),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
      syntaxHighlighting(defaultHighlightStyle),
      highlighting.of(highlighter(language)),
      linter(analyze, {
        delay: 150,
        needsRefresh: (u) => u.transactions.some((t) => t.effects.some((e) => e.is(configChanged))),
      }),
      lintGutter(),
      autocompletion({ override: [complete] }),
      hover,
      save,
    ],
  }),
});

// --- the config editor ---------------------------------------------------------

function showConfigErrors(errors) {
  const doc = configView.state.doc;
  configView.dispatch(
    setDiagnostics(
      configView.state,
      errors.map((e) => {
        const from = offsetOfColumn(doc, e.line, e.column);
        const line = doc.line(Math.min(e.line, doc.lines));
        return { from, to: Math.max(from, line.to), severity: 'error', message: e.key ? `${e.key}: ${e.message}` : e.message };
      }),
    ),
  );
  document.getElementById('config-tab').classList.toggle('has-errors', errors.length > 0);
}

const configView = new EditorView({
  parent: document.getElementById('config'),
  state: EditorState.create({
    doc: initialConfig,
    extensions: [
      lineNumbers(),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      syntaxHighlighting(defaultHighlightStyle),
      yaml(),
      lintGutter(),
      save,
      // The config applies live: a change re-lints the document.
      EditorView.updateListener.of((u) => {
        if (u.docChanged) docView.dispatch({ effects: configChanged.of(null) });
      }),
    ],
  }),
});

// --- the panel: what the widget will do ----------------------------------------

function showSteps(steps, doc) {
  const list = document.getElementById('steps');
  list.replaceChildren();
  if (!steps.length) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = 'No command: the widget does nothing with this document.';
    list.append(li);
  }
  for (const s of steps) {
    const li = document.createElement('li');
    li.className = s.runs ? 'runs' : 'not-run';
    const a = document.createElement('a');
    a.href = '#';
    a.className = 'line';
    a.textContent = `line ${s.range.start.line + 1}`;
    a.onclick = (e) => {
      e.preventDefault();
      showTab('document');
      const at = offsetOfPosition(docView.state.doc, s.range.start);
      docView.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      docView.focus();
    };
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = s.text;
    li.append(a, text);
    list.append(li);
  }
}

// --- tabs, picker, fragment ------------------------------------------------------

function showTab(name) {
  for (const t of ['document', 'config']) {
    document.getElementById(t).hidden = t !== name;
    document.getElementById(`${t}-tab`).classList.toggle('active', t === name);
  }
}
document.getElementById('document-tab').onclick = () => showTab('document');
document.getElementById('config-tab').onclick = () => showTab('config');

picker.onchange = () => {
  language = picker.value;
  docView.dispatch({
    changes: { from: 0, to: docView.state.doc.length, insert: byId[language].example },
    effects: highlighting.reconfigure(highlighter(language)),
  });
  saveFragment();
};

function saveFragment() {
  const p = new URLSearchParams({ lang: language, doc: docView.state.doc.toString(), config: configView.state.doc.toString() });
  window.history.replaceState(null, '', `#${p}`);
}

function setStatus(s) {
  document.getElementById('status').textContent = s;
}

// The picker offers every language of cscmd's registry: those without an
// example here start empty, and an example of a language the engine does
// not know is dropped.
ask('languages', {}).then((langs) => {
  const known = new Set(langs.map((l) => l.id));
  for (const o of [...picker.options]) if (!known.has(o.value)) o.remove();
  for (const l of langs) {
    if (byId[l.id]) continue;
    byId[l.id] = { id: l.id, name: `${l.name} (${l.id})`, example: '' };
    picker.add(new Option(byId[l.id].name, l.id));
  }
  picker.value = language;
});

ask('rules', {}).then((rules) => {
  rulesById = Object.fromEntries(rules.map((r) => [r.id, r]));
});

// For the browser test and the curious.
window.playground = { docView, configView, analysis: () => lastAnalysis };
