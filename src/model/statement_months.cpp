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
    // (v3) Up to the last month with a charge or a credit, the judgement's last month: after
    // it a month would only repeat the balance, and a statement of 9999-12-31 would list eight
    // thousand years of empty months (a 14.7 MB report).
    const date::year_month last =
        j.penalties.months.empty() ? month_of(plan.timebox.start)
                                   : std::min(month_of(j.as_of), j.penalties.months.back().month);
    for (date::year_month month = month_of(plan.timebox.start); month <= last;
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

StatementMonth statement_month(const Plan& plan, const Judgement& j, date::year_month month) {
    const std::vector<StatementMonth> months = statement_months(plan, j);
    for (const StatementMonth& row : months)
        if (row.month == month)
            return row;
    StatementMonth row{month, Money{}, Money{}, Money{}, false, Money{}, Money{}, {}};
    // (v3) A month after the last with a charge or a credit: nothing falls in it, and the
    // balance of the last one is carried forward, all of it from earlier months.
    if (!months.empty() && month > months.back().month) {
        row.balance = months.back().balance;
        row.carried = Money{std::max<std::int64_t>(row.balance.minor, 0)};
        row.capped = j.penalties.cap_per == CapPer::plan && months.back().capped;
    }
    return row;
}

} // namespace remedy
