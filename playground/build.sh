#!/usr/bin/env bash
# Builds the playground into playground/dist/: the page, its bundles, and
# cscmd.wasm with Go's wasm_exec.js. Needs Go and Node; npm packages come
# from package-lock.json (npm ci, from the npm cache when it can).
set -euo pipefail
cd "$(dirname "$0")"
../wasm/build.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --prefer-offline
fi
rm -rf dist
mkdir -p dist
./node_modules/.bin/esbuild src/main.js --bundle --minify --format=iife --target=es2020 --outfile=dist/main.js --log-level=warning
./node_modules/.bin/esbuild src/worker.js --bundle --minify --format=iife --target=es2020 --outfile=dist/worker.js --log-level=warning
cp src/index.html src/style.css dist/
cp ../wasm/cscmd.wasm ../wasm/wasm_exec.js dist/
