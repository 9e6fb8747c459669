#!/usr/bin/env bash
# Fuzzes remedy's plan handling (or, with TARGET=import, its reading of ticket exports) for
# SECONDS with libFuzzer: configures a clang build with -DREMEDY_FUZZ=ON, builds
# tests/fuzz/plan_fuzzer (import_fuzzer), gathers the seed corpus from the project's plans (sample
# exports), and runs. Exits 0 when the time ran out with no finding, non-zero on any finding (a
# crash, a sanitizer report, a leak, an input slower than TIMEOUT seconds or larger than RSS_MB).
#
#   tests/fuzz/run_fuzz.sh SECONDS [JOBS]
#
# Environment: TARGET (plan, the default, or import), BUILD_DIR (default build-fuzz), TIMEOUT (per
# input, default 10), RSS_MB (default 2048), FUZZ_ARGS (more libFuzzer flags). The corpus grows in
# BUILD_DIR/corpus (corpus-import) and is kept between runs; findings are written to
# BUILD_DIR/findings (findings-import). See docs/fuzzing.md.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || ! $1 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 SECONDS [JOBS]" >&2
    exit 2
fi
seconds=$1
jobs=${2:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build-fuzz}
target=${TARGET:-plan}
case $target in
plan)
    suffix=""
    seed_sources=("$root/examples" "$root/tests/plans" "$root/tests/fuzz/regressions")
    seed_pattern='*.toml'
    ;;
import)
    suffix="-import"
    seed_sources=("$root/tests/plans/import" "$root/tests/import" "$root/tests/fuzz/import-regressions")
    seed_pattern='*.csv'
    ;;
*)
    echo "$0: TARGET must be plan or import, not '$target'" >&2
    exit 2
    ;;
esac
corpus=$build/corpus$suffix
findings=$build/findings$suffix

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DREMEDY_FUZZ=ON -DREMEDY_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target "${target}_fuzzer" -j2

# The seeds are gathered afresh each run, so that a new example or test plan is a seed at once.
seeds=$build/seeds$suffix
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$findings"
find "${seed_sources[@]}" -type f \( -name "$seed_pattern" -o -path '*regressions/*' \) \
    ! -name README.md -print0 |
    while IFS= read -r -d '' plan; do
        cp "$plan" "$seeds/$(printf '%s' "${plan#"$root"/}" | tr '/' '_')"
    done

# libFuzzer writes new inputs to the first folder only; the seeds stay as they are. With JOBS > 1
# it fuzzes in that many child processes (-fork), and the first finding stops them all.
args=(-dict="$root/tests/fuzz/$target.dict" -max_total_time="$seconds" -timeout="${TIMEOUT:-10}"
      -rss_limit_mb="${RSS_MB:-2048}" -max_len=16384 -print_final_stats=1
      -artifact_prefix="$findings/")
if [[ $jobs -gt 1 ]]; then
    args+=(-fork="$jobs")
fi
# ${FUZZ_ARGS} is split on purpose: it holds several flags.
status=0
# shellcheck disable=SC2086
"$build/tests/fuzz/${target}_fuzzer" "${args[@]}" ${FUZZ_ARGS:-} "$corpus" "$seeds" || status=$?
found=$(find "$findings" -type f | wc -l)
if [[ $found -gt 0 ]]; then
    # Findings stay until someone deals with them: fixed, and moved to tests/fuzz/regressions/
    # (import-regressions/).
    echo "run_fuzz.sh: $found finding(s) in $findings" >&2
    exit 1
fi
exit "$status"
