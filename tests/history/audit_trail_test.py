#!/usr/bin/python3
"""`remedy history` as an audit trail: who changed what in the plan, and which changes an
auditor must see. A throw-away repository with commits by the client and by the provider: a
future-dated and a backdated resolution, a downgraded and then a removed incident, a pause, an
extension, a waiver, a changed rate and a moved resolution date. The words and flags expected
below are worked out by hand from the commits, not taken from remedy's output.

usage: audit_trail_test.py path/to/remedy
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

REMEDY = os.path.abspath(sys.argv[1])
FAILURES = []
AS_OF = "2026-11-30"  # a Monday: its week ends on 2026-12-06, which has not come
CLIENT = ("Carol Client", "carol@northwind.example")
PROVIDER = ("Pat Provider", "pat@acme.example")
# A name that tries to drive the terminal: git keeps the bytes, remedy must not pass them on.
HOSTILE = ("Eve \x1b]0;pwned\x07\x1b[31m", "eve@acme.example")


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def plan_text(s):
    out = ['[client]', 'name = "Northwind"', 'timezone = "UTC"', '',
           '[provider]', 'name = "Acme"', '', '[timebox]', 'start = 2026-10-01', 'days = 60']
    if s.get("extension"):
        out += ['', '[[timebox.extension]]', 'days = 14', 'agreed = 2026-10-28',
                'reason = "Firewall back-ordered"']
    out += ['', '[penalties]', '[penalties.per_day]', 'critical = "100.00"',
            f'high = "{s.get("high_rate", "50.00")}"', '', '[ultimatum]', 'strikes = 2']
    for ident, title, priority, due in [("PRN-1", "Printers", "high", "2026-10-15"),
                                        ("NET-2", "Firewall", "critical", "2026-10-10"),
                                        ("MAIL-3", "Mail relay", "medium", "2026-10-20")]:
        out += ['', '[[issue]]', f'id = "{ident}"', f'title = "{title}"',
                f'priority = "{priority}"', f'due = {due}']
        status = s.get(ident)
        if status:
            out += [f'{key} = {value}' for key, value in status]
    if s.get("incident"):
        out += ['', '[[incident]]', 'date = 2026-10-06', f'priority = "{s["incident"]}"',
                'summary = "Mail down"']
    if s.get("pause"):
        out += ['', '[[pause]]', 'from = 2026-10-13', 'to = 2026-10-16', 'issues = ["MAIL-3"]',
                'reason = "Client change freeze"', 'agreed = 2026-10-21']
    return "\n".join(out) + "\n"


def commit(repo, day, who, message, state):
    with open(os.path.join(repo, "remedy.toml"), "w") as f:
        f.write(plan_text(state))
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=repo,
               GIT_AUTHOR_NAME=who[0], GIT_AUTHOR_EMAIL=who[1],
               GIT_COMMITTER_NAME=who[0], GIT_COMMITTER_EMAIL=who[1],
               GIT_AUTHOR_DATE=f"{day}T12:00:00+00:00", GIT_COMMITTER_DATE=f"{day}T12:00:00+00:00")
    for args in (["add", "remedy.toml"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=repo, env=env,
                       check=True, capture_output=True)


def build_repo(repo):
    subprocess.run(["git", "init", "-q", repo], check=True, capture_output=True)
    s = {}
    commit(repo, "2026-10-01", CLIENT, "Plan agreed at kick-off", s)
    s["incident"] = "high"
    commit(repo, "2026-10-08", CLIENT, "Mail outage", s)
    s["NET-2"] = [("status", '"in_progress"')]
    commit(repo, "2026-10-12", PROVIDER, "Working on the firewall", s)
    s["NET-2"] = [("status", '"resolved"'), ("resolved", "2026-10-22")]
    commit(repo, "2026-10-20", PROVIDER, "Firewall done", s)
    s["pause"] = True
    commit(repo, "2026-10-21", CLIENT, "Change freeze", s)
    s["extension"] = True
    commit(repo, "2026-10-28", CLIENT, "Extension agreed", s)
    s["incident"] = "medium"
    s["MAIL-3"] = [("status", '"waived"'), ("waived", "2026-11-03"),
                   ("waiver", '"Out of scope"')]
    commit(repo, "2026-11-03", PROVIDER, "Housekeeping", s)
    s["PRN-1"] = [("status", '"resolved"'), ("resolved", "2026-10-24")]
    commit(repo, "2026-11-25", PROVIDER, "Close PRN-1", s)
    s["high_rate"] = "40.00"
    commit(repo, "2026-11-26", CLIENT, "New rate from the amendment", s)
    del s["incident"]
    commit(repo, "2026-11-27", HOSTILE, "Tidy up", s)
    s["NET-2"] = [("status", '"resolved"'), ("resolved", "2026-10-18")]
    commit(repo, "2026-11-28", PROVIDER, "Correct the firewall date", s)
    # After as_of: a report of 2026-11-30 must not show it.
    s["PRN-1"] = [("status", '"open"')]
    commit(repo, "2026-12-02", PROVIDER, "Reopen PRN-1", s)
    return os.path.join(repo, "remedy.toml")


def history(plan, *args):
    return subprocess.run([REMEDY, "history", "-f", plan, "--as-of", AS_OF, *args],
                          capture_output=True, text=True)


# Each commit, oldest first: (day, author, subject, [(text, flags)]). Flags as remedy names them.
EXPECTED = [
    ("2026-10-01", CLIENT[0], "Plan agreed at kick-off", [
        ("plan with 3 issues and 0 incidents", []),
        ("PRN-1 added: high, due 2026-10-15 (Printers)", []),
        ("NET-2 added: critical, due 2026-10-10 (Firewall)", []),
        ("MAIL-3 added: medium, due 2026-10-20 (Mail relay)", [])]),
    ("2026-10-08", CLIENT[0], "Mail outage", [
        ("incident of 2026-10-06 (Mail down) recorded, high", [])]),
    ("2026-10-12", PROVIDER[0], "Working on the firewall", [("NET-2 started", [])]),
    ("2026-10-20", PROVIDER[0], "Firewall done", [
        ("NET-2 resolved on 2026-10-22", ["future-dated"])]),
    ("2026-10-21", CLIENT[0], "Change freeze", [
        ("pause of 2026-10-13 to 2026-10-16 (MAIL-3) agreed 2026-10-21: Client change freeze",
         [])]),
    ("2026-10-28", CLIENT[0], "Extension agreed", [
        ("extension of 14 days agreed 2026-10-28: Firewall back-ordered", [])]),
    ("2026-11-03", PROVIDER[0], "Housekeeping", [
        ("MAIL-3 waived on 2026-11-03: Out of scope", []),
        ("incident of 2026-10-06 (Mail down): priority lowered from high to medium",
         ["rewrites-record"])]),
    ("2026-11-25", PROVIDER[0], "Close PRN-1", [
        ("PRN-1 resolved on 2026-10-24", ["backdated"])]),
    ("2026-11-26", CLIENT[0], "New rate from the amendment", [
        ("penalties.per_day.high changed from 50.00 USD to 40.00 USD", ["contract-terms"])]),
    ("2026-11-27", HOSTILE[0], "Tidy up", [
        ("incident of 2026-10-06 (Mail down) removed (it was medium, confirmed)",
         ["rewrites-record"])]),
    ("2026-11-28", PROVIDER[0], "Correct the firewall date", [
        ("NET-2 resolution date changed from 2026-10-22 to 2026-10-18", ["rewrites-record"])]),
]


def check_json(plan):
    result = history(plan, "--format", "json")
    check(result.returncode == 0, f"json exits 0: {result.stderr}")
    doc = json.loads(result.stdout)
    commits = doc["commits"]
    check(len(commits) == len(EXPECTED),
          f"{len(EXPECTED)} commits up to {AS_OF}, got {len(commits)}")
    for got, (day, author, subject, changes) in zip(commits, EXPECTED):
        check(got["date"] == day and got["author"] == author and got["subject"] == subject,
              f"commit {day}: {got['date']} {got['author']!r} {got['subject']!r}")
        listed = [(c["text"], c["flags"]) for c in got["changes"]]
        check(listed == changes, f"changes of {day}: {listed}")
    backdated = commits[7]["changes"][0]
    check(backdated["topic"] == "issue" and backdated["action"] == "resolved" and
          backdated["subject"] == "PRN-1" and backdated["dated"] == "2026-10-24" and
          backdated["why"] == "dated 32 days before its commit", f"backdated: {backdated}")
    # Before the commit, on 2026-11-25: PRN-1 open 41 days past 10-15 at 50.00 (2050.00) and
    # NET-2 12 days late at 100.00 (1200.00); after it PRN-1 is 9 days late (450.00).
    check(commits[7]["owed_before"] == "3250.00" and commits[7]["owed"] == "1650.00",
          f"what the backdated commit took off: {commits[7]['owed_before']} -> "
          f"{commits[7]['owed']}")
    # The new rate on 2026-11-26: 9 days at 40.00 (360.00) and 1200.00.
    check(commits[8]["owed_before"] == "1650.00" and commits[8]["owed"] == "1560.00",
          f"what the rate change took off: {commits[8]['owed']}")
    check(commits[0]["owed_before"] is None, "the first commit has nothing before it")
    future = commits[3]["changes"][0]
    check(future["why"] == "dated 2 days after its commit", f"future: {future}")
    rate = commits[8]["changes"][0]
    check(rate["topic"] == "terms" and rate["field"] == "penalties.per_day.high" and
          rate["before"] == "50.00" and rate["after"] == "40.00", f"rate: {rate}")
    moved = commits[10]["changes"][0]
    check(moved["action"] == "changed" and moved["field"] == "resolved" and
          moved["before"] == "2026-10-22" and moved["after"] == "2026-10-18", f"moved: {moved}")
    check(commits[0]["email"] == CLIENT[1], "the author's address")

    # Weeks: from the week of the first commit to the week of as_of, whose Sunday (12-06) has
    # not come, so it is judged on as_of.
    weeks = doc["weeks"]
    check(weeks[0]["week_ending"] == "2026-10-04" and weeks[-1]["week_ending"] == "2026-12-06",
          f"weeks {weeks[0]['week_ending']}..{weeks[-1]['week_ending']}")
    check(weeks[-1]["judged_on"] == AS_OF and weeks[-2]["judged_on"] == "2026-11-29",
          f"the current week is judged on as_of: {weeks[-1]['judged_on']}")
    check(len(weeks) == 10, f"10 weeks, got {len(weeks)}")
    # 60 days from 2026-10-01 is 2026-11-30; the extension of 2026-10-28 adds 14.
    check([c["deadline"] for c in commits[4:6]] == ["2026-11-30", "2026-12-14"],
          "each version's deadline")


def check_text(plan):
    result = history(plan)
    out = result.stdout
    check(result.returncode == 0, f"text exits 0: {result.stderr}")
    print(out)
    check("Deadline, as each version set it: 2026-11-30 from 2026-10-01" in out and
          "; 2026-12-14 from 2026-10-28" in out, "the header names each version's deadline")
    check("\n  ! PRN-1 resolved on 2026-10-24\n"
          "      backdated: dated 32 days before its commit\n" in out, "backdated in words")
    check("Pat Provider: Close PRN-1" in out, "author and subject on the commit's line")
    last_week = [line for line in out.splitlines() if line.endswith("week to date")]
    check(len(last_week) == 1 and last_week[0].startswith("  2026-11-30 ") and
          "\n  2026-12-06 " not in out,
          "the week not yet ended shows as_of, not its future Sunday")
    check("\x1b" not in out and "\x07" not in out, "an author's control bytes never reach the "
          "terminal")
    check("2026-12-02" not in out, "a commit after as_of is not shown")


def check_flagged(plan):
    result = history(plan, "--flagged")
    out = result.stdout
    print(out)
    check(result.returncode == 0, f"--flagged exits 0: {result.stderr}")
    check(out.startswith(f"Flagged changes to {plan} up to {AS_OF}: 6 in 6 commits\n"),
          f"--flagged header: {out.splitlines()[:1]}")
    for day, _, _, changes in EXPECTED:
        for text, flags in changes:
            check((text in out) == bool(flags), f"--flagged lists {text!r} iff it is flagged")
    check("Weekly burndown" not in out, "--flagged shows no weeks")
    doc = json.loads(history(plan, "--flagged", "--format", "json").stdout)
    check(doc["view"] == "flagged" and len(doc["commits"]) == 6 and doc["weeks"] == [],
          "--flagged json")


def check_story(plan):
    result = history(plan, "--issue", "net-2")
    out = result.stdout
    print(out)
    check(result.returncode == 0, f"--issue exits 0: {result.stderr}")
    check(out.startswith(f"The story of NET-2 in {plan} up to {AS_OF}"), "story header")
    story = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    check(story == ["NET-2 added: critical, due 2026-10-10 (Firewall)", "NET-2 started",
                    "! NET-2 resolved on 2026-10-22", "future-dated: dated 2 days after its commit",
                    # 8 days late at 100.00 instead of 12, and PRN-1's 360.00.
                    "owed on 2026-11-28: 1,160.00 USD (was 1,560.00 USD before this commit)",
                    "! NET-2 resolution date changed from 2026-10-22 to 2026-10-18",
                    "rewrites-record: changes what an earlier commit recorded"],
          f"NET-2's story: {story}")
    unknown = history(plan, "--issue", "NET-3")
    check(unknown.returncode == 3 and "did you mean NET-2?" in unknown.stderr,
          f"an unknown id: {unknown.returncode} {unknown.stderr}")
    both = history(plan, "--issue", "NET-2", "--flagged")
    check(both.returncode == 2, f"--issue with --flagged is a usage error: {both.returncode}")


def check_csv(plan):
    result = history(plan, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    changes = [r for r in rows if r["kind"] == "change"]
    expected = sum(len(c) for _, _, _, c in EXPECTED)
    check(len(changes) == expected, f"{expected} change rows, got {len(changes)}")
    backdated = [r for r in changes if r["flags"] == "backdated"]
    check(len(backdated) == 1 and backdated[0]["about"] == "PRN-1" and
          backdated[0]["author"] == PROVIDER[0] and backdated[0]["message"] == "Close PRN-1",
          f"csv backdated row: {backdated}")


def check_svg(plan):
    result = history(plan, "--format", "svg")
    check(result.returncode == 0, "svg exits 0")
    # Each chart's key lists each flagged commit with its day and author.
    for day, author, _, changes in EXPECTED:
        flagged = sum(1 for _, flags in changes if flags)
        if flagged:
            label = (f"{day}: {flagged} flagged change{'s' if flagged > 1 else ''} by "
                     f"{author}")
            check(label in result.stdout or author == HOSTILE[0],
                  f"svg marks the flagged commit of {day}: {label}")
    check(result.stdout.count("flagged change") == 2 * 6, "6 flagged commits in each chart")
    check("\x1b" not in result.stdout, "svg has no control bytes")
    svg = os.path.join(os.path.dirname(plan), "history.svg")
    with open(svg, "w") as f:
        f.write(result.stdout)
    lint = subprocess.run(["xmllint", "--noout", svg], capture_output=True, text=True)
    check(lint.returncode == 0, f"svg is well-formed XML: {lint.stderr}")


def main():
    tmp = tempfile.mkdtemp(prefix="remedy-audit-")
    try:
        plan = build_repo(os.path.join(tmp, "repo"))
        check_json(plan)
        check_text(plan)
        check_flagged(plan)
        check_story(plan)
        check_csv(plan)
        check_svg(plan)
    finally:
        shutil.rmtree(tmp)
    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
