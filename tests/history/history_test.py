#!/usr/bin/python3
"""`remedy history` on a throw-away git repository with a dozen commits of a plan.

usage: history_test.py path/to/remedy
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

COMMAND = [os.path.abspath(sys.argv[1]), *sys.argv[2:]]
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


ISSUES = [  # id, priority, due
    ("A-1", "critical", "2026-10-03"),
    ("B-2", "high", "2026-10-10"),
    ("C-3", "high", "2026-10-20"),
    ("D-4", "medium", "2026-11-15"),
    ("E-5", "low", "2026-11-10"),
    ("F-6", "medium", "2026-11-28"),
]


def plan_text(status, incidents=(), extension=False):
    """status: id -> (status, resolved date or None)."""
    out = ['[client]', 'name = "Northwind"', 'timezone = "America/Chicago"', '',
           '[provider]', 'name = "Acme"', '', '[timebox]', 'start = 2026-10-01', 'days = 60']
    if extension:
        out += ['', '[[timebox.extension]]', 'days = 14', 'agreed = 2026-11-10',
                'reason = "Firewall back-ordered"']
    out += ['', '[penalties]', '[penalties.per_day]', 'critical = "100.00"', 'high = "50.00"',
            '', '[ultimatum]', 'strikes = 2']
    for ident, priority, due in ISSUES:
        state, resolved = status.get(ident, ("open", None))
        out += ['', '[[issue]]', f'id = "{ident}"', f'title = "Issue {ident}"',
                f'priority = "{priority}"', f'due = {due}', f'status = "{state}"']
        if resolved:
            out.append(f'resolved = {resolved}')
    for day, priority in incidents:
        out += ['', '[[incident]]', f'date = {day}', f'priority = "{priority}"',
                'summary = "Mail down"']
    return "\n".join(out) + "\n"


def git(repo, *args, when=None):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=repo)
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                    "-c", "init.defaultBranch=main", *args],
                   cwd=repo, env=env, check=True, capture_output=True)


def commit(repo, when, message, files=None):
    for name, text in (files or {}).items():
        path = os.path.join(repo, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


def build_repo(repo):
    git(repo, "init", "-q")
    s = {}
    p = "remedy.toml"
    commit(repo, "2026-10-01T09:00:00-05:00", "plan", {p: plan_text(s)})
    s["A-1"] = ("resolved", "2026-10-04")
    # 03:30 UTC on the 5th is still the 4th in Chicago.
    commit(repo, "2026-10-05T03:30:00+00:00", "A-1 done", {p: plan_text(s)})
    s["B-2"] = ("in_progress", None)
    commit(repo, "2026-10-09T10:00:00-05:00", "B-2 started", {p: plan_text(s)})
    commit(repo, "2026-10-14T10:00:00-05:00", "unrelated", {"README": "hello\n"})
    s["B-2"] = ("resolved", "2026-10-12")
    commit(repo, "2026-10-16T10:00:00-05:00", "B-2 done", {p: plan_text(s)})
    commit(repo, "2026-10-20T10:00:00-05:00", "oops", {p: "[client\nname = \n"})
    commit(repo, "2026-10-21T10:00:00-05:00", "fixed", {p: plan_text(s)})
    incidents = [("2026-10-26", "high")]
    commit(repo, "2026-10-27T10:00:00-05:00", "incident", {p: plan_text(s, incidents)})
    os.makedirs(os.path.join(repo, "plans"))
    git(repo, "mv", p, "plans/acme plan.toml")
    p = "plans/acme plan.toml"
    commit(repo, "2026-11-02T10:00:00-06:00", "move the plan", {p: plan_text(s, incidents)})
    commit(repo, "2026-11-09T10:00:00-06:00", "extension",
           {p: plan_text(s, incidents, extension=True)})
    s["C-3"] = ("resolved", "2026-11-16")
    s["D-4"] = ("resolved", "2026-11-17")
    commit(repo, "2026-11-18T10:00:00-06:00", "C-3 D-4", {p: plan_text(s, incidents, True)})
    s["E-5"] = ("waived", None)
    commit(repo, "2026-11-25T10:00:00-06:00", "E-5 waived", {p: plan_text(s, incidents, True)})
    s["F-6"] = ("resolved", "2026-12-01")
    commit(repo, "2026-12-01T10:00:00-06:00", "all done", {p: plan_text(s, incidents, True)})
    return os.path.join(repo, p)


def run(plan, fmt="text", since=None, cwd=None):
    if os.path.basename(COMMAND[0]) == "remedy":
        args = ["history", "-f", plan, "--as-of", "2026-12-06", "--format", fmt] + (
            ["--since", since] if since else [])
    else:
        args = [plan, fmt] + ([since] if since else [])
    return subprocess.run([*COMMAND, *args], cwd=cwd, capture_output=True, text=True)


def main():
    tmp = tempfile.mkdtemp(prefix="remedy-history-")
    try:
        repo = os.path.join(tmp, "repo")
        os.makedirs(repo)
        plan = build_repo(repo)
        before = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True,
                                text=True).stdout
        index_mtime = os.stat(os.path.join(repo, ".git", "index")).st_mtime_ns

        text = run(plan, "text")
        check(text.returncode == 0, f"text exits 0, got {text.returncode}: {text.stderr}")
        print(text.stdout)
        check("History of " in text.stdout and "Weekly burndown" in text.stdout, "text sections")
        check("Open issues per week" in text.stdout and "|#" in text.stdout, "text chart")

        result = run(plan, "json")
        check(result.returncode == 0, "json exits 0")
        doc = json.loads(result.stdout)
        rows = doc["commits"]
        check(len(rows) == 12, f"12 commits changed the plan, got {len(rows)}")
        check(doc["deadline"] == "2026-12-14", f"deadline with extension: {doc['deadline']}")
        dates = [r["date"] for r in rows]
        check(dates[1] == "2026-10-04", f"committer date in Chicago: {dates[1]}")
        check("2026-10-14" not in dates, "a commit that left the plan alone has no row")
        bad = rows[4]
        check(not bad["valid"] and bad["verdict"] is None and "remedy.toml:" in bad["error"],
              f"the broken version is an invalid row: {bad}")
        check(rows[0]["open"] == 6 and rows[0]["overdue"] == 0, f"first row: {rows[0]}")
        check(rows[1]["verdict"] == "on-track" and rows[1]["open"] == 5 and
              rows[1]["owed"] == "100.00", f"A-1 resolved one day late: {rows[1]}")
        check(rows[5]["verdict"] == "at-risk" and rows[5]["overdue"] == 1, f"C-3: {rows[5]}")
        check(rows[6]["strikes"] == {"count": 1, "limit": 2}, f"incident: {rows[6]}")
        check(rows[7]["path"] == "plans/acme plan.toml" and rows[0]["path"] == "remedy.toml",
              "rename followed")
        check(rows[-1]["verdict"] == "remediated" and rows[-1]["open"] == 0, f"last: {rows[-1]}")
        weeks = doc["weeks"]
        check(weeks[0]["week_ending"] == "2026-10-04" and weeks[-1]["week_ending"] == "2026-12-06",
              f"weeks from first to last commit: {weeks[0]['week_ending']}..")
        check(len(weeks) == 10, f"10 weeks, got {len(weeks)}")
        check(all(w["valid"] for w in weeks), "every week judged on a valid version")
        check(weeks[2]["week_ending"] == "2026-10-18" and weeks[2]["open"] == 4,
              f"week of 10-18: {weeks[2]}")

        result = run(plan, "csv")
        table = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
        commits = [r for r in table if r["kind"] == "commit"]
        check(result.returncode == 0 and len(commits) == 12, f"csv commit rows: {len(commits)}")
        check(commits[4]["verdict"] == "invalid" and commits[4]["error"], "csv invalid row")
        check(sum(1 for r in table if r["kind"] == "week") == 10, "csv weeks")

        result = run(plan, "svg")
        check(result.returncode == 0 and ": deadline</text>" in result.stdout and
              "2026-12-14: deadline" in result.stdout and
              # The extension committed on 11-09 was agreed on 11-10: the first version
              # judged after that day, 11-18's, is the first with the later deadline.
              "2026-11-18: deadline moved to 2026-12-14" in result.stdout, "svg deadline")
        check("<title>Remediation history: Northwind and Acme</title>" in result.stdout,
              "the svg is titled by the parties, not the file")
        svg = os.path.join(tmp, "history.svg")
        with open(svg, "w") as f:
            f.write(result.stdout)
        lint = subprocess.run(["xmllint", "--noout", svg], capture_output=True, text=True)
        check(lint.returncode == 0, f"svg is well-formed XML: {lint.stderr}")

        result = run(plan, "json", "2026-11-01")
        doc = json.loads(result.stdout)
        check(len(doc["commits"]) == 5 and doc["weeks"][0]["week_ending"] == "2026-11-01",
              f"--since keeps 5 commits: {len(doc['commits'])}")

        # From another folder, by a relative path with a space in it.
        result = run(os.path.join("plans", "acme plan.toml"), "json", cwd=repo)
        check(result.returncode == 0 and len(json.loads(result.stdout)["commits"]) == 12,
              "relative path from the repository's top")

        outside = os.path.join(tmp, "outside")
        os.makedirs(outside)
        shutil.copy(plan, os.path.join(outside, "remedy.toml"))
        result = run(os.path.join(outside, "remedy.toml"))
        check(result.returncode == 3 and "not in a git repository" in result.stderr,
              f"outside a repository: exit 3 ({result.returncode}, {result.stderr})")
        with open(os.path.join(repo, "untracked.toml"), "w") as f:
            f.write(plan_text({}))
        result = run(os.path.join(repo, "untracked.toml"))
        check(result.returncode == 3 and "does not track" in result.stderr,
              f"untracked plan: exit 3 ({result.returncode}, {result.stderr})")
        os.remove(os.path.join(repo, "untracked.toml"))

        check(index_mtime == os.stat(os.path.join(repo, ".git", "index")).st_mtime_ns,
              "the index is untouched")
        after = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True,
                               text=True).stdout
        check(before == after, "the repository is unchanged")
    finally:
        shutil.rmtree(tmp)
    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
