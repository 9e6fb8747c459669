"""Every text remedy writes, read beside the JSON figures of the same day: status, verdict,
penalties (and by month), the letters (weekly, statement, changes, final warning,
termination), the report, the calendar and the history. A sentence about the cap, the balance,
the strikes, the forecast or a pause must state figures the JSON gives for that day
(sentence_checks.py), and words that would misdescribe them must not appear.

The plans: every example plan, on days spread over its time box; and the Harbour story
(harbour_story.py: a monthly cap, a reopen, a disputed and a withdrawn strike, a credit, a
freeze on a working-day contract), as written with commands in a real git repository, and the
same plan with a plan cap, each on the days its users checked by hand.

usage: words_figures_test.py REMEDY EXAMPLES"""
import datetime
import email
import email.policy
import glob
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harbour_story  # noqa: E402
import sentence_checks as checks  # noqa: E402
from sentence_checks import AMOUNT, plain, unwrapped  # noqa: E402

REMEDY = os.path.abspath(sys.argv[1])
EXAMPLES = os.path.abspath(sys.argv[2])
ENV = dict(os.environ, NO_COLOR="1", TZ="UTC", SOURCE_DATE_EPOCH="1798000000")
ENV.pop("REMEDY_PLAN", None)
PROBLEMS = []
CHECKED = Counter()  # what was read, by channel: each must have been read at least once
HARBOUR_DAYS = ["2026-11-27", "2026-11-30", "2026-12-07", "2026-12-10", "2026-12-12",
                "2026-12-14", "2026-12-31", "2027-01-04", "2027-01-11", "2027-01-20"]


def problem(text):
    PROBLEMS.append(text)
    print("FAIL:", text)


def run(plan, *args, ok=(0,)):
    done = subprocess.run([REMEDY, *args, "-f", plan], env=ENV, capture_output=True,
                          text=True, timeout=60, cwd=os.path.dirname(plan))
    if done.returncode not in ok:
        raise RuntimeError(f"remedy {' '.join(args)}: exit {done.returncode}: {done.stderr}")
    return done


def as_json(plan, *args):
    return json.loads(run(plan, *args, "--format", "json").stdout)


def letter(plan, *args):
    """The text part of a letter, or None when remedy refuses it (exit 3)."""
    done = run(plan, "email", *args, ok=(0, 3))
    if done.returncode == 3:
        return None
    message = email.message_from_string(done.stdout, policy=email.policy.default)
    return message.get_body(preferencelist=("plain",)).get_content()


def check_penalties(where, plan, day, status):
    ledger = as_json(plan, "penalties", "--as-of", day)
    text = run(plan, "penalties", "--as-of", day).stdout
    for key in ("Total", "Owed"):
        found = re.search(rf"^{key}\s+({AMOUNT}) ", text, re.M)
        if not found or plain(found.group(1)) != ledger[key.lower() if key != "Total" else
                                                         "total"]:
            problem(f"{where}: penalties {key} {found and found.group(1)}, the JSON "
                    f"{ledger['total' if key == 'Total' else 'owed']}")
    cap = re.search(rf"^Cap\s+(?:none|({AMOUNT}) [A-Z]{{3}}(.*))$", text, re.M)
    if (plain(cap.group(1)) if cap and cap.group(1) else None) != ledger["cap"]:
        problem(f"{where}: penalties cap {cap and cap.group(1)}, the JSON {ledger['cap']}")
    if ledger["cap_per"] == "month" and "(the cap applies to each calendar month" not in text:
        problem(f"{where}: penalties does not say the cap is a month's")
    months = as_json(plan, "penalties", "--by-month", "--as-of", day)["months"]
    table = run(plan, "penalties", "--by-month", "--as-of", day).stdout
    for month in months:
        row = re.search(rf"^{month['month']}\s+(.*)$", table, re.M)
        cells = [plain(cell) for cell in row.group(1).split()] if row else []
        if cells != [month["accrued"], month["owed"], month["credited"], month["balance"]]:
            problem(f"{where}: by month {month['month']} {cells}, the JSON {month}")
    return months


