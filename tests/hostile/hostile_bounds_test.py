#!/usr/bin/python3
"""A hostile plan costs bounded time and memory, and escapes through no channel (issue 31).

The provider pushes to the plan's repository, so every byte of the plan, its file names and its
git metadata is hostile input. Each check runs the real binary and fails on the finding it
guards against:

  addresses   an address that is not a dot-atom addr-spec ("::error::x@x.example",
              "a##[error]b@x.example", a quoted local part, a domain literal) is refused at its
              line in contact, cc, and on the command line; no letter header line starts a CI
              runner's command or holds "##["
  CSV         folder names with ESC, BEL, CR and LF (portfolio), a git author with ESC and a
              subject with CR (history): no control byte in any cell of any CSV
  HTML        a commit subject with CR: the report parses in html5lib's strict mode
  files       holidays_file "/etc/passwd", "../x.ics", "/proc/self/environ", a link out of the
              folder, a file that is no iCalendar, a templates folder outside: refused at the
              key, the file's content never quoted; an iCalendar with no all-day event warned
  FIFOs       -f <(cat plan) is read to its end; a FIFO whose writer is silent is refused after
              10 seconds (exit 3), one with no writer at once; a device refused unread
  -o          a report written with -o on a full disk (RLIMIT_FSIZE) leaves the old file whole
  the lock    a lock file left behind, or holding garbage, does not block an edit
  cost        8,000 issues and 8,000 pauses checked within 256 MiB of address space; 10,000
              issues and 10,000 credits on distinct days checked within the time limit; a
              report and a statement judged on 9999-12-31 stay small and quick

usage: hostile_bounds_test.py REMEDY EXAMPLES_DIR SLOWDOWN SANITIZED(0|1)
"""
import csv
import io
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

REMEDY, EXAMPLES = sys.argv[1], sys.argv[2]
SLOWDOWN = int(sys.argv[3])
SANITIZED = sys.argv[4] == "1"
TIMEOUT = 30 * SLOWDOWN  # far above what any command here takes: only a hang reaches it
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1792000000", NO_COLOR="1")
ENV.pop("REMEDY_PLAN", None)
AS_OF = "2026-11-02"
NORTHWIND = open(os.path.join(EXAMPLES, "northwind.toml"), encoding="utf-8").read()
failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def run(args, cwd=None, preexec=None, timeout=None, stdin=subprocess.DEVNULL, env=None):
    try:
        return subprocess.run([REMEDY, *args], cwd=cwd, env=dict(ENV, **(env or {})),
                              capture_output=True,
                              stdin=stdin, preexec_fn=preexec, timeout=timeout or TIMEOUT)
    except subprocess.TimeoutExpired:
        expect(False, f"{' '.join(args)}: no answer within {timeout or TIMEOUT} s (a hang)")
        return None


def write(path, text, mode="w"):
    with open(path, mode) as f:
        f.write(text)
    return path


def line_of(text, needle):
    return text[:text.index(needle)].count("\n") + 1


def commands_in(data):
    """Lines a CI runner would take for a command: "::" after blanks, "##[" anywhere."""
    lines = re.split(rb"\r\n|\r|\n", data)
    return [line for line in lines if re.match(rb"^[ \t]*::", line) or b"##[" in line]


# ---------------------------------------------------------------------------------- addresses
def addresses(work):
    long_cc = "Desk <" + "c" * 60 + "@acme-it.example>"
    for bad in ("::error::PWNED@x.example", "a##[error]b@x.example", '"quoted local"@x.example',
                "pat@[192.0.2.1]", "Eve <::warning::x@x.example>"):
        for key, text in (("cc", NORTHWIND.replace(
                              'cc = ["Acme Service Desk <servicedesk@acme-it.example>",',
                              f'cc = ["{long_cc}", "{bad.replace(chr(34), chr(92) + chr(34))}",')),
                          ("contact", NORTHWIND.replace(
                              'contact = "Pat Doe <pat.doe@acme-it.example>"',
                              f'contact = "{bad.replace(chr(34), chr(92) + chr(34))}"'))):
            plan = write(os.path.join(work, f"address-{key}.toml"), text)
            done = run(["email", "weekly", "-f", plan, "--as-of", AS_OF])
            if done is None:
                continue
            line = line_of(text, bad.replace('"', '\\"'))
            expect(done.returncode == 3, f"address {bad!r} in {key}: exit {done.returncode}")
            expect(re.search(rf"{re.escape(plan)}:{line}:\d+: error: provider\.{key}:",
                             done.stderr.decode()) is not None,
                   f"address {bad!r} in {key}: not refused at line {line}: {done.stderr[-300:]}")
            expect(not commands_in(done.stdout) and not commands_in(done.stderr),
                   f"address {bad!r} in {key}: a runner command reached the output")
    plan = write(os.path.join(work, "plan.toml"), NORTHWIND)
    done = run(["email", "weekly", "-f", plan, "--as-of", AS_OF, "--cc", "::error::x@x.example"])
    expect(done is not None and done.returncode == 2, "--cc ::error::x@x.example: not a usage "
                                                      "error")
    # The long address that folded the header before: now every line of the letter is clean.
    text = NORTHWIND.replace('cc = ["Acme Service Desk <servicedesk@acme-it.example>",',
                             f'cc = ["{long_cc}", "ok.then@x.example",')
    done = run(["email", "weekly", "-f", write(plan, text), "--as-of", AS_OF])
    expect(done is not None and done.returncode == 0 and not commands_in(done.stdout),
           "a letter to a long cc list holds a runner command")


