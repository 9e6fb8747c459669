#pragma once

#include "remedy/model/plan.h"

#include <cstddef>
#include <vector>

namespace remedy {

// The warning date: ultimatum.issued, or timebox.start when the plan has no [ultimatum].
date::sys_days warning_date(const Plan& plan);

// An incident after the warning, on or before as_of, at or above the ultimatum's severity.
bool is_strike(const Plan& plan, const Incident& incident, date::sys_days as_of);

// The indexes into plan.incidents of the strikes on as_of, in date order (on one day, the most
// severe first, then by summary).
std::vector<std::size_t> strikes_on(const Plan& plan, date::sys_days as_of);

} // namespace remedy
