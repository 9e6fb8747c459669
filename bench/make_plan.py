#!/usr/bin/python3
"""Writes a valid remedy plan of N issues, and the same issues as a Taskwarrior import file.

usage: make_plan.py [--calendar-and-pauses | --long [--pauses] [--credits]] N PLAN.toml
                    [TASKS.json]

The plan looks like a consultant's aggregate: four priorities, every state, categories,
owners, notes, incidents and penalties by priority. It is the same for the same N. With
--calendar-and-pauses it also has a [calendar] of 30 holidays, penalties counted on working
days, and 1,000 pauses (200 of every issue, 800 of one to three issues each): the same plan
otherwise, so that the two can be timed side by side.

--long gives the plan a time box of 12,060 days (200 extensions of 60 days), judged best on
LONG_AS_OF (2056-11-12); --pauses adds N pauses and --credits N credits, the shape of a
hostile plan: half the pauses cover every issue, one day each and apart, and each of the
others names one issue, on a day between them (so that no pause joins another); the credits
are of 0.01 each, one a day from the twentieth day on, so that each is checked on a day of
its own.
"""
import datetime
import json
import sys
import uuid

PRIORITIES = ["critical", "high", "medium", "low"]
TASK_PRIORITY = {"critical": "H", "high": "H", "medium": "M", "low": "L"}
CATEGORIES = ["network", "help desk", "printers", "backup", "security", "email"]
START = datetime.date(2026, 10, 1)
DAYS = 60


def issue_fields(i):
    priority = PRIORITIES[(i * 7) % 4]
    due = START + datetime.timedelta(days=1 + (i * 37) % (DAYS - 1))
    state = ["open", "in_progress", "resolved", "open", "waived", "resolved"][i % 6]
    return priority, due, state


def calendar_and_pauses(n):
    """30 holidays through the time box and around it, and 1,000 pauses agreed in it."""
    holidays = [START + datetime.timedelta(days=3 + 4 * k) for k in range(30)]
    out = ["[calendar]", "holidays = [" + ", ".join(d.isoformat() for d in holidays) + "]", ""]
    for k in range(1000):
        first = START + datetime.timedelta(days=k % (DAYS - 5))
        last = first + datetime.timedelta(days=k % 3)
        out += ["[[pause]]", f"from = {first.isoformat()}", f"to = {last.isoformat()}"]
        if k % 5 != 0:  # four in five name their issues
            ids = sorted({(k * 31 + j * 977) % n + 1 for j in range(1 + k % 3)})
            out.append("issues = [" + ", ".join(f'"ISS-{i}"' for i in ids) + "]")
        out += [f'reason = "Client change freeze {k + 1}"',
                f"agreed = {(last + datetime.timedelta(days=k % 4)).isoformat()}", ""]
    return out


LONG_EXTENSIONS = 200
LONG_AS_OF = START + datetime.timedelta(days=11000)


def long_extensions():
    out = []
    for k in range(LONG_EXTENSIONS):
        out += ["[[timebox.extension]]", "days = 60", f"agreed = {START.isoformat()}",
                f'reason = "Phase {k + 2} of the migration"', ""]
    return out


def long_pauses(n):
    """n pauses: half of every issue, half naming one issue each, one day each."""
    out = []
    for k in range(n):
        day = START + datetime.timedelta(days=100 + k)
        out += ["[[pause]]", f"from = {day.isoformat()}", f"to = {day.isoformat()}"]
        if k % 2 == 1:  # one issue, on a day between two pauses of every issue
            out.append(f'issues = ["ISS-{(k * 7919) % n + 1}"]')
        out += [f'reason = "Change freeze {k + 1}"', f"agreed = {START.isoformat()}", ""]
    return out


def long_credits(n):
    """n credits of 0.01, one a day from the twentieth day of the time box on."""
    out = []
    for k in range(n):
        out += ["[[credit]]", f"date = {(START + datetime.timedelta(days=20 + k)).isoformat()}",
                'amount = "0.01"', f'invoice = "INV-{k + 1}"', ""]
    return out


