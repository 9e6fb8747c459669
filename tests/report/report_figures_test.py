"""The figures of `remedy report` are those of `remedy status --format json` on the same day:
owed, total, balance, each issue's penalty and late days, the strikes, and the scorecard's
counts; and, worked out by hand from SPEC.md, the example's figures on 2026-10-21.

usage: report_figures_test.py REMEDY EXAMPLE_PLAN
"""
import json
import re
import sys

from report_support import (figures, parse_strict, plan_copy, report, run_remedy, scratch_dir,
                            text_of)

failures = []


def check(label, got, expected):
    if got != expected:
        failures.append(label)
        print(f"FAIL {label}: the page says {got!r}, expected {expected!r}")


def grouped(amount, currency):
    """JSON's "1014.75" as the page writes it: "1,014.75 USD"."""
    whole, _, fraction = amount.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-')):,}"
    return f"{sign}{whole}{'.' + fraction if fraction else ''} {currency}"


def ledger_rows(tree):
    """Issue id -> (late days, penalty) from the ledger's rows."""
    table = next(t for t in tree.iter("table") if t.get("class") == "ledger")
    rows = {}
    for row in table.iter("tr"):
        head = row.find("th[@scope='row']")
        if head is None:
            continue
        cells = {c.get("data-figure"): text_of(c) for c in row if c.get("data-figure")}
        rows[text_of(head)] = (cells["late-days"], cells["penalty"])
    return rows


def compare_with_status(remedy, plan, as_of):
    status = json.loads(run_remedy(remedy, "status", "-f", plan, "--as-of", as_of,
                                   "--format", "json").stdout)
    tree = parse_strict(report(remedy, plan, as_of))
    found = figures(tree)
    currency = status["currency"]
    penalties = status["penalties"]
    label = f"{as_of}:"
    check(f"{label} owed", found["owed"], [grouped(penalties["owed"], currency)])
    check(f"{label} owed in the ledger", found["ledger-owed"],
          [grouped(penalties["owed"], currency)])
    check(f"{label} total", found["total"], [grouped(penalties["total"], currency)])
    check(f"{label} balance", found["balance"], [grouped(penalties["balance"], currency)])
    # Before the final warning is given, the page states neither its limit nor its date.
    check(f"{label} strikes", found["strikes"],
          [f"{status['strikes']['count']} of {status['strikes']['limit']}"
           if status["strikes"]["warning_given"] else "none"])
    check(f"{label} deadline", found["deadline"], [status["timebox"]["deadline"]])
    rows = ledger_rows(tree)
    check(f"{label} ledger ids", sorted(rows), sorted(i["id"] for i in status["issues"]))
    for issue in status["issues"]:
        check(f"{label} {issue['id']} late days and penalty", rows.get(issue["id"]),
              (str(issue["late_days"]), grouped(issue["penalty"], "").strip()))
    states = [i["state"] for i in status["issues"]]
    resolved = [i for i in status["issues"] if i["state"] == "resolved"]
    check(f"{label} resolved on time", found["on-time"],
          [str(sum(1 for i in resolved if i["days_overdue"] == 0))])
    check(f"{label} resolved late", found["resolved-late"],
          [str(sum(1 for i in resolved if i["days_overdue"] > 0))])
    check(f"{label} still open", found["still-open"],
          [str(sum(1 for s in states if s in ("open", "in_progress")))])
    check(f"{label} waived", found["waived"], [str(states.count("waived"))])
    late = [i["days_overdue"] for i in resolved if i["days_overdue"] > 0]
    check(f"{label} worst days late", found["worst-days-late"],
          [str(max(late)) if late else "-"])
    # The burndown ends on as_of with the open and overdue issues of that day's judgement.
    open_now = sum(1 for s in states if s in ("open", "in_progress"))
    overdue_now = sum(1 for i in status["issues"] if i["overdue"])
    burndown = next(e for e in tree.iter() if e.tag.endswith("desc") and
                    e.get("id") == "burndown-desc")
    check(f"{label} burndown on as_of",
          re.search(r"(\d+) open and (\d+) overdue on", text_of(burndown)).groups(),
          (str(open_now), str(overdue_now)))
    return found


def main():
    remedy, example = sys.argv[1], sys.argv[2]
    with scratch_dir() as scratch:
        plan = plan_copy(example, scratch)
        for as_of in ("2026-10-01", "2026-10-21", "2026-11-09", "2026-11-23", "2026-12-16",
                      "2027-01-31"):
            compare_with_status(remedy, plan, as_of)

        # By hand, from SPEC.md, on 2026-10-21 (grace 2 calendar days, critical 1% = 184.50 a
        # day and 2.5% = 461.25 once, of the 18,450.00 fee):
        # - BAK-1 (critical) due 10-09, G = 10-11, resolved 10-14: late 10-12..10-14, 3 days:
        #   3 x 184.50 + 461.25 = 1,014.75; every other issue owes nothing yet (NET-1 resolved
        #   10-16 inside its grace, SRV-2 resolved 10-13 inside its grace, PRN-1's grace ends
        #   10-22). Owed 1,014.75 of the 3,690.00 cap: 5.5% of the fee.
        # - Resolved on 10-21: NET-3 and HD-1 on time; NET-1 (1 day after E), SRV-2 (1),
        #   BAK-1 (5) late: mean 7/3 = 2.3, worst 5. Waived: PRC-1 (10-12). Open: the other 8,
        #   of which PRN-1 (E 10-20) is overdue. No incident yet: 0.0 per 30 days.
        found = figures(parse_strict(report(remedy, plan, "2026-10-21")))
        check("by hand: owed", found["owed"], ["1,014.75 USD"])
        check("by hand: on time", found["on-time"], ["2"])
        check("by hand: late", found["resolved-late"], ["3"])
        check("by hand: open", found["still-open"], ["8"])
        check("by hand: waived", found["waived"], ["1"])
        check("by hand: mean days late", found["mean-days-late"], ["2.3"])
        check("by hand: worst days late", found["worst-days-late"], ["5"])
        check("by hand: incidents per 30 days", found["incidents-per-30-days"], ["0.0"])
        check("by hand: share of the fee", found["owed-share-of-fee"],
              ["5.5% of 18,450.00 USD"])
    if failures:
        sys.exit(f"{len(failures)} failures")
    print("ok: the page's figures are status --format json's, and the worked example's")


main()
