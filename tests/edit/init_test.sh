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
# Its one warning is that it has no issue yet: the starter holds no example unless asked.
[ "$(cat err)" = "remedy.toml:1:1: warning: the plan lists no [[issue]]; the verdict can only be remediated or terminate" ] ||
    fail "the new plan's warnings: $(cat err)"
! grep -q '^\[\[issue\]\]' remedy.toml || fail "the starter has an issue without --example"
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
# Every value a plan needs, from the options: the plan is complete, with nothing left to edit.
mkdir full && cd full
"$remedy" init --client "Northwind Traders" --client-contact "Alex Kim <alex@northwind.example>" \
    --provider "Acme Managed IT" --provider-contact "Pat Doe <pat@acme-it.example>" \
    --cc "Account Desk <desk@acme-it.example>" --cc "Legal <legal@acme-it.example>" \
    --reference MSA-2024-017 --currency EUR --fee 18450.00 --start 2026-10-01 --days 45 \
    --timezone Europe/Berlin --example > out || fail "init with every option exited $?"
grep -q "time box 2026-10-01 to 2026-11-15" out || fail "init with --days 45 said: $(cat out)"
for line in 'contact = "Alex Kim <alex@northwind.example>"' \
    'cc = ["Account Desk <desk@acme-it.example>", "Legal <legal@acme-it.example>"]' \
    'reference = "MSA-2024-017"' 'currency = "EUR"' 'monthly_fee = "18450.00"' 'days = 45' \
    'timezone = "Europe/Berlin"' 'id = "EX-1"'; do
    grep -qF "$line" remedy.toml || fail "the plan lacks: $line"
done
"$remedy" check --fail-on never --as-of 2026-10-05 > /dev/null 2> err || fail "the full plan is not valid: $(cat err)"
[ ! -s err ] || fail "the full plan has warnings: $(cat err)"
"$remedy" email notice --as-of 2026-10-01 > /dev/null 2> err || fail "no notice from the full plan: $(cat err)"
cd ..
# A value that makes no valid plan is refused with its diagnostic, and nothing is written.
"$remedy" init -f bad.toml --currency EURO --start 2026-10-01 2> err
[ $? -eq 3 ] || fail "an unknown currency did not exit 3"
grep -q "currency" err || fail "the refusal does not name the currency: $(cat err)"
[ ! -e bad.toml ] || fail "a refused init left a file"
echo "init checked, $failures failed"
[ "$failures" -eq 0 ]