def check_weekly(where, text, status, verdict):
    """The weekly letter: the money, the strike rule, the incidents of the week, the
    forecast."""
    joined = unwrapped(text)
    p = status["penalties"]
    total = re.search(rf"Total(?: before the cap)?: ({AMOUNT}) [A-Z]{{3}}\. (?:Cap: "
                      rf"({AMOUNT}) [A-Z]{{3}}( a month)?(, reached in ([^.]*)|, reached by no "
                      rf"month|, reached)?\. )?Owed: ({AMOUNT})", joined)
    if not total:
        problem(f"{where}: no money breakdown")
        return
    if plain(total.group(1)) != p["total"] or plain(total.group(6)) != p["owed"]:
        problem(f"{where}: Total {total.group(1)} Owed {total.group(6)}, the JSON {p['total']} "
                f"{p['owed']}")
    if (plain(total.group(2)) if total.group(2) else None) != p["cap"]:
        problem(f"{where}: Cap {total.group(2)}, the JSON {p['cap']}")
    if p["cap"] is not None and bool(total.group(3)) != (p["cap_per"] == "month"):
        problem(f"{where}: the cap {'is' if total.group(3) else 'is not'} called a month's, "
                f"the JSON cap_per {p['cap_per']}")
    if p["cap_per"] == "month" and p["cap"] is not None and \
            checks.months_listed(total.group(5) or "") != p["capped_months"]:
        problem(f"{where}: months at the cap {total.group(5)}, the JSON {p['capped_months']}")
    if p["cap_per"] == "plan" and p["cap"] is not None and \
            (total.group(4) == ", reached") != p["cap_reached"]:
        problem(f"{where}: 'reached' {total.group(4)}, the JSON {p['cap_reached']}")
    balance = re.search(rf"Credited: ({AMOUNT}) [A-Z]{{3}}\. Balance: ({AMOUNT})", joined)
    if (float(p["credited"]) != 0) != bool(balance) or balance and \
            (plain(balance.group(1)), plain(balance.group(2))) != (p["credited"], p["balance"]):
        problem(f"{where}: credited and balance {balance and balance.groups()}, the JSON "
                f"{p['credited']} {p['balance']}")
    checks.check_strike_rule(f"{where} (strike rule)", text, status, problem)
    for incident in status["changes"]["incidents"]:
        line = re.search(rf"- {incident['date']}, {incident['priority']}[^:]*: "
                         rf"{re.escape(incident['summary'])} \((.*?)\)(?:\n- |\n\n|$)",
                         text.replace("\n  ", " "), re.S)
        words = line.group(1) if line else ""
        if words.startswith("strike ") != incident["strike"] or \
                ("disputed by" in words) != (incident["status"] == "disputed") or \
                ("withdrawn" in words) != (incident["status"] == "withdrawn"):
            problem(f"{where}: the incident of {incident['date']} in the week: {words!r}, the "
                    f"JSON {incident['status']}, strike {incident['strike']}")
    undecided = verdict["verdict"] in ("on-track", "at-risk")
    if undecided and status["forecast"] is None and "There is no forecast yet." not in joined:
        problem(f"{where}: no forecast, and the letter does not say so")
    if status["forecast"] is not None and "no forecast" in joined:
        problem(f"{where}: 'no forecast' beside the JSON's forecast")
    checks.check_forecast(f"{where} (forecast)", joined, status, problem)


def check_statement(where, text, month):
    """The statement of a month asks for its month-end balance and says what earlier months
    carry."""
    joined = unwrapped(text)
    name = month["month"]
    for label, key in (("Accrued in", "accrued"), ("Owed for", "owed"),
                       ("Credits dated in", "credited")):
        found = re.search(rf"{label} {name}: ({AMOUNT})", joined)
        if not found or plain(found.group(1)) != month[key]:
            problem(f"{where}: {label} {name} {found and found.group(1)}, the JSON {month[key]}")
    if (f"and {name} reached it" in joined) != month["capped"] and "each month" in joined:
        problem(f"{where}: {name} said to reach its cap: {not month['capped']}, the JSON "
                f"{month['capped']}")
    ask = re.search(rf"Please credit ({AMOUNT})", joined)
    balance = float(month["balance"])
    if balance > 0:
        if not ask or plain(ask.group(1)) != month["balance"]:
            problem(f"{where}: asks for {ask and ask.group(1)}, the month-end balance is "
                    f"{month['balance']}")
        carried = re.search(rf"({AMOUNT}) [A-Z]{{3}} carried from earlier months", joined)
        if (plain(carried.group(1)) if carried else "0.00") != month["carried"] and \
                not (carried is None and float(month["carried"]) == 0):
            problem(f"{where}: carried {carried and carried.group(1)}, the JSON "
                    f"{month['carried']}")
    elif ask:
        problem(f"{where}: asks for {ask.group(1)} with nothing outstanding at the month's end")


