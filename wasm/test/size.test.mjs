// cscmd.wasm stays small enough to load in a page: at most 3 MB gzipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';

test('cscmd.wasm is at most 3 MB gzipped', () => {
  const wasm = fs.readFileSync(new URL('../cscmd.wasm', import.meta.url));
  const gz = zlib.gzipSync(wasm, { level: 9 }).length;
  console.log(`cscmd.wasm: ${(wasm.length / 1e6).toFixed(2)} MB, ${(gz / 1e6).toFixed(2)} MB gzipped`);
  assert.ok(gz <= 3e6, `${gz} bytes gzipped`);
});
