#pragma once

#include "remedy/model/plan.h"

#include <cstddef>
#include <vector>

namespace remedy {

// The warning date: ultimatum.issued, or timebox.start when the plan has no [ultimatum].
date::sys_days warning_date(const Plan& plan);

// The last day an incident can be a strike: ultimatum.until, else the deadline `deadline` (the
// ultimatum belongs to the time box).
date::sys_days strike_window_end(const Plan& plan, date::sys_days deadline);

// An incident that is not withdrawn, dated strictly after the warning and on or before both
// as_of and the end of the strike window, at or above the ultimatum's severity.
bool is_strike(const Plan& plan, const Incident& incident, date::sys_days as_of,
               date::sys_days deadline);

// The indexes into plan.incidents of the strikes on as_of, in date order (on one day, the most
// severe first, then by summary).
std::vector<std::size_t> strikes_on(const Plan& plan, date::sys_days as_of,
                                    date::sys_days deadline);

} // namespace remedy
