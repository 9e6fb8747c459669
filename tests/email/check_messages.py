"""The messages of `remedy email KIND` and the calendar of `remedy calendar` keep the contract
(SPEC.md "Emails"), checked with Python's strict email parser and icalendar against what each
plan says (read here with tomllib).

Usage: check_messages.py REMEDY PLANS_DIR...

For every *.toml in the folders, on every day its opening comment names in an `--as-of
YYYY-MM-DD` command (else timebox.start + 20 days), and for every kind: the message parses
without defects; From, To, Cc decode exactly to the plan's mailboxes; the Subject names the
provider, the contract reference and the kind; the Date is the instant of SOURCE_DATE_EPOCH in
the client's time zone; the Message-ID is in the client's domain; every line is ASCII with LF
ends; the text is UTF-8 quoted-printable with lines of at most 78 characters (76 encoded);
notice and ultimatum carry a base64 text/calendar attachment with one all-day event per issue
unresolved on the day plus the deadline. The output is the same bytes when generated again
(also under another TZ and locale), changes its Date with the epoch, and `calendar` prints the
notice's attachment; UIDs do not depend on the epoch or the day. Refusals exit 3 (2 for a wrong
command line) with a message on stderr. Prints `N messages checked, M problems`; exit 1 on any
problem."""
import collections
import datetime
import decimal
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
import mail_checks  # noqa: E402 - the helpers beside this script
import plan_facts  # noqa: E402

EPOCH = 1790000000  # 2026-09-21 14:13:20 UTC: summer time in Europe and America
OTHER_EPOCH = 1795000000  # 2026-11-18 11:06:40 UTC: winter time
KINDS = ("notice", "weekly", "changes", "ultimatum", "statement", "termination", "closing")
OWN_REASON = "The service desk missed every response time in the contract this quarter"
TIMEOUT = 30