def check_changes(where, text):
    """A reopening is described as what it is: never agreed, never money no longer owed."""
    for line in re.split(r"\n- ", unwrapped(text.replace("\n- ", "\n\n- ")).replace(" - ",
                                                                                   "\n- ")):
        if " was reopened on " in line:
            if "while it stood resolved" not in line or "agreed" in line or \
                    "no longer owed" in line:
                problem(f"{where}: the reopening reads {line!r}")


class Page(html.parser.HTMLParser):
    """The report's tables (by their class), its key figures and its paragraphs."""

    def __init__(self):
        super().__init__()
        self.tables, self.figures, self.paragraphs, self.svg_text = {}, {}, [], []
        self._table, self._row, self._cell, self._figure, self._p, self._svg = (
            None, None, None, None, None, 0)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._table = self.tables.setdefault(attrs.get("class"), [])
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""
        if tag == "dd" and "data-figure" in attrs:
            self._figure = attrs["data-figure"]
            self.figures[self._figure] = ""
        if tag == "p":
            self._p = ""
        if tag == "svg":
            self._svg += 1

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._table.append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None
        elif tag == "dd":
            self._figure = None
        elif tag == "p" and self._p is not None:
            self.paragraphs.append(self._p)
            self._p = None
        elif tag == "svg":
            self._svg -= 1

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._figure:
            self.figures[self._figure] += data
        if self._p is not None:
            self._p += data
        if self._svg:
            self.svg_text.append(data)


def check_report(where, plan, day, status, months):
    page = Page()
    page.feed(run(plan, "report", "--as-of", day).stdout)
    p = status["penalties"]
    strikes = page.figures.get("strikes")
    expected = f"{status['strikes']['count']} of {status['strikes']['limit']}" \
        if status["strikes"]["warning_given"] else "none"
    if strikes != expected:
        problem(f"{where}: report strikes {strikes!r}, expected {expected!r}")
    text = " ".join(page.paragraphs)
    undecided = status["verdict"] in ("on-track", "at-risk")
    if ("No forecast" in text) != (undecided and status["forecast"] is None):
        problem(f"{where}: report 'No forecast' {'No forecast' in text}, the JSON forecast "
                f"{status['forecast']}")
    if p["cap_per"] == "month" and any(piece.startswith("cap") for piece in page.svg_text):
        problem(f"{where}: the money chart draws a month cap against the plan's total")
    ledger = as_json(plan, "penalties", "--as-of", day)["issues"]
    rows = page.tables.get("ledger", [])
    head = rows[0] if rows else []
    for issue in ledger:
        row = next((r for r in rows[1:] if r and r[0] == issue["id"]), None)
        cells = dict(zip(head, row or []))
        if (plain(cells.get("Per day", "")), plain(cells.get("Per-day total", ""))) != \
                (issue["per_day_rate"], issue["per_day"]):
            problem(f"{where}: report ledger {issue['id']} per day {cells.get('Per day')} and "
                    f"total {cells.get('Per-day total')}, the JSON {issue['per_day_rate']} "
                    f"{issue['per_day']}")
    statement = page.tables.get("statement", [])[1:]
    shown = [[row[0]] + [plain(cell) for cell in row[1:]] for row in statement]
    wanted = [[m["month"], m["accrued"], m["owed"], m["credited"], m["balance"], m["carried"]]
              for m in months]
    if shown != wanted:
        problem(f"{where}: report statement {shown}, the JSON {wanted}")
    # A reopening's pause is listed as one, never among the pauses agreed.
    for row in page.tables.get("pauses", [])[1:]:
        if "until reopened on" in row[-1]:
            problem(f"{where}: a reopening's pause among the agreed pauses: {row}")
    for row in page.tables.get("reopenings", [])[1:]:
        CHECKED["report with a reopening"] += 1
        if any("agreed" in cell for cell in row):
            problem(f"{where}: a reopening reads as agreed: {row}")
    incidents = {row[0] + row[3]: row for row in page.tables.get("incidents", [])[1:]}
    for incident in status["incidents"]:
        row = incidents.get(incident["date"] + incident["summary"])
        if not row:
            problem(f"{where}: report does not list the incident of {incident['date']}")
            continue
        if not row[4].startswith(incident["status"]) or \
                (incident["dispute"] and incident["dispute"] not in row[4]) or \
                (row[5] == "STRIKE") != incident["strike"]:
            problem(f"{where}: report incident {row}, the JSON {incident}")


