#!/usr/bin/env bash
# Builds the npm package in wasm/: cscmd.wasm and Go's own wasm_exec.js
# beside index.js. Neither is committed.
set -euo pipefail
cd "$(dirname "$0")"
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o cscmd.wasm .
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" wasm_exec.js
