#!/usr/bin/python3
"""The provider's tampering, replayed in real git repositories: each step flagged with the right
kind, the client's and the provider's own facts not flagged.

- The main repository: a plan both parties push to, with [client] and [provider] people. After
  honest commits, the provider records the client's decisions (a credit, a pause with a
  withdrawal, an extension, a waiver), edits the holidays file and a letter template, commits a
  backdated resolution on top of a later commit, a commit dated decades ahead, and swaps the plan
  for a symbolic link. A past row never changes when a file beside the plan changes later, even
  in the working tree.
- A side branch dated before the commits it is merged over: the merge is one change, listing it.
- Commits signed with SSH keys, checked against the allowed-signers file as the commit before
  holds it: one under the client's name with the provider's key, one unsigned, one that adds its
  own key to the signers file.
- `check --fail-on flagged --commits A..B`: 0 over a clean range, 1 over a flagged one, in every
  format.

Every git command fixes its dates; every remedy command fixes its day (--as-of). The flags and
figures expected are worked out by hand from the commits, not taken from remedy's output.

usage: tampering_test.py path/to/remedy
"""
import calendar
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

REMEDY = os.path.abspath(sys.argv[1])
FAILURES = []
AS_OF = "2026-11-25"
CLIENT = ("Alex Kim", "alex.kim@northwind.example")
PROVIDER = ("Pat Doe", "pat.doe@acme-it.example")
BOT = ("Acme CI", "ci@acme-it.example")
# 2999-03-01 12:00 UTC, in seconds.
FAR_AHEAD = f"@{calendar.timegm((2999, 3, 1, 12, 0, 0))} +0000"


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


class Repo:
    def __init__(self, path):
        self.path = path
        os.makedirs(path)
        self.env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=path,
                        GIT_CONFIG_GLOBAL=os.path.join(path, ".no-global-config"))
        self.git("init", "-q", "-b", "main")

    def git(self, *args, who=CLIENT, when="2026-10-01", committer_when=None, extra_env=None,
            config=(), must_succeed=True):
        env = dict(self.env, GIT_AUTHOR_NAME=who[0], GIT_AUTHOR_EMAIL=who[1],
                   GIT_COMMITTER_NAME=who[0], GIT_COMMITTER_EMAIL=who[1],
                   GIT_AUTHOR_DATE=stamp(when), GIT_COMMITTER_DATE=stamp(committer_when or when))
        env.update(extra_env or {})
        flags = [part for pair in config for part in ("-c", pair)]
        return subprocess.run(["git", *flags, *args], cwd=self.path, env=env,
                              check=must_succeed, capture_output=True, text=True).stdout

    def write(self, name, text):
        path = os.path.join(self.path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def commit(self, when, who, message, files=None, committer_when=None, config=(),
               sign=False, committer=None):
        for name, text in (files or {}).items():
            self.write(name, text)
        self.git("add", "-A", who=who, when=when)
        args = ["commit", "-q", "--allow-empty", "-m", message] + (["-S"] if sign else [])
        extra = {"GIT_COMMITTER_NAME": committer[0],
                 "GIT_COMMITTER_EMAIL": committer[1]} if committer else None
        self.git(*args, who=who, when=when, committer_when=committer_when, config=config,
                 extra_env=extra)
        return self.head()

    def head(self):
        return self.git("rev-parse", "HEAD").strip()


def stamp(when):
    return when if when.startswith("@") else f"{when}T12:00:00+00:00"


def remedy(plan, *args, cwd=None):
    return subprocess.run([REMEDY, *args, "-f", plan], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ, NO_COLOR="1"))


def history_json(plan, as_of=AS_OF):
    result = remedy(plan, "history", "--as-of", as_of, "--format", "json")
    check(result.returncode == 0, f"history --as-of {as_of} exits 0: {result.stderr}")
    return json.loads(result.stdout) if result.returncode == 0 else {"commits": []}


# --- the plan -----------------------------------------------------------------------------

