#!/bin/bash
# `remedy init` writes a valid, commented plan with the names and start given, and never
# overwrites one. Usage: init_test.sh REMEDY
set -u
remedy=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$remedy" init --client "Zoë Müller GmbH" --provider "Acme Managed IT" --start 2026-10-01 > out ||
    fail "init exited $?"
grep -q "time box 2026-10-01 to 2026-11-30" out || fail "init said: $(cat out)"
"$remedy" check --fail-on never --as-of 2026-10-05 > /dev/null 2> err || fail "the new plan is not valid: $(cat err)"
[ ! -s err ] || fail "the new plan has warnings: $(cat err)"
grep -q '^name = "Zoë Müller GmbH"$' remedy.toml || fail "the client's name is not in the plan"
grep -q '^start = 2026-10-01' remedy.toml || fail "the start is not in the plan"
[ "$(grep -c '^#' remedy.toml)" -ge 3 ] || fail "the plan explains nothing"
cp remedy.toml before.toml
"$remedy" init --client "Other" --start 2026-10-01 2> err
[ $? -eq 3 ] || fail "a second init did not exit 3"
grep -q "already exists" err || fail "the refusal does not say why: $(cat err)"
cmp -s remedy.toml before.toml || fail "a second init changed the plan"
"$remedy" init -f other.toml --start 2026-13-01 2> /dev/null
[ $? -eq 2 ] || fail "a bad --start did not exit 2"
[ ! -e other.toml ] || fail "a refused init left a file"
echo "init checked, $failures failed"
[ "$failures" -eq 0 ]
