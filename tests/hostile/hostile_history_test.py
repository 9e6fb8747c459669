#!/usr/bin/python3
"""Hostile git histories through `remedy history`, `check --fail-on flagged` and `status`: what
a pusher can put in a commit must end in the documented exit status, never a crash, undefined
behaviour (the sanitizer build runs this too) or exit 3.

- Committer times no calendar holds: 9223372036854775807 seconds, more than 64 bits, a negative
  time (which git prints as nothing), one before 1900. Each commit is shown and flagged as the
  contract says: a time after the day asked about is dated ahead, one before its parent's is
  dated before its parent; each is judged on a day of the plan's calendar.
- 10,000 incidents written in the reverse order by the next commit: nothing changed, and the
  history says so (the pairing finds each incident by its key; comparing every pair, as it once
  did, takes minutes).
- A plan of 3,000 versions read through git cat-file one object at a time: the large-history
  test (tests/history) reads all of them; here, one version as large as 10,000 incidents.

usage: hostile_history_test.py path/to/remedy
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

REMEDY = os.path.abspath(sys.argv[1])
FAILURES = []
AS_OF = "2026-11-30"


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def git(repo, *args, stdin=None, when="2026-10-01T12:00:00+00:00"):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=repo, GIT_AUTHOR_NAME="T",
               GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="T",
               GIT_COMMITTER_EMAIL="t@example.com", GIT_AUTHOR_DATE=when,
               GIT_COMMITTER_DATE=when)
    return subprocess.run(["git", *args], cwd=repo, env=env, input=stdin, check=True,
                          capture_output=True, text=True).stdout.strip()


PLAN = """[client]
name = "Northwind"
timezone = "America/Chicago"

[provider]
name = "Acme"

[timebox]
start = 2026-10-01

[penalties.per_day]
high = "100.00"