HOLIDAYS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//remedy tests//EN
BEGIN:VEVENT
UID:christmas@northwind.example
DTSTART;VALUE=DATE:20261225
SUMMARY:Christmas Day
END:VEVENT
{extra}END:VCALENDAR
"""

OFFICE_CLOSED = """BEGIN:VEVENT
UID:closed@acme-it.example
DTSTART;VALUE=DATE:20261012
DTEND;VALUE=DATE:20261101
SUMMARY:Office closed
END:VEVENT
"""


def plan_text(s):
    out = ['[client]', 'name = "Northwind Traders"',
           f'contact = "{CLIENT[0]} <{CLIENT[1]}>"', f'people = ["{CLIENT[0]} <{CLIENT[1]}>"]',
           '', '[provider]', 'name = "Acme Managed IT"',
           f'contact = "{PROVIDER[0]} <{PROVIDER[1]}>"', f'people = ["{PROVIDER[1]}"]',
           '', '[timebox]', 'start = 2026-10-01', 'days = 60']
    if s.get("extension"):
        out += ['', '[[timebox.extension]]', 'days = 30', 'agreed = 2026-11-18',
                'reason = "Parts back-ordered"']
    out += ['', '[calendar]', 'weekend = []', 'holidays_file = "holidays.ics"',
            '', '[penalties]', 'days = "working"', '[penalties.per_day]',
            'critical = "500.00"', 'high = "200.00"',
            '', '[ultimatum]', 'issued = 2026-10-01', 'strikes = 1', 'severity = "high"',
            '', '[email]', 'templates = "letters"']
    for ident, title, priority, due in [("NET-1", "VPN drops", "critical", "2026-10-15"),
                                        ("PRN-1", "Printers", "high", "2026-10-20"),
                                        ("SRV-1", "File server", "medium", "2026-11-10"),
                                        ("DOC-1", "Documentation", "low", "2026-11-30")]:
        if ident == "DOC-1" and not s.get("doc"):
            continue
        out += ['', '[[issue]]', f'id = "{ident}"', f'title = "{title}"',
                f'priority = "{priority}"', f'due = {due}']
        out += [f'{key} = {value}' for key, value in s.get(ident, [])]
    if s.get("incident"):
        out += ['', '[[incident]]', 'date = 2026-10-20', 'priority = "high"',
                'summary = "Email down for six hours"']
        out += [f'{key} = {value}' for key, value in s.get("incident_state", [])]
    if s.get("pause"):
        out += ['', '[[pause]]', 'from = 2026-10-01', 'to = 2026-11-30',
                'reason = "Client-side change freeze"', 'agreed = 2026-11-17']
    if s.get("credit"):
        out += ['', '[[credit]]', 'date = 2026-11-16', 'amount = "2500.00"',
                'invoice = "INV-2026-11"']
    return "\n".join(out) + "\n"


def build_main(repo):
    """The story, commit by commit. Returns the hashes by name, and the JSON of the history
    read before the holidays file was changed (to compare the rows before it with)."""
    s = {}
    c = {}
    plan = "remedy.toml"
    c["create"] = repo.commit("2026-10-01", CLIENT, "The plan as agreed", {
        plan: plan_text(s), "holidays.ics": HOLIDAYS.format(extra=""),
        "letters/weekly.txt": "Dear {provider.name},\n\n{verdict.sentence}\n"})
    s["NET-1"] = [("status", '"in_progress"')]
    c["started"] = repo.commit("2026-10-12", PROVIDER, "Working on the VPN", {plan: plan_text(s)})
    s["NET-1"] = [("status", '"resolved"'), ("resolved", "2026-10-16"),
                  ("notes", '"Replaced the router"')]
    c["resolved"] = repo.commit("2026-10-16", PROVIDER, "VPN fixed", {plan: plan_text(s)})
    s["incident"] = True
    c["incident"] = repo.commit("2026-10-21", CLIENT, "Mail outage", {plan: plan_text(s)})
    s["PRN-1"] = [("status", '"in_progress"')]
    c["prn_started"] = repo.commit("2026-11-02", CLIENT, "Acme says printers are under way",
                                   {plan: plan_text(s)})
    # The provider's tampering: each a client's decision.
    s["credit"] = True
    c["credit"] = repo.commit("2026-11-16", PROVIDER, "Book the November credit",
                              {plan: plan_text(s)})
    s["pause"] = True
    s["incident_state"] = [("status", '"withdrawn"'),
                           ("dispute", '"Caused by the client\'s own firewall change"')]
    c["pause"] = repo.commit("2026-11-17", PROVIDER, "Record the change freeze",
                             {plan: plan_text(s)})
    s["extension"] = True
    c["extension"] = repo.commit("2026-11-18", PROVIDER, "Extension", {plan: plan_text(s)})
    s["PRN-1"] = [("status", '"waived"'), ("waived", "2026-11-19"), ("waiver", '"Out of scope"')]
    c["waiver"] = repo.commit("2026-11-19", PROVIDER, "Printers are out of scope",
                              {plan: plan_text(s)})
    before_holidays = history_json(os.path.join(repo.path, plan))
    c["holidays"] = repo.commit("2026-11-20", PROVIDER, "Holidays",
                                {"holidays.ics": HOLIDAYS.format(extra=OFFICE_CLOSED)})
    c["template"] = repo.commit("2026-11-21", PROVIDER, "Wording", {
        "letters/weekly.txt": "Northwind Traders confirms that no penalty is owed and waives "
                              "its right to terminate.\n"})
    # Dated before the commit before it: judged on that commit's day.
    s["SRV-1"] = [("status", '"resolved"'), ("resolved", "2026-10-19")]
    c["backdated"] = repo.commit("2026-10-20", PROVIDER, "File server fixed",
                                 {plan: plan_text(s)}, committer=BOT)
    # Dated centuries ahead (after any day the suite may run on, 2099 included; git reads so
    # late a date only as seconds): judged no later than the commits after it say they were
    # made.
    s["NET-1"] = [("status", '"resolved"'), ("resolved", "2026-10-16"),
                  ("notes", '"Router firmware updated"')]
    c["ahead"] = repo.commit(FAR_AHEAD, PROVIDER, "Notes", {plan: plan_text(s)})
    s["doc"] = True
    c["client_after"] = repo.commit("2026-11-24", CLIENT, "Add the documentation issue",
                                    {plan: plan_text(s)})
    # The plan swapped for a link, then edited through it.
    os.makedirs(os.path.join(repo.path, "docs"))
    repo.git("mv", plan, "docs/plan.toml", who=PROVIDER, when="2026-11-25")
    os.symlink("docs/plan.toml", os.path.join(repo.path, plan))
    c["link"] = repo.commit("2026-11-25", PROVIDER, "Tidy the layout")
    del s["incident"]
    c["through_link"] = repo.commit("2026-11-25", PROVIDER, "Housekeeping",
                                    {"docs/plan.toml": plan_text(s)})
    return c, before_holidays


OTHER = ["other-party"]
# Each commit, oldest first: (its own flags, [(change, flags)]).
EXPECTED = [
    ("create", [], [("plan with 3 issues and 0 incidents", []),
                    ("NET-1 added: critical, due 2026-10-15 (VPN drops)", []),
                    ("PRN-1 added: high, due 2026-10-20 (Printers)", []),
                    ("SRV-1 added: medium, due 2026-11-10 (File server)", [])]),
    ("started", [], [("NET-1 started", [])]),
    ("resolved", [], [("NET-1 resolved on 2026-10-16", []), ("NET-1 notes added", [])]),
    ("incident", [], [("incident of 2026-10-20 (Email down for six hours) recorded, high", [])]),
    ("prn_started", [], [("PRN-1 started", [])]),
    ("credit", [], [("credit of 2,500.00 USD on 2026-11-16 (invoice INV-2026-11) recorded",
                     OTHER)]),
    ("pause", [], [("pause of 2026-10-01 to 2026-11-30 (every issue) agreed 2026-11-17: "
                    "Client-side change freeze", OTHER),
                   ("incident of 2026-10-20 (Email down for six hours) withdrawn: Caused by the "
                    "client's own firewall change", OTHER)]),
    ("extension", [], [("extension of 30 days agreed 2026-11-18: Parts back-ordered", OTHER)]),
    ("waiver", [], [("PRN-1 waived on 2026-11-19: Out of scope", OTHER)]),
    ("holidays", [], [("calendar.days_off changed from 2026-12-25 to " +
                       ", ".join(f"2026-{m:02d}-{d:02d}" for m, d in
                                 [(10, d) for d in range(12, 32)]) + ", 2026-12-25",
                       ["contract-terms", "other-party"]),
                      ("holidays file holidays.ics changed", ["contract-terms", "other-party"])]),
    ("template", [], [("letter templates folder letters changed",
                       ["letter-templates", "other-party"])]),
    ("backdated", ["dated-before-parent"], [("SRV-1 resolved on 2026-10-19", ["backdated"])]),
    ("ahead", ["dated-ahead"], [("NET-1 notes changed", [])]),
    ("client_after", [], [("DOC-1 added: low, due 2026-11-30 (Documentation)", [])]),
    ("link", ["plan-is-link"], []),
    ("through_link", [], [("incident of 2026-10-20 (Email down for six hours) removed (it was "
                           "high, withdrawn)", ["rewrites-record", "other-party"])]),
]
# The day each is judged on: its own, but 11-21 for the commit dated 10-20 on top of one of
# 11-21, and 11-24 for the one dated 2999, which the next commit says was made by then.
DAYS = {"create": "2026-10-01", "started": "2026-10-12", "resolved": "2026-10-16",
        "incident": "2026-10-21", "prn_started": "2026-11-02", "credit": "2026-11-16",
        "pause": "2026-11-17", "extension": "2026-11-18", "waiver": "2026-11-19",
        "holidays": "2026-11-20", "template": "2026-11-21", "backdated": "2026-11-21",
        "ahead": "2026-11-24", "client_after": "2026-11-24", "link": "2026-11-25",
        "through_link": "2026-11-25"}


def figures(commit):
    keys = ("date", "verdict", "open", "overdue", "owed", "strikes", "deadline")
    return {k: commit[k] for k in keys}


def check_main(repo, c, before_holidays):
    plan = os.path.join(repo.path, "remedy.toml")
    doc = history_json(plan)
    commits = doc["commits"]
    check(doc["authorship_checked"] and not doc["signatures_checked"], "authorship is checked")
    check(len(commits) == len(EXPECTED), f"{len(EXPECTED)} commits, got {len(commits)}")
    for got, (name, own, changes) in zip(commits, EXPECTED):
        check(got["commit"] == c[name], f"{name}: commit {got['commit'][:7]} in graph order")
        check(got["flags"] == own, f"{name}: its own flags {got['flags']}, expected {own}")
        listed = [(x["text"], x["flags"]) for x in got["changes"]]
        check(listed == changes, f"{name}: changes {listed}")
        check(got["date"] == DAYS[name], f"{name}: judged on {got['date']}")
        who = PROVIDER if got["author"] == PROVIDER[0] else CLIENT
        check(got["party"] == ("provider" if who == PROVIDER else "client"),
              f"{name}: party {got['party']}")
    by_name = {name: got for got, (name, _, _) in zip(commits, EXPECTED)}
    check(by_name["backdated"]["committer"] == BOT[0] and
          by_name["backdated"]["committer_email"] == BOT[1] and
          by_name["started"]["committer"] is None,
          "the committer is shown when it is not the author")
    check(by_name["backdated"]["dated"] == "2026-10-20" and
          by_name["ahead"]["dated"] == "2999-03-01" and by_name["create"]["dated"] is None,
          "a misdated commit's own date is shown beside the day it is judged on")
    # On 10-21 (the client records the incident): NET-1 one late day at 500.00 (resolved 10-16,
    # due 10-15), PRN-1 one at 200.00 (due 10-20), the incident a strike: terminate.
    check(figures(by_name["incident"]) ==
          {"date": "2026-10-21", "verdict": "terminate", "open": 2, "overdue": 1,
           "owed": "700.00", "strikes": {"count": 1, "limit": 1}, "deadline": "2026-11-30"},
          f"the row of 10-21: {figures(by_name['incident'])}")
    # On 11-17, before the provider's pause: 500.00 + 28 late days of PRN-1 (10-21..11-17) at
    # 200.00. The pause of 10-01..11-30 moves every due date 61 days: nothing is late any more.
    check(by_name["pause"]["owed_before"] == "6100.00" and by_name["pause"]["owed"] == "0.00",
          f"the pause took {by_name['pause']['owed_before']} to {by_name['pause']['owed']}")
    # A past row never changes when a file beside the plan changes later: the rows read
    # before the holidays file was changed are the same after it.
    before = [figures(x) for x in before_holidays["commits"]]
    after = [figures(x) for x in commits[:len(before)]]
    check(len(before) == 9 and before == after, "rows before the holidays edit unchanged")
    # ... nor when the working tree's copy changes, committed or not.
    repo.write("docs/holidays.ics", HOLIDAYS.format(extra=""))
    repo.write("holidays.ics", "BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    again = history_json(plan)
    check(again["commits"] == commits, "the working tree's holidays file changes no row")
    repo.git("checkout", "--", "holidays.ics")
    os.remove(os.path.join(repo.path, "docs/holidays.ics"))

    text = remedy(plan, "history", "--as-of", AS_OF, "--flagged")
    print(text.stdout)
    check(text.returncode == 0 and text.stdout.startswith(
        f"Flagged changes to {plan} up to {AS_OF}: 10 in 10 commits; 3 commits flagged "
        "themselves\n"), f"--flagged header: {text.stdout.splitlines()[:1]}")
    check("Pat Doe (provider): Record the change freeze" in text.stdout, "the party is shown")
    check("Pat Doe (provider): File server fixed\n    committed by Acme CI "
          "<ci@acme-it.example>\n" in text.stdout, "the committer in the text")
    check("! the commit itself\n      plan-is-link: made the plan a symbolic link, read "
          "through it\n" in text.stdout, "the link swap in words")
    # The table marks the commits that flagged themselves, as the flagged view lists them.
    table = remedy(plan, "history", "--as-of", AS_OF).stdout.splitlines()
    for key in ("ahead", "link"):
        row = [line for line in table if f"  {c[key][:7]}  " in line][:1]
        check(row and row[0].rstrip().endswith("commit flagged"),
              f"the table's row of the {key} commit: {row}")
    story = remedy(plan, "history", "--as-of", AS_OF, "--issue", "NET-1")
    check("pause of 2026-10-01 to 2026-11-30 (every issue) agreed 2026-11-17" in story.stdout,
          f"NET-1's story includes the pause that moved its due date: {story.stdout}")
    # A past --as-of leaves out what came after it and says so.
    past = history_json(plan, as_of="2026-11-20")
    check(past["left_out"] == 4 and len(past["commits"]) == 12 and
          past["commits"][-1]["commit"] == c["backdated"] and
          past["commits"][-2]["flags"] == ["dated-ahead"],
          f"history of 11-20: {len(past['commits'])} commits, {past['left_out']} left out")
    # status and verdict warn of the last commit's flags in one line; JSON beside it. The
    # warning is about the file as it is, whatever day is asked about: with --as-of no commit
    # is dated ahead (the clock is not read), so the one of 2999 is taken at its word and the
    # commits after it are dated before it.
    warning = (f"the last commit of the plan ({c['through_link'][:7]}) is flagged "
               "dated-before-parent, and 1 of its changes: remedy history --flagged")
    for command in ("status", "verdict"):
        run = remedy(plan, command, "--as-of", AS_OF)
        check(run.returncode == 0 and run.stdout.startswith(f"Warning: {warning}\n\n"),
              f"{command} warns first: {run.stdout.splitlines()[:1]}")
        run = remedy(plan, command, "--as-of", AS_OF, "--format", "json")
        check(run.returncode == 0 and json.loads(run.stdout) and
              f"remedy: note: {warning}" in run.stderr, f"{command} json notes it: {run.stderr}")


def check_gate(repo, c):
    """check --fail-on flagged --commits A..B, in every format."""
    plan = os.path.join(repo.path, "remedy.toml")
    clean = f"{c['resolved']}..{c['prn_started']}"
    flagged = f"{c['prn_started']}..{c['pause']}"
    for fmt in ("text", "json", "github", "junit"):
        for rng, status in ((clean, 0), (flagged, 1)):
            run = remedy(plan, "check", "--fail-on", "flagged", "--commits", rng, "--as-of",
                         AS_OF, "--format", fmt)
            check(run.returncode == status,
                  f"check {fmt} {rng}: exit {run.returncode}, expected {status}: {run.stderr}")
            if fmt == "json":
                doc = json.loads(run.stdout)
                # The plan as the range's last commit holds it: on 11-25 the incident of 10-20
                # is a strike in every version up to 11-16 (withdrawn only on 11-17).
                want_verdict = "terminate" if status == 0 else "on-track"
                check(doc["passed"] == (status == 0) and doc["verdict"] == want_verdict and
                      doc["commits"]["checked"] == 2 and
                      doc["commits"]["flagged"] == status * 2,
                      f"json {rng}: {doc['passed']} {doc['verdict']} {doc['commits']['flagged']}")
            elif fmt == "github":
                errors = [line for line in run.stdout.splitlines()
                          if line.startswith("::error ") and "is flagged" in line]
                check(len(errors) == 2 * status, f"github {rng}: {len(errors)} flagged commits")
                check(all(line.startswith("::") for line in run.stdout.splitlines()),
                      "github: every line a workflow command")
            elif fmt == "junit":
                root = ElementTree.fromstring(run.stdout)
                suite = [s for s in root.iter("testsuite") if s.get("name") == "remedy commits"]
                check(len(suite) == 1 and suite[0].get("tests") == "2" and
                      suite[0].get("failures") == str(2 * status),
                      f"junit {rng}: {[s.attrib for s in suite]}")
            else:
                check(("Commits checked" in run.stdout) and
                      (("FAILS --fail-on flagged" in run.stdout) == bool(status)),
                      f"text {rng}: {run.stdout}")
    # Without --fail-on flagged the verdict decides, and the flags are listed.
    run = remedy(plan, "check", "--fail-on", "never", "--commits", flagged, "--as-of", AS_OF,
                 "--format", "github")
    check(run.returncode == 0 and run.stdout.count("::warning ") >= 2,
          f"--fail-on never lists the flags as warnings: {run.returncode}")
    # The default range is the last commit.
    run = remedy(plan, "check", "--fail-on", "flagged", "--as-of", AS_OF, "--format", "json")
    doc = json.loads(run.stdout)
    check(run.returncode == 1 and doc["commits"]["range"] is None and
          [x["commit"] for x in doc["commits"]["list"]] == [c["through_link"]],
          f"the last commit by default: {run.returncode}")
    bad = remedy(plan, "check", "--fail-on", "flagged", "--commits", "--all")
    check(bad.returncode == 3 and "not a range" in bad.stderr, f"an option is no range: {bad}")


def check_merge(tmp):
    """A side branch dated 10-22 that resolves NET-1 on 10-15, merged on 11-10 over the client's
    commit of 11-05: one change, the merge's, listing the side commit; the client's commit
    records only what it changed."""
    repo = Repo(os.path.join(tmp, "merge"))
    s = {}
    repo.commit("2026-10-01", CLIENT, "The plan as agreed", {
        "remedy.toml": plan_text(s), "holidays.ics": HOLIDAYS.format(extra=""),
        "letters/weekly.txt": "x\n"})
    repo.git("checkout", "-q", "-b", "fix")
    side = dict(s, **{"NET-1": [("status", '"resolved"'), ("resolved", "2026-10-15")]})
    side_commit = repo.commit("2026-10-22", PROVIDER, "VPN fixed on time",
                              {"remedy.toml": plan_text(side)})
    repo.git("checkout", "-q", "main")
    s["incident"] = True
    client = repo.commit("2026-11-05", CLIENT, "Mail outage", {"remedy.toml": plan_text(s)})
    merged = dict(side, incident=True)
    # Both branches changed the plan: what git makes of it is replaced by the merged plan.
    repo.git("merge", "-q", "--no-ff", "--no-commit", "fix", who=PROVIDER, when="2026-11-10",
             must_succeed=False)
    repo.write("remedy.toml", plan_text(merged))
    merge = repo.commit("2026-11-10", PROVIDER, "Merge the fix")
    doc = history_json(os.path.join(repo.path, "remedy.toml"))
    commits = doc["commits"]
    check([x["commit"] for x in commits][1:] == [client, merge],
          "the first-parent line: the client's commit, then the merge")
    check([x["text"] for x in commits[1]["changes"]] ==
          ["incident of 2026-10-20 (Email down for six hours) recorded, high"],
          f"the client's commit: {[x['text'] for x in commits[1]['changes']]}")
    check([(x["text"], x["flags"]) for x in commits[2]["changes"]] ==
          [("NET-1 resolved on 2026-10-15", ["backdated"])],
          f"the merge's change: {commits[2]['changes']}")
    check([(x["commit"], x["date"], x["author"], x["subject"])
           for x in commits[2]["side_commits"]] ==
          [(side_commit, "2026-10-22", PROVIDER[0], "VPN fixed on time")],
          f"the merge lists its side commit: {commits[2]['side_commits']}")
    text = remedy(os.path.join(repo.path, "remedy.toml"), "history", "--as-of", AS_OF).stdout
    check(f"    merges 1 commit:\n      2026-10-22  {side_commit[:7]}  Pat Doe: VPN fixed on "
          "time\n" in text, "the side commit in the text")


def check_signatures(tmp):
    repo = Repo(os.path.join(tmp, "signed"))
    keys = {}
    for name in ("client", "provider", "intruder"):
        path = os.path.join(tmp, f"{name}_key")
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path],
                       check=True, capture_output=True)
        with open(path + ".pub") as f:
            keys[name] = (path, " ".join(f.read().split()[:2]))
    signers = (f"{CLIENT[1]} {keys['client'][1]}\n{PROVIDER[1]} {keys['provider'][1]}\n")

    def signed(key):
        return ("gpg.format=ssh", f"user.signingkey={keys[key][0]}")

    s = {}
    text = plan_text(s).replace("[email]", '[audit]\nsigners = "keys/allowed_signers"\n\n[email]')
    first = repo.commit("2026-10-01", CLIENT, "The plan as agreed", {
        "remedy.toml": text, "holidays.ics": HOLIDAYS.format(extra=""),
        "letters/weekly.txt": "x\n", "keys/allowed_signers": signers},
        config=signed("client"), sign=True)

    def step(when, who, message, state, key=None, files=None):
        body = plan_text(state).replace(
            "[email]", '[audit]\nsigners = "keys/allowed_signers"\n\n[email]')
        return repo.commit(when, who, message, dict({"remedy.toml": body}, **(files or {})),
                           config=signed(key) if key else (), sign=bool(key))

    s["NET-1"] = [("status", '"in_progress"')]
    started = step("2026-10-12", PROVIDER, "Working on the VPN", s, "provider")
    # Under the client's name, with the provider's key: the provider's commit.
    s["pause"] = True
    forged = step("2026-10-20", CLIENT, "Change freeze", s, "provider")
    s["incident"] = True
    unsigned = step("2026-10-21", CLIENT, "Mail outage", s)
    # A commit that adds its own key to the signers file cannot vouch for itself.
    s["extension"] = True
    vouching = step("2026-10-22", CLIENT, "Extension", s, "intruder",
                    {"keys/allowed_signers": signers + f"{CLIENT[1]} {keys['intruder'][1]}\n"})
    s["PRN-1"] = [("status", '"in_progress"')]
    later = step("2026-10-23", CLIENT, "Printers under way", s, "intruder")
    doc = history_json(os.path.join(repo.path, "remedy.toml"))
    got = {x["commit"]: x for x in doc["commits"]}
    check(doc["signatures_checked"], "signatures are checked")
    check(got[first]["party"] == "client" and got[first]["signer"] == CLIENT[1] and
          got[first]["flags"] == [], f"the first commit, by its own signers: {got[first]}")
    check(got[started]["party"] == "provider" and got[started]["changes"][0]["flags"] == [],
          "the provider's signed fact is not flagged")
    check(got[forged]["party"] == "provider" and got[forged]["author"] == CLIENT[0] and
          [x["flags"] for x in got[forged]["changes"]] == [["future-dated", "other-party"]],
          f"the client's name, the provider's key: {got[forged]['changes']}")
    check(got[unsigned]["flags"] == ["unsigned"] and
          [x["flags"] for x in got[unsigned]["changes"]] == [["unknown-author"]],
          f"unsigned: {got[unsigned]['flags']} {got[unsigned]['changes']}")
    check(got[vouching]["flags"] == ["unsigned"] and
          ["contract-terms", "unknown-author"] in [x["flags"] for x in got[vouching]["changes"]],
          f"a commit cannot vouch for itself: {got[vouching]['flags']}")
    check(got[later]["party"] == "client" and got[later]["flags"] == [],
          f"the key is the client's once a commit before has added it: {got[later]}")


def main():
    tmp = tempfile.mkdtemp(prefix="remedy-tampering-")
    try:
        repo = Repo(os.path.join(tmp, "main"))
        c, before_holidays = build_main(repo)
        check_main(repo, c, before_holidays)
        check_gate(repo, c)
        check_merge(tmp)
        check_signatures(tmp)
    finally:
        shutil.rmtree(tmp)
    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
