#!/usr/bin/env bash
# Real-code benchmark: `cscmd lint` against `rg -c '>cs'` over the same
# ~300 MB tree of real third-party packages (see scripts/realcode.sh),
# copied until it reaches the size. Prints both wall times and their ratio;
# the target is cscmd within 2x of ripgrep.
#
#   scripts/bench-realcode.sh [DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-${TMPDIR:-/tmp}/cscmd-bench-realcode}
runs=${2:-5}
command -v rg >/dev/null || { echo "ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 2; }

src="${TMPDIR:-/tmp}/cscmd-realcode"
bash scripts/realcode.sh "$src"
if [ ! -d "$dir" ]; then
  mkdir -p "$dir"
  i=0
  while [ "$(du -sm "$dir" | cut -f1)" -lt 300 ]; do
    cp -r "$src" "$dir/copy$i"
    i=$((i + 1))
  done
fi
echo "tree: $(du -sh "$dir" | cut -f1) in $(find "$dir" -type f | wc -l) files"

go build -o "${TMPDIR:-/tmp}/cscmd-bench" ./cmd/cscmd
bin="${TMPDIR:-/tmp}/cscmd-bench"

# Warm the page cache so both read from memory.
rg -c '>cs' "$dir" >/dev/null || true

best() { # best wall time in seconds of RUNS runs of a command
  local b=""
  for _ in $(seq "$runs"); do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then b=$t; fi
  done
  echo "$b"
}
rg_t=$(best rg -c '>cs' "$dir")
cs_t=$(best "$bin" lint --format json "$dir")
printf 'rg -c ">cs":             %.3f s\n' "$rg_t"
printf 'cscmd lint --format json: %.3f s\n' "$cs_t"
awk -v c="$cs_t" -v r="$rg_t" 'BEGIN { printf "ratio: %.2fx (target <= 2x)\n", c / r }'
