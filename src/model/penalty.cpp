#include "remedy/model/penalty.h"

#include "remedy/model/charges.h"
#include "remedy/model/lateness.h"

#include <stdexcept>

namespace remedy {

namespace {

[[noreturn]] void throw_overflow() {
    throw std::overflow_error("penalty arithmetic overflowed; the plan rules should have "
                              "refused this plan");
}

Money must_fit(std::optional<Money> value) {
    if (!value)
        throw_overflow();
    return *value;
}

} // namespace

Money rate_for(const AmountByPriority& amounts, Priority priority) {
    const auto& amount = amounts[static_cast<std::size_t>(priority)];
    return amount ? amount->money : Money{};
}

std::optional<IssuePenalty> checked_penalty_of(const Timeline& timeline, std::size_t i,
                                               const IssueDates& dates) {
    const Plan& plan = timeline.plan();
    const Issue& issue = plan.issues[i];
    IssuePenalty line;
    line.end = dates.end;
    line.grace_until = dates.grace_end;
    line.per_day_rate = rate_for(plan.penalties.per_day, issue.priority);
    line.missed_on = missed_on(dates);
    line.missed = line.missed_on.has_value();
    line.late_days = late_days(timeline, i, dates);
    const std::optional<Money> per_day = checked_multiply(line.per_day_rate, line.late_days);
    if (!per_day)
        return std::nullopt;
    line.per_day_amount = *per_day;
    if (line.missed)
        line.per_miss = rate_for(plan.penalties.per_miss, issue.priority);
    const std::optional<Money> subtotal = checked_add(line.per_day_amount, line.per_miss);
    if (!subtotal)
        return std::nullopt;
    line.subtotal = *subtotal;
    return line;
}

IssuePenalty penalty_of(const Timeline& timeline, std::size_t i, const IssueDates& dates) {
    if (std::optional<IssuePenalty> line = checked_penalty_of(timeline, i, dates))
        return *line;
    throw_overflow();
}

PenaltyTotals total_penalties(const Plan& plan, const std::map<date::year_month, Money>& accrued,
                              date::sys_days as_of) {
    PenaltyTotals totals;
    totals.cap_per = plan.penalties.cap_per;
    if (plan.penalties.cap)
        totals.cap = plan.penalties.cap->money;
    // The months that hold a charge or a credit, from the start's month on.
    std::map<date::year_month, MonthMoney> months;
    months[month_of(plan.timebox.start)].month = month_of(plan.timebox.start);
    for (const auto& [month, money] : accrued) {
        months[month].month = month;
        months[month].accrued = money;
    }
    for (const Credit& credit : plan.credits) {
        if (credit.date > as_of)
            continue;
        MonthMoney& month = months[month_of(credit.date)];
        month.month = month_of(credit.date);
        month.credited = must_fit(checked_add(month.credited, credit.amount));
        totals.credited = must_fit(checked_add(totals.credited, credit.amount));
    }
    // No month missing in between, so that a list of months reads as a ledger.
    for (date::year_month month = months.begin()->first; month < months.rbegin()->first;
         month += date::months{1})
        months[month].month = month;
    // A plan cap is used up in month order; a month cap limits each month.
    Money cap_left = totals.cap.value_or(Money{});
    for (auto& [key, month] : months) {
        totals.total = must_fit(checked_add(totals.total, month.accrued));
        month.owed = month.accrued;
        if (totals.cap && totals.cap_per == CapPer::month) {
            month.owed = std::min(month.accrued, *totals.cap);
            month.capped = month.accrued >= *totals.cap;
            totals.cap_reached = totals.cap_reached || month.capped;
        } else if (totals.cap) {
            month.owed = std::min(month.accrued, cap_left);
            cap_left = Money{cap_left.minor - month.owed.minor};
            month.capped = cap_left.minor == 0;
        }
        totals.owed = must_fit(checked_add(totals.owed, month.owed));
        totals.months.push_back(month);
    }
    if (totals.cap && totals.cap_per == CapPer::plan)
        totals.cap_reached = totals.total >= *totals.cap;
    totals.balance = Money{totals.owed.minor - totals.credited.minor};
    return totals;
}

} // namespace remedy
