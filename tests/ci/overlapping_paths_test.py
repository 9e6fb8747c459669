#!/usr/bin/python3
"""A plan named by several paths (`a/x`, `./a/x`, an absolute path, a link to the file, a link
to its folder, a folder and a plan inside it) is judged once: `portfolio` gives one row a plan
and the totals of the distinct plans; `check` takes folders as `portfolio` does, and writes ONE
JUnit document (xmllint) with one suite a plan and class names that tell the plans apart,
whatever the number of plans; a folder without a plan is refused.

usage: overlapping_paths_test.py REMEDY PLANS_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

REMEDY, PLANS = sys.argv[1:3]
ENV = {k: v for k, v in os.environ.items() if k not in ("REMEDY_PLAN", "NO_COLOR")}
AS_OF = "2026-10-20"
failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)
    return ok


def run(args, cwd):
    return subprocess.run([REMEDY, *args, "--as-of", AS_OF], cwd=cwd, capture_output=True,
                          env=ENV, timeout=60)


def xmllint(data, where):
    result = subprocess.run(["xmllint", "--noout", "-"], input=data, capture_output=True)
    expect(result.returncode == 0, f"{where}: xmllint: {result.stderr.decode(errors='replace')}")


def junit_suites(done, where):
    """The suites of the one document on standard output."""
    xmllint(done.stdout, where)
    expect(done.stdout.count(b"<?xml") == 1, f"{where}: {done.stdout.count(b'<?xml')} XML declarations")
    root = ET.fromstring(done.stdout)
    expect(root.tag == "testsuites", f"{where}: root <{root.tag}>")
    return root.findall("testsuite")


def main():
    work = tempfile.mkdtemp(prefix="remedy-overlap-")
    try:
        shutil.copytree(os.path.join(PLANS, "portfolio"), os.path.join(work, "clients"))
        os.symlink("clients/acme/remedy.toml", os.path.join(work, "acme-plan.toml"))
        os.symlink("clients/tokyo", os.path.join(work, "tokyo-link"))
        # A link named remedy.toml inside the tree, to a plan that is also there.
        os.mkdir(os.path.join(work, "clients", "alias"))
        os.symlink("../berlin/remedy.toml", os.path.join(work, "clients", "alias", "remedy.toml"))
        absolute = os.path.join(work, "clients", "chicago", "remedy.toml")
        distinct = ["clients/acme/remedy.toml", "clients/berlin/remedy.toml",
                    "clients/broken/remedy.toml", "clients/chicago/remedy.toml",
                    "clients/tokyo/osaka/remedy.toml", "clients/tokyo/remedy.toml"]

        alone = run(["portfolio", "clients", "--format", "json"], work)
        reference = json.loads(alone.stdout)
        expect(sorted(r["file"] for r in reference["plans"]) == distinct,
               f"portfolio clients: {[r['file'] for r in reference['plans']]}")

        overlapping = ["clients", "clients/acme", "./clients/acme/remedy.toml", absolute,
                       "clients/chicago/../chicago/remedy.toml", "acme-plan.toml", "tokyo-link",
                       "clients/tokyo/", "clients"]
        for order in (overlapping, list(reversed(overlapping))):
            done = run(["portfolio", *order, "--format", "json"], work)
            doc = json.loads(done.stdout)
            files = [r["file"] for r in doc["plans"]]
            label = f"portfolio {' '.join(order)}"
            expect(len(files) == 6, f"{label}: {len(files)} rows: {files}")
            expect(doc["totals"] == reference["totals"],
                   f"{label}: totals {doc['totals']} != {reference['totals']}")
            expect(doc["verdicts"] == reference["verdicts"], f"{label}: verdicts {doc['verdicts']}")
            expect(done.returncode == alone.returncode, f"{label}: exit {done.returncode}")
        # The link inside the tree is not a row of its own, whatever the disk's order.
        expect("clients/alias/remedy.toml" not in [r["file"] for r in reference["plans"]],
               "a link named remedy.toml counted as a plan of its own")
        # The first name of the PATHs is the one shown; a plain file's before a link's.
        done = run(["portfolio", "./clients/acme/remedy.toml", "acme-plan.toml", "clients/acme",
                    "--format", "json"], work)
        expect([r["file"] for r in json.loads(done.stdout)["plans"]] ==
               ["./clients/acme/remedy.toml"], f"named first: {done.stdout[:300]!r}")
        done = run(["portfolio", "acme-plan.toml", "clients/acme", "--format", "json"], work)
        expect([r["file"] for r in json.loads(done.stdout)["plans"]] ==
               ["clients/acme/remedy.toml"], f"the plain name before the link's: {done.stdout[:300]!r}")
        # A missing plan named twice is one row too.
        done = run(["portfolio", "gone/remedy.toml", "./gone/remedy.toml", "clients/acme",
                    "--format", "json"], work)
        rows = json.loads(done.stdout)["plans"]
        expect([r["valid"] for r in rows] == [False, True] and done.returncode == 3,
               f"a missing plan named twice: exit {done.returncode}, {rows}")

        # check: a folder, and many files naming the same plans, give one document.
        for label, args in (("check clients", ["clients"]),
                            ("check with overlapping paths", overlapping),
                            ("check with every file", [os.path.join("clients", f[len("clients/"):])
                                                       for f in distinct] + distinct)):
            done = run(["check", *args, "--format", "junit"], work)
            suites = junit_suites(done, label)
            names = [s.get("name") for s in suites]
            expect(len(names) == 6 and len(set(names)) == 6, f"{label}: suites {names}")
            classes = {}
            for suite in suites:
                for case in suite.findall("testcase"):
                    plan = case.get("classname").rsplit(".", 1)[0]
                    expect(plan == suite.get("name"),
                           f"{label}: class {case.get('classname')!r} in suite {suite.get('name')!r}")
                    classes.setdefault(case.get("classname"), set()).add(suite.get("name"))
            expect(all(len(s) == 1 for s in classes.values()), f"{label}: a class in two suites")
            expect(done.returncode == 3, f"{label}: exit {done.returncode} (broken is invalid)")
            expect(sum(int(s.get("tests")) for s in suites) ==
                   int(ET.fromstring(done.stdout).get("tests")), f"{label}: counts")
        # The same plans in JSON: one array, one object a plan.
        done = run(["check", "clients", "--format", "json"], work)
        expect(len(json.loads(done.stdout)) == 6, f"check clients --format json: {done.stdout[:200]!r}")
        # A folder of valid plans passes or fails as its worst plan does.
        done = run(["check", "clients/tokyo", "--fail-on", "never"], work)
        expect(done.returncode == 0 and done.stdout.count(b"valid plan") == 2,
               f"check clients/tokyo: exit {done.returncode}: {done.stdout!r}")
        # A folder without a plan is refused, naming it.
        os.mkdir(os.path.join(work, "empty"))
        done = run(["check", "empty"], work)
        expect(done.returncode == 3 and b"no remedy.toml found in empty" in done.stderr,
               f"check empty: exit {done.returncode}: {done.stderr!r}")
        # -f names a plan file, never a folder: a folder there is the error it always was.
        done = run(["check", "-f", "clients"], work)
        expect(done.returncode == 3 and b"directory" in done.stderr,
               f"check -f clients: exit {done.returncode}: {done.stderr!r}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for failure in failures:
        print("FAIL", failure)
    print(f"overlapping paths: {len(failures)} failure(s)")
    return 1 if failures else 0


sys.exit(main())
