#!/usr/bin/env bash
# Fetch real third-party packages with `npm pack` and unpack them into one
# tree, for the zero-findings test and the real-code benchmark.
#
#   scripts/realcode.sh DIR        unpack into DIR (reused when already there)
#
# Versions are pinned so that every run lints the same code. Besides libraries,
# packages that ship components and templates: Vue (primevue, vitepress),
# Svelte (carbon-components-svelte), Astro and Markdown (@astrojs/starlight),
# Nunjucks (govuk-frontend), PHP (@wordpress/block-library), EJS, Twig and
# Handlebars (express-generator, handlebars-layouts).
set -euo pipefail
dir=${1:?usage: scripts/realcode.sh DIR}
packages=(
  jquery@3.7.1 lodash@4.17.21 d3@7.9.0 three@0.160.0 vue@3.4.21
  react-dom@18.2.0 react@18.2.0 typescript@5.4.5 bootstrap@5.3.3
  chart.js@4.4.2 moment@2.30.1 axios@1.6.8 rxjs@7.8.1
  primevue@4.3.3 vitepress@1.6.3 carbon-components-svelte@0.89.4
  @astrojs/starlight@0.34.4 govuk-frontend@5.10.2 @wordpress/block-library@9.20.0
  express-generator@4.16.1 handlebars-layouts@3.1.4
)
mkdir -p "$dir/.tarballs"
for p in "${packages[@]}"; do
  name=${p%@*}
  dest="$dir/${name//\//_}"
  [ -d "$dest" ] && continue
  tgz=$(cd "$dir/.tarballs" && npm pack --silent "$p" 2>/dev/null | tail -n1)
  mkdir -p "$dest.tmp"
  tar -xzf "$dir/.tarballs/$tgz" -C "$dest.tmp"
  mv "$dest.tmp" "$dest"
done
rm -rf "$dir/.tarballs"
