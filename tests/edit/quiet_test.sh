#!/bin/bash
# -q while a plan is being set up: the warning the plan already had ("the plan lists no
# [[issue]]") is not repeated at every command; a warning the change brings is still said. And a
# fact recorded twice is a no-op that exits 0 and says so, the file untouched.
# Usage: quiet_test.sh REMEDY
set -u
remedy=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export TZ=UTC
unset REMEDY_PLAN
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$remedy" init --client "Harrow & Pinner" --provider "Northolt" --start 2026-10-05 \
    --timezone Europe/London > /dev/null 2> init.err || fail "init: $(cat init.err)"

# Quiet: nothing at all, although the plan still lists no issue.
"$remedy" config penalties.grace_days 2 -q --as-of 2026-10-05 > out 2> err
[ $? = 0 ] && [ ! -s out ] && [ ! -s err ] || fail "config -q printed: $(cat out err)"
"$remedy" config contract.currency GBP --quiet --as-of 2026-10-05 > out 2> err
[ $? = 0 ] && [ ! -s out ] && [ ! -s err ] || fail "config --quiet printed: $(cat out err)"
# Not quiet: the warning is there, as always.
"$remedy" config warnings.due_within 5 --as-of 2026-10-05 > out 2> err
grep -q "lists no \[\[issue\]\]" err || fail "without -q the warning is not said: $(cat err)"

# The first issue takes the warning away; removing it brings the warning back: a new warning
# is said even with -q.
"$remedy" add --id NET-1 --title "Wi-Fi drops" --priority high --due 2026-10-20 -q \
    --as-of 2026-10-05 > out 2> err
[ $? = 0 ] && [ ! -s out ] && [ ! -s err ] || fail "add -q printed: $(cat out err)"
"$remedy" remove NET-1 -q --as-of 2026-10-05 > out 2> err
grep -q "lists no \[\[issue\]\]" err || fail "a warning the change brings is silenced: $(cat err)"

# The same fact twice: exit 0, the file untouched, said (and silent with -q).
"$remedy" add --id NET-1 --title "Wi-Fi drops" --priority high --due 2026-10-20 -q \
    --as-of 2026-10-05 2> /dev/null
"$remedy" resolve NET-1 --on 2026-10-19 --as-of 2026-10-20 -q || fail "resolve failed"
cp remedy.toml before.toml
"$remedy" resolve NET-1 --on 2026-10-19 --as-of 2026-10-20 > out 2> err
status=$?
[ $status = 0 ] || fail "resolving again on the same day: exit $status: $(cat err)"
grep -qx "remedy.toml: unchanged, NET-1 is already resolved on 2026-10-19" out ||
    fail "the no-op does not say so: $(cat out)"
cmp -s before.toml remedy.toml || fail "the no-op changed the file"
"$remedy" resolve NET-1 --on 2026-10-19 --as-of 2026-10-20 -q > out 2> err
[ $? = 0 ] && [ ! -s out ] && [ ! -s err ] || fail "a quiet no-op printed: $(cat out err)"
# Another day is another fact: refused, exit 3, the file untouched.
"$remedy" resolve NET-1 --on 2026-10-18 --as-of 2026-10-20 > out 2> err
status=$?
[ $status = 3 ] || fail "resolving on another day: exit $status"
grep -q "already resolved on 2026-10-19, not 2026-10-18" err || fail "the refusal: $(cat err)"
cmp -s before.toml remedy.toml || fail "the refusal changed the file"
# The same incident twice.
"$remedy" incident --priority high --summary "Email down" --on 2026-10-08 --as-of 2026-10-20 -q
"$remedy" incident --priority high --summary "Email down" --on 2026-10-08 --as-of 2026-10-20 \
    > out 2> err || fail "the same incident twice: exit $?: $(cat err)"
[ "$(grep -c '^\[\[incident\]\]' remedy.toml)" = 1 ] || fail "the incident was recorded twice"
grep -q "already recorded" out || fail "the incident's no-op does not say so: $(cat out)"

[ "$failures" = 0 ] && echo "quiet and idempotent edits: ok"
[ "$failures" = 0 ]
