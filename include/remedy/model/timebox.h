#pragma once

#include "remedy/model/plan.h"

namespace remedy {

// The sum of the agreed extensions' days.
int extension_days(const Timebox& timebox);

// timebox.start + days + extensions: the last day on which a resolution is in time.
date::sys_days deadline(const Timebox& timebox);

} // namespace remedy
