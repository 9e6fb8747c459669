"""`remedy init` at a terminal with no option asks for each value in turn, the default shown,
asks again for a start that is not a date, and writes the plan from the answers; Ctrl-D at a
question writes nothing. Driven through a real pseudo-terminal, as a person would type.
Usage: init_terminal_test.py REMEDY"""

import os
import pty
import select
import sys
import tempfile

REMEDY = os.path.realpath(sys.argv[1])
failures = []


def run(answers, work):
    """Runs `remedy init` in `work` at a pseudo-terminal; for each (question, answer) waits for
    the question, then types the answer (None: Ctrl-D). Returns (exit status, all it printed)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(work)
        os.environ.pop("REMEDY_PLAN", None)
        os.execv(REMEDY, [REMEDY, "init"])
    seen = b""

    def read_until(text):
        nonlocal seen
        while text.encode() not in seen:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise TimeoutError(f"no question {text!r}; the terminal shows {seen!r}")
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                raise TimeoutError(f"remedy ended before {text!r}; it showed {seen!r}")
            if not chunk:
                raise TimeoutError(f"remedy ended before {text!r}; it showed {seen!r}")
            seen += chunk
        seen = seen[seen.index(text.encode()) + len(text):]

    printed = b""
    try:
        for question, answer in answers:
            read_until(question)
            os.write(fd, b"\x04" if answer is None else answer.encode() + b"\r")
        while True:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                break
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            printed += chunk
    except TimeoutError as error:
        failures.append(str(error))
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen + printed


with tempfile.TemporaryDirectory() as work:
    status, shown = run([
        ("Client (your company) [Your Company]: ", "Northwind Traders"),
        ("(Name <address>): ", "Alex Kim <alex@northwind.example>"),
        ("Provider [Your IT Provider]: ", "Acme Managed IT"),
        ("To (Name <address>): ", "Pat Doe <pat@acme-it.example>"),
        ("or none): ", "Desk <desk@acme-it.example>; Legal <legal@acme-it.example>"),
        ("Contract reference: ", "MSA-2024-017"),
        ("Currency (ISO 4217) [USD]: ", ""),
        ("Monthly fee [0.00]: ", "18450.00"),
        ("(YYYY-MM-DD) [", "2026-13-01"),
        ("not a date", "2026-10-01"),
        ("Days in the time box (1..60) [60]: ", ""),
        ("Time zone (IANA, e.g. America/Chicago) [", "America/Chicago"),
    ], work)
    if status != 0:
        failures.append(f"the answered init exited {status}: {shown!r}")
    plan_path = os.path.join(work, "remedy.toml")
    plan = open(plan_path, encoding="utf-8").read() if os.path.exists(plan_path) else ""
    for line in ['name = "Northwind Traders"', 'contact = "Alex Kim <alex@northwind.example>"',
                 'name = "Acme Managed IT"', 'contact = "Pat Doe <pat@acme-it.example>"',
                 'cc = ["Desk <desk@acme-it.example>", "Legal <legal@acme-it.example>"]',
                 'reference = "MSA-2024-017"', 'currency = "USD"', 'monthly_fee = "18450.00"',
                 'start = 2026-10-01', 'days = 60', 'timezone = "America/Chicago"']:
        if line not in plan:
            failures.append(f"the plan from the answers lacks {line!r}")
    if b"time box 2026-10-01 to 2026-11-30" not in shown:
        failures.append(f"init did not say what it wrote: {shown!r}")

with tempfile.TemporaryDirectory() as work:
    status, shown = run([("Client (your company) [Your Company]: ", None)], work)
    if status != 3:
        failures.append(f"Ctrl-D at the first question exited {status}, not 3: {shown!r}")
    if os.path.exists(os.path.join(work, "remedy.toml")):
        failures.append("Ctrl-D at the first question left a plan")

for failure in failures:
    print("FAIL:", failure)
print(f"init at a terminal checked, {len(failures)} failed")
sys.exit(1 if failures else 0)