# ----------------------------------------------------------------------------- CSV and HTML
def clean_csv(data, what):
    """Every row (rows end in CRLF) free of control bytes, and as wide as the header."""
    rows = data.split(b"\r\n")
    for row in rows:
        bad = [b for b in row if b < 0x20 or b == 0x7F]
        expect(not bad, f"{what}: a CSV row holds control bytes {bytes(bad)!r}: {row[:120]!r}")
    table = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    expect(len({len(r) for r in table}) == 1, f"{what}: rows of different widths")


def portfolio_csv(work):
    tree = os.path.join(work, "tree")
    for name in ("a\x1b]0;pwned\x07", "b\r\nc", "d\x1b[2J"):
        os.makedirs(os.path.join(tree, name))
        write(os.path.join(tree, name, "remedy.toml"), NORTHWIND)
    done = run(["portfolio", tree, "--as-of", AS_OF, "--format", "csv"])
    if done is not None:
        expect(done.returncode == 0, f"portfolio csv: exit {done.returncode}")
        clean_csv(done.stdout, "portfolio --format csv")


def git(repo, *args, date="2026-11-20T12:00:00+00:00", author="Pat Doe"):
    env = dict(os.environ, GIT_AUTHOR_NAME=author, GIT_AUTHOR_EMAIL="pat@acme-it.example",
               GIT_COMMITTER_NAME="Pat Doe", GIT_COMMITTER_EMAIL="pat@acme-it.example",
               GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_CONFIG_NOSYSTEM="1",
               HOME=repo)
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def history_and_report(work):
    if shutil.which("git") is None:
        print("git is not installed: history CSV and the report's commit subjects not checked")
        return
    repo = os.path.join(work, "repo")
    os.mkdir(repo)
    git(repo, "init", "-q", "-b", "main")
    plan = os.path.join(repo, "remedy.toml")
    write(plan, NORTHWIND)
    git(repo, "add", "remedy.toml")
    git(repo, "commit", "-q", "-m", "plan", date="2026-10-01T12:00:00+00:00")
    # A resolution moved to seven weeks before its commit: flagged, so the commit's subject is
    # in the report's audit table.
    text = NORTHWIND.replace("resolved = 2026-10-16", "resolved = 2026-10-02", 1)
    write(plan, text)
    git(repo, "commit", "-q", "-a", "--cleanup=verbatim", "-m", "resolved\rrewritten",
        author="Eve \x1b]0;pwned\x07")
    done = run(["history", "-f", plan, "--as-of", "2026-11-25", "--format", "csv"])
    if done is not None:
        expect(done.returncode == 0, f"history csv: exit {done.returncode}: {done.stderr[-300:]}")
        clean_csv(done.stdout, "history --format csv")
    done = run(["report", "-f", plan, "--as-of", "2026-11-25"])
    if done is None:
        return
    expect(done.returncode == 0, f"report: exit {done.returncode}: {done.stderr[-300:]}")
    expect(b"&#13;" not in done.stdout, "the report writes CR as &#13;")
    try:
        import html5lib
    except ImportError:
        print("html5lib is not installed: the report's strict parse not checked")
        return
    parser = html5lib.HTMLParser(strict=True)
    try:
        parser.parse(done.stdout.decode("utf-8"))
    except Exception as error:  # html5lib raises ParseError at the first parse error
        expect(False, f"the report is not strict HTML5: {error}")


