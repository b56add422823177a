// The API beyond the CLI's objects: languages, config, completion, hover,
// plain words, positions and errors.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import cscmdPkg, { load } from '../index.mjs';
import { createRequire } from 'node:module';

let cscmd;
before(async () => {
  cscmd = await load();
});

const catalog = `catalog:
  users: [{id: 62c6077ca980127f404b0301, name: Jane Doe}]
  inboxes: [{id: 605411853c68d83fd1ac7655, name: Sales inbox}]
  categories: [Used Car]
`;

test('require and import load the same module once', async () => {
  const viaRequire = await createRequire(import.meta.url)('../index.js').load();
  assert.equal(viaRequire, cscmd);
  assert.equal(await cscmdPkg.load(), cscmd);
});

test('lint by language id and by file name', () => {
  const js = "web1on1.api.sendClientMessage('>CS /notify');";
  for (const language of ['javascript', 'typescript', 'page.js', 'x.tsx']) {
    const r = cscmd.lint(js, { language });
    assert.deepEqual(r.diagnostics.map((d) => d.rule), ['prefix'], language);
  }
  assert.equal(cscmd.lint(js, { language: 'page.js' }).diagnostics[0].file, 'page.js');
  assert.equal(cscmd.lint(js, { language: 'javascript' }).diagnostics[0].file, 'document.js');
});

test('an unknown language throws, naming the ones there are', () => {
  assert.throws(() => cscmd.lint('>cs /notify', { language: 'python' }), /unknown language "python".*javascript/);
});

test('the config is applied, and its errors are returned', () => {
  const text = '>cs /set @category Usedcar';
  assert.deepEqual(cscmd.lint(text).diagnostics, []);
  assert.deepEqual(cscmd.lint(text, { config: catalog }).diagnostics.map((d) => d.rule), ['unknown-category']);
  const r = cscmd.lint(text, { config: 'rules: {nope: error}\n' + catalog });
  assert.equal(r.configErrors.length, 1);
  assert.equal(r.configErrors[0].line, 1);
  assert.match(r.configErrors[0].message, /nope/);
});

test('complete offers catalog names at an index and at a position', () => {
  const text = '>cs /assign ';
  const byIndex = cscmd.complete(text, text.length, { config: catalog });
  assert.ok(byIndex.some((c) => c.label === 'Jane Doe' && c.edit.newText === '62c6077ca980127f404b0301'), JSON.stringify(byIndex));
  assert.deepEqual(cscmd.complete(text, { line: 0, character: text.length }, { config: catalog }), byIndex);
});

test('hover on an id names the catalog entry; elsewhere null', () => {
  const text = 'é\n>cs /assign 62c6077ca980127f404b0301';
  const h = cscmd.hover(text, text.length - 3, { config: catalog });
  assert.match(h.markdown, /Jane Doe/);
  assert.deepEqual(h.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 36 } });
  assert.equal(cscmd.hover('hello', 2), null);
});

test('explain says what the widget does, with the line', () => {
  const steps = cscmd.explain('# x\n>cs /assign 62c6077ca980127f404b0301\n>CS /notify', { config: catalog });
  assert.deepEqual(steps.map((s) => [s.range.start.line, s.runs, s.text]), [
    [1, true, 'Assign the conversation to Jane Doe (user)'],
    [2, false, 'Sent as chat: `>CS` is not the prefix'],
  ]);
});

test('positions count UTF-16 and every line break', () => {
  const text = 'a😀\r\nb\rc\nd';
  assert.deepEqual(cscmd.positionAt(text, 3), { line: 0, character: 3 });
  assert.deepEqual(cscmd.positionAt(text, 6), { line: 1, character: 1 });
  assert.deepEqual(cscmd.positionAt(text, 7), { line: 2, character: 0 });
  assert.deepEqual(cscmd.positionAt(text, 9), { line: 3, character: 0 });
  for (const i of [0, 3, 6, 7, 9, 10]) assert.equal(cscmd.offsetAt(text, cscmd.positionAt(text, i)), i, `index ${i}`);
});

test('rules lists every rule with its page', () => {
  const rules = cscmd.rules();
  const prefix = rules.find((r) => r.id === 'prefix');
  assert.equal(prefix.severity, 'warning');
  assert.match(prefix.url, /prefix/);
});

test('languages lists every id lint takes', () => {
  const langs = cscmd.languages();
  assert.ok(langs.some((l) => l.id === 'cscmd'));
  for (const l of langs) assert.equal(cscmd.lint('', { language: l.id }).summary.files, 1, l.id);
});

test('diagnose offers did-you-mean fixes in editor positions', () => {
  const text = '# é\n>cs /sett isLead yes';
  const [f] = cscmd.diagnose(text, { document: 'api-test' });
  assert.equal(f.rule, 'unknown-command');
  assert.deepEqual(f.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } });
  assert.ok(f.fixes.some((x) => x.title.includes('/set') && x.edits[0].newText === '/set'), JSON.stringify(f.fixes));
  // The same findings as lint, where lint has them.
  const lint = cscmd.lint(text).diagnostics;
  assert.deepEqual([lint[0].rule, lint[0].line, lint[0].column], [f.rule, f.range.start.line + 1, f.range.start.character + 1]);
});

test('errors of the call name what is wrong', () => {
  assert.throws(() => cscmd.complete(new TextEncoder().encode('>cs /'), 3), /an index needs the text as a string/);
  assert.throws(() => cscmd.hover('>cs /', { line: 5, character: 0 }), /cscmd: line 5: position out of range/);
  assert.deepEqual(cscmd.complete(new TextEncoder().encode('>cs /'), { line: 0, character: 5 }).length > 0, true);
});
