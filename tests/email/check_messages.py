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
KINDS = ("notice", "weekly", "ultimatum", "termination")
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


def verdict_of(session, plan, as_of):
    run = session.run(["status", "--format", "json", "-f", str(plan.path), "--as-of",
                       str(as_of)])
    if run is None or run.returncode != 0:
        session.problem(f"{plan.path.name} {as_of}: remedy status --format json failed")
        return None
    return json.loads(run.stdout)["verdict"]


def email_args(plan, kind, as_of, *extra):
    args = ["email", kind, "-f", str(plan.path), "--as-of", str(as_of), *extra]
    if kind == "termination" and "--force" not in extra:
        args.append("--force")
    return args


def check_day(session, plan, as_of):
    """Every kind, and the calendar, for one plan on one day."""
    name = plan.path.name
    subjects, message_ids, notice_ics = {}, {}, None
    for kind in KINDS:
        where = f"{name} {kind} {as_of}"
        args = email_args(plan, kind, as_of)
        raw = session.generate(args, where)
        if raw is None:
            continue
        checked = session.check(raw, plan, as_of, kind, EPOCH, where)
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

    verdict = verdict_of(session, plan, as_of)
    unforced = ["email", "termination", "-f", str(plan.path), "--as-of", str(as_of)]
    where = f"{name} termination {as_of} without --force (verdict {verdict})"
    if verdict == "terminate":
        raw = session.generate(unforced, where)
        if raw is not None:
            session.check(raw, plan, as_of, "termination", EPOCH, where)
    elif verdict is not None:
        session.refuses(unforced, 3, where)

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
            def keys(found):
                return {u for u, _, _ in found}
            before = keys(session.calendar_events(early, plan, plan.start, OTHER_EPOCH,
                                                  where_start))
            now = keys(events)
            if not now <= before:
                session.problem(f"{where}: events whose UID (or day) is not the same as on "
                                f"{plan.start}: {sorted(now - before, key=str)}")


def check_plan_options(session, plan, scratch):
    """-o FILE, --to/--cc, and a run without SOURCE_DATE_EPOCH, on the plan's first day."""
    name, as_of = plan.path.name, plan.as_ofs[0]
    for args, label in ((email_args(plan, "notice", as_of), "email notice"),
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
    args = email_args(plan, "weekly", as_of,
                      "--to", "Ærø Kundendienst <kundendienst@aero-it.example>",
                      "--to", "ops@example.org",
                      "--cc", '"Zoë Müller, Einkauf" <einkauf@mueller-logistik.example>')
    where = f"{name} weekly {as_of} --to --cc"
    raw = session.generate(args, where)
    if raw is not None:
        session.check(raw, plan, as_of, "weekly", EPOCH, where, to=to, cc=cc)

    where = f"{name} termination {as_of} --to only"
    raw = session.generate(email_args(plan, "termination", as_of, "--to", "ops@example.org"),
                           where)
    if raw is not None:
        session.check(raw, plan, as_of, "termination", EPOCH, where,
                      to=[("", "ops@example.org")])

    where = f"{name} ultimatum {as_of} without SOURCE_DATE_EPOCH"
    began = time.time()
    raw = session.generate(email_args(plan, "ultimatum", as_of), where, epoch=None)
    ended = time.time()
    if raw is not None:
        session.check(raw, plan, as_of, "ultimatum", None, where, now_range=(began, ended))


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
            session.refuses(["email", kind, "-f", str(path), "--as-of", as_of, "--force"], 3,
                            f"{file_name} {kind}")
    invalid = scratch / "invalid.toml"
    invalid.write_text(text + "\n[client\n", encoding="utf-8")
    for kind in KINDS:
        session.refuses(["email", kind, "-f", str(invalid), "--as-of", as_of, "--force"], 3,
                        f"invalid plan {kind}")
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
                    session.refuses(email_args(plan, kind, plan.as_ofs[0]), 3,
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