def deadline_rule(text):
    found = re.search(r"(Every issue must be resolved by .*? is entitled to terminate [^.]*\.)",
                      unwrapped(text))
    return found.group(1) if found else None


def check_calendar(where, plan, day, status, weekly):
    ics = run(plan, "calendar", "--as-of", day).stdout
    unfolded = ics.replace("\r\n", "\n").replace("\n ", "").replace("\\,", ",") \
        .replace("\\;", ";")
    event = re.search(r"UID:deadline\..*?DESCRIPTION:(.*?)\n", unfolded, re.S)
    rule = deadline_rule(event.group(1)) if event else None
    carried = any(issue["effective_due"] > status["timebox"]["deadline"] and
                  issue["state"] != "waived" for issue in status["issues"])
    if not rule or ("by its own due date" in rule) != carried:
        problem(f"{where}: the calendar's deadline rule {rule!r}; an issue due after the "
                f"deadline: {carried}")
    if weekly is not None and deadline_rule(weekly) and rule != deadline_rule(weekly):
        problem(f"{where}: the calendar says {rule!r}, the letters {deadline_rule(weekly)!r}")


def check_day(where, plan, day):
    status = as_json(plan, "status", "--as-of", day)
    verdict = as_json(plan, "verdict", "--as-of", day)
    checks.check_status_text(f"{where} status", run(plan, "status", "--as-of", day).stdout,
                             status, problem)
    checks.check_verdict_text(f"{where} verdict", run(plan, "verdict", "--as-of", day).stdout,
                              verdict, status, problem)
    months = check_penalties(f"{where} penalties", plan, day, status)
    weekly = letter(plan, "weekly", "--as-of", day)
    CHECKED.update(["status", "verdict", "penalties"])
    if weekly is not None:
        CHECKED["weekly letter"] += 1
        check_weekly(f"{where} weekly", weekly, status, verdict)
    for month in months:
        ended = datetime.date.fromisoformat(month["month"] + "-01") + datetime.timedelta(days=31)
        if ended.replace(day=1) > datetime.date.fromisoformat(day):
            continue
        text = letter(plan, "statement", "--month", month["month"], "--as-of", day)
        if text is not None:
            CHECKED["statement"] += 1
            CHECKED["statement carrying earlier months"] += float(month["carried"]) > 0
            check_statement(f"{where} statement {month['month']}", text, month)
    since = (datetime.date.fromisoformat(day) - datetime.timedelta(days=14)).isoformat()
    changes = letter(plan, "changes", "--since", since, "--as-of", day)
    if changes is not None:
        CHECKED["changes letter"] += 1
        CHECKED["changes letter with a reopening"] += " was reopened on " in changes
        check_changes(f"{where} changes", changes)
    if status["verdict"] == "terminate" and \
            status["strikes"]["count"] >= status["strikes"]["limit"]:
        termination = letter(plan, "termination", "--as-of", day)
        if termination:
            CHECKED["termination with strikes"] += 1
            for incident in status["strikes"]["incidents"]:
                if incident["status"] == "disputed" and \
                        incident["dispute"] not in unwrapped(termination):
                    problem(f"{where} termination: the disputed strike of {incident['date']} "
                            f"is not called disputed with its reason")
    if status["strikes"]["since"] == day:
        warning = letter(plan, "ultimatum", "--as-of", day)
        if warning is not None:
            CHECKED["final warning"] += 1
            checks.check_strike_rule(f"{where} ultimatum", warning, status, problem)
    check_report(f"{where} report", plan, day, status, months)
    check_calendar(f"{where} calendar", plan, day, status, weekly)
    CHECKED.update(["report", "calendar"])
    p = status["penalties"]
    CHECKED["a month cap reached"] += bool(p["capped_months"])
    CHECKED["a plan cap reached"] += p["cap_per"] == "plan" and p["cap_reached"]
    CHECKED["a disputed strike"] += any(i["status"] == "disputed" for i in
                                        status["strikes"]["incidents"])
    CHECKED["a withdrawn incident"] += any(i["status"] == "withdrawn" for i in
                                           status["incidents"])
    CHECKED["credits"] += float(p["credited"]) > 0
    CHECKED["a forecast"] += status["forecast"] is not None
    CHECKED["before the final warning"] += not status["strikes"]["warning_given"]