# ------------------------------------------------------------------- files beside the plan
def files_beside(work):
    folder = os.path.join(work, "beside")
    os.makedirs(os.path.join(folder, "holidays"))
    outside = write(os.path.join(work, "outside.ics"),
                    "BEGIN:VCALENDAR\r\nSECRET-LINE:do not quote me\r\nEND:VCALENDAR\r\n")
    os.symlink(outside, os.path.join(folder, "holidays", "linked.ics"))
    write(os.path.join(folder, "holidays", "passwd.ics"), "root:x:0:0:root:/root:/bin/bash\n")
    write(os.path.join(folder, "holidays", "empty.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    base = NORTHWIND.replace("[contract]", "[calendar]\nholidays_file = \"HOLIDAYS\"\n\n[contract]")
    cases = [("/etc/passwd", "must be a path inside the plan's folder: it is an absolute path"),
             ("/proc/self/environ", "must be a path inside the plan's folder: it is an absolute "
                                    "path"),
             ("../outside.ics", "must be a path inside the plan's folder: its \"..\" leads out"),
             ("holidays/linked.ics", "cannot be read: a symbolic link on its way leads out"),
             ("holidays/passwd.ics", "the file is not an iCalendar file")]
    for named, why in cases:
        text = base.replace("HOLIDAYS", named)
        plan = write(os.path.join(folder, "remedy.toml"), text)
        done = run(["check", "-f", plan, "--as-of", AS_OF])
        if done is None:
            continue
        err = done.stderr.decode()
        expect(done.returncode == 3, f"holidays_file {named}: exit {done.returncode}")
        expect(why in err, f"holidays_file {named}: {why!r} not said: {err[-300:]}")
        expect("root:x" not in err and "SECRET" not in err and "PATH=" not in err,
               f"holidays_file {named}: the file's content is quoted: {err[-300:]}")
    plan = write(os.path.join(folder, "remedy.toml"), base.replace("HOLIDAYS", "holidays/empty.ics"))
    done = run(["check", "-f", plan, "--as-of", AS_OF, "--fail-on", "never"])
    expect(done is not None and done.returncode == 0 and b"has no all-day event" in done.stderr,
           "an iCalendar with no all-day event is not warned")
    # The templates folder: by its text at its line, and through a link when a letter is written.
    text = NORTHWIND + "\n[email]\ntemplates = \"/etc\"\n"
    done = run(["email", "weekly", "-f", write(plan, text), "--as-of", AS_OF])
    expect(done is not None and done.returncode == 3 and
           f"{plan}:{line_of(text, 'templates =')}:13: error: email.templates '/etc' must be a "
           "path inside the plan's folder".encode() in done.stderr,
           "a templates folder outside the plan's folder is not refused at its line")
    os.makedirs(os.path.join(folder, "letters"))
    write(os.path.join(work, "weekly.txt"), "Subject: leaked\n\nroot:x:0:0\n")
    os.symlink(os.path.join(work, "weekly.txt"), os.path.join(folder, "letters", "weekly.txt"))
    text = NORTHWIND + "\n[email]\ntemplates = \"letters\"\n"
    done = run(["email", "weekly", "-f", write(plan, text), "--as-of", AS_OF])
    expect(done is not None and done.returncode == 3 and b"root:x" not in done.stdout + done.stderr,
           "a template linked from outside the plan's folder is used")


# ------------------------------------------------------------------------------------ FIFOs
def fifos(work):
    plan = write(os.path.join(work, "plan.toml"), NORTHWIND)
    expected = run(["status", "-f", plan, "--as-of", AS_OF])
    piped = subprocess.run(["bash", "-c", f'"$0" status -f <(cat "$1") --as-of {AS_OF}', REMEDY,
                            plan], env=ENV, capture_output=True, timeout=TIMEOUT)
    expect(piped.returncode == 0 and expected is not None and piped.stdout == expected.stdout,
           f"-f <(cat plan): exit {piped.returncode}, or not the file's output: "
           f"{piped.stderr[-300:]}")
    fifo = os.path.join(work, "silent.fifo")
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR)  # held open, never written to
    try:
        done = run(["check", "-f", fifo, "--as-of", AS_OF], timeout=10 + TIMEOUT)
        expect(done is not None and done.returncode == 3 and
               b"no byte arrived for 10 seconds" in done.stderr,
               f"a FIFO whose writer is silent: {done and (done.returncode, done.stderr[-200:])}")
    finally:
        os.close(writer)
    done = run(["check", "-f", fifo, "--as-of", AS_OF])  # no writer at all: empty, at once
    expect(done is not None and done.returncode == 3 and b"missing required table" in done.stderr,
           "a FIFO with no writer is not read as empty")
    done = run(["check", "-f", "/dev/zero", "--as-of", AS_OF])
    expect(done is not None and done.returncode == 3 and b"not a regular file" in done.stderr,
           "/dev/zero is not refused unread")


