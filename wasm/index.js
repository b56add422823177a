'use strict';
// cscmd for Node: const cscmd = await require('@web1on1/cscmd').load();
const fs = require('fs');
const path = require('path');
const { wrap } = require('./api.js');

let loading;

/** Starts cscmd.wasm once; resolves to the API when the module runs. */
function load() {
  if (!loading) loading = start();
  return loading;
}

async function start() {
  require('./wasm_exec.js'); // Go's own: defines globalThis.Go
  const go = new globalThis.Go();
  const bytes = fs.readFileSync(path.join(__dirname, 'cscmd.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
  const ready = new Promise((resolve) => {
    globalThis.__cscmdReady = resolve;
  });
  // run resolves when the Go program exits, which it does not: it serves calls.
  go.run(instance);
  await ready;
  return wrap(globalThis.__cscmd);
}

module.exports = { load };
