#pragma once

#include "remedy/model/lateness.h"
#include "remedy/model/plan.h"

#include <string>
#include <string_view>

namespace remedy {

// The few phrases that reasons, reports and letters share, so they read the same everywhere.

// "1 day", "3 days".
std::string plural(long long count, std::string_view word);

// "NET-1 (critical)".
std::string issue_label(const Issue& issue);

// An issue's effective due date: "2026-10-15", or, where a pause or a day off moved it,
// "2026-10-20 (moved from 2026-10-15)".
std::string due_date_text(const Issue& issue, const IssueDates& dates);

// "1,750.00 USD".
std::string money_text(const Plan& plan, Money amount);

// "43 days left", "the deadline is today", "passed 2 days ago".
std::string days_left_text(int days_left);

// The ultimatum in the plan's own numbers: "one more incident of priority high or higher ends
// the contract", "2 more incidents of priority high or higher end the contract".
std::string strikes_left_rule(const Plan& plan, int strikes, int limit);

} // namespace remedy
