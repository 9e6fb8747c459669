"""`remedy report` writes one strict HTML5 page that holds no script and loads nothing, with its
sections in the contract's order, every chart an SVG with a title, and every text of a hostile
plan shown as text, never as markup.

usage: report_page_test.py REMEDY EXAMPLE_PLAN
"""
import os
import re
import subprocess
import sys

from report_support import (parse_strict, plan_copy, report, run_remedy, scratch_dir, text_of)

SECTIONS = ["parties", "verdict", "figures", "warnings", "burndown", "money", "timeline",
            "ledger", "incidents", "changes", "statement", "audit", "scorecard"]
# Elements that load or run something.
FORBIDDEN = {"script", "link", "img", "iframe", "object", "embed", "image", "use", "foreignObject",
             "audio", "video", "source", "base", "form"}
# Attributes whose value may name a resource.
RESOURCE_ATTRIBUTES = {"href", "src", "xlink:href", "action", "srcset", "data", "poster"}

HOSTILE = '<script>alert("x")</script> & \'quoted\' "Co" </title><style>*{}</style>'

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def local_name(tag):
    return tag.split("}")[-1] if isinstance(tag, str) else ""


def check_self_contained(page, tree, label):
    for element in tree.iter():
        name = local_name(element.tag)
        if name in FORBIDDEN:
            fail(f"{label}: a <{name}> element")
        for attribute, value in element.attrib.items():
            attribute_name = local_name(attribute)
            if attribute_name.startswith("on"):
                fail(f"{label}: an event handler attribute {attribute_name}")
            if attribute_name in RESOURCE_ATTRIBUTES:
                fail(f"{label}: a resource attribute {attribute_name}={value!r}")
            for target in re.findall(r"url\(([^)]*)\)", value):
                if not target.strip("'\" ").startswith("#"):
                    fail(f"{label}: url({target}) in {attribute_name}")
    for style in tree.iter("style"):
        css = text_of(style)
        if "@import" in css or re.search(r"url\(\s*['\"]?(?!#)", css):
            fail(f"{label}: the stylesheet loads something")
    if "//" in "".join(v for e in tree.iter() for v in e.attrib.values()):
        fail(f"{label}: '//' in an attribute")


def check_structure(tree, label, charts):
    ids = [s.get("id") for s in tree.iter("section")]
    if ids != SECTIONS:
        fail(f"{label}: sections {ids}, expected {SECTIONS}")
    if len(list(tree.iter("h1"))) != 1:
        fail(f"{label}: not one <h1>")
    svgs = [e for e in tree.iter() if local_name(e.tag) == "svg"]
    if len(svgs) != charts:
        fail(f"{label}: {len(svgs)} charts, expected {charts}")
    for svg in svgs:
        titles = [c for c in svg if local_name(c.tag) == "title"]
        if not titles or not text_of(titles[0]).strip():
            fail(f"{label}: a chart without a <title>")
    for table in tree.iter("table"):
        if not list(table.iter("th")):
            fail(f"{label}: a table without header cells")


def check_page(page, label, charts=3):
    tree = parse_strict(page)
    check_self_contained(page, tree, label)
    check_structure(tree, label, charts)
    return tree


def hostile_plan(example):
    """The example with hostile text in every string the page shows."""
    text = open(example, encoding="utf-8").read()
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    for key in ("name", "title", "reason", "summary", "waiver", "notes", "reference",
                "settlement", "category", "owner"):
        text = re.sub(rf'^({key} = )"[^"]*"', lambda m: f'{m.group(1)}"{quoted}"', text,
                      flags=re.M)
    text += f'''
[[pause]]
from = 2026-10-05
to = 2026-10-06
issues = ["HD-3"]
reason = "{quoted}"

[[credit]]
date = 2026-11-05
amount = "100.00"
invoice = "{quoted}"
note = "{quoted}"

[[incident]]
id = "INC-9"
date = 2026-11-12
priority = "high"
summary = "{quoted}"
status = "disputed"
dispute = "{quoted}"
'''
    return text


def git(repo, *args, date):
    env = dict(os.environ, GIT_AUTHOR_NAME="Pat \"Q\" & O'Doe",
               GIT_AUTHOR_EMAIL="pat@acme.example",
               GIT_COMMITTER_NAME="Pat Doe", GIT_COMMITTER_EMAIL="pat@acme.example",
               GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_CONFIG_GLOBAL=os.devnull,
               GIT_CONFIG_NOSYSTEM="1")
    subprocess.run(["git", *args], cwd=repo, check=True, env=env, capture_output=True)


