#pragma once

#include "remedy/model/lateness.h"

#include <date/date.h>
#include <optional>

namespace remedy {

struct Judgement;

// The money from here: what accrues today, how much room is left under the cap, and the day
// the cap would be reached if nothing were resolved, waived, paused or agreed after as_of. What
// tells a provider whether money still matters or only the deadline and the strikes do.
struct Exposure {
    Money per_day;                     // the per-day rates of the issues accruing on as_of
    int accruing = 0;                  // how many issues accrue on as_of
    std::optional<Money> cap_headroom; // what is left under the cap (of as_of's month with a
                                       // month cap), never below 0; none without a cap
    // none: no cap, reached already (a plan cap; with a month cap, the next month that could
    // still reach its own), or not by D
    std::optional<date::sys_days> cap_date;
    // The cap holds everything from here: a plan cap is reached, or as_of's month reached its
    // month cap and no later month would owe anything if nothing changed.
    bool grows_no_more = false;
};

// Marks each issue that accrues on as_of (judgement.issues[i].accruing) and sums the rest.
// Expects the judgement's issues and penalties to be filled in on the timeline's day.
Exposure exposure_on(const Timeline& timeline, Judgement& judgement);

} // namespace remedy