# --------------------------------------------------------------------- -o and the lock
def full_disk(work):
    plan = write(os.path.join(work, "plan.toml"), NORTHWIND)
    report = os.path.join(work, "report.html")
    first = run(["report", "-f", plan, "--as-of", AS_OF, "-o", report])
    expect(first is not None and first.returncode == 0, "report -o: the first report failed")
    before = open(report, "rb").read()

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    for args in (["report", "-f", plan, "--as-of", "2026-11-20", "-o", report],
                 ["calendar", "-f", plan, "--as-of", "2026-11-20", "-o", report]):
        done = run(args, preexec=small_disk)
        if done is None:
            continue
        expect(done.returncode == 3, f"{args[0]} -o on a full disk: exit {done.returncode}")
        expect(open(report, "rb").read() == before,
               f"{args[0]} -o on a full disk changed the old report")
    left = [n for n in os.listdir(work) if n.startswith(".report.html.")]
    expect(not left, f"temporary files left beside the report: {left}")
    # -o never replaces the plan the command reads, by its name, another spelling or a link.
    os.symlink("plan.toml", os.path.join(work, "link.toml"))
    for target, env in ((plan, {}), (os.path.join(work, ".", "plan.toml"), {}),
                        (os.path.join(work, "link.toml"), {}),
                        (os.path.join(work, "link.toml"), {"REMEDY_PLAN": plan})):
        args = ["report", "--as-of", AS_OF, "-o", target] + ([] if env else ["-f", plan])
        done = run(args, env=env)
        expect(done is not None and done.returncode == 2 and
               b"is the plan this command reads" in done.stderr,
               f"-o {target} over the plan: {done and (done.returncode, done.stderr[-200:])}")
        expect(open(plan, "rb").read() == NORTHWIND.encode(), f"-o {target} replaced the plan")


def stale_lock(work):
    folder = os.path.join(work, "locked")
    os.mkdir(folder)
    plan = write(os.path.join(folder, "remedy.toml"), NORTHWIND)
    for left in ("12345\n", "garbage \x1b[2J", ""):
        write(plan + ".lock", left)
        done = run(["start", "NET-1", "-f", plan, "--as-of", AS_OF])
        expect(done is not None and done.returncode in (0, 3) and
               b".lock" not in (done.stderr if done else b""),
               f"a lock file holding {left!r} blocked an edit: "
               f"{done and done.stderr[-200:]}")
        expect(not os.path.exists(plan + ".lock"), "the edit left its lock file behind")


# -------------------------------------------------------------------------------------- cost
def long_plan(issues, pauses, credits):
    """bench/make_plan.py --long: a time box of 12,060 days, pauses and credits on days apart."""
    sys.path.insert(0, os.path.join(os.path.dirname(EXAMPLES), "bench"))
    from make_plan import plan
    return plan(issues, long=True, pauses=pauses, credits=credits)


def cost(work):
    # 8,000 issues and 8,000 pauses (4,000 of every issue, 4,000 naming one issue each, no two
    # on one day) took 0.7 GB, failing in 256 MiB of address space; they fit in it now. (The
    # sanitizer build reserves terabytes of address space: the limit is left out there.)
    plan = write(os.path.join(work, "paused.toml"), long_plan(8000, True, False))

    def small_memory():
        resource.setrlimit(resource.RLIMIT_AS, (256 << 20, 256 << 20))

    done = run(["check", "-f", plan, "--as-of", "2056-11-12", "--fail-on", "never"],
               preexec=None if SANITIZED else small_memory)
    expect(done is not None and done.returncode == 0,
           f"8,000 issues and 8,000 pauses: {done and (done.returncode, done.stderr[-300:])}")
    # 10,000 credits on 10,000 days: each day judged the whole plan, for hours; one sweep now.
    plan = write(os.path.join(work, "credited.toml"), long_plan(10000, False, True))
    done = run(["check", "-f", plan, "--as-of", "2056-11-12", "--fail-on", "never"])
    expect(done is not None and done.returncode == 0,
           f"10,000 issues and 10,000 credits: {done and (done.returncode, done.stderr[-300:])}")
    # Far dates: the report held 96,000 empty statement months (14.7 MB).
    plan = write(os.path.join(work, "plan.toml"), NORTHWIND)
    done = run(["report", "-f", plan, "--as-of", "9999-12-31"])
    expect(done is not None and done.returncode == 0 and len(done.stdout) < 1_000_000,
           f"report of 9999-12-31: {done and len(done.stdout)} bytes")
    text = NORTHWIND + ("\n[[pause]]\nfrom = 2026-10-02\nto = 2026-12-14\n"
                        "reason = \"A long freeze\"\nagreed = 2026-10-05\n")
    done = run(["penalties", "--by-month", "-f", write(plan, text), "--as-of", "9999-12-31"])
    expect(done is not None and done.returncode == 0 and len(done.stdout) < 100_000,
           f"penalties --by-month of 9999-12-31: {done and (done.returncode, len(done.stdout))}")


def main():
    with tempfile.TemporaryDirectory(prefix="remedy-bounds-") as work:
        for check in (addresses, portfolio_csv, history_and_report, files_beside, fifos,
                      full_disk, stale_lock, cost):
            folder = os.path.join(work, check.__name__)
            os.mkdir(folder)
            check(folder)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
