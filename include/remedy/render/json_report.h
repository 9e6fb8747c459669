#pragma once

#include "remedy/model/check_policy.h"
#include "remedy/model/diagnostic.h"
#include "remedy/model/judgement.h"
#include "remedy/model/recent_changes.h"
#include "remedy/render/ci_report.h"
#include "remedy/render/statement.h"

#include <string>

namespace remedy {

// The `--format json` documents. The keys SPEC.md shows for `status` are a stable contract;
// the other documents reuse the same names for the same figures.

std::string render_status_json(const Plan& plan, const Judgement& judgement,
                               const RecentChanges& changes);
// `remedy status ID --format json`: the one issue, as status lists it.
std::string render_issue_json(const Plan& plan, const Judgement& judgement, std::size_t issue);
std::string render_verdict_json(const Plan& plan, const Judgement& judgement);
// `penalties`; with `months` (--by-month), also "months": the statement, and each issue's
// charges of a month when the months carry them.
std::string render_penalties_json(const Plan& plan, const Judgement& judgement,
                                  const std::vector<StatementMonth>* months = nullptr);

// `check`: the plan's validity with every diagnostic, and, when valid, the verdict against
// --fail-on. `plan` and `judgement` are null for an invalid plan.
std::string render_check_json(const std::string& file, const Plan* plan, const Judgement* judgement,
                              const Diagnostics& diagnostics, FailOn fail_on);
// `check` of several plans: an array of those objects, in the order the plans were named.
std::string render_check_json(const std::vector<CheckedPlan>& plans, FailOn fail_on);
// One plan's object, with the commits of `check --commits` when it has them.
std::string render_check_json(const CheckedPlan& checked, FailOn fail_on);

} // namespace remedy