class Session:
    def __init__(self, remedy, workdir):
        self.remedy = remedy
        self.workdir = workdir
        self.problems = []
        self.notes = []
        self.messages = 0

    def problem(self, text):
        self.problems.append(text)
        print(f"PROBLEM {text}", flush=True)

    def extend(self, problems):
        for text in problems:
            self.problem(text)

    def run(self, args, epoch=EPOCH, env=None):
        """remedy ARGS with SOURCE_DATE_EPOCH=epoch (unset when None); None after a timeout."""
        environment = {k: v for k, v in os.environ.items()
                       if k not in ("SOURCE_DATE_EPOCH", "REMEDY_PLAN", "TZ")}
        if epoch is not None:
            environment["SOURCE_DATE_EPOCH"] = str(epoch)
        environment.update(env or {})
        try:
            return subprocess.run([self.remedy, *args], capture_output=True, env=environment,
                                  cwd=self.workdir, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.problem(f"remedy {' '.join(args)}: no answer within {TIMEOUT} s")
            return None

    def generate(self, args, where, epoch=EPOCH, env=None):
        """The standard output of a run that must succeed, else None (and a problem)."""
        run = self.run(args, epoch, env)
        if run is None:
            return None
        if run.returncode != 0:
            self.problem(f"{where}: remedy {' '.join(args)} exited {run.returncode}: "
                         f"{run.stderr.decode('utf-8', 'replace').strip()[:500]}")
            return None
        return run.stdout

    def refuses(self, args, code, where, epoch=EPOCH):
        run = self.run(args, epoch)
        if run is None:
            return
        if run.returncode != code:
            self.problem(f"{where}: remedy {' '.join(args)} exited {run.returncode}, expected "
                         f"{code}; stderr: {run.stderr.decode('utf-8', 'replace').strip()[:300]}")
        if not run.stderr.strip():
            self.problem(f"{where}: remedy {' '.join(args)} gives no reason on stderr")
        if run.returncode == code and run.stdout:
            self.problem(f"{where}: remedy {' '.join(args)} refuses but prints "
                         f"{mail_checks.show(run.stdout)} on stdout")

    def check(self, raw, plan, as_of, kind, epoch, where, **expected):
        self.messages += 1
        problems = []
        checked = mail_checks.check_message(raw, plan, as_of, kind, epoch, problems, where,
                                            **expected)
        self.extend(problems)
        return checked

    def calendar_events(self, ics, plan, as_of, epoch, where, notes=False):
        problems = []
        events = mail_checks.check_calendar(ics, plan, as_of, epoch, problems, where,
                                            self.notes if notes else None)
        self.extend(problems)
        return events


def effective_dues(session, plan):
    """A function of the day giving each issue's effective due date as remedy's status JSON
    says it (the JSON's figures are checked against hand-worked ones by the unit tests)."""
    cache = {}

    def on(as_of):
        if as_of not in cache:
            run = session.run(["status", "--format", "json", "-f", str(plan.path), "--as-of",
                               str(as_of)])
            issues = json.loads(run.stdout)["issues"] if run and run.returncode == 0 else []
            cache[as_of] = {i["id"]: datetime.date.fromisoformat(i["effective_due"])
                            for i in issues}
        return cache[as_of]
    return on


def status_of(session, plan, as_of, cache={}):
    """remedy's status JSON of the plan on the day (its figures are checked against
    hand-worked ones by the unit tests), or None (and a problem)."""
    key = (str(plan.path), as_of)
    if key not in cache:
        run = session.run(["status", "--format", "json", "-f", str(plan.path), "--as-of",
                           str(as_of)])
        if run is None or run.returncode != 0:
            session.problem(f"{plan.path.name} {as_of}: remedy status --format json failed")
            return None
        cache[key] = json.loads(run.stdout)
    return cache[key]


def verdict_of(session, plan, as_of):
    status = status_of(session, plan, as_of)
    return status["verdict"] if status else None


def email_args(plan, kind, as_of, verdict, *extra):
    """The command line of one letter: a forced termination gives its reason, the record of
    changes goes back to before the start, a statement is of as_of's month (forced: the month
    has not ended)."""
    args = ["email", kind, "-f", str(plan.path), "--as-of", str(as_of), *extra]
    if kind == "termination" and verdict != "terminate":
        args += ["--force", "--reason", OWN_REASON]
    if kind == "changes":
        args += ["--since", str(plan.start - datetime.timedelta(days=1))]
    if kind == "statement":
        args += ["--month", str(as_of)[:7], "--force"]
    return args


def refusal_expected(plan, kind, as_of, status):
    """Why remedy must refuse the letter on the day (SPEC.md "Emails"), or None."""
    deadline = datetime.date.fromisoformat(status["timebox"]["deadline"])
    if kind == "ultimatum" and as_of < plan.issued:
        return f"the warning is dated {plan.issued}"
    if kind == "ultimatum" and as_of > deadline:
        return f"the deadline {deadline} has passed"
    if kind == "closing" and status["verdict"] != "remediated":
        return f"the verdict is {status['verdict']}"
    if kind == "changes" and not plan.changes_by(as_of):
        return "no change is in force"
    return None


AMOUNT = r"(-?[\d,]+(?:\.\d+)?)"


def amount(text):
    return decimal.Decimal(text.replace(",", ""))


def unwrapped(text):
    """The letter with each wrapped line joined to the one it continues."""
    lines = []
    for line in text.splitlines():
        if line.startswith("  ") and lines and lines[-1]:
            lines[-1] += " " + line.strip()
        elif lines and lines[-1] and line and not line.startswith("- ") and \
                not lines[-1].startswith("- ") and not line.startswith("Total:"):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return lines


def check_rule_sentences(session, text, status, as_of, kind, where):
    """Each sentence about a rule agrees with the judgement: the date after "After" is the
    warning's day and the one after "until" the window's end; the strike count and limit;
    every amount of the breakdown adds up, and to the total and what is owed; nothing says
    the contract ends by itself."""
    strikes, money = status["strikes"], status["penalties"]
    for phrase in (r"\bends? the contract\b", r"\bAt any time\b", r"\bFrom \d{4}-\d\d-\d\d on\b",
                   r"date of this warning"):
        if re.search(phrase, text):
            session.problem(f"{where}: says {re.search(phrase, text).group(0)!r}")
    lines = unwrapped(text)
    joined = " ".join(lines)
    for after, until in re.findall(r"[Aa]fter (\d{4}-\d\d-\d\d) and until (\d{4}-\d\d-\d\d)",
                                   joined):
        if after != strikes["since"] or until != strikes["until"]:
            session.problem(f"{where}: the strike rule runs after {after} until {until}, the "
                            f"judgement after {strikes['since']} until {strikes['until']}")
    for count, limit in re.findall(r"\((\d+) of (\d+) so far[:)]", joined):
        if (int(count), int(limit)) != (strikes["count"], strikes["limit"]):
            session.problem(f"{where}: says {count} of {limit} strikes, the judgement "
                            f"{strikes['count']} of {strikes['limit']}")
    for _, limit in re.findall(r"strike (\d+) of (\d+)", joined):
        if int(limit) != strikes["limit"]:
            session.problem(f"{where}: a strike of {limit}, the limit is {strikes['limit']}")
    # Before the final warning is given, no letter states its terms or its date.
    if strikes["since"] is None and re.search(r"(one more|more) incidents?|final warning of "
                                              r"\d{4}|[Aa]fter \d{4}-\d\d-\d\d and until", joined):
        session.problem(f"{where}: before the final warning, the letter states its terms or date")
    total = re.search(rf"Total(?: before the cap)?: {AMOUNT} [A-Z]{{3}}\. (?:Cap: {AMOUNT} [A-Z]{{3}}[^.]*\. )?"
                      rf"Owed: {AMOUNT} [A-Z]{{3}}\.", joined)
    if kind in ("weekly", "ultimatum", "termination", "closing") and not total:
        session.problem(f"{where}: no money breakdown (Total ... Owed: ...)")
    if not total:
        return
    if amount(total.group(1)) != amount(money["total"]):
        session.problem(f"{where}: Total {total.group(1)}, the judgement {money['total']}")
    if amount(total.group(3)) != amount(money["owed"]):
        session.problem(f"{where}: Owed {total.group(3)}, the judgement {money['owed']}")
    if total.group(2) and amount(total.group(2)) != amount(money["cap"]):
        session.problem(f"{where}: Cap {total.group(2)}, the judgement {money['cap']}")
    subtotals = decimal.Decimal(0)
    for line in lines:
        item = re.match(rf"- \S+ \(\w+\): (.*): {AMOUNT} [A-Z]{{3}}(?: \(waived.*\))?$", line)
        if not item:
            continue
        parts = decimal.Decimal(0)
        for days, rate, product in re.findall(rf"(\d+) late days? x {AMOUNT} = {AMOUNT}",
                                              item.group(1)):
            if int(days) * amount(rate) != amount(product):
                session.problem(f"{where}: {days} x {rate} is not {product}: {line}")
            parts += amount(product)
        for miss in re.findall(rf"{AMOUNT} for the missed date", item.group(1)):
            parts += amount(miss)
        if parts != amount(item.group(2)):
            session.problem(f"{where}: the parts of {line!r} do not add up to its amount")
        subtotals += amount(item.group(2))
    if subtotals != amount(money["total"]):
        session.problem(f"{where}: the issues' amounts add up to {subtotals}, the total is "
                        f"{money['total']}")


def check_day(session, plan, as_of):
    """Every kind, and the calendar, for one plan on one day."""
    name = plan.path.name
    subjects, message_ids, notice_ics = {}, {}, None
    status = status_of(session, plan, as_of)
    if status is None:
        return
    for kind in KINDS:
        where = f"{name} {kind} {as_of}"
        args = email_args(plan, kind, as_of, status["verdict"])
        refusal = refusal_expected(plan, kind, as_of, status)
        if refusal:
            session.refuses(args, 3, f"{where} ({refusal})")
            continue
        run = session.run(args)
        raw = session.generate(args, where)
        if raw is None or run is None:
            continue
        forced = kind == "termination" and status["verdict"] != "terminate"
        if forced != (b"remedy: note:" in run.stderr):
            session.problem(f"{where}: a {'forced' if forced else 'due'} termination "
                            f"{'without' if forced else 'with'} a note on stderr: "
                            f"{run.stderr!r}")
        checked = session.check(raw, plan, as_of, kind, EPOCH, where)
        if checked.text is not None:
            check_rule_sentences(session, checked.text, status, as_of, kind, where)
            if forced and OWN_REASON not in " ".join(unwrapped(checked.text)):
                session.problem(f"{where}: the forced termination does not give its reason")
            if plan.provider_name not in " ".join(unwrapped(checked.text)):
                session.problem(f"{where}: the text does not name the provider "
                                f"{plan.provider_name!r}")
        subjects[kind] = str(checked.message["Subject"]) if checked.message else None
        message_ids[kind] = checked.headers.get("Message-ID")
        if kind == "notice":
            notice_ics = checked.ics
        if checked.text is not None:
            for issue in plan.unresolved_on(as_of) if kind in ("notice", "ultimatum") else []:
                if issue.id not in checked.text:
                    session.notes.append(f"{where}: the text does not name unresolved issue "
                                         f"{issue.id}")

        again = session.generate(args, where + " (again)")
        if again is not None and again != raw:
            session.problem(f"{where}: generating twice with the same SOURCE_DATE_EPOCH gives "
                            f"different bytes, {mail_checks.first_difference(raw, again)}")
        elsewhere = session.generate(args, where + " (TZ=Pacific/Auckland LC_ALL=C)",
                                     env={"TZ": "Pacific/Auckland", "LC_ALL": "C", "LANG": "C"})
        if elsewhere is not None and elsewhere != raw:
            session.problem(f"{where}: the output depends on the machine's TZ or locale, "
                            f"{mail_checks.first_difference(raw, elsewhere)}")
        later = session.generate(args, where + f" (epoch {OTHER_EPOCH})", epoch=OTHER_EPOCH)
        if later is not None:
            other = session.check(later, plan, as_of, kind, OTHER_EPOCH,
                                  where + f" (epoch {OTHER_EPOCH})")
            if other.headers.get("Date") == checked.headers.get("Date"):
                session.problem(f"{where}: a different SOURCE_DATE_EPOCH leaves Date "
                                f"{checked.headers.get('Date')!r} unchanged")
            if other.headers.get("Message-ID") == checked.headers.get("Message-ID"):
                session.problem(f"{where}: a different SOURCE_DATE_EPOCH leaves Message-ID "
                                f"{checked.headers.get('Message-ID')!r} unchanged")
            if checked.ics is not None and other.ics is not None:
                first = {(u, d) for u, d, _ in checked.events}
                second = {(u, d) for u, d, _ in other.events}
                if first != second:
                    session.problem(f"{where}: UIDs change with SOURCE_DATE_EPOCH: "
                                    f"{sorted(first ^ second, key=str)}")

    if len(set(subjects.values())) != len(subjects):
        session.problem(f"{name} {as_of}: kinds share a Subject: {subjects}")
    if len(set(message_ids.values())) != len(message_ids):
        session.problem(f"{name} {as_of}: kinds share a Message-ID: {message_ids}")

    verdict = status["verdict"]
    unforced = ["email", "termination", "-f", str(plan.path), "--as-of", str(as_of)]
    where = f"{name} termination {as_of} without --force (verdict {verdict})"
    if verdict == "terminate":
        raw = session.generate(unforced, where)
        if raw is not None:
            session.check(raw, plan, as_of, "termination", EPOCH, where)
    else:
        session.refuses(unforced, 3, where)
        session.refuses([*unforced, "--force"], 3, f"{where} --force without --reason")

    where = f"{name} calendar {as_of}"
    ics = session.generate(["calendar", "-f", str(plan.path), "--as-of", str(as_of)], where)
    if ics is None:
        return
    session.messages += 1
    events = session.calendar_events(ics, plan, as_of, EPOCH, where, notes=True)
    if notice_ics is not None and ics != notice_ics:
        session.problem(f"{where}: `calendar` differs from the notice's attachment, "
                        f"{mail_checks.first_difference(ics, notice_ics)}")
    if plan.start < as_of:
        where_start = f"{name} calendar {plan.start}"
        early = session.generate(["calendar", "-f", str(plan.path), "--as-of",
                                  str(plan.start)], where_start, epoch=OTHER_EPOCH)
        if early is not None:
            session.messages += 1
            # The same UIDs: an event moves under its UID when an extension or a pause agreed
            # since then is in force (its day is checked above against the effective dates).
            # A "penalties start" event may appear later: an extension can make a per-day
            # charge possible that the earlier deadline did not allow.
            def keys(found):
                return {u for u, _, _ in found if not u.startswith("penalties.")}
            before = keys(session.calendar_events(early, plan, plan.start, OTHER_EPOCH,
                                                  where_start))
            now = keys(events)
            if not now <= before:
                session.problem(f"{where}: events whose UID (or day) is not the same as on "
                                f"{plan.start}: {sorted(now - before, key=str)}")


def check_plan_options(session, plan, scratch):
    """-o FILE, --to/--cc, and a run without SOURCE_DATE_EPOCH, on the plan's first day."""
    name, as_of = plan.path.name, plan.as_ofs[0]
    verdict = verdict_of(session, plan, as_of)
    for args, label in ((email_args(plan, "notice", as_of, verdict), "email notice"),
                        (["calendar", "-f", str(plan.path), "--as-of", str(as_of)], "calendar")):
        where = f"{name} {label} {as_of} -o"
        stdout = session.generate(args, where)
        target = scratch / f"out-{plan.path.stem}-{label.replace(' ', '-')}"
        written = session.run([*args, "-o", str(target)])
        if stdout is None or written is None:
            continue
        if written.returncode != 0:
            session.problem(f"{where}: exited {written.returncode}: {written.stderr!r}")
        elif written.stdout:
            session.problem(f"{where}: -o FILE still prints {mail_checks.show(written.stdout)}")
        elif not target.exists() or target.read_bytes() != stdout:
            session.problem(f"{where}: the file differs from standard output")

    to = [("Ærø Kundendienst", "kundendienst@aero-it.example"), ("", "ops@example.org")]
    cc = [("Zoë Müller, Einkauf", "einkauf@mueller-logistik.example")]
    args = email_args(plan, "weekly", as_of, verdict,
                      "--to", "Ærø Kundendienst <kundendienst@aero-it.example>",
                      "--to", "ops@example.org",
                      "--cc", '"Zoë Müller, Einkauf" <einkauf@mueller-logistik.example>')
    where = f"{name} weekly {as_of} --to --cc"
    raw = session.generate(args, where)
    if raw is not None:
        session.check(raw, plan, as_of, "weekly", EPOCH, where, to=to, cc=cc)

    where = f"{name} termination {as_of} --to only"
    raw = session.generate(email_args(plan, "termination", as_of, verdict, "--to",
                                      "ops@example.org"), where)
    if raw is not None:
        session.check(raw, plan, as_of, "termination", EPOCH, where,
                      to=[("", "ops@example.org")])

    where = f"{name} weekly {as_of} without SOURCE_DATE_EPOCH"
    began = time.time()
    raw = session.generate(email_args(plan, "weekly", as_of, verdict), where, epoch=None)
    ended = time.time()
    if raw is not None:
        session.check(raw, plan, as_of, "weekly", None, where, now_range=(began, ended))


def without_key(text, table, key):
    """The plan text without the line `key = ...` of `[table]`."""
    lines, current = [], None
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("["):
            current = stripped.strip("[]").strip()
        elif current == table and "=" in stripped and stripped.split("=")[0].strip() == key:
            continue
        lines.append(line)
    return "".join(lines)


def check_refusals(session, plan, scratch):
    """Exit 3 without a contact or with an invalid plan; exit 2 for a wrong command line."""
    text = plan.path.read_text(encoding="utf-8")
    as_of = str(plan.as_ofs[0])
    cases = {
        "no-client-contact.toml": without_key(text, "client", "contact"),
        "no-provider-contact.toml": without_key(text, "provider", "contact"),
    }
    for file_name, variant in cases.items():
        path = scratch / file_name
        path.write_text(variant, encoding="utf-8")
        if variant == text:
            session.problem(f"{file_name}: could not remove the contact from {plan.path.name}")
            continue
        for kind in KINDS:
            args = email_args(plan, kind, as_of, None)
            args[args.index(str(plan.path))] = str(path)
            session.refuses(args, 3, f"{file_name} {kind}")
    invalid = scratch / "invalid.toml"
    invalid.write_text(text + "\n[client\n", encoding="utf-8")
    for kind in KINDS:
        args = email_args(plan, kind, as_of, None)
        args[args.index(str(plan.path))] = str(invalid)
        session.refuses(args, 3, f"invalid plan {kind}")
    placeholder = scratch / "placeholder-contact.toml"
    placeholder.write_text(re.sub(r'(?m)^contact = "[^"]*"', 'contact = "Account Manager '
                                  '<manager@provider.example>"', text, count=0),
                           encoding="utf-8")
    for kind in KINDS:
        args = email_args(plan, kind, as_of, None)
        args[args.index(str(plan.path))] = str(placeholder)
        session.refuses(args, 3, f"placeholder contact {kind}")
    for wrong in (["email", "weekly", "--reason", "x"], ["email", "notice", "--month", "2026-10"],
                  ["email", "statement"], ["email", "statement", "--month", "2026-13"],
                  ["email", "weekly", "--since", "2026-10-01"],
                  ["email", "closing", "--effective", "2026-10-01"]):
        session.refuses([*wrong, "-f", str(plan.path), "--as-of", as_of], 2, " ".join(wrong))
    session.refuses(["calendar", "-f", str(invalid), "--as-of", as_of], 3,
                    "invalid plan calendar")
    session.refuses(["email", "weekly", "-f", str(plan.path), "--as-of", as_of, "-o",
                     str(scratch / "no-such-folder" / "weekly.eml")], 3, "unwritable -o")
    session.refuses(["email", "letter", "-f", str(plan.path), "--as-of", as_of], 2,
                    "unknown kind")
    session.refuses(["email", "weekly", "-f", str(plan.path), "--as-of", "2026-13-45"], 2,
                    "impossible --as-of")


def print_fault_summary(problems):
    """The problems grouped by fault (numbers and quoted text aside), most frequent first."""
    groups = collections.defaultdict(list)
    for text in problems:
        what = text.split(": ", 1)[-1]
        key = re.sub(r"'([A-Za-z-]+:)?[^']*'", r"'\1_'", what)  # a header keeps its name
        groups[re.sub(r"\d+", "_", key)[:100]].append(text)
    if groups:
        print("faults, most frequent first (one example each):")
    for _, texts in sorted(groups.items(), key=lambda item: -len(item[1])):
        print(f"  {len(texts):4d} x {texts[0][:300]}")


def main():
    if len(sys.argv) < 3:
        print(__doc__.splitlines()[0])
        print("usage: check_messages.py REMEDY PLANS_DIR...")
        return 2
    remedy = str(pathlib.Path(sys.argv[1]).resolve())
    paths = plan_facts.plans_in(sys.argv[2:])
    if not paths:
        print(f"no plans in {sys.argv[2:]}")
        return 1
    with tempfile.TemporaryDirectory(prefix="remedy-email-") as scratch_name:
        scratch = pathlib.Path(scratch_name)
        session = Session(remedy, scratch)
        plans = []
        for path in paths:
            try:
                plan = plan_facts.read_plan(path)
                plan.due_oracle = effective_dues(session, plan)
                plans.append(plan)
            except (KeyError, ValueError, TypeError) as error:
                session.problem(f"{path}: cannot read the plan's facts: {error!r}")
        for plan in plans:
            if plan.client_contact is None or plan.provider_contact is None:
                for kind in KINDS:
                    session.refuses(email_args(plan, kind, plan.as_ofs[0], None), 3,
                                    f"{plan.path.name} {kind} (no contact)")
                continue
            for as_of in plan.as_ofs:
                check_day(session, plan, as_of)
            check_plan_options(session, plan, scratch)
            print(f"checked {plan.path.name} on {', '.join(map(str, plan.as_ofs))}", flush=True)
        with_contacts = [p for p in plans if p.client_contact and p.provider_contact]
        if with_contacts:
            base = next((p for p in with_contacts if p.path.name == "accents.toml"),
                        with_contacts[0])
            check_refusals(session, base, scratch)
            print(f"checked the refusals with {base.path.name}", flush=True)
    for note in session.notes:
        print(f"note {note}")
    print_fault_summary(session.problems)
    print(f"{session.messages} messages checked, {len(session.problems)} problems")
    return 1 if session.problems else 0


if __name__ == "__main__":
    sys.exit(main())
