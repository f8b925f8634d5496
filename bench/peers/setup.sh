#!/bin/sh
# Installs what the peer benchmarks need (cpn-bench --only peers): Debian's chromium for
# ECharts to run in, and ECharts plus the DevTools-protocol client into bench/peers/echarts/
# (node_modules is not committed). Run as root, or with sudo for the apt-get part.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v chromium >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core
fi
if ! command -v npm >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm
fi

cd "$here/echarts"
# The versions are pinned by package-lock.json.
npm ci --no-audit --no-fund
chromium --version 2>/dev/null
node --version
echo "peers: ready (cpn-bench --only peers)"
