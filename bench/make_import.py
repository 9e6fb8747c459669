#!/usr/bin/python3
"""Writes a plan of N issues, each with a ticket, and a ticket export of ROWS rows for it, as a
provider's Monday export looks against a big plan: every issue's ticket once (a third resolved
on a day of the time box, a third in progress, a third still open; a few already recorded so),
and the rest of the rows other tickets of the provider's system, one in fifty a P1 opened within
the time box (incidents under --incidents critical). Quoted summaries with commas, US dates with
a time. The same for the same N and ROWS.

usage: make_import.py N ROWS PLAN.toml EXPORT.csv
"""
import datetime
import sys

START = datetime.date(2026, 10, 1)
PRIORITIES = ["critical", "high", "medium", "low"]
WORDS = {"critical": "P1 - Critical", "high": "P2 - High", "medium": "P3 - Medium",
         "low": "P4 - Low"}


def us(day, minutes):
    hour, minute = divmod(minutes % (24 * 60), 60)
    return f"{day.month}/{day.day}/{day.year} {(hour + 11) % 12 + 1}:{minute:02d} " + \
        ("AM" if hour < 12 else "PM")


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__.rsplit("\n", 2)[-2])
    n, rows, plan_path, export_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    plan = ['[client]', 'name = "Aggregate Holdings"', 'timezone = "America/Chicago"', '',
            '[provider]', 'name = "Acme Managed IT"', '', '[timebox]', f'start = {START}', '',
            '[penalties.per_day]', 'critical = "500.00"', 'high = "200.00"', 'medium = "50.00"',
            '', '[ultimatum]', 'issued = 2026-10-05', 'strikes = 3', '',
            '[import]', 'ticket = "Ticket #"', 'status = "Status"', 'resolved = "Closed Date"',
            'priority = "Priority"', 'summary = "Summary"', 'created = "Date Entered"',
            'dates = "mdy"', '', '[import.statuses]', '"New" = "open"',
            '"In Progress" = "in_progress"', '">Closed" = "resolved"', '',
            '[import.priorities]'] + [f'"{word}" = "{p}"' for p, word in WORDS.items()] + ['']
    export = ["Ticket #,Summary,Status,Priority,Date Entered,Closed Date,Board"]
    for i in range(n):
        priority = PRIORITIES[i % 4]
        due = START + datetime.timedelta(days=10 + i % 45)
        resolved = START + datetime.timedelta(days=1 + (i * 7) % 50)
        plan += ['[[issue]]', f'id = "ISS-{i + 1}"', f'title = "Finding {i + 1} of the audit"',
                 f'priority = "{priority}"', f'due = {due}', f'ticket = "{70000 + i}"']
        kind = i % 3
        if kind == 0 and i % 30 == 0:  # already recorded: unchanged
            plan += ['status = "resolved"', f'resolved = {resolved}']
        plan.append('')
        status = [">Closed", "In Progress", "New"][kind]
        closed = us(resolved, i * 13) if kind == 0 else ""
        export.append(f'{70000 + i},"Finding {i + 1}, as the provider calls it",{status},'
                      f'{WORDS[priority]},{us(START, i)},{closed},Audit')
    for k in range(rows - n):
        opened = START + datetime.timedelta(days=(k * 11) % 80 - 10)
        priority = "critical" if k % 50 == 0 else PRIORITIES[1 + k % 3]
        export.append(f'{90000 + k},"Other request {k}, not in the plan",New,{WORDS[priority]},'
                      f'{us(opened, k * 7)},,Service Desk')
    with open(plan_path, "w") as out:
        out.write("\n".join(plan))
    with open(export_path, "w", newline="") as out:
        out.write("\r\n".join(export) + "\r\n")


main()
