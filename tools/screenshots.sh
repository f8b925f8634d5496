#!/usr/bin/env bash
# The README's screenshots and the guide's pictures, from the console itself (offscreen, embedded
# mock scheduler, seed 1):
#   tools/screenshots.sh    writes docs/screenshot-zh_CN.png, docs/screenshot-en.png and
#                           resources/guide/{operator,demo,ministry}.{zh_CN,en}.png
# Build first (tools/dev.sh build). The guide's pictures are made 960 pixels wide with
# ImageMagick's convert when it is installed (they are built into the console).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
console="$here/build/app/cpn-console"
[ -x "$console" ] || { echo "screenshots: build first (tools/dev.sh build)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shot() { # FILE LANG [console arguments...]
  local file=$1 lang=$2
  shift 2
  QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" "$console" --lang "$lang" --seed 1 \
    --screenshot "$file" --journal "$work/journal.sqlite" "$@"
  echo "${file#"$here"/}"
}
guide() { # NAME LANG [console arguments...]
  local name=$1 lang=$2
  shift 2
  local file="$here/resources/guide/$name.$lang.png"
  shot "$work/$name.png" "$lang" "$@"
  if command -v convert >/dev/null; then
    convert "$work/$name.png" -resize 960x "$file"
  else
    cp "$work/$name.png" "$file"
  fi
  echo "${file#"$here"/}"
}

for lang in zh_CN en; do
  shot "$here/docs/screenshot-$lang.png" "$lang" --screenshot-after 5
  guide operator "$lang" --screenshot-after 5
  guide demo "$lang" --scenario hub-outage --time-scale 120 --screenshot-after 15
  guide ministry "$lang" --screenshot-of capacity-review --screenshot-after 3
done
