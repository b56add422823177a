// The built playground in headless Chromium (the system's; nothing
// downloads a browser), served on 127.0.0.1: type a broken command, see its
// marker and rule id, apply the quick fix; load the GTM export and find the
// finding at its line and column; read the plain-words panel. Screenshots
// go to playground/test/out/. Run: playground/build.sh && node --test playground/test/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const playground = path.dirname(here);
const dist = path.join(playground, 'dist');
const out = path.join(here, 'out');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const missing = fs.existsSync(chromium) ? false : `no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM): the browser test is skipped`;

let server;
let browser;
let base;

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

before(async () => {
  if (missing) return;
  if (!fs.existsSync(path.join(dist, 'index.html'))) execFileSync(path.join(playground, 'build.sh'), { stdio: 'inherit' });
  fs.mkdirSync(out, { recursive: true });
  server = http.createServer((req, res) => {
    const name = path.join(dist, path.normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '') || 'index.html');
    const file = name.endsWith(path.sep) || name === dist ? path.join(dist, 'index.html') : name;
    if (!file.startsWith(dist) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  const { default: puppeteer } = await import('puppeteer-core');
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${fs.mkdtempSync(path.join(os.tmpdir(), 'cscmd-chromium-'))}`,
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

async function open(hash = '') {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + hash, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__firstDiagnosticsMs !== undefined, { timeout: 30000 });
  return { page, errors };
}

const steps = (page) => page.$$eval('#steps li', (lis) => lis.map((li) => li.textContent));

test('first diagnostics after load', { skip: missing }, async () => {
  const { page, errors } = await open();
  const t = await page.evaluate(() => window.__timings);
  const line = `first diagnostics ${Math.round(t.diagnostics)} ms after navigation started (editor running at ${Math.round(t.bundle)} ms, cscmd.wasm ready at ${Math.round(t.wasm)} ms)`;
  console.log(line);
  fs.writeFileSync(path.join(out, 'first-diagnostics.txt'), line + '\n');
  await page.screenshot({ path: path.join(out, 'loaded.png') });
  assert.ok(await page.$('.cm-lintRange-error'), 'the example shows an error marker');
  await page.waitForFunction(() => [...document.querySelectorAll('#language option')].some((o) => o.value === 'jsonc'));
  const offered = await page.$$eval('#language option', (os) => os.map((o) => o.value));
  for (const id of ['cscmd', 'html', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'json', 'jsonc', 'yaml', 'vue', 'svelte', 'php', 'markdown']) {
    assert.ok(offered.includes(id), `the picker offers ${id}: ${offered}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('type a broken command, apply the quick fix', { skip: missing }, async () => {
  const { page, errors } = await open('#lang=cscmd&doc=');
  await page.click('#document .cm-content');
  await page.keyboard.type('>cs /set @category Used Car\n>CS /notify');
  await page.waitForSelector('.cm-lintRange-warning', { timeout: 10000 });
  // The lint panel lists the finding with its rule id and the fix.
  await page.keyboard.down('Control');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyM');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Control');
  await page.waitForSelector('.cm-panel-lint li', { timeout: 10000 });
  assert.equal(await page.$eval('.cm-panel-lint li a.rule', (a) => a.textContent), 'prefix');
  assert.match(await page.$eval('.cm-panel-lint li a.rule', (a) => a.href), /lint\/docs\/prefix\.md$/);
  assert.match(await page.$eval('.cm-lintRange-warning', (e) => e.textContent), />CS/);
  assert.ok((await steps(page)).some((s) => s.includes('Sent as chat: `>CS` is not the prefix')));
  await page.screenshot({ path: path.join(out, 'broken.png') });
  assert.match(await page.$eval('.cm-panel-lint li button', (b) => b.textContent), /Replace with/);
  await page.click('.cm-panel-lint li button');
  await page.waitForFunction(() => !document.querySelector('.cm-lintRange-warning'), { timeout: 10000 });
  const text = await page.evaluate(() => window.playground.docView.state.doc.toString());
  assert.equal(text, '>cs /set @category Used Car\n>cs /notify');
  await page.waitForFunction(() => [...document.querySelectorAll('#steps li')].some((li) => li.textContent.includes('Notify all organizations')));
  // The document is in the link.
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('doc') === '>cs /set @category Used Car\n>cs /notify');
  await page.screenshot({ path: path.join(out, 'fixed.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the GTM export: the finding at its line and column, the plain words', { skip: missing }, async () => {
  const { page, errors } = await open();
  // A component language first: its example's finding and its words.
  await page.select('#language', 'vue');
  await page.waitForFunction(() => window.playground.docView.state.doc.toString().includes('<template>') && window.playground.analysis()?.text === window.playground.docView.state.doc.toString(), { timeout: 10000 });
  assert.deepEqual(await steps(page), ['line 2Sent as chat: `>CS` is not the prefix']);
  await page.select('#language', 'json');
  await page.waitForFunction(() => window.playground.docView.state.doc.toString().includes('containerVersion') && window.playground.analysis()?.text === window.playground.docView.state.doc.toString(), { timeout: 10000 });
  const text = await page.evaluate(() => window.playground.docView.state.doc.toString());
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('>CS /set')) + 1;
  const column = lines[line - 1].indexOf('>CS') + 1;
  const assign = lines.findIndex((l) => l.includes('>cs /assign')) + 1;
  const d = await page.evaluate(() => window.playground.analysis().findings);
  assert.deepEqual(d.map((x) => [x.rule, x.range.start.line + 1, x.range.start.character + 1]), [['prefix', line, column]]);
  await page.waitForSelector('.cm-lintRange-warning');
  assert.match(await page.$eval('.cm-lintRange-warning', (e) => e.textContent), /^>CS/);
  assert.deepEqual(await steps(page), [
    `line ${line}Sent as chat: \`>CS\` is not the prefix`,
    `line ${assign}Assign the conversation to Jane Doe (user)`,
  ]);
  await page.screenshot({ path: path.join(out, 'gtm.png') });
  // A step's link moves the cursor to its line.
  await page.click('#steps li:nth-child(2) a.line');
  const at = await page.evaluate(() => {
    const v = window.playground.docView;
    return v.state.doc.lineAt(v.state.selection.main.head).number;
  });
  assert.equal(at, assign);
  // The config applies live: without the catalog the id has no name.
  await page.click('#config-tab');
  await page.evaluate(() => {
    const v = window.playground.configView;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: 'rules: {}\n' } });
  });
  await page.waitForFunction(() => [...document.querySelectorAll('#steps li')].some((li) => li.textContent.includes('Assign the conversation to 62c6077ca980127f404b0301')), { timeout: 10000 });
  await page.screenshot({ path: path.join(out, 'config.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('completion inserts a catalog id; hover names it', { skip: missing }, async () => {
  const { page, errors } = await open('#lang=cscmd&doc=');
  await page.click('#document .cm-content');
  await page.keyboard.type('>cs /assign Ja');
  await page.keyboard.down('Control');
  await page.keyboard.press('Space');
  await page.keyboard.up('Control');
  await page.waitForSelector('.cm-tooltip-autocomplete li', { timeout: 10000 });
  const labels = await page.$$eval('.cm-tooltip-autocomplete li', (lis) => lis.map((li) => li.textContent));
  assert.ok(labels.some((l) => l.includes('Jane Doe')), labels.join(' | '));
  await page.screenshot({ path: path.join(out, 'completion.png') });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.playground.docView.state.doc.toString() === '>cs /assign 62c6077ca980127f404b0301');
  // Hover over the id.
  const box = await page.evaluate(() => {
    const v = window.playground.docView;
    const r = v.coordsAtPos(15);
    return { x: r.left + 2, y: (r.top + r.bottom) / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForSelector('.cm-tooltip-hover .md', { timeout: 10000 });
  assert.match(await page.$eval('.cm-tooltip-hover .md', (e) => e.textContent), /Jane Doe/);
  await page.screenshot({ path: path.join(out, 'hover.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a did-you-mean fix from the tooltip', { skip: missing }, async () => {
  const { page, errors } = await open('#lang=cscmd&doc=' + encodeURIComponent('>cs /sett isLead yes'));
  await page.waitForSelector('.cm-lintRange-error');
  const box = await page.evaluate(() => {
    const r = window.playground.docView.coordsAtPos(6);
    return { x: r.left + 2, y: (r.top + r.bottom) / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForSelector('.cm-tooltip-lint button', { timeout: 10000 });
  const buttons = await page.$$eval('.cm-tooltip-lint button', (bs) => bs.map((b) => b.textContent));
  assert.ok(buttons.some((b) => b.includes('/set')), buttons.join(' | '));
  assert.match(await page.$eval('.cm-tooltip-lint a.rule', (a) => a.textContent), /^unknown-command$/);
  await page.screenshot({ path: path.join(out, 'did-you-mean.png') });
  await page.$$eval('.cm-tooltip-lint button', (bs) => bs.find((b) => b.textContent.includes('/set')).click());
  await page.waitForFunction(() => window.playground.docView.state.doc.toString() === '>cs /set isLead yes');
  await page.waitForFunction(() => !document.querySelector('.cm-lintRange-error'), { timeout: 10000 });
  assert.deepEqual(errors, []);
  await page.close();
});
