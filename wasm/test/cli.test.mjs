// parse and lint of cscmd.wasm agree with the CLI, field by field, on the
// project's test data. Run from the repository: node --test wasm/test/
// (wasm/build.sh first). The CLI is built here, from the same source.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from '../index.mjs';

const wasmDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const root = path.dirname(wasmDir);
let cli;
let cscmd;

before(async () => {
  assert.ok(fs.existsSync(path.join(wasmDir, 'cscmd.wasm')), 'wasm/cscmd.wasm is missing: run wasm/build.sh first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cscmd-wasm-test-'));
  cli = path.join(dir, 'cscmd');
  execFileSync('go', ['build', '-o', cli, './cmd/cscmd'], { cwd: root, stdio: 'inherit' });
  cscmd = await load();
});

// run runs the CLI from the repository root; exit 1 (findings) and 2 (an
// input reported on stderr, such as invalid UTF-8) still print results.
function run(args, input) {
  const r = spawnSync(cli, args, { cwd: root, input, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok([0, 1, 2].includes(r.status), `cscmd ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// same compares two objects key by key, naming the path of the first
// difference.
function same(got, want, where) {
  if (typeof want !== 'object' || want === null) {
    assert.equal(got, want, where);
    return;
  }
  assert.equal(typeof got, 'object', `${where}: not an object`);
  assert.deepEqual(Object.keys(got), Object.keys(want), `${where}: keys`);
  for (const k of Object.keys(want)) same(got[k], want[k], `${where}.${k}`);
}

function files(dir, keep) {
  const out = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(rel, keep));
    else if (keep(e.name)) out.push(rel);
  }
  return out.sort();
}

const parseFiles = files('testdata/parse', (n) => n.endsWith('.cscmd'));
const lintFiles = files('testdata/lint/project', (n) => /\.(cscmd|js|mjs|cjs|jsx|ts|tsx|html|htm|json|ya?ml)$/.test(n) && n !== '.cscmd.yaml');

test('the test data is there', () => {
  assert.ok(parseFiles.length >= 5, parseFiles.join(' '));
  assert.ok(lintFiles.length >= 5, lintFiles.join(' '));
});

for (const file of parseFiles) {
  test(`parse ${file} as the CLI does`, () => {
    const bytes = fs.readFileSync(path.join(root, file));
    const want = run(['parse', '--format', 'json', '-'], bytes).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const got = cscmd.parse(bytes);
    assert.equal(got.length, want.length, 'number of messages');
    want.forEach((w, i) => same(got[i], w, `${file}[${i}]`));
  });
}

test('parse reads a string as the CLI reads its UTF-8', () => {
  const text = '>cs /set @category Café\n>CS /notify\n>cs /assign 123\n';
  const want = run(['parse', '--format', 'json', '-'], text).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  same(cscmd.parse(text), want, 'string');
});

const config = fs.readFileSync(path.join(root, 'testdata/lint/project/.cscmd.yaml'), 'utf8');

for (const file of lintFiles) {
  test(`lint ${file} as the CLI does`, () => {
    const want = JSON.parse(run(['lint', '--format', 'json', file]));
    const got = cscmd.lint(fs.readFileSync(path.join(root, file)), { language: file, config });
    assert.equal(got.diagnostics.length, want.diagnostics.length, 'number of diagnostics');
    want.diagnostics.forEach((w, i) => same(got.diagnostics[i], w, `${file}: diagnostics[${i}]`));
    same(got.summary, want.summary, `${file}: summary`);
    assert.equal(got.configErrors, undefined);
  });
}

test('the project has findings with fixes to compare', () => {
  const fixes = lintFiles.flatMap((f) => cscmd.lint(fs.readFileSync(path.join(root, f)), { language: f, config }).diagnostics).filter((d) => d.fix);
  assert.ok(fixes.length > 0);
});
