#!/usr/bin/python3
"""The plan on disk survives a killed editor and concurrent editors.

usage: crash_test.py path/to/write_driver

1. Killed with SIGKILL at random moments while replacing a plan, the driver leaves the plan
   byte-identical to the old or the new content; a lock file it leaves behind is free (the
   kernel released the lock with the process), so the next editor, waiting not at all, takes
   it over and lands its change. Nothing here assumes how fast the machine is: the
   moments are drawn over the time an editor takes (measured first, then moved towards the side
   the kills keep missing), and the kills go on until the old content, the new content and a
   kill between the lock and the rename (a lock file left, the plan still old) have each been seen
   (at least MIN_RUNS kills, at most TIME_BUDGET seconds). Every outcome is counted and printed;
   any other content fails the test at once. In the sanitizer build a killed driver writes its
   reports to a folder of its own, read here: a report with any text fails the test; an empty
   one is only the trace of a kill that landed after the runtime opened its log and before it
   wrote to it (at exit, the leak check opens it), and is counted, not failed.
2. Twenty drivers started at once, each appending its own line under the lock: every one that
   exited 0 has its line in the plan, once; every other one said why, naming the lock and the
   pid of a living holder.
"""
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

DRIVER = os.path.abspath(sys.argv[1])
FAILURES = []
MIN_RUNS = 30  # kills, at least
TIME_BUDGET = 12.0  # seconds of kills, at most, to see every outcome under a heavy load
PAUSE_MS = 20  # REMEDY_TEST_PAUSE_BEFORE_RENAME: the editor waits so long before its rename
MID_EDIT = "killed mid-edit (lock file left, plan old)"


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def is_lock_message(plan, text):
    lock = plan + ".lock"
    return re.fullmatch(f"write_driver: {re.escape(lock)} is held by another remedy "
                        f"\\(pid [0-9]+\\) editing {re.escape(plan)}; try again when it is "
                        f"done\n", text) is not None


def own_sanitizer_logs(env, logs):
    """env with every sanitizer's log_path moved into logs (when the sanitizer build set one)."""
    moved = dict(env)
    for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if name in env:
            options = [o for o in env[name].split(":") if not o.startswith("log_path=")]
            moved[name] = ":".join(options + ["log_path=" + os.path.join(logs, "report")])
    return moved


def sanitizer_reports(logs, outcomes):
    """Fails on every report in logs that holds text, counts the empty ones, removes them all."""
    for name in sorted(os.listdir(logs)):
        path = os.path.join(logs, name)
        text = read(path).decode(errors="replace")
        check(not text, f"a killed driver's sanitizer report {name}:\n{text}")
        if not text:
            outcomes["empty sanitizer logs"] += 1
        os.remove(path)


def leftovers(folder):
    return [name for name in os.listdir(folder) if name.startswith(".remedy.toml.")]


def editor_seconds(plan, old, new_file, env):
    """How long a whole edit takes here and now: the median of three that are not killed."""
    times = []
    for _ in range(3):
        write(plan, old)
        began = time.monotonic()
        done = subprocess.run([DRIVER, plan, new_file], env=env, capture_output=True)
        times.append(time.monotonic() - began)
        check(done.returncode == 0, f"an edit that was not killed exited {done.returncode}: "
                                    f"{done.stderr.decode()}")
    return statistics.median(times)


