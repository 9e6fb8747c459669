#pragma once

#include "remedy/model/plan.h"
#include "remedy/model/working_days.h"

#include <cstddef>
#include <vector>

namespace remedy {

// The days of the extensions in force on `as_of`: those agreed on or before it.
int extension_days_on(const Timebox& timebox, date::sys_days as_of);

// The deadline D on `as_of`: timebox.start + days + the extensions in force, rolled to a working
// day. The last day on which a resolution is in time.
date::sys_days deadline_on(const Plan& plan, date::sys_days as_of);

// The deadline with every extension, whatever its date: what the plan's dates are checked
// against (a due date, a waiver, a pause and the warning must fall on or before it).
date::sys_days final_deadline(const Plan& plan);

// The extensions in the order they were agreed (by date, ties in the file's order), as indexes
// into timebox.extensions.
std::vector<std::size_t> extensions_in_agreed_order(const Timebox& timebox);

// The deadline that extension `index` extends: timebox.start + days + the extensions agreed
// before it, rolled. It must have been agreed on or before that day.
date::sys_days deadline_before_extension(const Plan& plan, std::size_t index);

} // namespace remedy
