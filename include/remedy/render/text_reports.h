#pragma once

#include "remedy/model/check_policy.h"
#include "remedy/model/judgement.h"
#include "remedy/model/recent_changes.h"
#include "remedy/render/style.h"

#include <string>

namespace remedy {

// The human-readable reports of the commands; each returns the whole text to print.

// `remedy status`: header, issue table, money, strikes, and what changed since `changes.since`.
std::string render_status_text(const Plan& plan, const Judgement& judgement,
                               const RecentChanges& changes, const Style& style);

// `remedy verdict`: in or out, every reason, the money, and what must happen by when.
std::string render_verdict_text(const Plan& plan, const Judgement& judgement, const Style& style);

// `remedy penalties`: the ledger, one line per issue, then total, cap and owed.
std::string render_penalties_text(const Plan& plan, const Judgement& judgement, const Style& style);

// `remedy check`: one line with the verdict and whether it passes, then its reasons.
std::string render_check_text(const Plan& plan, const Judgement& judgement, FailOn fail_on,
                              const Style& style);

// The colour a verdict is shown in.
Tone tone_of(Verdict verdict);

} // namespace remedy
