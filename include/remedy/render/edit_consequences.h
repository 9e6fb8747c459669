#pragma once

#include "remedy/model/judgement.h"
#include "remedy/model/plan.h"

#include <string>
#include <vector>

namespace remedy {

// What a change to the plan does, as the person who made it needs to hear it: the plan before
// and after the change, each judged on the same day, compared. Two lines at most:
// - what changed for the issues: "NET-1 (critical) is 4 days late: 2,250.00 USD (was 0.00)",
//   "NET-1 (critical) is now due 2026-10-20 (was 2026-10-15)", "NET-9 (high) is new, due
//   2026-11-20", "NET-3 (high) is removed"; at most three issues, then "and N more";
// - what changed for the plan, always, the verdict last: "on 2026-11-30: strike 1 of 1;
//   deadline 2026-11-30 → 2026-12-14; owed 1,750.00 → 2,250.00 USD; verdict at-risk →
//   remediated" (or "verdict stays on-track").
// Issues are matched by id in any case, as the plan's ids are unique regardless of case.
std::vector<std::string> edit_consequences(const Plan& before, const Judgement& was,
                                           const Plan& after, const Judgement& is);

// The two lines' parts, for a change of many facts (remedy import): for each issue of `after`,
// what changed for it ("" when nothing did), and the plan's line ("on 2026-11-30: ...").
std::vector<std::string> issue_consequences(const Plan& before, const Judgement& was,
                                            const Plan& after, const Judgement& is);
std::string plan_consequence(const Plan& after, const Judgement& was, const Judgement& is);

} // namespace remedy
