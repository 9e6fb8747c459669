#pragma once

#include "remedy/model/charges.h"
#include "remedy/model/judgement.h"

#include <vector>

namespace remedy {

// One month of a statement: what fell in it, what is owed for it after the cap, the credits
// dated in it, the balance outstanding at its end and how much of that comes from earlier
// months, and, for the detail, each issue's charges.
struct StatementMonth {
    date::year_month month;
    Money accrued;
    Money owed;
    Money credited;
    bool capped = false; // the cap holds this month (MonthMoney::capped)
    // All that is owed for this month and the months before it, less every credit dated up to
    // its last day: what the month's statement asks for (negative: more was credited).
    Money balance;
    // The part of a positive balance that earlier months owe: the credits pay the oldest months
    // first, so it is what the months before this one owe less every credit to its end (never
    // below 0, never above the balance). Two statements then never ask twice for one amount.
    Money carried;
    std::vector<IssueMonthCharge> charges;
};

// The months from timebox.start's to as_of's, up to the last that holds a charge or a credit
// (SPEC v3 "Owed by month"), from the judgement, with each issue's charges when `detail` holds
// them (charges_by_issue_and_month).
std::vector<StatementMonth> statement_months(const Plan& plan, const Judgement& judgement,
                                             const std::vector<IssueMonthCharge>& detail = {});

// The row of one month: one of statement_months, or for a month after the last of them (no
// charge and no credit since) the balance carried forward; an empty row before the start.
StatementMonth statement_month(const Plan& plan, const Judgement& judgement,
                               date::year_month month);

} // namespace remedy
