#!/usr/bin/env bash
# Set up a Debian 12 machine, build, then run the console or every test.
#   tools/dev.sh run [console arguments...]   build and start cpn-console (embedded mock scheduler)
#   tools/dev.sh test                          build and run every test under CTest
#   tools/dev.sh build                         only build
#   tools/dev.sh package                       build, then the Debian package in build/package
# Installs what is missing with apt-get (through sudo when not root). Builds in ./build.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-run}
shift || true

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-positioning-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libgl-dev
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libsqlite3-dev fonts-noto-cjk python3-grpcio python3-protobuf help2man dpkg-dev
  libxlsxwriter-dev fonts-wqy-microhei
)

# The tests start a real Slurm cluster (tools/slurm-lab.sh): install it here, once, rather than
# from two tests at the same time; the fuzz test builds with clang and libFuzzer (tools/fuzz.sh).
# The package test validates the desktop entry and the AppStream metainfo. The report test reads
# its PDFs back with poppler's pdftotext and pdffonts.
[ "$mode" = test ] && packages+=(slurm-wlm munge openssl clang libclang-rt-14-dev desktop-file-utils appstream
  poppler-utils)

# shellcheck source=tools/install-missing.sh
source "$here/tools/install-missing.sh"
install_missing "${packages[@]}"

jobs=$(( $(nproc) < 2 ? 1 : 2 ))
cmake -S "$here" -B "$here/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$here/build" -j"$jobs"

case "$mode" in
  run)
    exec "$here/build/app/cpn-console" "$@"
    ;;
  test)
    cd "$here/build"
    exec ctest --output-on-failure -j"$jobs" --timeout 600
    ;;
  build)
    ;;
  package)
    cd "$here/build"
    cpack -G DEB -B "$here/build/package"
    ;;
  *)
    echo "usage: tools/dev.sh run|test|build|package" >&2
    exit 2
    ;;
esac
