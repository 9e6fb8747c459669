#pragma once

#include "remedy/history/history_rows.h"
#include "remedy/model/check_policy.h"
#include "remedy/render/json_writer.h"
#include "remedy/render/style.h"

#include <string>

namespace remedy {

// `check --commits RANGE` (and `--fail-on flagged`): the commits of the range as the history
// shows them, and the flags they carry, in each of check's formats. Added to the plan's own
// report, never mixed into it.

struct CommitsChecked {
    std::string range;          // as asked; empty: the last commit
    const PlanHistory* history; // the range's commits that changed the plan or its files
};

// How many commits of the range carry a flag.
std::size_t flagged_commits(const CommitsChecked& commits);

// Whether the check fails on its commits: with --fail-on flagged, when one carries a flag.
bool commits_fail(const CommitsChecked& commits, FailOn fail_on);

// "Commits checked (A..B): 3 changed the plan, 1 flagged", then each flagged commit as
// `history --flagged` lists it.
std::string commits_text(const CommitsChecked& commits, FailOn fail_on, const Style& style);

// One workflow command a flagged commit: `::error` when the flags decide (--fail-on flagged),
// else `::warning`, each naming the plan's file, the commit and its flags.
std::string commits_github(const CommitsChecked& commits, const std::string& file, FailOn fail_on);

// "commits": {"range", "checked", "flagged", "list": [history's commits]}.
void commits_json(JsonWriter& json, const CommitsChecked& commits);

// A JUnit <testsuite name="remedy commits"> with one test case a commit, failed
// (type="flagged") when it carries a flag and the flags decide; its counts for <testsuites>.
struct JunitCommits {
    std::size_t tests = 0;
    std::size_t failures = 0;
    std::string xml;
};
JunitCommits commits_junit(const CommitsChecked& commits, const std::string& file, FailOn fail_on);

} // namespace remedy
