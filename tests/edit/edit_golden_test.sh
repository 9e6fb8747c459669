#!/bin/bash
# Each folder of tests/edit/cases runs one command (`args`, one argument a line) on a copy of
# tests/edit/commented.toml and compares the file after it with `after.toml`, what it printed
# with `stdout`, and its status with `exit` (a refused edit must leave the file untouched, so
# its after.toml is the plan as it was). Then the same for a CRLF copy (the file must stay CRLF)
# and a copy without a final newline (it must stay without one).
# Usage: edit_golden_test.sh REMEDY
set -u
remedy=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checked=0

run_case() { # case variant convert
    local case=$1 variant=$2 convert=$3
    local dir="$work/$(basename "$case").$variant"
    mkdir -p "$dir"
    $convert < "$here/commented.toml" > "$dir/remedy.toml"
    $convert < "$case/after.toml" > "$dir/expected.toml"
    mapfile -t args < "$case/args"
    (cd "$dir" && env -u REMEDY_PLAN TZ=UTC "$remedy" "${args[@]}" > out.txt 2> err.txt)
    local status=$?
    checked=$((checked + 1))
    if [ "$status" != "$(cat "$case/exit")" ]; then
        echo "FAIL $(basename "$case") ($variant): exit $status, expected $(cat "$case/exit")"
        cat "$dir/err.txt"
        failures=$((failures + 1))
    elif ! cmp -s "$dir/remedy.toml" "$dir/expected.toml"; then
        echo "FAIL $(basename "$case") ($variant): the file differs from after.toml"
        diff "$dir/expected.toml" "$dir/remedy.toml" | cat -A | head -20
        failures=$((failures + 1))
    elif [ "$variant" = lf ] && ! diff -q "$case/stdout" "$dir/out.txt" > /dev/null 2>&1; then
        echo "FAIL $(basename "$case"): stdout differs"
        diff "$case/stdout" "$dir/out.txt"
        failures=$((failures + 1))
    fi
    if [ -e "$dir/remedy.toml.lock" ]; then
        echo "FAIL $(basename "$case") ($variant): the lock was left behind"
        failures=$((failures + 1))
    fi
}

as_is() { cat; }
to_crlf() { sed 's/$/\r/'; }
no_final_newline() { perl -pe 'chomp if eof'; }

for case in "$here"/cases/*/; do
    case=${case%/}
    run_case "$case" lf as_is
    run_case "$case" crlf to_crlf
    run_case "$case" no-final-newline no_final_newline
done
echo "$checked edits checked, $failures failed"
[ "$failures" -eq 0 ]
