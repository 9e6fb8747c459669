#!/bin/bash
# Runs `bench/run --quick` and checks that its table has a row for every case.
# usage: quick_test.sh PYTHON BENCH_RUN BUILD_DIR
set -uo pipefail
out=$("$1" "$2" --quick "$3")
status=$?
[ $status -eq 77 ] && exit 77
echo "$out"
[ $status -eq 0 ] || { echo "bench/run --quick exited $status" >&2; exit 1; }
for row in 'status, bundled example' 'vs libraries alone' 'status --format json' 'status --format text' \
    'task list' 'pauses and credits' 'toml++ walk of the same' 'report vs status' 'peak memory' \
    'history' 'portfolio, ' 'portfolio vs one status'; do
    grep -q -- "$row" <<<"$out" || { echo "no row for '$row'" >&2; exit 1; }
done