[[issue]]
id = "NET-1"
title = "VPN"
priority = "high"
due = 2026-10-15
{status}"""


def commit_with_time(repo, seconds, status, message):
    """A commit whose committer time is `seconds` as written, whatever git makes of it."""
    with open(os.path.join(repo, "remedy.toml"), "w") as f:
        f.write(PLAN.format(status=status))
    git(repo, "add", "remedy.toml")
    tree = git(repo, "write-tree")
    parent = git(repo, "rev-parse", "HEAD")
    body = (f"tree {tree}\nparent {parent}\nauthor T <t@example.com> 1790000000 +0000\n"
            f"committer T <t@example.com> {seconds} +0000\n\n{message}\n")
    commit = git(repo, "hash-object", "-t", "commit", "-w", "--literally", "--stdin",
                 stdin=body)
    git(repo, "update-ref", "HEAD", commit)
    return commit


def run(*args):
    return subprocess.run([REMEDY, *args], capture_output=True, text=True,
                          env=dict(os.environ, NO_COLOR="1"))


def absurd_times(tmp):
    repo = os.path.join(tmp, "times")
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    with open(os.path.join(repo, "remedy.toml"), "w") as f:
        f.write(PLAN.format(status=""))
    git(repo, "add", "remedy.toml")
    git(repo, "commit", "-q", "-m", "plan")
    times = [("9223372036854775807", 'status = "in_progress"\n'),
             ("184467440737095516150", 'status = "open"\n'),
             ("-5", 'status = "in_progress"\n'),
             ("-2500000000", 'status = "open"\n'),
             ("0", 'status = "in_progress"\n')]
    commits = [commit_with_time(repo, seconds, status, f"time {seconds}")
               for seconds, status in times]
    plan = os.path.join(repo, "remedy.toml")
    for fmt in ("text", "json", "csv", "svg"):
        result = run("history", "-f", plan, "--as-of", AS_OF, "--format", fmt)
        check(result.returncode == 0, f"history --format {fmt}: exit {result.returncode}: "
                                      f"{result.stderr}")
    doc = json.loads(run("history", "-f", plan, "--as-of", AS_OF, "--format", "json").stdout)
    rows = doc["commits"]
    check([row["commit"] for row in rows[1:]] == commits, "every commit shown, in graph order")
    # The two after the plan are dated ahead and judged on 11-30 (no commit after them says it
    # was made earlier but after the plan: those after them are dated before the plan). The
    # others are dated before them.
    for row in rows[1:3]:
        check(row["flags"] == ["dated-ahead"] and row["date"] == AS_OF and
              row["dated"] == "9999-12-30", f"{row['subject']}: {row}")
    for row in rows[3:]:
        check(row["flags"] == ["dated-before-parent"] and row["date"] == AS_OF,
              f"{row['subject']}: {row['flags']} on {row['date']}")
    # 1900-01-02 00:00 UTC is still 1900-01-01 in Chicago, and the epoch 1969-12-31.
    check(rows[3]["dated"] == "1900-01-01" and rows[4]["dated"] == "1900-01-01" and
          rows[5]["dated"] == "1969-12-31",
          f"an unreadable time and one before 1900 are kept within 1900: {rows[4]['dated']}")
    for fmt in ("text", "json", "github", "junit"):
        result = run("check", "-f", plan, "--fail-on", "flagged", "--commits",
                     f"{commits[0]}~1..HEAD", "--as-of", AS_OF, "--format", fmt)
        check(result.returncode == 1, f"check --format {fmt} over absurd times fails on the "
                                      f"flags: exit {result.returncode}: {result.stderr}")
    result = run("status", "-f", plan, "--as-of", AS_OF)
    check(result.returncode == 0 and result.stdout.startswith("Warning: the last commit of the "
                                                              "plan"),
          f"status warns of the last commit: {result.returncode} {result.stdout[:200]}")


def reordered_incidents(tmp):
    repo = os.path.join(tmp, "incidents")
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    blocks = [f'\n[[incident]]\ndate = 2026-10-{10 + i % 20}\npriority = "low"\n'
              f'summary = "Printer jam {i}"\n' for i in range(10000)]
    for day, order in (("2026-10-01", blocks), ("2026-10-02", blocks[::-1])):
        with open(os.path.join(repo, "remedy.toml"), "w") as f:
            f.write(PLAN.format(status="") + "".join(order))
        git(repo, "add", "remedy.toml")
        git(repo, "commit", "-q", "-m", "incidents", when=f"{day}T12:00:00+00:00")
    result = run("history", "-f", os.path.join(repo, "remedy.toml"), "--as-of", AS_OF,
                 "--format", "json")
    check(result.returncode == 0, f"history of 10,000 reordered incidents: {result.stderr}")
    if result.returncode == 0:
        rows = json.loads(result.stdout)["commits"]
        check(len(rows) == 2 and rows[1]["changes"] == [],
              f"reordering changes nothing: {rows[1]['changes'][:3] if len(rows) > 1 else rows}")


def links_out(tmp):
    """A plan swapped for a link out of the repository, then for one that goes nowhere: rows
    that do not read, saying why; the link's target is shown as text, never followed."""
    repo = os.path.join(tmp, "links")
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    plan = os.path.join(repo, "remedy.toml")
    with open(plan, "w") as f:
        f.write(PLAN.format(status=""))
    git(repo, "add", "remedy.toml")
    git(repo, "commit", "-q", "-m", "plan")
    os.remove(plan)
    os.symlink("/etc/passwd\x1b[31m", plan)
    git(repo, "add", "remedy.toml")
    git(repo, "commit", "-q", "-m", "out", when="2026-10-02T12:00:00+00:00")
    os.remove(plan)
    os.symlink("nowhere.toml", plan)
    git(repo, "add", "remedy.toml")
    git(repo, "commit", "-q", "-m", "nowhere", when="2026-10-03T12:00:00+00:00")
    result = run("history", "-f", plan, "--as-of", AS_OF, "--format", "json")
    check(result.returncode == 0, f"history of a plan linked out: {result.stderr}")
    if result.returncode == 0:
        rows = json.loads(result.stdout)["commits"]
        check([row["error"] for row in rows] ==
              [None, "the plan is a symbolic link to /etc/passwd\x1b[31m, outside the repository",
               "the plan is a symbolic link to a file this commit does not hold"] and
              rows[1]["flags"] == ["plan-is-link"] and rows[2]["flags"] == [],
              f"links out: {[(row['error'], row['flags']) for row in rows]}")
    text = run("history", "-f", plan, "--as-of", AS_OF)
    check(text.returncode == 0 and "\x1b" not in text.stdout, "the link's target is escaped")


def main():
    tmp = tempfile.mkdtemp(prefix="remedy-hostile-history-")
    try:
        absurd_times(tmp)
        reordered_incidents(tmp)
        links_out(tmp)
    finally:
        shutil.rmtree(tmp)
    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
