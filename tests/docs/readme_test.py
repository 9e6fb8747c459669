#!/usr/bin/python3
"""Runs every command the README shows with its output, and fails when remedy's output has
drifted from what the README says.

A shown session is a fenced block whose first line starts with "$ ". Each "$ " line is a
command, the lines after it (up to the next "$ " line) its expected output. A line "..." stands
for any number of lines, so the README may shorten long output. A command is run with `sh -c`
in a scratch copy of the repository's examples/ folder (so `-f northwind.toml` names the
bundled example; ../tests/plans is copied beside it), with `remedy` on the PATH being the binary under test, and no colour; its
standard output and standard error together are compared. Commands run in order, so a block
may build on the one before it (init, then add, then status). A command that ends in a comment
"# NAME <ADDRESS>, YYYY-MM-DD" runs as that person, from that address, on that day (git's
author and committer, at noon UTC), so that the README can show a plan's history as it was
made.

usage: readme_test.py README.md path/to/remedy
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

README, REMEDY = sys.argv[1], os.path.abspath(sys.argv[2])
FAILURES = []


def blocks(text):
    """The fenced blocks without a language, in order, each as its text."""
    fence, body = None, []
    for line in text.splitlines():
        if fence is None:
            if line.startswith("```"):
                fence, body = line[3:].strip(), []
        elif line.startswith("```"):
            if not fence:
                yield "\n".join(body)
            fence = None
        else:
            body.append(line)


def sessions(text):
    for block in blocks(text):
        if not block.startswith("$ "):
            continue
        command, expected = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    yield command, expected
                command, expected = line[2:], []
            else:
                expected.append(line)
        yield command, expected


def matches(expected, actual):
    """Whether `actual` lines match `expected`, where "..." matches any run of lines."""
    memo = {}

    def at(i, j):
        if (i, j) not in memo:
            if i == len(expected):
                memo[i, j] = j == len(actual)
            elif expected[i] == "...":
                memo[i, j] = any(at(i + 1, k) for k in range(j, len(actual) + 1))
            else:
                memo[i, j] = j < len(actual) and actual[j] == expected[i] and at(i + 1, j + 1)
        return memo[i, j]

    return at(0, 0)


def main():
    with open(README, encoding="utf-8") as f:
        text = f.read()
    examples = os.path.join(os.path.dirname(os.path.abspath(README)), "examples")
    shown = list(sessions(text))
    if not shown:
        FAILURES.append("no session found in the README")
    with tempfile.TemporaryDirectory(prefix="remedy-readme-") as tmp:
        work = os.path.join(tmp, "examples")
        shutil.copytree(examples, work)
        # Beside it, as in the repository, the test plans a session may name as ../tests/plans.
        shutil.copytree(os.path.join(examples, "..", "tests", "plans"),
                        os.path.join(tmp, "tests", "plans"), symlinks=True)
        bin_dir = os.path.join(tmp, "bin")
        os.makedirs(bin_dir)
        os.symlink(REMEDY, os.path.join(bin_dir, "remedy"))
        env = {k: v for k, v in os.environ.items()
               if k not in ("REMEDY_PLAN", "SOURCE_DATE_EPOCH", "NO_COLOR")}
        env.update(PATH=bin_dir + os.pathsep + env.get("PATH", "/usr/bin:/bin"), TZ="UTC",
                   TERM="dumb", HOME=tmp, GIT_CONFIG_NOSYSTEM="1")
        for command, expected in shown:
            as_whom = dict(env)
            who = re.search(r"# ([A-Z][A-Za-z .'-]+) <([^<>@ ]+@[^<> ]+)>, (\d{4}-\d\d-\d\d)$",
                            command)
            if who:
                name, email, day = who.groups()
                stamp = f"{day}T12:00:00+00:00"
                as_whom.update(GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email,
                               GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email,
                               GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
            run = subprocess.run(["sh", "-c", command + "\n"], cwd=work, env=as_whom,
                                 stderr=subprocess.STDOUT, stdout=subprocess.PIPE, text=True)
            actual = run.stdout.splitlines()
            if not matches(expected, actual):
                FAILURES.append(command)
                print(f"FAIL: $ {command}\n--- the README says:\n" + "\n".join(expected) +
                      "\n--- remedy printed:\n" + "\n".join(actual) + "\n")
    print(f"{len(shown)} commands run, {len(FAILURES)} drifted")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
