#!/usr/bin/python3
"""`remedy portfolio --email KIND --outbox DIR`: one .eml a plan, named after the plan's path
with its folders joined by '-', each the bytes `remedy email KIND` writes for that plan on its
day (SOURCE_DATE_EPOCH fixed) and each passing Python's strict email parser and the checks of
mail_checks.py; a plan whose letter `email` refuses has no file, is listed with the same reason
on standard error (where `email` names --force, which portfolio does not have, the command that
does), and does not fail the command; --only keeps the letters of the rows kept.

usage: outbox_test.py REMEDY EXAMPLES_DIR PLANS_DIR
"""
import datetime
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
import mail_checks  # noqa: E402 - the helpers beside this script
import plan_facts  # noqa: E402

REMEDY, EXAMPLES, PLANS = sys.argv[1:4]
EPOCH = 1795000000  # 2026-11-18 11:06:40 UTC
ENV = {k: v for k, v in os.environ.items() if k not in ("REMEDY_PLAN", "NO_COLOR")}
ENV["SOURCE_DATE_EPOCH"] = str(EPOCH)
problems = []


def expect(ok, what):
    if not ok:
        problems.append(what)
    return ok


def run(args, cwd):
    return subprocess.run([REMEDY, *args], cwd=cwd, capture_output=True, env=ENV, timeout=120)


def eml_name(path):
    """The contract's name, worked out here on its own: folders joined by '-'."""
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    if len(parts) > 1 and parts[-1] == "remedy.toml":
        parts.pop()
    elif parts[-1].endswith(".toml") and len(parts[-1]) > 5:
        parts[-1] = parts[-1][:-5]
    return "-".join(parts) + ".eml"


def check_outbox(cwd, paths, kind, as_of, extra=()):
    label = f"portfolio {' '.join(paths)} --email {kind} on {as_of} {' '.join(extra)}"
    outbox = pathlib.Path(cwd, "outbox")
    shutil.rmtree(outbox, ignore_errors=True)
    done = run(["portfolio", *paths, "--as-of", as_of, "--email", kind, "--outbox", "outbox",
                "--format", "json", *extra], cwd)
    expect(done.returncode == 0, f"{label}: exit {done.returncode}: {done.stderr[-300:]!r}")
    rows = json.loads(done.stdout)["plans"]
    stderr = done.stderr.decode()
    written = sorted(p.name for p in outbox.glob("*")) if outbox.exists() else []
    wanted = []
    for row in rows:
        path = row["file"]
        month = list(extra[extra.index("--month"):][:2]) if "--month" in extra else []
        letter = run(["email", kind, "-f", path, "--as-of", as_of, *month], cwd)
        name = eml_name(path)
        where = f"{label}: {path}"
        if letter.returncode != 0:
            # Refused: no file, and the same reason listed, not fatal.
            reason = letter.stderr.decode().strip().splitlines()[-1].removeprefix("remedy: error: ")
            # Where `email` says how to force the letter, portfolio (which has no --force) says
            # which command does.
            for hint, command in ((" (give --force with --reason to write it anyway)",
                                   f"remedy email {kind} --force --reason TEXT"),
                                  (" (or give --force)", f"remedy email {kind} --force")):
                if reason.endswith(hint):
                    reason = reason.removesuffix(hint) + f" (`{command}` writes it anyway)"
            expect(f"remedy: note: no {kind} letter for {path}: {reason}" in stderr,
                   f"{where}: the refusal {reason!r} is not listed: {stderr[-400:]!r}")
            expect(name not in written, f"{where}: a letter was written though email refuses it")
            continue
        wanted.append(name)
        file = outbox / name
        if not expect(file.exists(), f"{where}: no {name} in the outbox ({written})"):
            continue
        raw = file.read_bytes()
        expect(raw == letter.stdout, f"{where}: {name} is not what `remedy email {kind}` writes")
        expect(f"remedy: note: {kind} letter for {path} written to outbox/{name}" in stderr,
               f"{where}: the letter written is not said")
        plan = plan_facts.read_plan(pathlib.Path(cwd, path))
        found = []
        mail_checks.check_message(raw, plan, datetime.date.fromisoformat(as_of), kind, EPOCH,
                                  found, where)
        problems.extend(found)
    expect(written == sorted(wanted), f"{label}: outbox holds {written}, expected {sorted(wanted)}")
    expect(f"{len(wanted)} of {len(rows)} {kind} letters written to outbox" in stderr,
           f"{label}: no count of the letters: {stderr[-300:]!r}")
    return rows, written


def main():
    work = tempfile.mkdtemp(prefix="remedy-outbox-")
    try:
        shutil.copytree(EXAMPLES, os.path.join(work, "examples"))
        shutil.copytree(os.path.join(PLANS, "monday"), os.path.join(work, "clients"))
        examples = sorted(f"examples/{p.name}" for p in pathlib.Path(work, "examples").glob("*.toml"))
        for kind, as_of in (("weekly", "2026-11-16"), ("termination", "2026-11-30"),
                            ("weekly", "2026-12-07"), ("closing", "2026-12-07"),
                            ("notice", "2026-10-05")):
            check_outbox(work, ["clients"], kind, as_of)
            check_outbox(work, examples, kind, as_of)
        # The names: folders joined by '-'.
        rows, written = check_outbox(work, ["clients"], "weekly", "2026-11-16")
        expect("clients-uk-harrow-accountants.eml" in written and
               "clients-jp-shinjuku.eml" in written, f"outbox names: {written}")
        # --only: the letters of the rows kept, no other.
        rows, written = check_outbox(work, ["clients"], "termination", "2026-11-30",
                                     ("--only", "terminate"))
        expect(len(rows) == len(written) == 2, f"--only terminate: {len(rows)} rows, {written}")
        # The statement needs its month; --email and --outbox go together.
        for args in (["--email", "statement", "--outbox", "o"], ["--email", "weekly"],
                     ["--outbox", "o"], ["--month", "2026-11"]):
            done = run(["portfolio", "clients", "--as-of", "2026-11-30", *args], work)
            expect(done.returncode == 2, f"portfolio {' '.join(args)}: exit {done.returncode}")
        check_outbox(work, ["clients"], "statement", "2026-12-07", ("--month", "2026-11"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for problem in problems:
        print("PROBLEM", problem)
    print(f"outbox: {len(problems)} problem(s)")
    return 1 if problems else 0


sys.exit(main())
