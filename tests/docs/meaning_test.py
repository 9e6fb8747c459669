#!/usr/bin/python3
"""Runs the worked examples of docs/meaning.md and checks the figures the page states.

The page holds a first ```toml block (the lines every example shares), then examples, each an
`<!-- example: NAME -->` line and a ```toml block, each followed by one or more
`<!-- check YYYY-MM-DD: PATH = JSON; ... -->` lines: `remedy status --format json --as-of` that
day must give JSON at PATH (dotted keys; `[N]` picks a list's item by index, `[ID]` the item
whose "id" is ID). The figures were worked out by hand when the page was written; this test
keeps the page and remedy from drifting apart.

usage: meaning_test.py docs/meaning.md path/to/remedy
"""
import json
import os
import re
import subprocess
import sys
import tempfile

PAGE, REMEDY = sys.argv[1], sys.argv[2]
FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("FAIL:", message)


def value_at(doc, path):
    for part in path.split("."):
        match = re.fullmatch(r"([a-z_]+)(?:\[([^\]]+)\])?", part)
        if not match:
            raise KeyError(f"bad path part {part!r}")
        doc = doc[match.group(1)]
        if match.group(2) is not None:
            pick = match.group(2)
            if pick.isdigit():
                doc = doc[int(pick)]
            else:
                items = [item for item in doc if item.get("id") == pick]
                if len(items) != 1:
                    raise KeyError(f"no single item with id {pick}")
                doc = items[0]
    return doc


def main():
    with open(PAGE, encoding="utf-8") as f:
        text = f.read()
    blocks = re.findall(r"```toml\n(.*?)```", text, re.S)
    shared = blocks[0]
    examples = re.findall(r"<!-- example: ([a-z-]+) -->\n```toml\n(.*?)```(.*?)(?=<!-- example:|\Z)",
                          text, re.S)
    if len(examples) < 7:
        fail(f"only {len(examples)} examples found")
    checked = 0
    with tempfile.TemporaryDirectory(prefix="remedy-meaning-") as tmp:
        for name, plan, rest in examples:
            path = os.path.join(tmp, f"{name}.toml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(shared + "\n" + plan)
            checks = re.findall(r"<!-- check (\d{4}-\d\d-\d\d): (.*?) -->", rest)
            if not checks:
                fail(f"example {name} has no check")
            for day, assertions in checks:
                run = subprocess.run([REMEDY, "status", "-f", path, "--as-of", day, "--format",
                                      "json"], capture_output=True, text=True)
                if run.returncode != 0:
                    fail(f"{name} on {day}: exit {run.returncode}: {run.stderr}")
                    continue
                doc = json.loads(run.stdout)
                for assertion in assertions.split(";"):
                    key, _, want = (part.strip() for part in assertion.partition("="))
                    try:
                        got = value_at(doc, key)
                    except (KeyError, IndexError, TypeError) as error:
                        fail(f"{name} on {day}: {key}: {error}")
                        continue
                    checked += 1
                    if got != json.loads(want):
                        fail(f"{name} on {day}: {key} is {got!r}, the page says {want}")
    print(f"{len(examples)} examples, {checked} figures checked, {len(FAILURES)} failure(s)")
    return 1 if FAILURES or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
