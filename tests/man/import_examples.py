#!/usr/bin/python3
"""The worked examples of remedy.toml(5) IMPORT EXAMPLES are the ones the tests import: each
system's [import] table is, verbatim, the mapping of its sample plan in tests/plans/import/, and
the export lines shown are the first lines of its sample export (tests/import runs them).

usage: import_examples.py PAGE SAMPLES"""
import pathlib
import re
import sys

page, samples = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
SYSTEMS = {"Jira Service Management": "jira", "ServiceNow": "servicenow",
           "ConnectWise Manage": "connectwise", "Autotask (German)": "autotask-de"}

text = page.read_text(encoding="utf-8")
section = re.search(r"^\.SH IMPORT EXAMPLES\n(.*?)(?=^\.SH )", text, re.M | re.S)
if not section:
    sys.exit(f"no IMPORT EXAMPLES section in {page}")
failures = []
shown = {}
for part in re.split(r"^\.SS ", section.group(1), flags=re.M)[1:]:
    name = part.splitlines()[0].strip()
    blocks = [b.replace("\\-", "-") for b in re.findall(r"^\.EX\n(.*?)^\.EE", part, re.M | re.S)]
    shown[name] = blocks
if set(shown) != set(SYSTEMS):
    failures.append(f"the systems are {sorted(shown)}, not {sorted(SYSTEMS)}")
for name, sample in SYSTEMS.items():
    blocks = shown.get(name, [])
    if len(blocks) != 2:
        failures.append(f"{name}: {len(blocks)} example blocks, not 2 (the mapping, the export)")
        continue
    plan = (samples / f"{sample}.toml").read_text(encoding="utf-8")
    if blocks[0] not in plan:
        failures.append(f"{name}: the [import] shown is not the mapping of {sample}.toml")
    export = (samples / f"{sample}.csv").read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    if not export.startswith(blocks[1]):
        failures.append(f"{name}: the lines shown are not the first lines of {sample}.csv")
for failure in failures:
    print("FAIL", failure)
print(f"{len(SYSTEMS)} systems checked, {len(failures)} failures")
sys.exit(1 if failures else 0)
