#!/usr/bin/env bash
# Release binaries: cscmd cross-compiled for every platform, the version and
# commit stamped in (cscmd version prints them), and SHA-256 checksums.
#
#   scripts/release.sh VERSION [OUTDIR]     e.g. scripts/release.sh v1.2.0 dist
#
# OUTDIR (default dist) receives cscmd_VERSION_OS_ARCH[.exe] for each target
# and checksums.txt, in the format `sha256sum -c checksums.txt` checks.
# TARGETS="linux/amd64 darwin/arm64" builds only those. The binaries are
# static (CGO_ENABLED=0): the Linux ones run on musl systems such as Alpine.
set -euo pipefail

version=${1:-}
out=${2:-dist}
if [[ ! $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "usage: scripts/release.sh VERSION [OUTDIR]; VERSION is semantic, such as v1.2.0, got \"$version\"" >&2
  exit 2
fi
targets=${TARGETS:-linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64}

cd "$(dirname "$0")/.."
rev=$(git rev-parse HEAD 2>/dev/null || true)
mkdir -p "$out"
out=$(cd "$out" && pwd)

names=()
for target in $targets; do
  goos=${target%/*}
  goarch=${target#*/}
  name="cscmd_${version}_${goos}_${goarch}"
  [ "$goos" = windows ] && name="$name.exe"
  echo "== $name" >&2
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath \
    -ldflags "-s -w -X main.version=$version -X main.revision=$rev" \
    -o "$out/$name" ./cmd/cscmd
  names+=("$name")
done

if command -v sha256sum >/dev/null; then
  sum=(sha256sum)
else
  sum=(shasum -a 256) # macOS
fi
(cd "$out" && "${sum[@]}" "${names[@]}" > checksums.txt)
echo "wrote ${names[*]} and checksums.txt to $out" >&2
