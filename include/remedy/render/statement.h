#pragma once

#include "remedy/model/statement_months.h"
#include "remedy/render/style.h"

#include <string>
#include <vector>

namespace remedy {

// `remedy penalties --by-month`: one row per month, the cap and how it applies, the totals;
// with each issue's charges under its month when the months carry them.
std::string render_statement_text(const Plan& plan, const Judgement& judgement,
                                  const std::vector<StatementMonth>& months, const Style& style);

// The same for an accounting system: one header row, one row per month (and, with the detail,
// one per issue and month, kind "issue"), ISO months, amounts with a dot and the currency's
// digits, the currency in its own column.
std::string render_statement_csv(const Plan& plan, const std::vector<StatementMonth>& months);

} // namespace remedy
