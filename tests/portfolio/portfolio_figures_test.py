#!/usr/bin/python3
"""Each row of `remedy portfolio --format json` has the figures of `remedy status --format json`
of its plan on the same day; the search skips .git, does not loop through a symbolic link to a
folder above, and finds only files named remedy.toml; the rows come in the same order however
the threads ran.

The Monday's fields (v3), in JSON, CSV and text alike, are those of `status --format json` of
each plan on its day and seven days before: `judged_on`, `cap_per`, `out` (why a terminate plan
is out, worked out from the status's issues, strikes and cap, and since which day: the first day
each cause held, found by judging the days before), and `week` (the verdict a week before, the
issues newly overdue, the change in what is owed, the new strikes). `--only` keeps rows and
totals; `--bom` starts the CSV with the byte order mark. Text rows fit 80 display columns.

usage: portfolio_figures_test.py REMEDY PLANS_DIR EXAMPLES_DIR
"""
import csv
import datetime
import decimal
import glob
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

REMEDY, PLANS, EXAMPLES = sys.argv[1:4]
ENV = {k: v for k, v in os.environ.items() if k not in ("REMEDY_PLAN", "NO_COLOR")}
failures = []


def run(args, cwd, ok=(0, 3)):
    done = subprocess.run([REMEDY, *args], cwd=cwd, capture_output=True, text=True, env=ENV,
                          timeout=60)
    if done.returncode not in ok:
        failures.append(f"remedy {' '.join(args)}: exit {done.returncode}: {done.stderr[-400:]}")
    return done


def expect(ok, what):
    if not ok:
        failures.append(what)


def status_figures(plan, cwd, as_of):
    args = ["status", "-f", plan, "--format", "json"] + (["--as-of", as_of] if as_of else [])
    doc = json.loads(run(args, cwd, ok=(0,)).stdout)
    states = [issue["state"] for issue in doc["issues"]]
    return {
        "client": doc["client"],
        "provider": doc["provider"],
        "as_of": doc["as_of"],
        "verdict": doc["verdict"],
        "deadline": doc["timebox"]["deadline"],
        "days_left": doc["timebox"]["days_left"],
        "open": sum(state in ("open", "in_progress") for state in states),
        "overdue": sum(issue["overdue"] for issue in doc["issues"]),
        "owed": doc["penalties"]["owed"],
        "cap": doc["penalties"]["cap"],
        "currency": doc["currency"],
        "strikes": {"count": doc["strikes"]["count"], "limit": doc["strikes"]["limit"]},
        "warnings": len(doc["warnings"]),
    }


def check_rows(paths, cwd, as_of):
    args = ["portfolio", *paths, "--format", "json"] + (["--as-of", as_of] if as_of else [])
    done = run(args, cwd)
    doc = json.loads(done.stdout)
    label = f"portfolio {' '.join(paths)} on {as_of or 'today'}"
    expect(doc["as_of"] == as_of, f"{label}: as_of is {doc['as_of']!r}")
    valid = 0
    for row in doc["plans"]:
        if not row["valid"]:
            expect(row["error"] and row["error"].startswith(row["file"] + ":"),
                   f"{label}: {row['file']}: error {row['error']!r} does not name the file")
            continue
        valid += 1
        want = status_figures(row["file"], cwd, as_of)
        got = {key: row[key] for key in want}
        for key in want:
            expect(got[key] == want[key],
                   f"{label}: {row['file']}: {key} is {got[key]!r}, status says {want[key]!r}")
    expect(valid > 0, f"{label}: no valid plan")
    expect(done.returncode == (3 if valid < len(doc["plans"]) else 0),
           f"{label}: exit {done.returncode}")
    return doc


def day(text, days=0):
    return (datetime.date.fromisoformat(text) + datetime.timedelta(days=days)).isoformat()


STATUS = {}


def status(plan, cwd, as_of):
    key = (plan, cwd, as_of)
    if key not in STATUS:
        STATUS[key] = json.loads(run(["status", "-f", plan, "--format", "json", "--as-of", as_of],
                                     cwd, ok=(0,)).stdout)
    return STATUS[key]


