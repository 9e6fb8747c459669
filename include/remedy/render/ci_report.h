#pragma once

#include "remedy/model/check_policy.h"
#include "remedy/model/diagnostic.h"
#include "remedy/model/judgement.h"

#include <string>
#include <string_view>

namespace remedy {

// `check --format github` and `--format junit`: the same facts as render_check_json, in the forms
// CI systems display. `plan` and `judgement` are null for an invalid plan; `diagnostics` are the
// errors and warnings found when the plan was read.

// GitHub Actions workflow commands, one a line: `::error file=F,line=L,col=C::message` and
// `::warning ...` for each diagnostic; for a valid plan, one `::error` line for a verdict at or
// past --fail-on with its reasons, or, when the check passes, a `::warning` for each reason of an
// at-risk (or terminate) verdict and one `::notice` line for the result.
std::string render_check_github(const std::string& file, const Plan* plan,
                                const Judgement* judgement, const Diagnostics& diagnostics,
                                FailOn fail_on);

// A JUnit XML report with one test suite "remedy check": a test case for the plan's validity (an
// <error> when the plan is invalid), one for the verdict against --fail-on, and one per issue
// (a <failure type="overdue"> when the issue is overdue; <skipped> when it is waived).
std::string render_check_junit(const std::string& file, const Plan* plan,
                               const Judgement* judgement, const Diagnostics& diagnostics,
                               FailOn fail_on);

struct CommitsChecked;

// `check PLAN...`: one plan checked, valid (`plan` and `judgement` set) or not (both null);
// with `check --commits`, the commits of the range too (ci_flags.h).
struct CheckedPlan {
    std::string file;
    const Plan* plan = nullptr;
    const Judgement* judgement = nullptr;
    const Diagnostics* diagnostics = nullptr; // never null
    const CommitsChecked* commits = nullptr;
};

// Whether the check of one plan passes: its verdict below --fail-on, and, with --fail-on
// flagged, no flag on a commit of the range.
bool check_passes(const CheckedPlan& checked, FailOn fail_on);

// Each plan's workflow commands, in the order given; every command names its plan's file.
std::string render_check_github(const std::vector<CheckedPlan>& plans, FailOn fail_on);

// One <testsuites> with one <testsuite> a plan (named "remedy check" when there is one plan,
// else after its file), each as render_check_junit writes it; the counts of <testsuites> are
// their sums.
std::string render_check_junit(const std::vector<CheckedPlan>& plans, FailOn fail_on);

// "2 errors, 1 warning": what reading a plan found.
std::string diagnostic_counts(const Diagnostics& diagnostics);

} // namespace remedy
