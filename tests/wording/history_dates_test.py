"""A report of a day before a dispute or a withdrawal does not change when they are recorded
later (SPEC v3 "Dates, words and figures"), tested through the plan's git history.

The Harbour story (harbour_story.py) is committed day by day in a real git repository with
fixed dates: INC-1 and INC-2 are recorded on 12-08 and 12-09, INC-1 disputed on 12-11 and INC-2
withdrawn on 12-15, each recorded on its day. Then:
- `remedy history --format json` judges each commit on its own day; from the commit of 12-10
  on (after the reopen, which rewrites EML-1's resolution) every later fact is dated after that
  day, so the final plan judged on that day must give the same verdict, money, strikes and
  counts;
- each version of the plan (git show), judged on a day before the dispute and the withdrawal,
  gives the same status, verdict and report, text and JSON, as the final plan does, so a report
  written on 12-12 ("terminate": two strikes) is still the report of 12-12 after INC-2 is
  withdrawn from 12-15;
- and a withdrawal recorded with its true day keeps the verdict of the days before it, where a
  withdrawal without one (the plan of v2) would not: the day after it, the verdict changes.

usage: history_dates_test.py REMEDY"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harbour_story  # noqa: E402

REMEDY = os.path.abspath(sys.argv[1])
ENV = dict(os.environ, NO_COLOR="1", TZ="UTC", SOURCE_DATE_EPOCH="1798000000")
ENV.pop("REMEDY_PLAN", None)
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def remedy(plan, *args):
    done = subprocess.run([REMEDY, *args, "-f", plan], env=ENV, capture_output=True, text=True,
                          timeout=60, cwd=os.path.dirname(plan))
    if done.returncode != 0:
        raise RuntimeError(f"remedy {' '.join(args)}: exit {done.returncode}: {done.stderr}")
    return done.stdout


def reports(plan, day):
    """Everything a person or a script reads of the plan on `day`."""
    return {what: remedy(plan, *args, "--as-of", day) for what, args in (
        ("status", ["status"]), ("status json", ["status", "--format", "json"]),
        ("verdict", ["verdict"]), ("verdict json", ["verdict", "--format", "json"]),
        ("penalties", ["penalties", "--by-month"]), ("report", ["report"]))}


def main():
    with tempfile.TemporaryDirectory(prefix="remedy-history-dates-") as scratch:
        repo = os.path.join(scratch, "harbour")
        os.mkdir(repo)
        commits = harbour_story.build(REMEDY, repo)
        final = os.path.join(repo, "remedy.toml")
        days = {sha: day for day, _, sha in commits}

        # Through history: each commit judged on its day, beside the final plan on that day.
        rows = json.loads(remedy(final, "history", "--format", "json", "--as-of",
                                 "2027-01-20"))["commits"]
        check(len(rows) == len(commits), f"history lists {len(rows)} of {len(commits)} commits")
        compared = 0
        for row in rows:
            if days[row["commit"]] < "2026-12-10":
                continue  # the reopen of 12-10 rewrites EML-1's resolution of 12-03
            now = json.loads(remedy(final, "status", "--format", "json", "--as-of", row["date"]))
            was = (row["verdict"], row["owed"], row["open"], row["overdue"],
                   row["strikes"]["count"])
            is_now = (now["verdict"], now["penalties"]["owed"],
                      sum(1 for i in now["issues"] if i["state"] in ("open", "in_progress")),
                      sum(1 for i in now["issues"] if i["overdue"]), now["strikes"]["count"])
            check(was == is_now, f"the commit of {row['date']} judged on its day {was}, the "
                                 f"final plan on that day {is_now}")
            compared += 1
        check(compared == 5, f"{compared} commits compared through history, expected 5")

        # Each version, judged on a day before the dispute (12-11) and the withdrawal (12-15),
        # from a checkout of its commit (the report's audit trail reads its own history),
        # beside the version that recorded the withdrawal. (A later resolution, as BAK-1's of
        # 01-11, turns an issue in progress into one read as open on the days before it: the
        # contract's rule for a resolution after as_of, not a dispute's or a withdrawal's.)
        def checkout(sha):
            folder = os.path.join(scratch, sha[:10])
            if not os.path.isdir(folder):
                harbour_story.git(repo, "worktree", "add", "-q", "--detach", folder, sha)
            return os.path.join(folder, "remedy.toml")

        withdrawn = next(sha for day, _, sha in commits if day == "2026-12-15")
        for day in ("2026-12-10", "2026-12-12", "2026-12-14"):
            expected = reports(checkout(withdrawn), day)
            # The version a report of `day` was written from (the last commit by then), and
            # every later one up to the withdrawal.
            current = max(d for d, _, _ in commits if d <= day)
            for commit_day, message, sha in commits:
                if not max(current, "2026-12-10") <= commit_day < "2026-12-15":
                    continue
                for what, text in reports(checkout(sha), day).items():
                    check(text == expected[what],
                          f"{what} of {day} on the commit of {commit_day} ({message}) differs "
                          f"from the one that withdrew INC-2")
                compared += 1
        check(compared == 5 + 6, f"{compared - 5} versions compared on days before, expected 6")

        # The report of 12-12 holds two strikes and says terminate; from 12-15 INC-2 is
        # withdrawn and the verdict is at-risk. Both on the final plan.
        before = json.loads(remedy(final, "verdict", "--format", "json", "--as-of",
                                   "2026-12-12"))
        after = json.loads(remedy(final, "verdict", "--format", "json", "--as-of",
                                  "2026-12-15"))
        check(before["verdict"] == "terminate" and before["strikes"]["count"] == 2,
              f"12-12: {before['verdict']} with {before['strikes']['count']} strikes")
        check(after["verdict"] == "at-risk" and after["strikes"]["count"] == 1,
              f"12-15: {after['verdict']} with {after['strikes']['count']} strikes")
        disputed = [i for i in after["strikes"]["incidents"] if i["status"] == "disputed"]
        check(len(disputed) == 1 and disputed[0]["disputed"] == "2026-12-11",
              f"12-15: the disputed strike {after['strikes']['incidents']}")
        on_10 = json.loads(remedy(final, "status", "--format", "json", "--as-of", "2026-12-10"))
        check([i["status"] for i in on_10["strikes"]["incidents"]] == ["confirmed", "confirmed"],
              f"12-10, before the dispute: {on_10['strikes']['incidents']}")

        # Without its day (v2), the withdrawal would count from the incident's own date and
        # rewrite the report of 12-12.
        version = os.path.join(repo, "undated.toml")
        with open(final) as plan, open(version, "w") as out:
            out.write(plan.read().replace("withdrawn = 2026-12-15\n", ""))
        undated = json.loads(remedy(version, "verdict", "--format", "json", "--as-of",
                                    "2026-12-12"))
        check(undated["verdict"] == "at-risk",
              f"an undated withdrawal on 12-12: {undated['verdict']} (the test would not see "
              f"what the date keeps)")
    print(f"{len(commits)} commits, {len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
