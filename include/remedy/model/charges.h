#pragma once

#include "remedy/model/lateness.h"
#include "remedy/model/penalty.h"

#include <date/date.h>
#include <map>
#include <optional>
#include <vector>

namespace remedy {

// Money falls on days: each late day's per-day charge on that day, the per-miss charge on the
// day the issue was missed. What finance books by month, and what the money from here is
// projected from, is counted here.

// Each charge of the issue added to the month it falls in. Throws std::overflow_error when a
// sum does not fit (the plan rules make that impossible for a plan read without errors).
void add_charges_by_month(const Timeline& timeline, std::size_t issue, const IssueDates& dates,
                          const IssuePenalty& penalty, std::map<date::year_month, Money>& months);

// The charges of the issue that fall in (after, last]: its per-day rate for each late day there,
// and its per-miss charge when it was missed there. Throws std::overflow_error as
// add_charges_by_month does.
Money charges_between(const Timeline& timeline, std::size_t issue, const IssueDates& dates,
                      const IssuePenalty& penalty, date::sys_days after, date::sys_days last);

// One issue's charges in one month: its late days there and their per-day money, and the
// per-miss charge when the issue was missed that month.
struct IssueMonthCharge {
    std::size_t issue = 0; // index into plan.issues
    date::year_month month;
    long long late_days = 0;
    Money per_day;
    Money per_miss;
};

// Every issue's charges by month on as_of, months in order and issues in the plan's order
// within a month: the detail of a statement. Their sum is the judgement's total.
std::vector<IssueMonthCharge> charges_by_issue_and_month(const Plan& plan, date::sys_days as_of);

// The calendar month of a day, and its first and last days.
date::year_month month_of(date::sys_days day);
date::sys_days first_day(date::year_month month);
date::sys_days last_day(date::year_month month);

} // namespace remedy
