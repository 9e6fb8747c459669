#!/usr/bin/python3
"""Each row of `remedy portfolio --format json` has the figures of `remedy status --format json`
of its plan on the same day; the search skips .git, does not loop through a symbolic link to a
folder above, and finds only files named remedy.toml; the rows come in the same order however
the threads ran.

usage: portfolio_figures_test.py REMEDY PLANS_DIR EXAMPLES_DIR
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

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


def main():
    examples = sorted(glob.glob(os.path.join(EXAMPLES, "*.toml")))
    for as_of in ("2026-10-01", "2026-10-20", "2026-11-23", "2026-12-16", None):
        check_rows(["portfolio"], PLANS, as_of)
        check_rows(examples, PLANS, as_of)

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
