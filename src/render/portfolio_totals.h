#pragma once

// Private to the render layer: what the portfolio's formats share about its rows as a whole.

#include "remedy/render/portfolio_report.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// What the plans of one currency add up to; money of different currencies is never added.
struct CurrencyTotal {
    int plans = 0;
    int open = 0;
    int overdue = 0;
    std::optional<Money> owed = Money{}; // empty once the sum would overflow
    int minor_digits = 2;
};

std::map<std::string, CurrencyTotal> totals_by_currency(const std::vector<PortfolioRow>& rows);

// How many rows have each verdict ("invalid" for a plan that could not be judged).
std::map<std::string_view, int> verdict_counts(const std::vector<PortfolioRow>& rows);

// Every verdict, the worst first, then "invalid": the order the counts are listed in.
std::vector<std::string_view> verdict_words();

// "450.00" more owed, "-120.00" less: the week's change in what is owed, signed when it is not
// zero ("+450.00").
std::string signed_money(Money amount, int minor_digits);

} // namespace remedy