def plan(n, with_calendar_and_pauses=False, long=False, pauses=False, credits=False):
    out = [
        "[client]",
        'name = "Aggregate Holdings"',
        'contact = "Alex Kim <alex@aggregate.example>"',
        'timezone = "America/Chicago"',
        "",
        "[provider]",
        'name = "Acme Managed IT"',
        'contact = "Pat Doe <pat@acme-it.example>"',
        "",
        "[contract]",
        'currency = "USD"',
        'monthly_fee = "125000.00"',
        "",
        "[timebox]",
        f"start = {START.isoformat()}",
        f"days = {DAYS}",
        "",
    ] + (long_extensions() if long else []) + [
        "[penalties]",
        "grace_days = 2",
        'days = "working"' if with_calendar_and_pauses else "",
        'cap = "2000000.00"',
        "[penalties.per_day]",
        'critical = "500.00"',
        'high = "200.00"',
        'medium = "25.50"',
        "[penalties.per_miss]",
        'critical = "2%"',
        'high = "300.00"',
        "",
        "[ultimatum]",
        "issued = 2026-11-01",
        "strikes = 1000",  # more than the incidents: the plan stays judged, not ended
        "",
    ]
    for i in range(n):
        priority, due, state = issue_fields(i)
        out += [
            "[[issue]]",
            f'id = "ISS-{i + 1}"',
            f'title = "Issue {i + 1}: {CATEGORIES[i % 6]} fault at site {i % 97}"',
            f'priority = "{priority}"',
            f"due = {due.isoformat()}",
            f'status = "{state}"',
        ]
        if state == "resolved":
            late = (i // 6) % 5 - 2  # some early, some late
            resolved = max(START, due + datetime.timedelta(days=late))
            out.append(f"resolved = {resolved.isoformat()}")
        if state == "waived":
            out.append('waiver = "Accepted by the board"')
        out += [
            f'category = "{CATEGORIES[i % 6]}"',
            f'owner = "Team {i % 13}"',
            f'notes = "Ticket {100000 + i}; reported by the site manager"',
            "",
        ]
    if with_calendar_and_pauses:
        out += calendar_and_pauses(n)
    if pauses:
        out += long_pauses(n)
    if credits:
        out += long_credits(n)
    for k in range(max(1, n // 100)):
        out += [
            "[[incident]]",
            f"date = {(START + datetime.timedelta(days=k % DAYS)).isoformat()}",
            f'priority = "{PRIORITIES[k % 4]}"',
            f'summary = "Outage {k + 1} at site {k % 97}"',
            "",
        ]
    return "\n".join(out)


def tasks(n):
    rows = []
    for i in range(n):
        priority, due, state = issue_fields(i)
        rows.append({
            "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"remedy-bench/{i}")),
            "description": f"ISS-{i + 1} Issue {i + 1}: {CATEGORIES[i % 6]} fault at site {i % 97}",
            "status": "pending",
            "entry": "20261001T000000Z",
            "due": due.strftime("%Y%m%dT000000Z"),
            "priority": TASK_PRIORITY[priority],
            "project": CATEGORIES[i % 6].replace(" ", "_"),
        })
    return "\n".join(json.dumps(r) for r in rows) + "\n"


def main():
    args = sys.argv[1:]
    options = {"--calendar-and-pauses", "--long", "--pauses", "--credits"}
    chosen = {a for a in args if a in options}
    args = [a for a in args if a not in options]
    if (len(args) not in (2, 3) or ("--long" in chosen and "--calendar-and-pauses" in chosen)
            or (chosen & {"--pauses", "--credits"} and "--long" not in chosen)):
        sys.exit(__doc__)
    n = int(args[0])
    with open(args[1], "w") as f:
        f.write(plan(n, "--calendar-and-pauses" in chosen, long="--long" in chosen,
                     pauses="--pauses" in chosen, credits="--credits" in chosen))
    if len(args) == 3:
        with open(args[2], "w") as f:
            f.write(tasks(n))


if __name__ == "__main__":  # bench/make_portfolio.py imports plan()
    main()
