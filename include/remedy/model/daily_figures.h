#pragma once

#include "remedy/model/money.h"
#include "remedy/model/pauses.h"
#include "remedy/model/plan.h"

#include <date/date.h>
#include <vector>

namespace remedy {

// What the judgement of each day says about the issues and the money, for the charts of a
// report: judge(plan, day) of every day from timebox.start to as_of would give the same figures,
// without judging the plan once a day.

struct DayFigures {
    date::sys_days day;
    int open = 0;    // neither resolved nor waived on the day
    int overdue = 0; // open, and its effective due date (as the day knew it) before the day
    Money owed;      // the total after the cap, as the day's judgement owes it
};

// One entry a day, timebox.start to as_of (none when as_of is before the start). The plan's
// pauses and extensions change the figures only from the days they were agreed, so the days are
// judged in runs between those dates: one timeline a run, each issue's dates once a run, and
// each issue's charges added on the days they fall.
std::vector<DayFigures> daily_figures(const Plan& plan, date::sys_days as_of);

// Each issue's paused days in force on as_of, merged into disjoint ranges in date order: what a
// timeline of the issues draws.
std::vector<std::vector<DayRange>> paused_ranges_on(const Plan& plan, date::sys_days as_of);

} // namespace remedy
