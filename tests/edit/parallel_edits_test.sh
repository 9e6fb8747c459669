#!/bin/bash
# Many `remedy incident` and `remedy resolve` commands started at once on one plan: afterwards
# every change that reported success is in the file, and the file is a valid plan.
# Usage: parallel_edits_test.sh REMEDY
set -u
remedy=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/commented.toml" "$work/remedy.toml"
cd "$work"
for i in $(seq 1 24); do
    "$remedy" incident --priority low --summary "parallel incident $i" --on 2026-10-10 --as-of 2026-10-12 \
        > "out.$i" 2> "err.$i" &
done
"$remedy" resolve NET-1 --on 2026-10-12 --as-of 2026-10-12 > out.resolve 2> err.resolve &
wait
failures=0
succeeded=0
for i in $(seq 1 24); do
    if grep -q "parallel incident $i\$" "out.$i"; then
        succeeded=$((succeeded + 1))
        grep -q "summary = \"parallel incident $i\"" remedy.toml ||
            { echo "FAIL: incident $i reported success but is not in the file"; failures=$((failures + 1)); }
    else
        # A refusal must be the lock's, and say so.
        grep -q "remedy.toml.lock" "err.$i" ||
            { echo "FAIL: incident $i neither succeeded nor named the lock:"; cat "err.$i"; failures=$((failures + 1)); }
    fi
done
if grep -q "resolved on" out.resolve; then
    grep -q "resolved = 2026-10-12" remedy.toml || { echo "FAIL: the resolution is lost"; failures=$((failures + 1)); }
fi
"$remedy" check --fail-on never --as-of 2026-10-12 > /dev/null || { echo "FAIL: the plan is no longer valid"; failures=$((failures + 1)); }
[ ! -e remedy.toml.lock ] || { echo "FAIL: a lock was left behind"; failures=$((failures + 1)); }
echo "$succeeded of 24 parallel incidents succeeded and are in the file; $failures failed checks"
[ "$failures" -eq 0 ] && [ "$succeeded" -gt 0 ]