def strike_dates(doc):
    return sorted(i["date"] for i in doc["strikes"]["incidents"] if i["strike"])


def causes(plan, cwd, as_of):
    """Which terminate rules hold on as_of, from status (and penalties for terminate_at_cap)."""
    doc = status(plan, cwd, as_of)
    deadline = doc["timebox"]["deadline"]
    found = set()
    for issue in doc["issues"]:
        cut_off = max(deadline, issue["effective_due"])
        resolved_in_time = issue["resolved"] is not None and issue["resolved"] <= cut_off
        if issue["state"] != "waived" and cut_off < as_of and not resolved_in_time:
            found.add("deadline")
    if doc["strikes"]["count"] >= doc["strikes"]["limit"]:
        found.add("strikes")
    terminate_at_cap = json.loads(run(["penalties", "-f", plan, "--format", "json", "--as-of",
                                       as_of], cwd, ok=(0,)).stdout)["terminate_at_cap"]
    if terminate_at_cap and doc["penalties"]["cap_reached"]:
        found.add("cap")
    return found


def expected_out(plan, cwd, as_of):
    """{"why", "since"} as the contract defines them, or None: since is the first day of the
    days before as_of on which one of the causes held, judging each day back from as_of."""
    doc = status(plan, cwd, as_of)
    if doc["verdict"] != "terminate":
        return None
    why = causes(plan, cwd, as_of)
    since = as_of
    while True:
        before = day(since, -1)
        if not (causes(plan, cwd, before) & why):
            break
        since = before
    return {"why": [w for w in ("deadline", "cap", "strikes") if w in why], "since": since}


def expected_week(plan, cwd, as_of):
    now, then = status(plan, cwd, as_of), status(plan, cwd, day(as_of, -7))
    overdue_then = {i["id"] for i in then["issues"] if i["overdue"]}
    change = decimal.Decimal(now["penalties"]["owed"]) - decimal.Decimal(then["penalties"]["owed"])
    return {"on": day(as_of, -7), "verdict": then["verdict"],
            "newly_overdue": sorted(i["id"] for i in now["issues"]
                                    if i["overdue"] and i["id"] not in overdue_then),
            "owed_change": change,
            "new_strikes": sum(d > day(as_of, -7) for d in strike_dates(now))}


def display_width(text):
    """Terminal columns: East Asian wide and fullwidth characters two, combining marks none."""
    width = 0
    for c in text:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return width


