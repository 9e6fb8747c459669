#!/usr/bin/python3
"""Writes a valid remedy plan of N issues, and the same issues as a Taskwarrior import file.

usage: make_plan.py N PLAN.toml [TASKS.json]

The plan looks like a consultant's aggregate: four priorities, every state, categories,
owners, notes, incidents and penalties by priority. It is the same for the same N.
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


def plan(n):
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
        "[penalties]",
        "grace_days = 2",
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
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    n = int(sys.argv[1])
    with open(sys.argv[2], "w") as f:
        f.write(plan(n))
    if len(sys.argv) == 4:
        with open(sys.argv[3], "w") as f:
            f.write(tasks(n))


main()
