#pragma once

// The day each version of the plan is judged on: its committer date's day in the client's zone,
// kept from going back along the first-parent line and from running ahead of the day the
// history is read. Private to the history layer (history_rows.cpp).

#include "remedy/history/history_rows.h"

#include <chrono>
#include <date/date.h>
#include <string_view>
#include <vector>

namespace remedy {

// The day `at` falls on in `zone`, computed in seconds: a commit time of year 9999 is far
// beyond what the clock's nanoseconds hold (day_in_zone takes the clock's time points).
date::sys_days day_of_commit(std::string_view zone, std::chrono::sys_seconds at);

struct CommitDay {
    date::sys_days day;   // judged on
    date::sys_days dated; // what its committer date says
    unsigned flags = 0;   // flag_dated_before_parent, flag_dated_ahead
};

// The days of record.versions, in order: all of them, or, with LaterCommits::left_out, those up
// to the last shown version dated on or before as_of (the commits after it had not been made on
// as_of).
std::vector<CommitDay> version_days(const PlanRecord& record, const HistoryDays& days);

} // namespace remedy
