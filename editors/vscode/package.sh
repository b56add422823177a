#!/usr/bin/env bash
# Builds the VS Code extension into dist/ (or $CSCMD_DIST): one VSIX per
# platform with `cscmd` cross-compiled for it in server/, its version stamped,
# and one universal VSIX that uses the cscmd.path setting or PATH.
#
#   editors/vscode/package.sh                      # all seven platforms and universal
#   editors/vscode/package.sh linux-x64 universal  # just these
#
# Needs Go and npm. CSCMD_VERSION overrides the version stamped into cscmd
# (default: the extension's own, from package.json).
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
root=$(cd ../.. && pwd)
dist=${CSCMD_DIST:-$here/dist}

all=(linux-x64 linux-arm64 alpine-x64 darwin-x64 darwin-arm64 win32-x64 win32-arm64 universal)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

# goos/goarch for each VS Code target. cscmd is built without cgo, so one
# static linux-amd64 binary serves glibc and musl (alpine) alike.
platform() {
  case $1 in
    linux-x64 | alpine-x64) echo linux amd64 ;;
    linux-arm64) echo linux arm64 ;;
    darwin-x64) echo darwin amd64 ;;
    darwin-arm64) echo darwin arm64 ;;
    win32-x64) echo windows amd64 ;;
    win32-arm64) echo windows arm64 ;;
    *) echo "package.sh: unknown target $1 (known: ${all[*]})" >&2; return 1 ;;
  esac
}

# node_modules is installed from the lock file, again only when it changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent check
npm run --silent test >/dev/null
npm run --silent build

version=$(node -p 'require("./package.json").version')
stamp=${CSCMD_VERSION:-$version}
mkdir -p "$dist"
stage=$(mktemp -d "$dist/.stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT

for target in "${targets[@]}"; do
  dir=$stage/$target
  mkdir -p "$dir/out"
  cp package.json README.md language-configuration.json "$dir/"
  cp -r syntaxes "$dir/"
  cp out/extension.js "$dir/out/"
  if [ "$target" = universal ]; then
    out=$dist/cscmd-$version.vsix
    # package.json's "files" lists server/**, which only platform packages have.
    flags=(--allow-unused-files-pattern)
  else
    read -r goos goarch < <(platform "$target")
    exe=cscmd
    [ "$goos" = windows ] && exe=cscmd.exe
    mkdir -p "$dir/server"
    echo "== cscmd $stamp for $goos/$goarch ($target)"
    (cd "$root" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath \
      -ldflags "-s -w -X main.version=$stamp" -o "$dir/server/$exe" ./cmd/cscmd)
    out=$dist/cscmd-$target-$version.vsix
    flags=(--target "$target")
  fi
  echo "== $out"
  (cd "$dir" && "$here/node_modules/.bin/vsce" package "${flags[@]}" --no-dependencies --skip-license -o "$out" >/dev/null)
done
