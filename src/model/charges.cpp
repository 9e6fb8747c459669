#include "remedy/model/charges.h"

#include <algorithm>
#include <stdexcept>

namespace remedy {

date::year_month month_of(date::sys_days day) {
    const date::year_month_day ymd{day};
    return {ymd.year(), ymd.month()};
}

date::sys_days first_day(date::year_month month) {
    return date::sys_days{month / date::day{1}};
}

date::sys_days last_day(date::year_month month) {
    return date::sys_days{month / date::last};
}

namespace {

// Calls `each(month, late_days, per_day, per_miss)` for every month that holds a charge of the
// issue, in order.
template <class Each>
void for_each_month_of_charges(const Timeline& timeline, std::size_t issue, const IssueDates& dates,
                               const IssuePenalty& penalty, Each each) {
    if (penalty.subtotal.minor == 0)
        return;
    // Only the months between the first charge and the last can hold one.
    const date::sys_days accrual_end = std::min(dates.end, timeline.deadline());
    date::sys_days first = dates.grace_end + date::days{1};
    date::sys_days last = std::max(accrual_end, first);
    if (penalty.missed_on) {
        first = std::min(first, *penalty.missed_on);
        last = std::max(last, *penalty.missed_on);
    }
    for (date::year_month month = month_of(first); month <= month_of(last);
         month += date::months{1}) {
        const long long late_days =
            timeline.counted(issue, std::max(first_day(month) - date::days{1}, dates.grace_end),
                             std::min(last_day(month), accrual_end));
        const std::optional<Money> per_day = checked_multiply(penalty.per_day_rate, late_days);
        if (!per_day)
            throw std::overflow_error("the penalties of a month do not fit in 64 bits");
        const bool missed_here = penalty.missed_on && month_of(*penalty.missed_on) == month;
        each(month, late_days, *per_day, missed_here ? penalty.per_miss : Money{});
    }
}

} // namespace

void add_charges_by_month(const Timeline& timeline, std::size_t issue, const IssueDates& dates,
                          const IssuePenalty& penalty, std::map<date::year_month, Money>& months) {
    for_each_month_of_charges(
        timeline, issue, dates, penalty,
        [&](date::year_month month, long long, Money per_day, Money per_miss) {
            const std::optional<Money> charges = checked_add(per_day, per_miss);
            const std::optional<Money> sum =
                charges ? checked_add(months[month], *charges) : std::nullopt;
            if (!sum)
                throw std::overflow_error("the penalties of a month do not fit in 64 bits");
            months[month] = *sum;
        });
}

Money charges_between(const Timeline& timeline, std::size_t issue, const IssueDates& dates,
                      const IssuePenalty& penalty, date::sys_days after, date::sys_days last) {
    const date::sys_days accrual_end = std::min({dates.end, timeline.deadline(), last});
    const long long late_days =
        timeline.counted(issue, std::max(after, dates.grace_end), accrual_end);
    std::optional<Money> charges = checked_multiply(penalty.per_day_rate, late_days);
    if (charges && penalty.missed_on && after < *penalty.missed_on && *penalty.missed_on <= last)
        charges = checked_add(*charges, penalty.per_miss);
    if (!charges)
        throw std::overflow_error("the penalties of an issue do not fit in 64 bits");
    return *charges;
}

std::vector<IssueMonthCharge> charges_by_issue_and_month(const Plan& plan, date::sys_days as_of) {
    const Timeline timeline(plan, as_of);
    std::vector<IssueMonthCharge> charges;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const IssueDates dates = dates_of(timeline, i);
        for_each_month_of_charges(
            timeline, i, dates, penalty_of(timeline, i, dates),
            [&](date::year_month month, long long late_days, Money per_day, Money per_miss) {
                if (per_day.minor != 0 || per_miss.minor != 0)
                    charges.push_back({i, month, late_days, per_day, per_miss});
            });
    }
    std::stable_sort(
        charges.begin(), charges.end(),
        [](const IssueMonthCharge& a, const IssueMonthCharge& b) { return a.month < b.month; });
    return charges;
}

} // namespace remedy
