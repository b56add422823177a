// The playground's Web Worker: runs cscmd.wasm off the page's thread, so
// typing never waits for the linter. Requests are {id, op, ...}; answers
// {id, result} or {id, error}. The page sends one analysis at a time.
import { wrap } from '../../wasm/api.js';

importScripts('wasm_exec.js'); // Go's own: defines self.Go

const ready = (async () => {
  const go = new self.Go();
  const started = new Promise((resolve) => {
    self.__cscmdReady = resolve;
  });
  const { instance } = await WebAssembly.instantiateStreaming(fetch('cscmd.wasm'), go.importObject);
  go.run(instance); // resolves when the program exits, which it does not
  await started;
  // When the module ran, on the page's clock, for the page's timing line.
  self.postMessage({ ready: performance.timeOrigin + performance.now() });
  return wrap(self.__cscmd);
})();

const ops = {
  // The markers after an edit. The plain words are asked for next, so
  // that the markers never wait for them.
  analyze: (c, r) => {
    const options = { language: r.language, config: r.config, document: `playground.${r.language}` };
    return {
      findings: c.diagnose(r.text, options),
      // The config's own errors: linting no text costs nothing more.
      configErrors: c.lint('', options).configErrors || [],
    };
  },
  explain: (c, r) => c.explain(r.text, { language: r.language, config: r.config }),
  complete: (c, r) => c.complete(r.text, r.at, { language: r.language, config: r.config }),
  hover: (c, r) => c.hover(r.text, r.at, { language: r.language, config: r.config }),
  rules: (c) => c.rules(),
  languages: (c) => c.languages(),
};

self.onmessage = async (e) => {
  const r = e.data;
  try {
    const c = await ready;
    self.postMessage({ id: r.id, result: ops[r.op](c, r) });
  } catch (err) {
    self.postMessage({ id: r.id, error: String(err && err.message ? err.message : err) });
  }
};
