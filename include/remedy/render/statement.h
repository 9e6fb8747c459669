#pragma once

#include "remedy/model/charges.h"
#include "remedy/model/judgement.h"
#include "remedy/render/style.h"

#include <string>
#include <vector>

namespace remedy {

// One month of a statement: what fell in it, what is owed for it after the cap, the credits
// dated in it, the running balance at its end, and, for the detail, each issue's charges.
struct StatementMonth {
    date::year_month month;
    Money accrued;
    Money owed;
    Money credited;
    Money balance; // owed minus credited, of this month and every month before it
    std::vector<IssueMonthCharge> charges;
};

// The months from timebox.start's to as_of's, up to the last that holds a charge or a credit,
// from the judgement, with each issue's charges when `detail` holds them
// (charges_by_issue_and_month).
std::vector<StatementMonth> statement_months(const Plan& plan, const Judgement& judgement,
                                             const std::vector<IssueMonthCharge>& detail = {});

// `remedy penalties --by-month`: one row per month, the cap and how it applies, the totals;
// with each issue's charges under its month when the months carry them.
std::string render_statement_text(const Plan& plan, const Judgement& judgement,
                                  const std::vector<StatementMonth>& months, const Style& style);

// The same for an accounting system: one header row, one row per month (and, with the detail,
// one per issue and month, kind "issue"), ISO months, amounts with a dot and the currency's
// digits, the currency in its own column.
std::string render_statement_csv(const Plan& plan, const std::vector<StatementMonth>& months);

} // namespace remedy
