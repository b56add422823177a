// Re-lint of a 1,000-line command document in cscmd.wasm, as the
// playground's worker does after each edit, with the native CLI linting the
// same document as the baseline in the same run.
//
//   wasm/build.sh && node wasm/bench/relint.mjs [runs]
//   MANY=1 node wasm/bench/relint.mjs      # 300 findings instead of 100
//
// Prints p50 and p95 in milliseconds of: wasm lint (the whole document),
// wasm diagnose (the language server's analysis, which re-lints only the
// edited lines), diagnose + explain (what the playground asks for after an
// edit), and the native CLI (one process per run, start-up included; built
// here, or $CSCMD).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from '../index.mjs';

const runs = Number(process.argv[2] || 200);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// A document of the forms a real one holds, with a finding every ten lines
// (100 in all), or with MANY set, three every ten lines (300).
const forms = [
  '>cs /set @category Used Car',
  '>cs .brand Toyota',
  '>cs .location 61be87aeafdf672d381a9db4#61be87aeafdf672d381a9db5',
  '>cs +6093490651a8b5629324ae4f',
  process.env.MANY ? '>cs /assign 62C6077CA980127F404B0301' : '>cs /assign 62c6077ca980127f404b0301',
  '>cs /notify 605411853c68d83fd1ac7655',
  '>cs @6248f0083ab5d5001e523146 Hello this is for you',
  process.env.MANY ? '>CS /notify' : '>cs /notify',
  '>cs /sett isLead yes',
  '# a comment',
];
const lines = [];
for (let i = 0; i < 1000; i++) lines.push(forms[i % forms.length].replace('Toyota', `Toyota ${i}`));
const text = lines.join('\n') + '\n';
const config = fs.readFileSync(path.join(root, 'testdata/lint/project/.cscmd.yaml'), 'utf8');

function stats(ms) {
  ms.sort((a, b) => a - b);
  const at = (q) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)];
  return { p50: at(0.5).toFixed(2), p95: at(0.95).toFixed(2), n: ms.length };
}

// time measures wall-clock time per run, and the process's CPU time, which
// a machine busy with other work inflates far less.
function time(n, f) {
  const ms = [];
  const cpu = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f(i);
    ms.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { ...stats(ms), cpu: stats(cpu) };
}

const cscmd = await load();
const opts = { language: 'bench.cscmd', config };
const found = cscmd.lint(text, opts).diagnostics.length;
// Each run lints a different text, as after a keystroke: one line edited.
const edited = (i) => text.replace('Toyota 1\n', `Toyota 1${i}\n`);
time(20, (i) => cscmd.lint(edited(i), opts)); // warm-up
const wasmLint = time(runs, (i) => cscmd.lint(edited(i), opts));
// What the playground asks after an edit: diagnose (which re-lints only
// the lines that changed) and explain.
const dopts = { ...opts, document: 'bench' };
time(20, (i) => cscmd.diagnose(edited(i), dopts));
const wasmDiagnose = time(runs, (i) => cscmd.diagnose(edited(i), dopts));
const wasmBoth = time(runs, (i) => {
  cscmd.diagnose(edited(i), dopts);
  cscmd.explain(edited(i), opts);
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cscmd-bench-'));
let cli = process.env.CSCMD;
if (!cli) {
  cli = path.join(dir, 'cscmd');
  execFileSync('go', ['build', '-o', cli, './cmd/cscmd'], { cwd: root, stdio: 'inherit' });
}
fs.writeFileSync(path.join(dir, '.cscmd.yaml'), config);
const file = path.join(dir, 'bench.cscmd');
const native = time(Math.min(runs, 50), (i) => {
  fs.writeFileSync(file, edited(i));
  const r = spawnSync(cli, ['lint', '--format', 'json', file], { encoding: 'utf8' });
  if (r.status !== 1) throw new Error(`cscmd lint: exit ${r.status}: ${r.stderr}`);
});

console.log(`document: ${lines.length} lines, ${found} findings`);
const show = (name, s, cpu) =>
  console.log(`${name.padEnd(26)}p50 ${s.p50} ms  p95 ${s.p95} ms` + (cpu ? `  (CPU p50 ${s.cpu.p50} ms, p95 ${s.cpu.p95} ms)` : '') + `  ${s.n} runs`);
show('wasm lint', wasmLint, true);
show('wasm diagnose', wasmDiagnose, true);
show('wasm diagnose + explain', wasmBoth, true);
// A child process's CPU is not the parent's: the CLI is timed by the clock.
show('native CLI (process)', native, false);
console.log(`load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
