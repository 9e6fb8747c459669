"""`remedy check --format github` and `--format junit`, checked against what CI systems accept.

GitHub: every line is a workflow command of the documented syntax
(https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
`::error|warning|notice [key=value,...]::message`, a property value escaped for % CR LF : , and
the message for % CR LF. Decoded, each line says what `check --format json` says: the same
diagnostics with file, line and column, the same verdict and reasons.

JUnit: the XML parses (xml.etree and `xmllint --noout`), has one test suite whose counts
(tests, failures, errors, skipped) match its test cases, a case for the plan's validity, one for
the verdict and one per issue, failed exactly when the issue is overdue, with the reasons as the
failure message.

Usage: check_ci_formats.py REMEDY EXAMPLES_DIR PLANS_DIR"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

REMEDY, EXAMPLES, PLANS = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
PROBLEMS = []
CHECKED = {"github lines": 0, "junit documents": 0}

# One workflow command: `::command` then optional ` key=value,key=value`, then `::message`.
# No raw CR or LF anywhere; a property value has no raw `:` or `,`; `%` only starts an escape.
COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")
PROPERTY = re.compile(r"^(file|line|col|endLine|endColumn|title)=((?:[^%:,\r\n]|%25|%0D|%0A|%3A|%2C)*)$")
MESSAGE = re.compile(r"^(?:[^%\r\n]|%25|%0D|%0A)*$")


def expect(ok, what):
    if not ok:
        PROBLEMS.append(what)
    return ok


def unescape(text, property_value):
    table = {"%25": "%", "%0D": "\r", "%0A": "\n"}
    if property_value:
        table.update({"%3A": ":", "%2C": ","})
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: table.get(m.group(0), m.group(0)), text)


def run(*args, cwd=None):
    result = subprocess.run([REMEDY, *args], capture_output=True, cwd=cwd, timeout=30)
    return result.returncode, result.stdout, result.stderr


def parse_github(out, where):
    """The lines of `out` as (command, {property: value}, message), each checked for syntax."""
    commands = []
    text = out.decode("utf-8")
    expect(text == "" or text.endswith("\n"), f"{where}: output ends with a newline")
    for line in text.split("\n")[:-1]:
        CHECKED["github lines"] += 1
        m = COMMAND.match(line)
        if not expect(m, f"{where}: not a workflow command: {line!r}"):
            continue
        command, props, message = m.groups()
        properties = {}
        for prop in (props.split(",") if props else []):
            pm = PROPERTY.match(prop)
            if expect(pm, f"{where}: bad property {prop!r} in {line!r}"):
                expect(pm.group(1) not in properties, f"{where}: {pm.group(1)} twice in {line!r}")
                properties[pm.group(1)] = unescape(pm.group(2), True)
        expect(MESSAGE.match(message), f"{where}: badly escaped message in {line!r}")
        commands.append((command, properties, unescape(message, False)))
    return commands


def check_diagnostic_lines(commands, diagnostics, where):
    for (command, props, message), d in zip(commands, diagnostics):
        expect(command == d["severity"], f"{where}: {command} for a {d['severity']}")
        expect(props.get("file") == d["file"], f"{where}: file {props.get('file')!r} != {d['file']!r}")
        if d["line"] is None:
            expect("line" not in props and "col" not in props, f"{where}: a place for a placeless diagnostic")
        else:
            expect(props.get("line") == str(d["line"]) and props.get("col") == str(d["column"]),
                   f"{where}: place {props} != {d['line']}:{d['column']}")
        expect(message == d["message"], f"{where}: message {message!r} != {d['message']!r}")


def check_github(plan, as_of, fail_on, cwd=None):
    where = f"github {plan} {as_of} --fail-on {fail_on}"
    base = ["check", "-f", plan, "--fail-on", fail_on] + (["--as-of", as_of] if as_of else [])
    code, out, _ = run(*base, "--format", "github", cwd=cwd)
    jcode, jout, _ = run(*base, "--format", "json", cwd=cwd)
    doc = json.loads(jout)
    expect(code == jcode, f"{where}: exit {code}, json gives {jcode}")
    commands = parse_github(out, where)
    diagnostics = doc["diagnostics"]
    if not doc["valid"]:
        expect(code == 3, f"{where}: exit {code} for an invalid plan")
        expect(len(commands) == len(diagnostics), f"{where}: {len(commands)} lines for {len(diagnostics)} diagnostics")
        check_diagnostic_lines(commands, diagnostics, where)
        return
    n = len(diagnostics)
    check_diagnostic_lines(commands[:n], diagnostics, where)
    rest = commands[n:]
    if not expect(rest, f"{where}: no verdict line"):
        return
    command, props, message = rest[-1]
    fails = not doc["passed"]
    expect(code == (1 if fails else 0), f"{where}: exit {code}, passed={doc['passed']}")
    expect(command == ("error" if fails else "notice"), f"{where}: verdict line is ::{command}")
    expect(props.get("file") == doc["file"], f"{where}: verdict line names {props.get('file')!r}")
    head = f"{verdict_head(doc)}, {'at or past' if fails else 'passes'} --fail-on {fail_on}"
    expected = head + "".join("\n- " + r for r in doc["reasons"])
    expect(message == expected, f"{where}: verdict message {message!r} != {expected!r}")
    # First one ::warning per warning (an issue due soon at its line), then, when the check
    # passes, one per reason of an at-risk verdict.
    warned = rest[:len(doc["warnings"])]
    expect([w[2] for w in warned] == [w["text"] for w in doc["warnings"]],
           f"{where}: warning lines {warned} != warnings {doc['warnings']}")
    expect(all(w[0] == "warning" and w[1].get("file") == doc["file"] and
               (("line" in w[1]) == (x["kind"] == "due_soon"))
               for w, x in zip(warned, doc["warnings"])),
           f"{where}: warnings are ::warning lines for the file, an issue's at its line")
    warnings = rest[len(doc["warnings"]):-1]
    if fails or doc["verdict"] in ("on-track", "remediated"):
        expect(not warnings, f"{where}: unexpected lines {warnings}")
    else:
        expect([w[2] for w in warnings] == doc["reasons"], f"{where}: warnings {warnings} != reasons")
        expect(all(w[0] == "warning" and w[1].get("file") == doc["file"] for w in warnings),
               f"{where}: reasons are ::warning lines for the file")


def file_warnings(doc):
    """The warnings of reading the plan file (an unknown key is one)."""
    return sum(d["severity"] == "warning" for d in doc["diagnostics"])


def verdict_head(doc):
    """"at-risk on 2026-10-18", with " with 2 warnings" when there are any, and how many of them
    reading the file gave."""
    in_file = file_warnings(doc)
    count = len(doc["warnings"]) + in_file
    warned = f" with {count} warning{'' if count == 1 else 's'}" if count else ""
    if in_file:
        warned += " in the plan file" if in_file == count else f", {in_file} of them in the plan file"
    return f"{doc['verdict']} on {doc['as_of']}{warned}"


def xmllint(data, where):
    result = subprocess.run(["xmllint", "--noout", "-"], input=data, capture_output=True)
    expect(result.returncode == 0, f"{where}: xmllint: {result.stderr.decode(errors='replace')}")


def parse_junit(out, where):
    CHECKED["junit documents"] += 1
    xmllint(out, where)
    try:
        root = ET.fromstring(out)
    except ET.ParseError as error:
        expect(False, f"{where}: XML does not parse: {error}")
        return None
    expect(root.tag == "testsuites", f"{where}: root is <{root.tag}>")
    suites = root.findall("testsuite")
    if not expect(len(suites) == 1, f"{where}: {len(suites)} test suites"):
        return None
    suite = suites[0]
    expect(suite.get("name") == "remedy check", f"{where}: suite named {suite.get('name')!r}")
    cases = suite.findall("testcase")
    counts = {"tests": len(cases),
              "failures": sum(len(c.findall("failure")) for c in cases),
              "errors": sum(len(c.findall("error")) for c in cases),
              "skipped": sum(len(c.findall("skipped")) for c in cases)}
    for key, value in counts.items():
        expect(suite.get(key) == str(value), f"{where}: suite {key}={suite.get(key)}, counted {value}")
        if key != "skipped":
            expect(root.get(key) == str(value), f"{where}: testsuites {key}={root.get(key)}, counted {value}")
    return cases


def check_junit(plan, as_of, fail_on, cwd=None, file_name=None):
    where = f"junit {plan!r} {as_of} --fail-on {fail_on}"
    base = ["check", "-f", plan, "--fail-on", fail_on] + (["--as-of", as_of] if as_of else [])
    code, out, _ = run(*base, "--format", "junit", cwd=cwd)
    jcode, jout, _ = run(*base, "--format", "json", cwd=cwd)
    doc = json.loads(jout)
    expect(code == jcode, f"{where}: exit {code}, json gives {jcode}")
    cases = parse_junit(out, where)
    if cases is None:
        return
    validity = cases[0]
    name = file_name if file_name is not None else doc["file"]
    expect(validity.get("name") == name, f"{where}: validity case named {validity.get('name')!r}, not {name!r}")
    # The class names the plan, then what the case is about: Jenkins and GitLab tell the plans
    # apart.
    expect(validity.get("classname") == doc["file"] + ".plan",
           f"{where}: validity classname {validity.get('classname')!r}")
    if not doc["valid"]:
        expect(len(cases) == 1, f"{where}: {len(cases)} cases for an invalid plan")
        error = validity.find("error")
        if expect(error is not None, f"{where}: no <error> for an invalid plan"):
            errors = sum(d["severity"] == "error" for d in doc["diagnostics"])
            expect(f"is not a valid plan ({errors} error" in error.get("message", ""), f"{where}: error message {error.get('message')!r}")
            expect(len((error.text or "").splitlines()) == len(doc["diagnostics"]), f"{where}: one line per diagnostic")
        return
    expect(validity.find("error") is None, f"{where}: valid plan has an error")
    # An unknown key fails --fail-on warning, at the file; nothing else fails validity.
    warned = validity.find("failure")
    expect((warned is not None) == (fail_on == "warning" and file_warnings(doc) > 0),
           f"{where}: validity failed={warned is not None}")
    if warned is not None:
        in_file = file_warnings(doc)
        expect(warned.get("type") == "warning" and
               warned.get("message") == f"{in_file} warning{'' if in_file == 1 else 's'} in the plan file",
               f"{where}: validity failure {warned.attrib}")
    verdict = cases[1]
    expect(verdict.get("name") == "verdict", f"{where}: second case is {verdict.get('name')!r}")
    expect(verdict.get("classname") == doc["file"] + ".verdict",
           f"{where}: verdict classname {verdict.get('classname')!r}")
    failure = verdict.find("failure")
    expect((failure is not None) == (code == 1), f"{where}: verdict case failed={failure is not None}, exit {code}")
    if failure is not None:
        expect(failure.get("message") == f"{verdict_head(doc)}, at or past --fail-on {fail_on}",
               f"{where}: verdict failure message {failure.get('message')!r}")
        expect(failure.text == "".join(f"- {r}\n" for r in doc["reasons"]), f"{where}: verdict failure text {failure.text!r}")
    # The issues, from `status --format json` on the same day.
    scode, sout, _ = run("status", "-f", plan, "--as-of", doc["as_of"], "--format", "json", cwd=cwd)
    status = json.loads(sout)
    issue_cases = cases[2:]
    # The warnings' case, when there are warnings: shown, failed only with --fail-on warning.
    if doc["warnings"]:
        warned = issue_cases.pop(0) if issue_cases else None
        if expect(warned is not None and warned.get("name") == "warnings",
                  f"{where}: no warnings case"):
            expect(warned.get("classname") == doc["file"] + ".warnings",
                   f"{where}: warnings classname {warned.get('classname')!r}")
            text = "".join(f"- {w['text']}\n" for w in doc["warnings"])
            failed = warned.find("failure")
            expect((failed is not None) == (fail_on == "warning"),
                   f"{where}: warnings case failed={failed is not None}")
            shown = failed if failed is not None else warned.find("system-out")
            expect(shown is not None and shown.text == text,
                   f"{where}: warnings case text {shown.text if shown is not None else None!r}")
    expect(len(issue_cases) == len(status["issues"]), f"{where}: {len(issue_cases)} issue cases for {len(status['issues'])} issues")
    for case, issue in zip(issue_cases, status["issues"]):
        label = f"{where} {issue['id']}"
        expect(case.get("name") == f"{issue['id']}: {issue['title']}", f"{label}: named {case.get('name')!r}")
        expect(case.get("classname") == doc["file"] + ".issue", f"{label}: classname {case.get('classname')!r}")
        failure = case.find("failure")
        expect((failure is not None) == issue["overdue"], f"{label}: failed={failure is not None}, overdue={issue['overdue']}")
        expect((case.find("skipped") is not None) == (issue["state"] == "waived"), f"{label}: skipped iff waived")
        if failure is not None:
            expect(failure.get("type") == "overdue", f"{label}: failure type {failure.get('type')!r}")
            own = [r for r in status["reasons"] if r.startswith(issue["id"] + " (")]
            days = issue["days_overdue"]
            fallback = f"{issue['id']} ({issue['priority']}) is {days} day{'' if days == 1 else 's'} overdue"
            expected = "; ".join(own) if own else fallback
            expect(failure.get("message") == expected, f"{label}: failure message {failure.get('message')!r} != {expected!r}")
            expect(f"due {issue['effective_due']}" in (failure.text or ""), f"{label}: failure text {failure.text!r}")


def example_days():
    for plan in sorted(EXAMPLES.glob("*.toml")):
        days = re.findall(r"--as-of (\d{4}-\d{2}-\d{2})", plan.read_text())
        expect(days, f"{plan}: no --as-of day in its header comment")
        yield str(plan), days


def main():
    for plan, days in example_days():
        for day in days:
            for fail_on in ("warning", "at-risk", "terminate", "never"):
                check_github(plan, day, fail_on)
                check_junit(plan, day, fail_on)
    invalid = [PLANS / "cli" / "two-errors-one-warning.toml"] + sorted((PLANS / "invalid").glob("*.toml"))[:12]
    for plan in invalid:
        check_github(str(plan), "2026-10-18", "at-risk")
        check_junit(str(plan), "2026-10-18", "at-risk")

    # File names and plan text that need escaping: , : % CR LF in a property, & < > " ' in XML,
    # and characters XML 1.0 cannot hold (a control character, a byte that is not UTF-8).
    with tempfile.TemporaryDirectory() as folder:
        text = (EXAMPLES / "at-risk.toml").read_text()
        text = text.replace('title = "File server runs out of space every Monday"',
                            'title = "100% full, again: <disk> & \\"quota\\" \'now\'"\nsla_tier = "gold"')
        odd = "odd, name:100%\r\nplan.toml"
        pathlib.Path(folder, odd).write_text(text)
        for fail_on in ("at-risk", "terminate", "warning"):
            check_github(odd, "2026-10-18", fail_on, cwd=folder)
            check_junit(odd, "2026-10-18", fail_on, cwd=folder)
        code, out, _ = run("check", "-f", odd, "--as-of", "2026-10-18", "--format", "github", cwd=folder)
        expect(b"file=odd%2C name%3A100%25%0D%0Aplan.toml," in out, f"escaped file property: {out!r}")
        expect(b"::unknown key issue.sla_tier is ignored\n" in out, f"warning of a valid plan: {out!r}")
        # An invalid plan whose message holds a %: `not '100%'`.
        bad = text.replace('priority = "P1"', 'priority = "100%"')
        pathlib.Path(folder, "bad%.toml").write_text(bad)
        check_github("bad%.toml", "2026-10-18", "at-risk", cwd=folder)
        code, out, _ = run("check", "-f", "bad%.toml", "--as-of", "2026-10-18", "--format", "github",
                           cwd=folder)
        expect(b"file=bad%25.toml,line=" in out and b"not '100%25'" in out, f"escaped %: {out!r}")
        # Bytes XML cannot carry, in the file name: replaced, and the document still parses.
        raw = os.fsencode(folder) + b"/ctl\x01\xff.toml"
        pathlib.Path(os.fsdecode(raw)).write_text(text)
        result = subprocess.run([REMEDY, "check", "-f", raw, "--as-of", "2026-10-18", "--format", "junit"],
                                capture_output=True, timeout=30)
        cases = parse_junit(result.stdout, "junit control characters")
        if cases:
            expect(cases[0].get("name").endswith("/ctl\ufffd\ufffd.toml"), f"replaced characters: {cases[0].get('name')!r}")
            issue_cases = [c for c in cases if c.get("classname", "").endswith(".toml.issue")]
            expect(issue_cases and issue_cases[0].get("name") == "SRV-1: 100% full, again: <disk> & \"quota\" 'now'",
                   f"escaped title: {issue_cases[0].get('name') if issue_cases else None!r}")
        pathlib.Path(os.fsdecode(raw)).unlink()
        shutil.rmtree(folder, ignore_errors=True)

    for problem in PROBLEMS:
        print(problem)
    print(f"checked {CHECKED['github lines']} GitHub lines and {CHECKED['junit documents']} JUnit documents; "
          f"{len(PROBLEMS)} problems")
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
