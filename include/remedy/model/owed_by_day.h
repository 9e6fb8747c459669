#pragma once

#include "remedy/model/lateness.h"
#include "remedy/model/money.h"
#include "remedy/model/plan.h"

#include <date/date.h>
#include <map>
#include <vector>

namespace remedy {

// The money of every issue summed by the days it falls on, in one sweep over the issues'
// charges in date order: each issue adds a change of the late issues' per-day rate where its
// grace ends, where its accrual ends and around its own pauses, and a per-miss charge on the
// day it was missed. What the charges of a span of days add up to is then a count of counted
// days times a rate, run by run: the cost grows with the issues, their pauses and the months,
// never with issues times months or issues times days.

// accrued(m) of SPEC "Charges have days", judged on the timeline's day: the charges of every
// issue by the month they fall in, on or before as_of; months without a charge are left out.
// `dates` holds each issue's dates on that timeline (dates_of), as the judgement has them.
std::map<date::year_month, Money> accrued_by_month(const Timeline& timeline,
                                                   const std::vector<IssueDates>& dates);

// What is owed on each of `days` (in date order, repeats allowed), each judged on its own day:
// judge(plan, day).penalties.owed for every day, without judging the plan once a day. The
// days between two days a pause is agreed on share one timeline (the pauses in force are the
// same), so each such run is one sweep over the issues' charges in date order: the cost grows
// with the issues, their pauses and the months, once a run, not once a day.
// Throws std::overflow_error when a sum does not fit, as judge does (the plan rules make that
// impossible for a plan read without errors).
std::vector<Money> owed_on_days(const Plan& plan, const std::vector<date::sys_days>& days);

} // namespace remedy
