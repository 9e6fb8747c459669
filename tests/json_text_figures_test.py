"""Property over generated plans: the JSON output, read back, gives the same figures as the
text output of the same command on the same day (`status`, `verdict` and `penalties`), so a
script and a person never see different money or a different verdict, and every sentence about
the cap (of the plan or of a month), the money from here, the strikes (disputed, withdrawn) and
the forecast names the figures the JSON gives (tests/wording/sentence_checks.py). Plans come
from a seeded generator.

Usage: json_text_figures_test.py REMEDY"""
import datetime
import json
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "wording"))
import sentence_checks  # noqa: E402

PLANS = 120
PRIORITIES = ["low", "medium", "high", "critical"]
ENV = dict(os.environ, NO_COLOR="1")
ENV.pop("REMEDY_PLAN", None)

problems = []


def problem(text):
    problems.append(text)
    print("FAIL:", text)


def money(rng, low, high):
    cents = rng.randint(low, high)
    return f"{cents // 100}.{cents % 100:02d}"


def generate(rng):
    """A valid plan (the reader refuses it otherwise, and the test fails) and a day to judge."""
    start = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 300))
    days = rng.randint(1, 60)
    currency, digits = rng.choice([("USD", 2), ("JPY", 0), ("KWD", 3)])
    scale = 10 ** digits

    def amount(high):
        units = rng.randint(0, high * scale)
        whole, part = divmod(units, scale)
        return f"{whole}.{part:0{digits}d}" if digits else str(whole)

    out = ["[client]\nname = \"Client\"\n[provider]\nname = \"Provider\"\n",
           f"[contract]\ncurrency = \"{currency}\"\nmonthly_fee = \"{amount(50000)}\"\n",
           f"[timebox]\nstart = {start}\ndays = {days}\n"]
    span = days
    for _ in range(rng.randint(0, 2)):
        extra = rng.randint(1, 15)
        span += extra
        out.append(f"[[timebox.extension]]\ndays = {extra}\nagreed = {start}\nreason = \"r\"\n")
    if rng.random() < 0.85:
        out.append(f"[penalties]\ngrace_days = {rng.randint(0, 5)}\n")
        if rng.random() < 0.6:
            cap = amount(20000) if rng.random() < 0.5 else f"{rng.randint(1, 40)}%"
            out.append(f"cap = \"{cap}\"\n" if cap not in ("0", "0.00", "0.000") else "")
            if rng.random() < 0.5:
                out.append("cap_per = \"month\"\n")
        out.append(f"terminate_at_cap = {'true' if rng.random() < 0.5 else 'false'}\n")
        for table in ("per_day", "per_miss"):
            out.append(f"[penalties.{table}]\n")
            for priority in PRIORITIES:
                if rng.random() < 0.6:
                    value = amount(1000) if rng.random() < 0.8 else f"{rng.uniform(0, 5):.3f}%"
                    out.append(f"{priority} = \"{value}\"\n")
    for i in range(rng.randint(1, 12)):
        due = start + datetime.timedelta(days=rng.randint(0, span))
        out.append(f"[[issue]]\nid = \"I-{i}\"\ntitle = \"issue {i}\"\n"
                   f"priority = \"{rng.choice(PRIORITIES)}\"\ndue = {due}\n")
        status = rng.randint(0, 3)
        if status == 1:
            out.append("status = \"in_progress\"\n")
        elif status == 2:
            resolved = start + datetime.timedelta(days=rng.randint(0, span + 30))
            out.append(f"status = \"resolved\"\nresolved = {resolved}\n")
        elif status == 3:
            out.append("status = \"waived\"\n")
    # Incidents, some disputed or withdrawn on a later day (v3: from that day on).
    for i in range(rng.randint(0, 4)):
        day = start + datetime.timedelta(days=rng.randint(0, span + 20))
        out.append(f"[[incident]]\ndate = {day}\npriority = \"{rng.choice(PRIORITIES)}\"\n"
                   f"summary = \"incident {i}\"\n")
        contest = rng.choice(["", "", "disputed", "withdrawn"])
        later = day + datetime.timedelta(days=rng.randint(0, 10))
        if contest == "withdrawn" and later > start + datetime.timedelta(days=span):
            contest = ""  # a withdrawal is agreed by the deadline
        if contest:
            out.append(f"status = \"{contest}\"\ndispute = \"reason {i}\"\n"
                       f"{contest} = {later}\n")
    if rng.random() < 0.3:  # the final warning not given yet
        out.append("[ultimatum]\ngiven = false\n")
    elif rng.random() < 0.5:
        warned = start + datetime.timedelta(days=rng.randint(0, span))
        out.append(f"[ultimatum]\nissued = {warned}\nstrikes = {rng.randint(1, 3)}\n")
    as_of = start + datetime.timedelta(days=rng.randint(-3, span + 40))
    return "".join(out), as_of.isoformat(), digits


