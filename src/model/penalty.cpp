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

std::optional<IssuePenalty> checked_penalty_of(const Issue& issue, const Penalties& penalties,
                                               date::sys_days deadline, date::sys_days as_of) {
    IssuePenalty line;
    line.end = end_on(issue, as_of);
    line.grace_until = grace_until(issue, penalties.grace_days);
    line.per_day_rate = rate_for(penalties.per_day, issue.priority);
    if (issue.status == IssueStatus::waived)
        return line; // waived issues owe nothing
    line.missed = is_missed(issue, penalties.grace_days, as_of);
    line.late_days = late_days(issue, penalties.grace_days, deadline, as_of);
    const std::optional<Money> per_day = checked_multiply(line.per_day_rate, line.late_days);
    if (!per_day)
        return std::nullopt;
    line.per_day_amount = *per_day;
    if (line.missed)
        line.per_miss = rate_for(penalties.per_miss, issue.priority);
    const std::optional<Money> subtotal = checked_add(line.per_day_amount, line.per_miss);
    if (!subtotal)
        return std::nullopt;
    line.subtotal = *subtotal;
    return line;
}

IssuePenalty penalty_of(const Issue& issue, const Penalties& penalties, date::sys_days deadline,
                        date::sys_days as_of) {
    if (std::optional<IssuePenalty> line = checked_penalty_of(issue, penalties, deadline, as_of))
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
