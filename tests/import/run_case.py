#!/usr/bin/python3
"""Runs one case of tests/import/cases: `remedy import` on a sample export and a plan, in a folder
of its own, and compares what it printed, its exit status and the plan file afterwards.

A case folder holds `args` (the arguments, one a line), the expected `stdout`, `stderr` and
`exit`, and the plan: `plan.toml`, or `plan` naming one of the sample plans of tests/plans/import/
(without .toml). The folder the command runs in has the plan as remedy.toml, every sample export
of tests/plans/import/ and the case's own *.csv files. Afterwards the plan must equal the case's
`after.toml` byte for byte, or, without one, the plan as it was; and the folder must hold the
same files as before (no lock left behind, no temporary file; a dry run writes nothing).

A run that changed the plan (exit 0, no --dry-run) is run once more: the second run must change
nothing, leave the file as the first left it, and exit 0.

usage: run_case.py REMEDY CASE"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

if len(sys.argv) != 3:
    sys.exit(__doc__.rsplit("\n", 1)[-1])
remedy = os.path.abspath(sys.argv[1])
case = pathlib.Path(sys.argv[2])
here = pathlib.Path(__file__).resolve().parent
samples = here.parent / "plans" / "import"


def read(path):
    return path.read_bytes() if path.exists() else None


def run(folder, args):
    env = {k: v for k, v in os.environ.items() if k not in ("REMEDY_PLAN", "NO_COLOR")}
    env["TZ"] = "UTC"
    return subprocess.run([remedy] + args, cwd=folder, env=env, capture_output=True, timeout=60)


failures = []
with tempfile.TemporaryDirectory(prefix="remedy-import.") as scratch:
    folder = pathlib.Path(scratch)
    for export in sorted(samples.glob("*.csv")) + sorted(case.glob("*.csv")):
        shutil.copyfile(export, folder / export.name)
    plan = case / "plan.toml"
    if not plan.exists():
        plan = samples / ((case / "plan").read_text().strip() + ".toml")
    shutil.copyfile(plan, folder / "remedy.toml")
    before = sorted(p.name for p in folder.iterdir())
    args = (case / "args").read_text().splitlines()

    done = run(folder, args)
    for stream, got in (("stdout", done.stdout), ("stderr", done.stderr)):
        want = read(case / stream) or b""
        if got != want:
            failures.append(f"{stream} differs:\n--- expected\n{want.decode(errors='replace')}"
                            f"--- got\n{got.decode(errors='replace')}")
    want_exit = int((case / "exit").read_text())
    if done.returncode != want_exit:
        failures.append(f"exit {done.returncode}, expected {want_exit}")
    after = read(case / "after.toml") or plan.read_bytes()
    if (folder / "remedy.toml").read_bytes() != after:
        failures.append("the plan differs from " +
                        ("after.toml" if (case / "after.toml").exists() else "the plan as it was"))
    if sorted(p.name for p in folder.iterdir()) != before:
        failures.append(f"the folder holds {sorted(p.name for p in folder.iterdir())}, "
                        f"not {before}")

    if done.returncode == 0 and "--dry-run" not in args and not failures:
        again = run(folder, args)
        last = again.stdout.decode(errors="replace").splitlines()[-1:] or [""]
        if again.returncode != 0:
            failures.append(f"the second run exited {again.returncode}: {again.stderr!r}")
        elif not re.fullmatch(r".*: 0 changed, \d+ unchanged, \d+ unmatched, 0 refused; "
                              r".* is unchanged", last[0]):
            failures.append(f"the second run changed something: {again.stdout!r}")
        if (folder / "remedy.toml").read_bytes() != after:
            failures.append("the second run changed the plan")

for failure in failures:
    print(f"FAIL {case.name}: {failure}")
sys.exit(1 if failures else 0)
