"""The story of a UK firm's remediation plan, written with remedy's commands alone and committed
to git day by day, as the controller and the IT operations head of issue 33 did: working days
with an .ics of bank holidays, a monthly cap, a final warning given on its day, two incidents
(one disputed, one withdrawn, each recorded days later), a reopened issue, a credit and a
Christmas freeze. Every command fixes its day (--as-of); every commit fixes its dates.

build(remedy, repo) writes the repository and returns its commits as (day, message, sha)."""
import os
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
HOLIDAYS = "uk-bank-holidays-2026-27.ics"

# Each day of the story: the commands run on it (with --as-of that day), then one commit.
STORY = [
    ("2026-11-16", "The plan as agreed with Brightline", [
        ["config", "calendar.holidays_file", HOLIDAYS],
        ["config", "penalties.days", "working"],
        ["config", "penalties.cap", "2700.00"],
        ["config", "penalties.cap_per", "month"],
        ["config", "penalties.per_day.critical", "400.00"],
        ["config", "penalties.per_day.high", "250.00"],
        ["config", "penalties.per_day.medium", "75.00"],
        ["config", "penalties.per_miss.critical", "500.00"],
        ["config", "penalties.per_miss.high", "200.00"],
        ["config", "contract.settlement", "credited against the next monthly invoice"],
        ["add", "--id", "BAK-1", "--priority", "critical", "--due", "2026-11-20",
         "--title", "Nightly backups fail without alerting", "--owner", "Brightline NOC"],
        ["add", "--id", "EML-1", "--priority", "high", "--due", "2026-11-27",
         "--title", "Mail relay drops outbound messages"],
        ["add", "--id", "HD-1", "--priority", "medium", "--due", "2026-12-04",
         "--title", "Tickets wait more than a day for a first answer"],
        ["add", "--id", "SRV-1", "--priority", "high", "--due", "2026-12-22",
         "--title", "Windows servers are months behind on patches"],
        ["add", "--id", "NET-2", "--priority", "high", "--due", "2027-01-08",
         "--title", "Replace the failing core switch"],
    ]),
    ("2026-11-23", "BAK-1 started", [["start", "BAK-1"]]),
    ("2026-12-03", "EML-1 resolved", [["resolve", "EML-1", "--on", "2026-12-03"]]),
    ("2026-12-07", "Final warning given", [["warn", "--on", "2026-12-07", "--strikes", "2"]]),
    ("2026-12-08", "Incident INC-1", [
        ["incident", "--id", "INC-1", "--priority", "high", "--on", "2026-12-08",
         "--summary", "Mail down for three hours"]]),
    ("2026-12-09", "Incident INC-2", [
        ["incident", "--id", "INC-2", "--priority", "high", "--on", "2026-12-09",
         "--summary", "Core switch rebooted during the working day"]]),
    ("2026-12-10", "EML-1 reopened", [
        ["reopen", "EML-1", "--on", "2026-12-10", "--reason", "Outbound mail dropped again"]]),
    ("2026-12-11", "Brightline disputes INC-1", [
        ["dispute", "INC-1", "--on", "2026-12-11",
         "--reason", "Caused by the client's own DNS change"]]),
    ("2026-12-14", "Credit and the Christmas freeze", [
        ["credit", "--on", "2026-12-14", "--amount", "1000.00", "--invoice", "INV-2026-1211"],
        ["pause", "--from", "2026-12-21", "--to", "2027-01-01", "--agreed", "2026-12-14",
         "--reason", "Christmas change freeze"]]),
    ("2026-12-15", "INC-2 withdrawn at the review", [
        ["withdraw", "INC-2", "--on", "2026-12-15",
         "--reason", "A power cut at the client's site, agreed at the review"]]),
    ("2027-01-11", "BAK-1 resolved", [["resolve", "BAK-1", "--on", "2027-01-11"]]),
]


def git(repo, *args, day=None):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=repo, TZ="UTC")
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+00:00"
    done = subprocess.run(["git", "-c", "user.name=Sam Patel",
                           "-c", "user.email=sam.patel@harbourfoods.example", *args],
                          cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def remedy(command, repo, *args, day):
    env = dict(os.environ, NO_COLOR="1", TZ="UTC")
    env.pop("REMEDY_PLAN", None)
    done = subprocess.run([command, *args, "-f", os.path.join(repo, "remedy.toml"),
                           "--as-of", day, "--quiet"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"remedy {' '.join(args)} on {day}: exit {done.returncode}: "
                           f"{done.stderr}")


def build(command, repo):
    """Writes the story into the empty folder `repo`; returns [(day, message, sha)]."""
    git(repo, "init", "-q", "-b", "main")
    shutil.copy(os.path.join(HERE, HOLIDAYS), os.path.join(repo, HOLIDAYS))
    env = dict(os.environ, TZ="UTC")
    subprocess.run([command, "init", "-f", os.path.join(repo, "remedy.toml"),
                    "--client", "Harbour Foods Ltd",
                    "--client-contact", "Sam Patel <sam.patel@harbourfoods.example>",
                    "--provider", "Brightline IT Services",
                    "--provider-contact", "Jo Reid <jo.reid@brightline.example>",
                    "--reference", "MSA-HF-2026", "--currency", "GBP", "--fee", "9000.00",
                    "--start", "2026-11-16", "--days", "60", "--timezone", "Europe/London"],
                   cwd=repo, env=env, capture_output=True, check=True)
    commits = []
    for day, message, commands in STORY:
        for args in commands:
            remedy(command, repo, *args, day=day)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", message, day=day)
        commits.append((day, message, git(repo, "rev-parse", "HEAD")))
    return commits