def check_monday(paths, cwd, as_of):
    """The Monday's fields of every row, in JSON, CSV and text, against status."""
    label = f"monday {' '.join(paths)} on {as_of}"
    base = ["portfolio", *paths, "--as-of", as_of]
    doc = json.loads(run(base + ["--format", "json"], cwd).stdout)
    rows = [r for r in doc["plans"] if r["valid"]]
    expect(rows, f"{label}: no valid plan")
    wanted = {}
    for row in rows:
        plan = row["file"]
        now = status(plan, cwd, as_of)
        week = expected_week(plan, cwd, as_of)
        want = {"judged_on": now["as_of"], "cap_per": now["penalties"]["cap_per"],
                "out": expected_out(plan, cwd, as_of), "week": week}
        wanted[plan] = want
        got = dict(row["week"])
        got["newly_overdue"] = sorted(got["newly_overdue"])
        got["owed_change"] = decimal.Decimal(got["owed_change"])
        for key, value in (("judged_on", row["judged_on"]), ("cap_per", row["cap_per"]),
                           ("out", row["out"]), ("week", got)):
            expect(value == want[key], f"{label}: {plan}: {key} is {value!r}, status says {want[key]!r}")

    # CSV: the same values, in the same order; --bom starts it with the byte order mark.
    plain = run(base + ["--format", "csv"], cwd).stdout
    marked = run(base + ["--format", "csv", "--bom"], cwd).stdout
    expect(marked == "\ufeff" + plain, f"{label}: --bom is not the CSV with a BOM in front")
    table = list(csv.DictReader(io.StringIO(plain, newline="")))
    expect([r["file"] for r in table] == [r["file"] for r in doc["plans"]], f"{label}: CSV order")
    for line in table:
        if line["verdict"] == "invalid":
            continue
        want = wanted[line["file"]]
        out = want["out"]
        week = want["week"]
        got = {"judged_on": line["judged_on"], "cap_per": line["cap_per"],
               "out_why": line["out_why"], "out_since": line["out_since"],
               "week_on": line["week_on"], "week_verdict": line["week_verdict"],
               "week_newly_overdue": sorted(line["week_newly_overdue"].split()),
               "week_owed_change": decimal.Decimal(line["week_owed_change"]),
               "week_new_strikes": int(line["week_new_strikes"])}
        exp = {"judged_on": want["judged_on"], "cap_per": want["cap_per"],
               "out_why": " ".join(out["why"]) if out else "",
               "out_since": out["since"] if out else "", "week_on": week["on"],
               "week_verdict": week["verdict"], "week_newly_overdue": week["newly_overdue"],
               "week_owed_change": week["owed_change"], "week_new_strikes": week["new_strikes"]}
        expect(got == exp, f"{label}: CSV {line['file']}: {got} != {exp}")

    # Text: every line within 80 columns; each row's news says why it is out and since when,
    # and what changed.
    text = run(base + ["--color", "never"], cwd).stdout
    for number, line in enumerate(text.splitlines(), 1):
        expect(display_width(line) <= 80,
               f"{label}: text line {number} is {display_width(line)} columns: {line!r}")
    blocks = text.split("\n")
    for row in rows:
        want = wanted[row["file"]]
        # The row's lines: its names line (the end of its file, which a path cut from the left
        # keeps, and its client) and the indented lines after it.
        start = next((i for i, l in enumerate(blocks)
                      if l.startswith("  ") and row["file"][-20:] in l
                      and row["client"][:6] in l), None)
        if not expect(start is not None, f"{label}: text has no names line for {row['file']}"):
            continue
        news = []
        for l in blocks[start + 1:]:
            if not l.startswith("  "):
                break
            news.append(l.strip())
        news = " · ".join(news)
        if want["out"]:
            said = f"out since {want['out']['since']} ({', '.join(want['out']['why'])})"
            expect(said in news, f"{label}: {row['file']}: text news {news!r} lacks {said!r}")
        else:
            expect("out since" not in news, f"{label}: {row['file']}: {news!r}")
        week = want["week"]
        if week["verdict"] != row["verdict"]:
            expect(f"was {week['verdict']}" in news, f"{label}: {row['file']}: {news!r}")
        for issue in week["newly_overdue"]:
            expect(issue in news, f"{label}: {row['file']}: {issue} not in {news!r}")
        if week["owed_change"] and "more" not in news:
            expect("owed " + ("+" if week["owed_change"] > 0 else "") in news,
                   f"{label}: {row['file']}: owed change missing in {news!r}")
        if week["new_strikes"]:
            expect(f"{week['new_strikes']} new strike" in news, f"{label}: {row['file']}: {news!r}")
        if not (want["out"] or week["verdict"] != row["verdict"] or week["newly_overdue"]
                or week["owed_change"] or week["new_strikes"]):
            expect(news == "", f"{label}: {row['file']}: news {news!r} where nothing changed")


def check_only(paths, cwd, as_of):
    """--only keeps the rows of its verdicts, and the totals and counts are theirs."""
    base = ["portfolio", *paths, "--as-of", as_of, "--format", "json"]
    every = json.loads(run(base, cwd).stdout)
    for kept in (["terminate"], ["at-risk", "on-track"], ["invalid", "remediated"]):
        doc = json.loads(run(base + ["--only", ",".join(kept)], cwd).stdout)
        label = f"--only {','.join(kept)} on {as_of}"
        want = [r for r in every["plans"] if (r["verdict"] if r["valid"] else "invalid") in kept]
        expect(doc["plans"] == want, f"{label}: rows {[r['file'] for r in doc['plans']]}")
        expect(doc["only"] == kept, f"{label}: only {doc['only']!r}")
        totals = {}
        for row in want:
            if row["valid"]:
                t = totals.setdefault(row["currency"], [0, 0, 0, decimal.Decimal(0)])
                t[0] += 1
                t[1] += row["open"]
                t[2] += row["overdue"]
                t[3] += decimal.Decimal(row["owed"])
        got = {t["currency"]: [t["plans"], t["open"], t["overdue"], decimal.Decimal(t["owed"])]
               for t in doc["totals"]}
        expect(got == totals, f"{label}: totals {got} != {totals}")
        expect(sum(doc["verdicts"].values()) == len(want), f"{label}: counts {doc['verdicts']}")
    bad = run(["portfolio", *paths, "--as-of", as_of, "--only", "terminated"], cwd, ok=(2,))
    expect(bad.returncode == 2 and "'terminated' is not a verdict" in bad.stderr,
           f"--only terminated: exit {bad.returncode}: {bad.stderr!r}")


