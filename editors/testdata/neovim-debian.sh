#!/usr/bin/env bash
# Usage: neovim-debian.sh SUITE   (e.g. trixie, sid)
#
# Puts the Neovim of a newer Debian suite beside this machine's own, for
# TestNeovim, and prints the path of a wrapper that runs it. Its packages need
# a newer glibc than the machine's, so they are not installed: the neovim
# package and everything it depends on, as the suite's Packages index
# resolves them today, are unpacked into a private root,
# $HOME/.cache/cscmd-e2e/nvim-VERSION, and the wrapper runs nvim with that
# root's own loader and libraries. The environment stays clean of
# LD_LIBRARY_PATH, so the programs Neovim starts (cscmd lsp) run as usual.
# $HOME/.cache/cscmd-e2e/nvim-SUITE links to the version the suite had last.
# A version already unpacked in full (.complete) is not fetched again.
# CSCMD_E2E_CACHE replaces $HOME/.cache/cscmd-e2e, CSCMD_DEBIAN_MIRROR the
# archive apt uses (the tests serve a fake one).
set -euo pipefail
suite=${1:?usage: $0 SUITE (e.g. trixie, sid)}
cache=${CSCMD_E2E_CACHE:-$HOME/.cache/cscmd-e2e}
# The Debian archive this machine's apt uses, so no mirror is pinned here.
# shellcheck disable=SC2016 # $(REPO_URI) is apt's placeholder, not the shell's
mirror=${CSCMD_DEBIAN_MIRROR:-$( (apt-get indextargets --format '$(REPO_URI)' 'Identifier: Packages' || true) 2>/dev/null |
  awk '/\/debian\/$/ && !m { m = $0 } END { print m }')}
if [ -z "$mirror" ]; then
  echo "apt knows no Debian archive: set CSCMD_DEBIAN_MIRROR to one" >&2
  exit 1
fi
arch=$(dpkg --print-architecture)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
index="${mirror%/}/dists/$suite/main/binary-$arch/Packages.xz"
if ! curl -fsSL --retry 2 -o "$tmp/Packages.xz" "$index"; then
  echo "cannot fetch $index" >&2
  exit 1
fi
xz -d "$tmp/Packages.xz"

# "PACKAGE FILENAME" for neovim and each package it depends on, recursively:
# the first alternative of "a | b" that the index has, a virtual package
# through its first provider.
awk -v root=neovim '
BEGIN { RS = ""; FS = "\n" }
{
  name = ""; file = ""; deps = ""; prov = ""
  for (i = 1; i <= NF; i++) {
    if ($i ~ /^Package: /) name = substr($i, 10)
    else if ($i ~ /^Filename: /) file = substr($i, 11)
    else if ($i ~ /^(Pre-)?Depends: /) deps = deps "," substr($i, index($i, ":") + 2)
    else if ($i ~ /^Provides: /) prov = substr($i, 11)
    else if ($i ~ /^Version: /) version[name] = substr($i, 10)
  }
  if (name == "" || name in filename) next
  filename[name] = file; depends[name] = deps
  n = split(prov, p, ",")
  for (i = 1; i <= n; i++) { v = p[i]; sub(/\(.*/, "", v); gsub(/[ \t]/, "", v); if (!(v in provider)) provider[v] = name }
}
function resolve(alt,    n, a, i, v) {
  n = split(alt, a, "|")
  for (i = 1; i <= n; i++) {
    v = a[i]; sub(/\(.*/, "", v); sub(/\[.*/, "", v); sub(/:.*/, "", v); gsub(/[ \t]/, "", v)
    if (v in filename) return v
    if (v in provider) return provider[v]
  }
  return ""
}
END {
  if (!(root in filename)) { print "the index has no package " root > "/dev/stderr"; exit 1 }
  print version[root]
  queue[1] = root; seen[root] = 1; head = 1; tail = 1
  while (head <= tail) {
    pkg = queue[head++]
    print pkg, filename[pkg]
    n = split(depends[pkg], d, ",")
    for (i = 1; i <= n; i++) {
      sub(/^[ \t]+/, "", d[i]); sub(/[ \t]+$/, "", d[i])
      if (d[i] == "") continue
      dep = resolve(d[i])
      if (dep == "") { print "cannot resolve " d[i] " (a dependency of " pkg ")" > "/dev/stderr"; exit 1 }
      if (!(dep in seen)) { seen[dep] = 1; queue[++tail] = dep }
    }
  }
}' "$tmp/Packages" >"$tmp/closure"

version=$(head -1 "$tmp/closure")
root="$cache/nvim-${version//[^A-Za-z0-9.+~-]/_}"
if [ ! -e "$root/.complete" ]; then
  rm -rf "$root"
  mkdir -p "$root/bin"
  tail -n +2 "$tmp/closure" | while read -r pkg file; do
    echo "fetching $pkg ($file)" >&2
    curl -fsSL --retry 2 -o "$tmp/$pkg.deb" "${mirror%/}/$file"
    dpkg-deb -x "$tmp/$pkg.deb" "$root"
  done
  # The loader and the multiarch directory (x86_64-linux-gnu) of the
  # unpacked libc6.
  loader=$(cd "$root" && find . -name 'ld-linux*.so.*' -print -quit)
  libc=$(cd "$root" && find . -name libc.so.6 -print -quit)
  if [ -z "$loader" ] || [ -z "$libc" ]; then
    echo "no loader or libc.so.6 among the unpacked packages" >&2
    exit 1
  fi
  multiarch=$(basename "$(dirname "$libc")")
  cat >"$root/bin/nvim" <<EOF
#!/bin/sh
# Neovim $version from Debian $suite, run by its own loader and libraries.
root=\$(cd "\$(dirname "\$0")/.." && pwd)
export VIM="\$root/usr/share/nvim" VIMRUNTIME="\$root/usr/share/nvim/runtime"
exec "\$root/${loader#./}" --library-path "\$root/lib/$multiarch:\$root/usr/lib/$multiarch" "\$root/usr/bin/nvim" "\$@"
EOF
  chmod +x "$root/bin/nvim"
  "$root/bin/nvim" --version >/dev/null
  touch "$root/.complete"
fi
# The version the suite had before goes, unless another suite has it too.
previous=$(readlink "$cache/nvim-$suite" || true)
ln -sfn "$(basename "$root")" "$cache/nvim-$suite"
if [ -n "$previous" ] && [ -z "$(find "$cache" -maxdepth 1 -type l -lname "$previous")" ]; then
  rm -rf "${cache:?}/$previous"
fi
echo "$root/bin/nvim"