def run(remedy, plan, as_of, *command):
    done = subprocess.run([remedy, *command, "-f", plan, "--as-of", as_of], env=ENV,
                          capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exit {done.returncode}: {done.stderr}")
    return done.stdout


def text_money(text):
    """'1,014.86' as the JSON writes it: '1014.86'."""
    return text.replace(",", "")


def table_rows(text):
    """Each row of the table that starts at the line "ID ...", as a dict by column name. Cells
    are separated by two spaces or more and hold no such run (the generated titles have none),
    so the columns remedy shows only for some plans are found by their names."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("ID ")), None)
    if start is None:
        return []
    names = re.split(r" {2,}", lines[start].strip())
    rows = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        rows.append(dict(zip(names, re.split(r" {2,}", line.strip()))))
    return rows


def penalties_figures(text):
    """The ledger's rows and totals, from `remedy penalties`."""
    rows = {}
    for cells in table_rows(text):
        rows[cells["ID"]] = {"late_days": cells["LATE DAYS"], "per_day": cells["PER-DAY TOTAL"],
                             "per_miss": cells["PER MISS"],
                             "penalty": text_money(cells["SUBTOTAL"])}
    totals = {}
    for key in ("Total", "Cap", "Owed"):
        match = re.search(rf"^{key}\s+([\d,.]+) ", text, re.MULTILINE)
        totals[key] = text_money(match.group(1)) if match else None
    totals["reached"] = bool(re.search(r"^Cap .* - reached$", text, re.MULTILINE))
    return rows, totals


def status_figures(text):
    """The verdict, the penalties line, the strikes and each issue's row, from `remedy status`."""
    figures = {"verdict": re.search(r"^Verdict\s+(\S+)", text, re.MULTILINE).group(1)}
    strikes = re.search(r"^Strikes\s+(\d+) of (\d+)", text, re.MULTILINE)
    # Before the final warning, the text states neither the count against a limit nor the day.
    figures["strikes"] = (int(strikes.group(1)), int(strikes.group(2))) if strikes else None
    figures["owed"] = text_money(re.search(r"^Penalties\s+([\d,.]+) ", text, re.MULTILINE)
                                 .group(1))
    rows = {}
    for cells in table_rows(text):
        overdue = "0" if cells["OVERDUE"] == "-" else cells["OVERDUE"].split()[0]
        rows[cells["ID"]] = {"state": cells["STATE"], "due": cells["DUE"],
                             "days_overdue": overdue, "penalty": text_money(cells["PENALTY"])}
    figures["issues"] = rows
    return figures


def compare(where, what, from_json, from_text):
    if from_json != from_text:
        problem(f"{where}: {what}: JSON {from_json!r}, text {from_text!r}")


def main():
    remedy = sys.argv[1]
    rng = random.Random(20261128)
    compared = 0
    with tempfile.TemporaryDirectory(prefix="remedy-figures-") as folder:
        for n in range(PLANS):
            text, as_of, _ = generate(rng)
            plan = os.path.join(folder, f"plan-{n}.toml")
            with open(plan, "w") as out:
                out.write(text)
            where = f"plan {n} as of {as_of}"
            try:
                ledger = json.loads(run(remedy, plan, as_of, "penalties", "--format", "json"))
                rows, totals = penalties_figures(run(remedy, plan, as_of, "penalties"))
                status = json.loads(run(remedy, plan, as_of, "status", "--format", "json"))
                status_text = run(remedy, plan, as_of, "status")
                shown = status_figures(status_text)
                verdict = json.loads(run(remedy, plan, as_of, "verdict", "--format", "json"))
                verdict_text = run(remedy, plan, as_of, "verdict")
            except (RuntimeError, StopIteration, AttributeError) as error:
                problem(f"{where}: {error}\n{text}")
                continue
            compare(where, "total", ledger["total"], totals["Total"])
            compare(where, "owed", ledger["owed"], totals["Owed"])
            compare(where, "cap", ledger["cap"], totals["Cap"])
            compare(where, "cap reached", ledger["cap_reached"], totals["reached"])
            for issue in ledger["issues"]:
                row = rows.get(issue["id"], {})
                if issue["state"] == "waived":
                    compare(where, f"{issue['id']} penalty", issue["penalty"], row.get("penalty"))
                    continue
                for key in ("late_days", "per_day", "per_miss", "penalty"):
                    value = str(issue[key])
                    compare(where, f"{issue['id']} {key}", value,
                            text_money(row.get(key, "")) if key != "late_days"
                            else row.get(key))
            compare(where, "verdict", status["verdict"], shown["verdict"])
            compare(where, "owed in status", status["penalties"]["owed"], shown["owed"])
            compare(where, "owed in status and ledger", status["penalties"]["owed"],
                    ledger["owed"])
            compare(where, "strikes", (status["strikes"]["count"], status["strikes"]["limit"])
                    if status["strikes"]["warning_given"] else None, shown["strikes"])
            sentence_checks.check_status_text(f"{where}: status", status_text, status, problem)
            sentence_checks.check_verdict_text(f"{where}: verdict", verdict_text, verdict, status,
                                               problem)
            for issue in status["issues"]:
                row = shown["issues"].get(issue["id"], {})
                compare(where, f"{issue['id']} state", issue["state"], row.get("state"))
                compare(where, f"{issue['id']} due", issue["due"], row.get("due"))
                compare(where, f"{issue['id']} days overdue", str(issue["days_overdue"]),
                        row.get("days_overdue"))
                compare(where, f"{issue['id']} penalty", issue["penalty"], row.get("penalty"))
            compared += 1
    print(f"{compared} plans compared, {len(problems)} problems")
    return 1 if problems or compared < PLANS else 0


if __name__ == "__main__":
    sys.exit(main())
