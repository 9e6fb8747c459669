#include "remedy/model/penalty.h"

#include "remedy/model/lateness.h"

#include <stdexcept>

namespace remedy {

namespace {

Money rate_for(const AmountByPriority& amounts, Priority priority) {
    const auto& amount = amounts[static_cast<std::size_t>(priority)];
    return amount ? amount->money : Money{};
}

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

std::optional<IssuePenalty> checked_penalty_of(const Timeline& timeline, std::size_t i,
                                               const IssueDates& dates) {
    const Plan& plan = timeline.plan();
    const Issue& issue = plan.issues[i];
    IssuePenalty line;
    line.end = dates.end;
    line.grace_until = dates.grace_end;
    line.per_day_rate = rate_for(plan.penalties.per_day, issue.priority);
    line.missed_on = missed_on(timeline, i, dates);
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

PenaltyTotals total_penalties(const std::vector<IssuePenalty>& lines, const Penalties& penalties) {
    PenaltyTotals totals;
    for (const IssuePenalty& line : lines)
        totals.total = must_fit(checked_add(totals.total, line.subtotal));
    totals.owed = totals.total;
    if (penalties.cap) {
        totals.cap = penalties.cap->money;
        totals.cap_reached = totals.total >= *totals.cap;
        totals.owed = std::min(totals.total, *totals.cap);
    }
    return totals;
}

} // namespace remedy
