#!/bin/bash
# The shipped example, examples/northwind.toml, written from nothing with remedy's commands
# alone: init, config, warn, extend, add, start, resolve, waive, incident. The plan they make must be
# judged exactly as the example on every day the example's own tests use (status and verdict
# as JSON, the ledger by month), so no value of the example is out of reach of the commands.
# Usage: from_nothing_test.sh REMEDY EXAMPLE
set -u
remedy=$(realpath "$1")
example=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export REMEDY_PLAN="$work/remedy.toml"
# The example is a file of remedy's own repository: git must not find it, or status and verdict
# would also warn of the flags of whatever commit last changed it there.
GIT_CEILING_DIRECTORIES=$(dirname "$(dirname "$example")")
export GIT_CEILING_DIRECTORIES
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# Each command must succeed; --quiet, as a script would run them, and --force for the facts of
# late 2026, so that the test does not depend on today's date.
run() { "$remedy" "$@" --quiet 2> err || fail "remedy $* exited $?: $(cat err)"; }

"$remedy" init --client "Northwind Traders" --client-contact "Alex Kim <alex.kim@northwind.example>" \
    --provider "Acme Managed IT" --provider-contact "Pat Doe <pat.doe@acme-it.example>" \
    --cc "Acme Service Desk <servicedesk@acme-it.example>" --cc "Jordan Lee <jordan.lee@northwind.example>" \
    --reference "MSA-2024-017 amendment 2" --currency USD --fee 18450.00 --start 2026-10-01 \
    --days 60 --timezone America/Chicago > /dev/null 2> err || fail "init: $(cat err)"
run config contract.settlement "credited against the next monthly invoice"
run config penalties.grace_days 2
run config penalties.cap 20%
run config penalties.per_day.critical 1%
run config penalties.per_day.high 150.00
run config penalties.per_day.medium 0.25%
run config penalties.per_miss.critical 2.5%
run config penalties.per_miss.high 250.00
run config penalties.per_miss.medium 75
# init leaves the final warning to give; it is recorded on its day, with its terms.
run warn --on 2026-11-02 --strikes 2 --force
run extend --days 14 --agreed 2026-11-20 --reason "Replacement firewall pair back-ordered by the distributor" --force

add() { # id priority due category owner title [notes]
    run add --id "$1" --priority "$2" --due "$3" --category "$4" --owner "$5" --title "$6" ${7:+--notes "$7"}
}
add NET-1 critical 2026-10-15 network "Acme NOC" "Site-to-site VPN to the Memphis warehouse drops several times a day" \
    "Root cause: ISP modem in bridge mode with a flapping DHCP lease. Fixed IP ordered."
add NET-2 critical 2026-12-04 network "Acme NOC" "Edge firewall is past end of support; replace it with an HA pair"
add NET-3 high 2026-10-09 network "Acme NOC" "Guest Wi-Fi is bridged onto the office VLAN"
add HD-1 high 2026-10-16 "help desk" "Acme Service Desk" "Tickets sit unassigned for more than four business hours" \
    "Acme promised: every ticket assigned within one business hour, measured monthly."
add HD-2 high 2026-10-23 "help desk" "Acme Service Desk" "No after-hours coverage for the warehouse night shift"
add HD-3 medium 2026-10-30 "help desk" "Acme Field Services" "New-hire laptops are not ready on the first day"
add PRN-1 high 2026-10-20 printers "Acme Field Services" "Shipping-label printers drop off the network"
add PRN-2 low 2026-11-06 printers "Acme Field Services" "No current drivers for the fourth-floor copiers"
add TEL-1 critical 2026-11-13 phones "Acme Voice" "Call-center VoIP calls break up at peak hours"
add SRV-1 high 2026-11-06 servers "Acme Server Team" "Windows servers are three months behind on security patches"
add SRV-2 medium 2026-10-12 servers "Acme Server Team" "ERP server data volume at 92%"
add BAK-1 critical 2026-10-09 backups "Acme Server Team" "Nightly ERP database backup fails without alerting"
add BAK-2 high 2026-11-20 backups "Acme Server Team" "No restore test in twelve months" \
    "Acme promised a full restore of the ERP database to the test server, witnessed by us."
add PRC-1 medium 2026-10-30 procurement "Acme Account Desk" "Hardware quotes take three weeks"

for resolution in NET-1:2026-10-16 NET-2:2026-12-14 NET-3:2026-10-08 HD-1:2026-10-14 \
    HD-2:2026-10-27 TEL-1:2026-11-18 SRV-2:2026-10-13 BAK-1:2026-10-14 BAK-2:2026-12-10; do
    run resolve "${resolution%%:*}" --on "${resolution#*:}" --force
done
run start HD-3
run start SRV-1
run waive PRC-1 --on 2026-10-12 --reason "Purchasing moved in-house" --force
run incident --priority critical --on 2026-10-27 --summary "Email and Teams down company-wide for five hours" --force
run incident --priority medium --on 2026-11-09 --summary "Second-floor print queue stalled for a morning" --force
run incident --priority high --on 2026-12-11 --summary "ERP unreachable for three hours after an unannounced firewall change" --force

"$remedy" check --fail-on never --as-of 2026-10-05 > /dev/null 2> err || fail "the plan is not valid: $(cat err)"
[ ! -s err ] || fail "the plan has warnings: $(cat err)"
compared=0
for day in 2026-10-21 2026-11-23 2026-12-16; do
    for report in "status --format json" "verdict --format json" "penalties --by-month --format json"; do
        # shellcheck disable=SC2086
        "$remedy" $report --as-of "$day" > made.json 2>&1
        # shellcheck disable=SC2086
        "$remedy" $report --as-of "$day" -f "$example" > example.json 2>&1
        compared=$((compared + 1))
        cmp -s made.json example.json ||
            fail "$report --as-of $day differs: $(diff example.json made.json | head -10)"
    done
done
echo "the example written with commands alone, $compared reports compared, $failures failed"
[ "$failures" -eq 0 ]
