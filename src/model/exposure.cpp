#include "remedy/model/exposure.h"

#include "day_search.h"
#include "remedy/model/charges.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"

#include <algorithm>
#include <limits>

namespace remedy {

namespace {

// Projects the money of the issues still to resolve on as_of, were nothing to change.
class Projection {
public:
    Projection(const Timeline& timeline, const Judgement& j) : timeline_(timeline), j_(j) {
        const Plan& plan = timeline.plan();
        for (std::size_t i = 0; i < plan.issues.size(); ++i) {
            const IssueJudgement& judged = j.issues[i];
            if (judged.state != IssueStatus::open && judged.state != IssueStatus::in_progress)
                continue;
            Open open{i, judged.penalty.per_day_rate,
                      rate_for(plan.penalties.per_miss, plan.issues[i].priority), std::nullopt};
            if (!judged.penalty.missed && open.per_miss.minor > 0)
                open.miss_day = timeline.nth_counted_after(i, judged.dates.grace_end, 1);
            if (open.per_day.minor > 0 || open.miss_day)
                open_.push_back(open);
        }
    }

    // The charges of the days in (after, last], after >= as_of. Saturates instead of
    // overflowing: it is compared with a cap, which fits.
    Money charges(date::sys_days after, date::sys_days last) const {
        Money sum;
        for (const Open& open : open_) {
            const IssueDates& dates = j_.issues[open.issue].dates;
            const long long days = timeline_.counted(open.issue, std::max(after, dates.grace_end),
                                                     std::min(last, timeline_.deadline()));
            std::optional<Money> more = checked_multiply(open.per_day, days);
            if (more && open.miss_day && after < *open.miss_day && *open.miss_day <= last)
                more = checked_add(*more, open.per_miss);
            const std::optional<Money> total = more ? checked_add(sum, *more) : std::nullopt;
            if (!total)
                return Money{std::numeric_limits<std::int64_t>::max()};
            sum = *total;
        }
        return sum;
    }

private:
    struct Open {
        std::size_t issue;
        Money per_day;
        Money per_miss;
        std::optional<date::sys_days> miss_day; // a per-miss charge still to come
    };
    const Timeline& timeline_;
    const Judgement& j_;
    std::vector<Open> open_;
};

Money saturating_add(Money a, Money b) {
    return checked_add(a, b).value_or(Money{std::numeric_limits<std::int64_t>::max()});
}

} // namespace

Exposure exposure_on(const Timeline& timeline, Judgement& j) {
    const Plan& plan = timeline.plan();
    const date::sys_days as_of = timeline.as_of();
    Exposure exposure;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        IssueJudgement& judged = j.issues[i];
        judged.accruing =
            (judged.state == IssueStatus::open || judged.state == IssueStatus::in_progress) &&
            judged.dates.grace_end < as_of && as_of <= timeline.deadline() &&
            timeline.counted(i, as_of - date::days{1}, as_of) == 1;
        if (judged.accruing) {
            ++exposure.accruing;
            exposure.per_day = saturating_add(exposure.per_day, judged.penalty.per_day_rate);
        }
    }
    const PenaltyTotals& p = j.penalties;
    if (!p.cap)
        return exposure;
    const Money cap = *p.cap;
    const Projection projection(timeline, j);
    if (p.cap_per == CapPer::plan) {
        exposure.cap_headroom = Money{std::max<std::int64_t>(0, cap.minor - p.total.minor)};
        exposure.grows_no_more = p.cap_reached;
        if (!p.cap_reached)
            exposure.cap_date =
                first_day_reaching(as_of, timeline.deadline(), [&](date::sys_days day) {
                    return saturating_add(p.total, projection.charges(as_of, day)) >= cap;
                });
        return exposure;
    }
    // A month cap: what as_of's month has accrued, then each month on its own. A month at its
    // cap owes no more, but the months after it each have a cap of their own.
    const date::year_month this_month = month_of(as_of);
    Money this_month_accrued;
    for (const MonthMoney& month : p.months)
        if (month.month == this_month)
            this_month_accrued = month.accrued;
    exposure.cap_headroom = Money{std::max<std::int64_t>(0, cap.minor - this_month_accrued.minor)};
    const bool this_month_capped = this_month_accrued >= cap;
    exposure.grows_no_more =
        this_month_capped &&
        projection
                .charges(std::max(as_of, last_day(this_month)), date::sys_days{last_supported_day})
                .minor == 0;
    for (date::year_month month = this_month; first_day(month) <= timeline.deadline();
         month += date::months{1}) {
        if (month == this_month && this_month_capped)
            continue;
        const date::sys_days after = std::max(as_of, first_day(month) - date::days{1});
        const Money before = month == this_month ? this_month_accrued : Money{};
        exposure.cap_date = first_day_reaching(
            after, std::min(last_day(month), timeline.deadline()), [&](date::sys_days day) {
                return saturating_add(before, projection.charges(after, day)) >= cap;
            });
        if (exposure.cap_date)
            break;
    }
    return exposure;
}

} // namespace remedy