def audit_rows(page):
    section = next(s for s in parse_strict(page).iter("section") if s.get("id") == "audit")
    return section, [[text_of(c) for c in row] for row in section.iter("tr")][1:]


def check_audit_trail(remedy, example, scratch):
    """A resolution recorded 35 days after its date is flagged, from the commit that recorded
    it, once that commit is on or before as_of; a plan outside git says it has no trail."""
    untracked = plan_copy(example, scratch)
    section, rows = audit_rows(report(remedy, untracked, "2026-11-23"))
    if rows or "no git history" not in text_of(section):
        fail("audit: an untracked plan does not say that it has no git history")
    repo = os.path.join(scratch, "repo")
    os.mkdir(repo)
    plan = plan_copy(example, repo)
    git(repo, "init", "-q", date="2026-10-02T12:00:00Z")
    git(repo, "add", "remedy.toml", date="2026-10-02T12:00:00Z")
    git(repo, "commit", "-q", "-m", "The plan as signed", date="2026-10-02T12:00:00Z")
    text = open(plan, encoding="utf-8").read()
    with open(plan, "w", encoding="utf-8") as f:
        f.write(text.replace('due = 2026-10-20\nstatus = "open"',
                             'due = 2026-10-20\nstatus = "resolved"\nresolved = 2026-10-21'))
    git(repo, "commit", "-q", "-am", "PRN-1 fixed <honest> & done", date="2026-11-25T12:00:00Z")
    wanted = ["2026-11-25", "Pat \"Q\" & O'Doe", "PRN-1 fixed <honest> & done",
              "PRN-1 resolved on 2026-10-21", "backdated: dated 35 days before its commit"]
    _, rows = audit_rows(report(remedy, plan, "2026-12-01"))
    if not any([row[0], row[2], row[3], row[4], row[5]] == wanted for row in rows):
        fail(f"audit: no row {wanted} in {rows}")
    _, rows = audit_rows(report(remedy, plan, "2026-11-24"))
    if any("PRN-1 resolved" in row[4] for row in rows):
        fail("audit: a commit after as_of is listed")


def main():
    remedy, example = sys.argv[1], sys.argv[2]
    with scratch_dir() as scratch:
        os.mkdir(os.path.join(scratch, "audit"))
        plan = plan_copy(example, scratch)
        for as_of in ("2026-09-20", "2026-10-01", "2026-10-21", "2026-11-23", "2026-12-16"):
            page = report(remedy, plan, as_of)
            # Before the start there are no days to chart: the issue timeline alone.
            check_page(page, f"northwind {as_of}", 1 if as_of < "2026-10-01" else 3)
            if re.search(r"https?:", page):
                fail(f"northwind {as_of}: 'http:' or 'https:' in the page")
            if page != report(remedy, plan, as_of):
                fail(f"northwind {as_of}: two runs differ")

        # -o FILE writes the page that standard output gets.
        out = os.path.join(scratch, "board.html")
        written = run_remedy(remedy, "report", "-f", plan, "--as-of", "2026-11-23", "-o", out)
        if written.stdout:
            fail("-o: something on standard output")
        if open(out, encoding="utf-8").read() != report(remedy, plan, "2026-11-23"):
            fail("-o: the file differs from standard output")

        check_audit_trail(remedy, example, os.path.join(scratch, "audit"))

        hostile = os.path.join(scratch, "hostile.toml")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(hostile_plan(example))
        page = report(remedy, hostile, "2026-11-23")
        tree = check_page(page, "hostile")
        if "<script" in page.lower():
            fail("hostile: '<script' in the page's markup")
        shown = text_of(tree.find(".//body"))
        # Shown as written: the client, the provider, a title, a reason, a summary, a note...
        if shown.count(HOSTILE) < 10:
            fail(f"hostile: the hostile text is shown {shown.count(HOSTILE)} times, expected at "
                 "least 10")
        head_title = text_of(tree.find(".//head/title"))
        if HOSTILE not in head_title:
            fail("hostile: the page's <title> does not show the names as text")
        svg_titles = [text_of(e) for e in tree.iter() if local_name(e.tag) == "title"]
        if not any(HOSTILE in t for t in svg_titles[1:]):
            fail("hostile: no chart title shows the names as text")

    if failures:
        sys.exit(f"{len(failures)} failures")
    print("ok: strict HTML5, self-contained, in order, hostile text escaped")


main()
