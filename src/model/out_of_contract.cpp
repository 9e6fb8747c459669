#include "remedy/model/out_of_contract.h"

#include "day_search.h"
#include "remedy/model/charges.h"

#include <algorithm>
#include <limits>

namespace remedy {

namespace {

bool has_reason(const Judgement& j, ReasonKind kind) {
    return std::any_of(j.reasons.begin(), j.reasons.end(),
                       [&](const Reason& reason) { return reason.kind == kind; });
}

// The day after the earliest cut-off an issue missed.
std::optional<date::sys_days> deadline_missed_on(const Judgement& j) {
    std::optional<date::sys_days> first;
    for (const Reason& reason : j.reasons)
        if (reason.kind == ReasonKind::unresolved_at_deadline && reason.issue) {
            const date::sys_days day = j.issues[*reason.issue].dates.cut_off + date::days{1};
            first = first ? std::min(*first, day) : day;
        }
    return first;
}

// The day of the incident that made the strikes reach the limit (the strikes are in date
// order).
std::optional<date::sys_days> strikes_reached_on(const Plan& plan, const Judgement& j) {
    const auto limit = static_cast<std::size_t>(j.strike_limit);
    if (limit == 0 || j.strikes.size() < limit)
        return std::nullopt;
    return plan.incidents[j.strikes[limit - 1]].date;
}

} // namespace

std::optional<date::sys_days> cap_reached_on(const Plan& plan, const Judgement& j) {
    const PenaltyTotals& p = j.penalties;
    if (!p.cap || !p.cap_reached)
        return std::nullopt;
    const Money cap = *p.cap;
    const Timeline timeline(plan, j.as_of);
    // What every issue charged in (after, day], as the judgement on as_of counts it; a sum too
    // large for 64 bits is more than any cap.
    const Money most{std::numeric_limits<std::int64_t>::max()};
    const auto charged = [&](date::sys_days after, date::sys_days day) {
        Money sum;
        for (std::size_t i = 0; i < plan.issues.size(); ++i)
            sum = checked_add(sum, charges_between(timeline, i, j.issues[i].dates,
                                                   j.issues[i].penalty, after, day))
                      .value_or(most);
        return sum;
    };
    const date::sys_days before_start = plan.timebox.start - date::days{1};
    if (p.cap_per == CapPer::plan)
        return first_day_reaching(before_start, j.as_of, [&](date::sys_days day) {
            return charged(before_start, day) >= cap;
        });
    // A month cap: the first month whose own charges reach it, and the day they do.
    for (date::year_month month = month_of(plan.timebox.start); first_day(month) <= j.as_of;
         month += date::months{1}) {
        const date::sys_days after = std::max(first_day(month) - date::days{1}, before_start);
        if (const std::optional<date::sys_days> day =
                first_day_reaching(after, std::min(last_day(month), j.as_of),
                                   [&](date::sys_days d) { return charged(after, d) >= cap; }))
            return day;
    }
    return std::nullopt;
}

std::optional<OutOfContract> out_of_contract(const Plan& plan, const Judgement& j) {
    if (j.verdict != Verdict::terminate)
        return std::nullopt;
    OutOfContract out;
    std::optional<date::sys_days> since;
    const auto add = [&](OutCause cause, std::optional<date::sys_days> day) {
        out.why.push_back(cause);
        if (day)
            since = since ? std::min(*since, *day) : *day;
    };
    if (has_reason(j, ReasonKind::unresolved_at_deadline))
        add(OutCause::deadline, deadline_missed_on(j));
    if (has_reason(j, ReasonKind::cap_reached))
        add(OutCause::cap, cap_reached_on(plan, j));
    if (has_reason(j, ReasonKind::strike))
        add(OutCause::strikes, strikes_reached_on(plan, j));
    out.since = since.value_or(j.as_of);
    return out;
}

} // namespace remedy