def main():
    examples = sorted(glob.glob(os.path.join(EXAMPLES, "*.toml")))
    for as_of in ("2026-10-01", "2026-10-20", "2026-11-23", "2026-12-16", None):
        check_rows(["portfolio"], PLANS, as_of)
        check_rows(examples, PLANS, as_of)
    # The Monday's fields: the Monday tree (every currency, a month cap, strikes, CJK and
    # accented names), the examples and the folder with an invalid plan, on Mondays and a
    # Sunday.
    for as_of in ("2026-10-12", "2026-11-09", "2026-11-16", "2026-11-30", "2026-12-07",
                  "2026-12-13"):
        check_monday(["monday"], PLANS, as_of)
        check_monday(examples, PLANS, as_of)
        check_monday(["portfolio"], PLANS, as_of)
    check_only(["monday", "portfolio"], PLANS, "2026-11-30")

    # The search: .git skipped, a link to a folder above not followed into a loop, other names
    # ignored, a plan linked by a file symlink read; the order the same on every run.
    work = tempfile.mkdtemp(prefix="remedy-portfolio-")
    try:
        tree = os.path.join(work, "clients")
        shutil.copytree(os.path.join(PLANS, "portfolio"), tree)
        os.makedirs(os.path.join(tree, ".git", "refs"))
        shutil.copy(os.path.join(PLANS, "portfolio", "broken", "remedy.toml"),
                    os.path.join(tree, ".git", "refs", "remedy.toml"))
        os.symlink("..", os.path.join(tree, "tokyo", "up"))
        os.symlink(tree, os.path.join(tree, "berlin", "loop"))
        first = run(["portfolio", "clients", "--as-of", "2026-10-20", "--format", "json"], work)
        files = [row["file"] for row in json.loads(first.stdout)["plans"]]
        expect(sorted(files) == sorted(["clients/acme/remedy.toml",
                                        "clients/berlin/remedy.toml",
                                        "clients/broken/remedy.toml",
                                        "clients/chicago/remedy.toml",
                                        "clients/tokyo/osaka/remedy.toml",
                                        "clients/tokyo/remedy.toml"]),
               f"the search found {files}")
        for _ in range(5):
            again = run(["portfolio", "clients", "--as-of", "2026-10-20", "--format", "json"],
                        work)
            expect(again.stdout == first.stdout, "two runs gave different output")
        # The working directory when no PATH is given, shown relative to it.
        here = run(["portfolio", "--as-of", "2026-10-20", "--format", "json"], tree)
        expect(sorted(row["file"] for row in json.loads(here.stdout)["plans"]) ==
               sorted(f[len("clients/"):] for f in files), "no PATH: not the working directory")
        # A missing PATH is a row of its own, the others still judged.
        missing = run(["portfolio", "clients/acme", "nowhere/remedy.toml", "--format", "json",
                       "--as-of", "2026-10-20"], work)
        rows = json.loads(missing.stdout)["plans"]
        expect(missing.returncode == 3 and [r["valid"] for r in rows] == [False, True],
               f"a missing plan: exit {missing.returncode}, rows {rows}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for failure in failures:
        print("FAIL", failure)
    print(f"portfolio figures: {len(failures)} failure(s)")
    return 1 if failures else 0


sys.exit(main())
