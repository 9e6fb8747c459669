#pragma once

// The charts of `remedy report`, each an inline <svg> element: built from the judgement of
// as_of and the figures of each day (remedy/render/board_report.h).

#include "remedy/render/board_report.h"

#include <string>

namespace remedy {

// The ids a pause names, "NET-1, SRV-2", or "every issue".
std::string covered_issues(const Pause& pause);

// Open and overdue issues on each day from the start to as_of, as step lines; the forecast
// dashed to its finish; the deadline, as_of and the events of the plan on the time axis.
std::string burndown_chart(const Plan& plan, const Judgement& judgement,
                           const BoardReportFacts& facts);

// The money owed on each day, as a step line, with the cap as a level.
std::string money_chart(const Plan& plan, const Judgement& judgement,
                        const BoardReportFacts& facts);

// One row per issue: due, effective due, grace end, paused days, late days (hatched), and the
// resolution, the waiver or as_of.
std::string issue_timeline(const Plan& plan, const Judgement& judgement,
                           const BoardReportFacts& facts);

} // namespace remedy
