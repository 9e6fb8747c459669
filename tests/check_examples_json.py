"""Every plan in examples/ is valid and `remedy status --format json` on it has every key that
SPEC.md shows, with the documented types, on each day its header comment names (`--as-of DAY`):
never today, so that the result does not depend on when the test runs.
Usage: check_examples_json.py REMEDY EXAMPLES_DIR"""
import json
import pathlib
import re
import subprocess
import sys

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONEY = re.compile(r"^-?\d+(\.\d+)?$")
VERDICTS = {"on-track", "at-risk", "remediated", "terminate"}
STATES = {"open", "in_progress", "resolved", "waived"}


def check(doc, where):
    problems = []

    def expect(ok, what):
        if not ok:
            problems.append(f"{where}: {what}")

    expect(DATE.match(doc["as_of"]), "as_of is a date")
    expect(doc["verdict"] in VERDICTS, "verdict is known")
    expect(isinstance(doc["reasons"], list) and doc["reasons"], "reasons is a non-empty list")
    tb = doc["timebox"]
    for key in ("start", "deadline"):
        expect(DATE.match(tb[key]), f"timebox.{key} is a date")
    for key in ("days", "extension_days", "days_left"):
        expect(isinstance(tb[key], int), f"timebox.{key} is an integer")
    expect(re.match(r"^[A-Z]{3}$", doc["currency"]), "currency is a code")
    pen = doc["penalties"]
    for key in ("owed", "total"):
        expect(MONEY.match(pen[key]), f"penalties.{key} is money")
    expect(pen["cap"] is None or MONEY.match(pen["cap"]), "penalties.cap is money or null")
    expect(isinstance(pen["cap_reached"], bool), "penalties.cap_reached is a boolean")
    expect(isinstance(doc["strikes"]["count"], int), "strikes.count is an integer")
    expect(isinstance(doc["strikes"]["limit"], int), "strikes.limit is an integer")
    expect(doc["issues"], "issues is not empty")
    for issue in doc["issues"]:
        for key in ("id", "title", "priority", "state", "due", "resolved", "overdue",
                    "days_overdue", "penalty"):
            expect(key in issue, f"issue has {key}")
        expect(issue["state"] in STATES, "issue.state is known")
        expect(issue["resolved"] is None or DATE.match(issue["resolved"]), "issue.resolved")
        expect(isinstance(issue["overdue"], bool), "issue.overdue is a boolean")
        expect(MONEY.match(issue["penalty"]), "issue.penalty is money")
    return problems


def main():
    remedy, examples = sys.argv[1], pathlib.Path(sys.argv[2])
    plans = sorted(examples.glob("*.toml"))
    if not plans:
        print(f"no plans in {examples}")
        return 1
    problems = []
    for plan in plans:
        days = re.findall(r"--as-of (\d{4}-\d{2}-\d{2})", plan.read_text())
        if not days:
            problems.append(f"{plan.name}: no --as-of day in its header comment")
        for day in days:
            where = f"{plan.name} --as-of {day}"
            run = subprocess.run([remedy, "status", "--format", "json", "-f", str(plan),
                                  "--as-of", day], capture_output=True, text=True, timeout=30)
            if run.returncode != 0:
                problems.append(f"{where}: exit {run.returncode}: {run.stderr.strip()}")
                continue
            try:
                doc = json.loads(run.stdout)
                problems += check(doc, where)
                if doc["as_of"] != day:
                    problems.append(f"{where}: as_of is {doc['as_of']}")
            except (ValueError, KeyError, TypeError) as error:
                problems.append(f"{where}: {type(error).__name__}: {error}")
    for problem in problems:
        print(problem)
    print(f"{len(plans)} examples checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
