#!/usr/bin/env bash
# The README's screenshots, from the console itself (offscreen, embedded mock scheduler, seed 1):
#   tools/screenshots.sh            writes docs/screenshot-zh_CN.png and docs/screenshot-en.png
# Build first (tools/dev.sh build).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
console="$here/build/app/cpn-console"
[ -x "$console" ] || { echo "screenshots: build first (tools/dev.sh build)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in zh_CN en; do
  QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" "$console" --lang "$lang" --seed 1 \
    --screenshot "$here/docs/screenshot-$lang.png" --screenshot-after 5 --journal "$work/journal-$lang.sqlite"
  echo "docs/screenshot-$lang.png"
done
