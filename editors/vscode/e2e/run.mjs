// Drives VS Code (code-server, already running with the extension installed)
// in headless Chromium, as a user would, and writes what it saw to
// $CSCMD_E2E_OUT/result.json; editors/vscode_e2e_test.go judges it. With
// CSCMD_E2E_MODE=missing it only checks the message for a missing server.
//
//   CSCMD_E2E_URL=http://127.0.0.1:PORT/?folder=/ws CSCMD_E2E_WORKSPACE=/ws \
//   CSCMD_E2E_OUT=/out node e2e/run.mjs
//
// Only the system Chromium is used (executablePath); puppeteer-core never
// downloads a browser.
import * as fs from 'node:fs';
import * as path from 'node:path';
import puppeteer from 'puppeteer-core';

const url = process.env.CSCMD_E2E_URL;
const workspace = process.env.CSCMD_E2E_WORKSPACE;
const out = process.env.CSCMD_E2E_OUT;
// Generous: on a busy 2-core machine the extension host alone takes a minute
// to start.
const timeout = 180_000;
const result = { errors: [], steps: [] };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function step(name, f) {
  const start = Date.now();
  try {
    await f();
  } catch (e) {
    result.errors.push(`${name}: ${e.message ?? e}`);
    throw e;
  } finally {
    result.steps.push({ name, ms: Date.now() - start });
  }
}

// command runs a command from the palette by its title, once the palette
// has it at the top: Enter on a fuzzy match could run another command.
async function command(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout });
  await page.keyboard.type(title);
  await page.waitForFunction(
    (t) => {
      const row = document.querySelector('.quick-input-list .monaco-list-row.focused .label-name');
      return row && row.textContent.replace(/\u00a0/g, ' ').trim() === t;
    },
    { timeout }, title);
  await page.keyboard.press('Enter');
  await sleep(300);
}

async function key(page, ...keys) {
  for (const k of keys) {
    await page.keyboard.down(k);
  }
  for (const k of keys.reverse()) {
    await page.keyboard.up(k);
  }
}

// openFile opens a file from the Explorer (Quick Open would need ripgrep)
// and puts the cursor in its editor.
async function openFile(page, name) {
  const row = await page.waitForFunction(
    (n) => [...document.querySelectorAll('.explorer-folders-view .monaco-list-row')].find((r) => r.textContent.trim() === n),
    { timeout }, name);
  await row.asElement().click();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('.tab.active')].some((t) => t.textContent.includes(n)),
    { timeout }, name);
  const lines = await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout });
  await lines.click();
  await page.waitForSelector('.editor-instance .monaco-editor.focused', { timeout });
}

// squiggles waits for the active editor to show the server's diagnostics.
async function squiggles(page) {
  await page.waitForSelector('.editor-instance .view-overlays [class*="squiggly-"]', { timeout });
  return page.$$eval('.editor-instance .view-overlays [class*="squiggly-"]', (els) => els.map((e) => e.className));
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: false, // --headless is among the flags, for the system Chromium
    userDataDir: path.join(out, 'chromium'),
    defaultViewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1400,900'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => result.steps.push({ name: `page error: ${e.message}`, ms: 0 }));
    await step('load VS Code', async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
      await page.waitForSelector('.monaco-workbench .part.editor', { timeout });
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
    });

    if (process.env.CSCMD_E2E_MODE === 'missing') {
      // No server anywhere: one message with the install command, and no
      // more however long VS Code runs (a restart loop would add one).
      await step('no server: one message', async () => {
        await openFile(page, 'onopen.cscmd');
        await page.waitForFunction(
          () => [...document.querySelectorAll('.notification-list-item-message')].some((e) => e.textContent.includes('go install')),
          { timeout });
        await sleep(15_000);
        result.notifications = await page.$$eval('.notification-list-item-message', (els) => els.map((e) => e.textContent));
        result.screenshot = path.join(out, 'no-server.png');
        await page.screenshot({ path: result.screenshot });
      });
      return;
    }

    await step('command file: squiggles', async () => {
      await openFile(page, 'onopen.cscmd');
      result.cscmdSquiggles = await squiggles(page);
    });
    await step('script: squiggles', async () => {
      await openFile(page, 'page.js');
      result.jsSquiggles = await squiggles(page);
    });

    await step('problems panel', async () => {
      await key(page, 'Control', 'Shift', 'KeyM');
      // Both files' problems, or what is there when the wait ends.
      await page.waitForFunction(() => {
        const text = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent).join(' ');
        return text.includes('prefix') && text.includes('unknown-command');
      }, { timeout }).catch(() => {});
      result.problems = await page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => `${r.getAttribute('aria-label')} | ${r.textContent}`));
    });

    await step('quick fix', async () => {
      await openFile(page, 'onopen.cscmd');
      await key(page, 'Control', 'KeyG');
      await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout });
      await page.keyboard.type('1:2');
      await page.keyboard.press('Enter');
      await sleep(300);
      await command(page, 'Auto Fix...');
      await page.waitForFunction(() => {
        const line = document.querySelector('.editor-instance .view-lines .view-line');
        return line && line.textContent.replace(/\u00a0/g, ' ').startsWith('>cs /set');
      }, { timeout });
      await key(page, 'Control', 'KeyS');
      const file = path.join(workspace, 'onopen.cscmd');
      const deadline = Date.now() + timeout;
      while (!fs.readFileSync(file, 'utf8').startsWith('>cs /set') && Date.now() < deadline) {
        await sleep(200);
      }
      result.fixed = fs.readFileSync(file, 'utf8');
    });

    await step('completion', async () => {
      await key(page, 'Control', 'End');
      await page.keyboard.type('>cs /assign ');
      await sleep(300);
      await key(page, 'Control', 'Space');
      await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout });
      await sleep(500);
      result.completion = await page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') || r.textContent));
    });

    result.screenshot = path.join(out, 'vscode.png');
    await page.screenshot({ path: result.screenshot });

    // The extension said nothing: it found the bundled server.
    result.notifications = await page.$$eval('.notification-list-item-message', (els) => els.map((e) => e.textContent));
  } finally {
    try {
      const pages = await browser.pages();
      const page = pages[pages.length - 1];
      await page.screenshot({ path: path.join(out, 'end.png') });
    } catch (e) {
      result.errors.push(`screenshot: ${e.message}`);
    }
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  if (result.errors.length === 0) {
    result.errors.push(String(e?.stack ?? e));
  }
}
fs.writeFileSync(path.join(out, 'result.json'), JSON.stringify(result, null, 2));
