"""The long options `remedy COMMAND --help` lists are the ones remedy(1) documents for it.

The manual's subsection "Options of each command" holds one .TP entry per command: `.B name`,
then a line naming its long options. Every option named there must also be described somewhere
else in the page. usage: help_matches_manual.py REMEDY PAGE
"""
import re
import subprocess
import sys

remedy, page = sys.argv[1], sys.argv[2]
text = open(page, encoding="utf-8").read()


def roff_options(roff):
    names = re.findall(r"\\-\\-([a-z](?:[a-z]|\\-)*)", roff)
    return {name.replace("\\-", "-") for name in names}



section = re.search(r'^\.SS "Options of each command"\n(.*?)(?=^\.S[HS] )', text, re.M | re.S)
if not section:
    sys.exit("no 'Options of each command' subsection in " + page)
manual = {}
for entry in section.group(1).split(".TP\n")[1:]:
    lines = entry.strip().splitlines()
    name = lines[0].removeprefix(".B ").strip()
    manual[name] = roff_options("\n".join(lines[1:]))

described = roff_options(text.replace(section.group(0), ""))
helps = subprocess.run([remedy, "--help"], capture_output=True, text=True, check=True).stdout
commands = re.findall(r"^  ([a-z]+)  ", helps, re.M)
failed = False
if set(commands) != set(manual):
    print(f"commands: --help has {sorted(commands)}, the manual {sorted(manual)}")
    failed = True
for command in commands:
    out = subprocess.run([remedy, command, "--help"], capture_output=True, text=True).stdout
    # --help is every command's, documented once under OPTIONS.
    listed = set(re.findall(r"^  (?:-[a-z],)?--([a-z][a-z-]*)", out, re.M)) - {"help"}
    documented = manual.get(command, set())
    for option in sorted(listed - documented):
        print(f"remedy {command} --{option}: in --help, not in the manual")
        failed = True
    for option in sorted(documented - listed):
        print(f"remedy {command} --{option}: in the manual, not in --help")
        failed = True
for option in sorted(set().union(*manual.values()) - described):
    print(f"--{option}: named for a command but described nowhere in the page")
    failed = True
sys.exit(1 if failed else 0)
