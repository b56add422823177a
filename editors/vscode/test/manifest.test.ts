import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

import { languages } from '../src/languages';

const root = path.join(__dirname, '..');
const read = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));

test('the extension activates for every language it serves, and only those', () => {
  const events: string[] = read('package.json').activationEvents;
  assert.deepEqual(events.filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length)), languages);
});

test('the served languages are SPEC §2\'s, read from the server\'s own list where it has one', () => {
  for (const id of ['cscmd', 'javascript', 'html', 'json', 'yaml', 'vue', 'svelte', 'astro', 'php', 'liquid', 'markdown', 'mdx']) {
    assert.ok(languages.includes(id), id);
  }
});

interface Pattern { comment?: string; match?: string; captures?: Record<string, { name: string }> }

// first returns the comment of the first body pattern that matches text at
// its start, with the scope of each capture.
function first(patterns: Pattern[], text: string): [string, Record<string, string>] | undefined {
  for (const p of patterns) {
    const m = new RegExp(p.match!, 'y').exec(text);
    if (m) {
      const scopes: Record<string, string> = {};
      for (const [i, c] of Object.entries(p.captures ?? {})) {
        if (m[Number(i)] !== undefined) {
          scopes[m[Number(i)]] = c.name;
        }
      }
      return [p.comment ?? '', scopes];
    }
  }
  return undefined;
}

const cases: [string, string, Record<string, string>][] = [
  ['.brand Toyota Yaris', '.NAME VALUE', { brand: 'variable.other.property.cscmd', 'Toyota Yaris': 'string.unquoted.value.cscmd' }],
  ['.location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5', '.location ORG[#DEPT]', {
    '61be87aeafdf672d381a9db4': 'constant.numeric.objectid.organization.cscmd',
    '61be87aeafdf672d381a9db5': 'constant.numeric.objectid.department.cscmd',
  }],
  ['+6093490651a8b5629324ae4f', '+FORM', { '6093490651a8b5629324ae4f': 'constant.numeric.objectid.form.cscmd' }],
  ['/set @category Used Car', '/set @category VALUE', { '/set': 'keyword.control.verb.cscmd', '@category': 'variable.language.reserved.cscmd', 'Used Car': 'string.unquoted.value.cscmd' }],
  ['/set isLead yes', '/set NAME VALUE', { isLead: 'variable.other.meta.cscmd', yes: 'string.unquoted.value.cscmd' }],
  ['/assign 62c6077ca980127f404b0301', '/assign ID, /notify [INBOX]', { '62c6077ca980127f404b0301': 'constant.numeric.objectid.cscmd' }],
  ['/notify', '/assign ID, /notify [INBOX]', { '/notify': 'keyword.control.verb.cscmd' }],
  ['@6248f0083ab5d5001e523146 Hello this is for you', '@ID TEXT', { 'Hello this is for you': 'string.unquoted.text.cscmd' }],
  ['/sett x', 'a verb cscmd does not know', {}],
];

test('the grammar of .cscmd files', () => {
  const g = read('syntaxes/cscmd.tmLanguage.json');
  assert.match('>cs /notify', new RegExp(g.repository.command.begin));
  assert.doesNotMatch('>CS /notify', new RegExp(g.repository.command.begin));
  assert.match('  # a comment', new RegExp(g.repository.comment.match));
  for (const [text, form, scopes] of cases) {
    const got = first(g.repository.body.patterns, text);
    assert.ok(got, text);
    assert.equal(got[0], form, text);
    for (const [s, scope] of Object.entries(scopes)) {
      assert.equal(got[1][s], scope, `${text}: ${s}`);
    }
  }
});

test('the injection grammar stops at the closing quote', () => {
  const g = read('syntaxes/cscmd-injection.tmLanguage.json');
  const begin = new RegExp(g.repository.command.begin);
  assert.match("'>cs /set x", begin);
  assert.doesNotMatch("'> cs /set x", begin);
  for (const [text, form, scopes] of cases) {
    const got = first(g.repository.body.patterns, `${text}'); // >cs .not this`);
    assert.ok(got, text);
    assert.equal(got[0], form, text);
    for (const [s, scope] of Object.entries(scopes)) {
      assert.equal(got[1][s], scope, `${text}: ${s}`);
    }
  }
  const [, scopes] = first(g.repository.body.patterns, ".brand Toyota', 'other')")!;
  assert.equal(scopes['Toyota'], 'string.unquoted.value.cscmd');
});
