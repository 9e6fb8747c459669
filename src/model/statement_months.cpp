#include "remedy/model/statement_months.h"

#include <algorithm>

namespace remedy {

std::vector<StatementMonth> statement_months(const Plan& plan, const Judgement& j,
                                             const std::vector<IssueMonthCharge>& detail) {
    std::vector<StatementMonth> months;
    if (j.as_of < plan.timebox.start)
        return months;
    // Sums of amounts that each fit, over the months of one plan: the plan rules keep the total
    // and the credits within 64 bits.
    Money owed_before; // by the months before this one
    Money credited;    // up to this month's end
    std::size_t next_charge = 0;
    auto money = j.penalties.months.begin();
    for (date::year_month month = month_of(plan.timebox.start); month <= month_of(j.as_of);
         month += date::months{1}) {
        StatementMonth row{month, Money{}, Money{}, Money{}, false, Money{}, Money{}, {}};
        if (money != j.penalties.months.end() && money->month == month) {
            row.accrued = money->accrued;
            row.owed = money->owed;
            row.credited = money->credited;
            row.capped = money->capped;
            ++money;
        } else if (!months.empty() && j.penalties.cap_per == CapPer::plan) {
            row.capped = months.back().capped; // a plan cap used up stays used up
        }
        credited = Money{credited.minor + row.credited.minor};
        row.balance = Money{owed_before.minor + row.owed.minor - credited.minor};
        row.carried = Money{std::clamp<std::int64_t>(owed_before.minor - credited.minor, 0,
                                                     std::max<std::int64_t>(row.balance.minor, 0))};
        owed_before = Money{owed_before.minor + row.owed.minor};
        for (; next_charge < detail.size() && detail[next_charge].month == month; ++next_charge)
            row.charges.push_back(detail[next_charge]);
        months.push_back(std::move(row));
    }
    return months;
}

} // namespace remedy