def crash_runs(folder, rng):
    plan = os.path.join(folder, "remedy.toml")
    old = b"".join(b'[[issue]]\nid = "OLD-%d"\n\n' % i for i in range(3000))
    new = b"".join(b'[[issue]]\nid = "NEW-%d"\nstatus = "resolved"\n\n' % i for i in range(4000))
    new_file = os.path.join(folder, "new-content")
    write(new_file, new)
    env = dict(os.environ, REMEDY_TEST_PAUSE_BEFORE_RENAME=str(PAUSE_MS))
    # Kills are drawn uniformly over [0, window): past the end of an edit too, so that both
    # sides of the rename are reached whatever the load.
    window = 1.5 * editor_seconds(plan, old, new_file, env)
    outcomes = {"old": 0, "new": 0, "killed": 0, "finished": 0, MID_EDIT: 0, "lock file left": 0,
                "temp files": 0, "empty sanitizer logs": 0}
    logs = os.path.join(folder, "sanitizer-logs")
    os.mkdir(logs)
    killed_env = own_sanitizer_logs(env, logs)
    began = time.monotonic()
    run = 0
    while True:
        seen_all = outcomes["old"] and outcomes["new"] and outcomes[MID_EDIT]
        if run >= MIN_RUNS and seen_all or time.monotonic() - began > TIME_BUDGET:
            break
        write(plan, old)
        os.chmod(plan, 0o640)
        driver = subprocess.Popen([DRIVER, plan, new_file], env=killed_env,
                                  stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0, window))
        driver.send_signal(signal.SIGKILL)
        _, err = driver.communicate()
        sanitizer_reports(logs, outcomes)
        content = read(plan)
        what = "new" if content == new else "old" if content == old else "neither"
        check(what != "neither", f"run {run}: the plan is neither the old nor the new content")
        check(os.stat(plan).st_mode & 0o777 == 0o640, f"run {run}: the plan lost its mode 0640")
        if driver.returncode == 0:
            outcomes["finished"] += 1
            check(what == "new", f"run {run}: the driver exited 0 but the plan is {what}")
            check(not os.path.exists(plan + ".lock"), f"run {run}: exited 0, lock left")
        else:
            outcomes["killed"] += 1
            check(driver.returncode == -signal.SIGKILL,
                  f"run {run}: exit {driver.returncode}: {err.decode()}")
        if what != "neither":
            outcomes[what] += 1
        # While one side was never reached, move the window towards it: the load may have
        # changed since it was measured.
        if not outcomes["new"] and driver.returncode != 0:
            window *= 1.5  # every kill came too early
        elif not outcomes["old"] and driver.returncode == 0:
            window *= 0.5  # every kill came too late
        if os.path.exists(plan + ".lock"):
            outcomes["lock file left"] += 1
            if what == "old":
                outcomes[MID_EDIT] += 1
            pid = read(plan + ".lock").strip()
            check(pid in (b"", str(driver.pid).encode()), f"run {run}: lock holds {pid!r}")
            after = subprocess.run([DRIVER, "--wait", "0", plan, new_file], env=env,
                                   capture_output=True, text=True)
            check(after.returncode == 0,
                  f"run {run}: a lock left by a killed editor blocked the next: exit "
                  f"{after.returncode}: {after.stderr!r}")
            check(read(plan) == new, f"run {run}: the next editor's change did not land")
            check(not os.path.exists(plan + ".lock"), f"run {run}: the next editor left a lock")
        # A killed editor may leave its temporary file (as git may); it is never the plan.
        for name in leftovers(folder):
            outcomes["temp files"] += 1
            os.remove(os.path.join(folder, name))
        run += 1
    print(f"{run} editors, each killed at a random moment, in {time.monotonic() - began:.1f} s "
          f"(window {window * 1000:.0f} ms):", ", ".join(f"{k} {v}" for k, v in outcomes.items()))
    check(outcomes["old"] > 0 and outcomes["new"] > 0,
          "the kills never landed on both sides of the rename: the test proved nothing")
    check(outcomes[MID_EDIT] > 0, "no kill landed between the lock and the rename (a lock file "
                                  "and the old plan): the test proved nothing")


def concurrent_appends(folder):
    plan = os.path.join(folder, "remedy.toml")
    write(plan, b"# the plan\n")
    # Each editor holds the lock a few ms, so that without it the appends would be lost.
    env = dict(os.environ, REMEDY_TEST_PAUSE_BEFORE_RENAME="5")
    lines = [f"line-{i:02d}" for i in range(20)]
    drivers = [subprocess.Popen([DRIVER, "--append", plan, line], env=env,
                                stderr=subprocess.PIPE, text=True) for line in lines]
    results = [(line, driver.wait(), driver.stderr.read()) for line, driver in zip(lines, drivers)]
    for driver in drivers:
        driver.stderr.close()
    text = read(plan).decode().splitlines()
    check(text[:1] == ["# the plan"], f"the plan lost its first line: {text[:1]}")
    succeeded = 0
    for line, status, err in results:
        if status == 0:
            succeeded += 1
            check(text.count(line) == 1, f"{line} exited 0 but is in the plan {text.count(line)}x")
        else:
            check(status == 3 and is_lock_message(plan, err), f"{line}: exit {status}: {err!r}")
            check(line not in text, f"{line} failed but is in the plan")
    check(len(text) == 1 + succeeded, f"{len(text)} lines for {succeeded} appends")
    check(not os.path.exists(plan + ".lock"), "a lock is left after the concurrent editors")
    check(not leftovers(folder), f"temporary files left: {leftovers(folder)}")
    # The first editor to take the lock cannot time out waiting for it.
    check(succeeded > 0, "no editor appended its line")
    print(f"{len(lines)} concurrent editors: {succeeded} appended, "
          f"{len(lines) - succeeded} timed out waiting for the lock")


def main():
    seed = int(os.environ.get("REMEDY_CRASH_TEST_SEED", time.time_ns()))
    print(f"seed {seed} (set REMEDY_CRASH_TEST_SEED to repeat)")
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="remedy-crash-test-") as folder:
        crash_runs(folder, rng)
    with tempfile.TemporaryDirectory(prefix="remedy-crash-test-") as folder:
        concurrent_appends(folder)
    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
