#pragma once

#include "remedy/model/plan.h"

namespace remedy {

// Every question of "how late is this issue on this day" is answered here, so that a later
// business-day calendar or a paused clock changes one file.

// status = "resolved" and resolved <= day.
bool is_resolved_on(const Issue& issue, date::sys_days day);

// The state on `as_of`: a resolution after as_of has not happened yet (the issue is "open").
IssueStatus state_on(const Issue& issue, date::sys_days as_of);

// The resolution date when resolved on as_of, else as_of.
date::sys_days end_on(const Issue& issue, date::sys_days as_of);

// Not waived, not resolved on as_of, and due < as_of.
bool is_overdue(const Issue& issue, date::sys_days as_of);

// end - due when positive, else 0; always 0 for a waived issue.
int days_overdue(const Issue& issue, date::sys_days as_of);

// The last day that is not yet late: due + grace days.
date::sys_days grace_until(const Issue& issue, int grace_days);

// end > due + grace.
bool is_missed(const Issue& issue, int grace_days, date::sys_days as_of);

// The days that accrue a per-day penalty: max(0, min(end, deadline) - (due + grace)).
int late_days(const Issue& issue, int grace_days, date::sys_days deadline, date::sys_days as_of);

} // namespace remedy
