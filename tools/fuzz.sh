#!/usr/bin/env bash
# Build the libFuzzer targets of fuzz/ with clang in ./build-fuzz and run each for a bounded time.
#   tools/fuzz.sh [SECONDS]     SECONDS per target, default 60
# Installs clang and its fuzzer runtime with apt-get when missing (through sudo when not root);
# the project's other dependencies are those tools/dev.sh installs. Only the fuzz targets and the
# libraries they link are built, with ASan and UBSan. The seeds are written anew each time
# (build-fuzz/corpus-seed); the working corpus (build-fuzz/corpus/<target>) keeps what earlier
# runs found. Exits non-zero when a fuzzer finds a crash, a leak, a sanitizer report or a
# timeout; the input that did it is in build-fuzz/findings/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: tools/fuzz.sh [SECONDS]" >&2
  exit 2
fi

packages=(clang libclang-rt-14-dev)
# shellcheck source=tools/install-missing.sh
source "$here/tools/install-missing.sh"
install_missing "${packages[@]}"

build="$here/build-fuzz"
targets=(client server)
# An empty launcher undoes one an earlier configuration set, should ccache have gone since.
launcher=""
command -v ccache >/dev/null && launcher=ccache
CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCPN_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" -DCMAKE_C_COMPILER_LAUNCHER="$launcher" >/dev/null
echo "Building the fuzz targets in $build (log: $build/build.log)"
start=$SECONDS
if ! cmake --build "$build" -j2 --target cpn-fuzz-seeds "${targets[@]/#/cpn-fuzz-}" >"$build/build.log" 2>&1; then
  tail -n 60 "$build/build.log"
  exit 1
fi
echo "Built in $((SECONDS - start)) s"

rm -rf "$build/corpus-seed"
"$build/fuzz/cpn-fuzz-seeds" "$build/corpus-seed"
mkdir -p "$build/findings"

# One of libFuzzer's final statistics from a log.
final() { sed -n "s/^stat::$2: *//p" "$1" | tail -n 1; }

status=0
summary=()
for target in "${targets[@]}"; do
  seeds="$build/corpus-seed/$target"
  corpus="$build/corpus/$target"
  log="$build/fuzz-$target.log"
  mkdir -p "$corpus"
  cp "$seeds"/* "$corpus"/
  echo "Fuzzing cpn-fuzz-$target for $seconds s (log: $log)"
  outcome=ok
  if ! "$build/fuzz/cpn-fuzz-$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$build/findings/$target-" "$corpus" "$seeds" >"$log" 2>&1; then
    outcome="FAILED"
    status=1
    # What libFuzzer and the sanitizers said of it, without the thousands of lines before.
    grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)|^[[:space:]]+NEW_FUNC' "$log" | tail -n 80
  fi
  # libFuzzer's last status line ("#N DONE cov: C ft: F corp: ...") and its final statistics.
  last=$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([^ ]*\).*/\1/p' <<<"$last")
  summary+=("cpn-fuzz-$target: $outcome; $(final "$log" number_of_executed_units) runs, $(final "$log" average_exec_per_sec)/s, cov: ${cov:-?} ft: ${ft:-?}, corpus ${corp:-?} (inputs/size), new inputs $(final "$log" new_units_added), peak RSS $(final "$log" peak_rss_mb) MB")
done

echo
printf '%s\n' "${summary[@]}"
[ "$status" -eq 0 ] || echo "The inputs that failed are in $build/findings/ (run the target on one to see it again)."
exit "$status"