def check_history(repo, commits):
    """Each commit's row in the text beside its JSON; a reopening's pause called what it is."""
    plan = os.path.join(repo, "remedy.toml")
    text = run(plan, "history", "--as-of", "2027-01-20").stdout
    rows = as_json(plan, "history", "--as-of", "2027-01-20")["commits"]
    for row in rows:
        line = re.search(rf"^  {row['date']}  {row['commit'][:7]}\s+(\S+)\s+(\d+)\s+(\d+)\s+"
                         rf"({AMOUNT})\s+(\S+)", text, re.M)
        if not line or (line.group(1), int(line.group(2)), int(line.group(3)),
                        plain(line.group(4))) != (row["verdict"], row["open"], row["overdue"],
                                                  row["owed"]):
            problem(f"history {row['date']}: {line and line.groups()}, the JSON {row}")
        for change in row["changes"]:
            if change["topic"] == "pause" and "reopened" in change["text"] and \
                    ("while it stood resolved" not in change["text"] or
                     " agreed " in change["text"]):
                problem(f"history {row['date']}: the reopening's pause reads {change['text']!r}")
    for day, message, sha in commits:
        if day < "2026-12-07" and not re.search(rf"^  {day}  {sha[:7]} .*\s-\s", text, re.M):
            problem(f"history {day}: the strikes column states the limit before the warning")


def main():
    plans = []
    for path in sorted(glob.glob(os.path.join(EXAMPLES, "*.toml"))):
        status = as_json(path, "status", "--as-of", "2026-10-01")
        start = datetime.date.fromisoformat(status["timebox"]["start"])
        deadline = datetime.date.fromisoformat(status["timebox"]["deadline"])
        middle = start + (deadline - start) / 2
        days = sorted({start + datetime.timedelta(days=6), start + datetime.timedelta(days=20),
                       middle, deadline, deadline + datetime.timedelta(days=3)})
        plans.append((path, [d.isoformat() for d in days]))
    checked = 0
    with tempfile.TemporaryDirectory(prefix="remedy-words-") as scratch:
        repo = os.path.join(scratch, "harbour")
        os.mkdir(repo)
        commits = harbour_story.build(REMEDY, repo)
        plans.append((os.path.join(repo, "remedy.toml"), HARBOUR_DAYS))
        # The same plan under one cap for the whole plan, its credit included.
        capped = os.path.join(repo, "plan-cap.toml")
        with open(os.path.join(repo, "remedy.toml")) as plan, open(capped, "w") as out:
            out.write(plan.read().replace('cap = "2700.00"', 'cap = "7000.00"')
                      .replace('cap_per = "month"', 'cap_per = "plan"'))
        plans.append((capped, HARBOUR_DAYS))
        for plan, days in plans:
            for day in days:
                try:
                    check_day(f"{os.path.basename(plan)} {day}:", plan, day)
                except (RuntimeError, AttributeError, KeyError, IndexError, TypeError) as error:
                    problem(f"{os.path.basename(plan)} {day}: {type(error).__name__} {error}")
                checked += 1
        check_history(repo, commits)
        CHECKED["history"] += 1
    for what, count in sorted(CHECKED.items()):
        print(f"  {count:4} x {what}")
        if count == 0:
            problem(f"nothing read of: {what}")
    print(f"{checked} plan-days checked in every channel, {len(PROBLEMS)} problems")
    return 1 if PROBLEMS or checked < 50 else 0


if __name__ == "__main__":
    sys.exit(main())
