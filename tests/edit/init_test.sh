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
# Amounts in the currency's own minor digits: a yen plan and a won plan from init, read by status.
for code in JPY KRW; do
    "$remedy" init -f "$code.toml" --client C --provider P --start 2026-10-01 --timezone UTC \
        --currency "$code" > /dev/null 2> err || fail "init --currency $code exited $?: $(cat err)"
    grep -q '^monthly_fee = "0" ' "$code.toml" || fail "the $code fee is not written without decimals"
    grep -q '^critical = "0"$' "$code.toml" || fail "the $code rates are not written without decimals"
    "$remedy" status -f "$code.toml" --as-of 2026-10-05 > out 2> err || fail "status of the $code plan: $(cat err)"
    grep -q "^Penalties  0 $code owed" out || fail "the $code plan's status: $(cat out)"
done
# A USD starter moved to yen keeps every amount, written without decimals; back to USD, with two.
"$remedy" init -f usd.toml --client C --provider P --start 2026-10-01 --timezone UTC > /dev/null
"$remedy" config -f usd.toml penalties.per_day.high 1500.00 --as-of 2026-10-02 -q 2> /dev/null
"$remedy" config -f usd.toml contract.currency JPY --as-of 2026-10-02 -q 2> err || fail "config contract.currency JPY: $(cat err)"
grep -q '^high = "1500"$' usd.toml || fail "the rate is not 1500 yen: $(grep '^high' usd.toml)"
"$remedy" config -f usd.toml contract.currency USD --as-of 2026-10-02 -q 2> /dev/null
grep -q '^high = "1500.00"$' usd.toml || fail "the rate is not 1500.00 dollars: $(grep '^high' usd.toml)"
# An amount yen cannot hold is refused by name, and the file is left as it was.
"$remedy" config -f usd.toml penalties.per_day.high 12.55 --as-of 2026-10-02 -q 2> /dev/null
cp usd.toml usd.before
"$remedy" config -f usd.toml contract.currency JPY --as-of 2026-10-02 2> err
[ $? -eq 3 ] || fail "a currency that cannot hold 12.55 was not refused"
grep -qF "penalties.per_day.high = 12.55 cannot be written in JPY" err || fail "the refusal: $(cat err)"
cmp -s usd.toml usd.before || fail "a refused change of currency changed the plan"
# A refusal of init names no place in the file it did not write.
"$remedy" init -f unwritten.toml --currency JPY --fee 100.50 --start 2026-10-01 2> err
[ $? -eq 3 ] || fail "a fee yen cannot hold did not exit 3"
[ "$(cat err)" = "remedy: error: the values given do not make a valid plan, so unwritten.toml was not written: contract.monthly_fee has 2 decimals but JPY allows none" ] ||
    fail "the refusal of init: $(cat err)"
[ ! -e unwritten.toml ] || fail "a refused init left a file"
# A key set after every key of its table was unset goes under the table's own header, and takes
# effect: grace of 2 days from a due date of 2026-10-10 leaves one late day on 2026-10-13, 100.00.
"$remedy" init -f grace.toml --client C --provider P --start 2026-10-01 --timezone UTC > /dev/null
"$remedy" add -f grace.toml --title t --priority critical --due 2026-10-10 --as-of 2026-10-02 -q 2> /dev/null
"$remedy" config -f grace.toml penalties.per_day.critical 100.00 --as-of 2026-10-02 -q 2> /dev/null
"$remedy" config -f grace.toml penalties.grace_days --unset --as-of 2026-10-02 -q 2> /dev/null
"$remedy" config -f grace.toml penalties.terminate_at_cap --unset --as-of 2026-10-02 -q 2> /dev/null
"$remedy" config -f grace.toml penalties.grace_days 2 --as-of 2026-10-02 -q 2> err || fail "config after unset: $(cat err)"
[ ! -s err ] || fail "config after unset warned: $(cat err)"
grep -A1 '^\[penalties\]' grace.toml | grep -q '^grace_days = 2$' || fail "grace_days is not under [penalties]"
"$remedy" status -f grace.toml --as-of 2026-10-13 --format json > out 2> err
grep -q '"owed": "100.00"' out || fail "two days of grace do not hold: $(grep owed out)"
# A table made only by its sub-tables' headers gets a header of its own for a new key.
printf '[client]\nname = "C"\n[provider]\nname = "P"\n[timebox]\nstart = 2026-10-01\n[penalties.per_day]\nhigh = "1.00"\n' > implicit.toml
"$remedy" config -f implicit.toml penalties.grace_days 3 --as-of 2026-10-02 -q 2> err
grep -q "unknown key" err && fail "the key went into another table: $(cat err)"
[ "$(tail -2 implicit.toml)" = "$(printf '[penalties]\ngrace_days = 3')" ] || fail "no [penalties] header of its own: $(cat implicit.toml)"
echo "init checked, $failures failed"
[ "$failures" -eq 0 ]
