#include "remedy/model/owed_by_day.h"

#include "remedy/model/charges.h"
#include "remedy/model/lateness.h"
#include "remedy/model/penalty.h"
#include "remedy/model/timebox.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>

namespace remedy {

namespace {

Money must_fit(std::optional<Money> value) {
    if (!value)
        throw std::overflow_error("the penalties of a day do not fit in 64 bits");
    return *value;
}

Money plus(Money a, Money b) {
    return must_fit(checked_add(a, b));
}

Money minus(Money a, Money b) {
    return Money{a.minor - b.minor}; // b is a part of a: never overflows
}

// From `day` on, the late issues together accrue `delta` more (or less) a counted day.
struct RateChange {
    date::sys_days day;
    Money delta;
};

// A per-miss charge and the day it falls on.
struct MissCharge {
    date::sys_days day;
    Money amount;
};

// The charges of every issue on one timeline, as the days they fall on: the per-day rates of
// the late issues, which change only where an issue's grace ends, its accrual ends, or a pause
// of its own begins or ends; and the per-miss charges.
struct Charges {
    std::vector<RateChange> rates;  // sorted by day
    std::vector<MissCharge> misses; // sorted by day
};

// The last day of an issue's accrual on any day it is judged on: its resolution or waiver, none
// while it is open (then only as_of and the deadline end it).
std::optional<date::sys_days> closed_on(const Plan& plan, const Issue& issue) {
    if (issue.status == IssueStatus::resolved && issue.resolved)
        return *issue.resolved;
    if (issue.status == IssueStatus::waived)
        return issue.waived.value_or(plan.timebox.start);
    return std::nullopt;
}

// The days G < d <= closed that accrue, less the issue's own paused days, as rate changes.
void add_rate_changes(const Timeline& timeline, std::size_t i, Money rate, date::sys_days grace_end,
                      std::optional<date::sys_days> closed, std::vector<RateChange>& out) {
    const date::sys_days first = grace_end + date::days{1};
    if (closed && *closed < first)
        return;
    const auto accrue = [&](date::sys_days from, std::optional<date::sys_days> through) {
        out.push_back({from, rate});
        if (through)
            out.push_back({*through + date::days{1}, Money{-rate.minor}});
    };
    const std::vector<DayRange>& own = timeline.paused(i).own().ranges();
    auto range =
        std::lower_bound(own.begin(), own.end(), first,
                         [](const DayRange& r, date::sys_days day) { return r.last < day; });
    date::sys_days from = first;
    for (; range != own.end() && (!closed || range->first <= *closed); ++range) {
        if (range->first > from)
            accrue(from, range->first - date::days{1});
        from = range->last + date::days{1};
        if (closed && from > *closed)
            return;
    }
    accrue(from, closed);
}

// The charges of every issue on the timeline; `known` holds each issue's dates when the caller
// has them already (a judgement has), else they are worked out here.
Charges charges_on(const Timeline& timeline, const std::vector<IssueDates>* known = nullptr) {
    const Plan& plan = timeline.plan();
    Charges charges;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const Issue& issue = plan.issues[i];
        const Money per_day = rate_for(plan.penalties.per_day, issue.priority);
        const Money per_miss = rate_for(plan.penalties.per_miss, issue.priority);
        if (per_day.minor == 0 && per_miss.minor == 0)
            continue;
        const IssueDates dates = known ? (*known)[i] : dates_of(timeline, i);
        const std::optional<date::sys_days> closed = closed_on(plan, issue);
        if (per_day.minor != 0)
            add_rate_changes(timeline, i, per_day, dates.grace_end, closed, charges.rates);
        if (per_miss.minor != 0 && (!closed || dates.money_starts <= *closed))
            charges.misses.push_back({dates.money_starts, per_miss});
    }
    std::sort(charges.rates.begin(), charges.rates.end(),
              [](const RateChange& a, const RateChange& b) { return a.day < b.day; });
    std::sort(charges.misses.begin(), charges.misses.end(),
              [](const MissCharge& a, const MissCharge& b) { return a.day < b.day; });
    return charges;
}

// The per-day charges on days up to each of `days` (sorted): the rates swept in date order,
// each run of days between two changes counted at once.
std::vector<Money> per_day_totals(const Timeline& timeline, const std::vector<RateChange>& rates,
                                  const std::vector<date::sys_days>& days) {
    std::vector<Money> totals;
    totals.reserve(days.size());
    Money total;
    Money rate;
    std::optional<date::sys_days> reached; // the charges on days up to it are in `total`
    const auto advance = [&](date::sys_days to) {
        if (reached && to > *reached && rate.minor != 0)
            total = plus(total,
                         must_fit(checked_multiply(rate, timeline.counted_unnamed(*reached, to))));
        if (!reached || to > *reached)
            reached = to;
    };
    std::size_t k = 0;
    for (date::sys_days day : days) {
        for (; k < rates.size() && rates[k].day <= day; ++k) {
            advance(rates[k].day - date::days{1});
            rate = Money{rate.minor + rates[k].delta.minor};
        }
        advance(day);
        totals.push_back(total);
    }
    return totals;
}

// The per-miss charges on days up to each of `days` (sorted).
std::vector<Money> per_miss_totals(const std::vector<MissCharge>& misses,
                                   const std::vector<date::sys_days>& days) {
    std::vector<Money> totals;
    totals.reserve(days.size());
    Money total;
    std::size_t k = 0;
    for (date::sys_days day : days) {
        for (; k < misses.size() && misses[k].day <= day; ++k)
            total = plus(total, misses[k].amount);
        totals.push_back(total);
    }
    return totals;
}

// A function of the day known on a sorted set of days, read back by day.
struct Sampled {
    std::vector<date::sys_days> days;
    std::vector<Money> values;

    Money at(date::sys_days day) const {
        const auto found = std::lower_bound(days.begin(), days.end(), day);
        return values[static_cast<std::size_t>(found - days.begin())];
    }
};

std::vector<date::sys_days> sorted_unique(std::vector<date::sys_days> days) {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

// What is owed on each of `days` (sorted), all judged with the pauses of `timeline`.
void owed_in_run(const Timeline& timeline, const std::vector<date::sys_days>& days,
                 std::vector<Money>& out) {
    const Plan& plan = timeline.plan();
    const Charges charges = charges_on(timeline);
    // Per-day charges stop at the deadline in force on the day judged; per-miss ones do not.
    std::vector<date::sys_days> accrual_ends;
    accrual_ends.reserve(days.size());
    for (date::sys_days day : days)
        accrual_ends.push_back(std::min(day, deadline_on(plan, day)));

    const std::optional<Money> cap =
        plan.penalties.cap ? std::optional(plan.penalties.cap->money) : std::nullopt;
    const bool month_cap = cap && plan.penalties.cap_per == CapPer::month;
    // The months from the start's to the last day's, and the last day of each: a month cap
    // needs each month's charges.
    const date::year_month first_month = month_of(plan.timebox.start);
    std::vector<date::sys_days> month_ends;
    if (month_cap)
        for (date::year_month m = first_month; m <= month_of(days.back()); m += date::months{1})
            month_ends.push_back(last_day(m));

    std::vector<date::sys_days> day_points = accrual_ends;
    std::vector<date::sys_days> miss_points = days;
    day_points.insert(day_points.end(), month_ends.begin(), month_ends.end());
    miss_points.insert(miss_points.end(), month_ends.begin(), month_ends.end());
    Sampled per_day{sorted_unique(std::move(day_points)), {}};
    per_day.values = per_day_totals(timeline, charges.rates, per_day.days);
    Sampled per_miss{sorted_unique(std::move(miss_points)), {}};
    per_miss.values = per_miss_totals(charges.misses, per_miss.days);

    if (!month_cap) {
        for (std::size_t k = 0; k < days.size(); ++k) {
            const Money total = plus(per_day.at(accrual_ends[k]), per_miss.at(days[k]));
            out.push_back(cap ? std::min(total, *cap) : total);
        }
        return;
    }
    // Each month's charges whole, and the sums over the months before month k of
    // min(month, cap) and of min(its per-miss charges, cap): what a day judged after those
    // months owes for them (per-day charges stop in the month of the accrual's end).
    const std::size_t months = month_ends.size();
    std::vector<Money> day_in(months), miss_in(months), both_before(months + 1),
        miss_before(months + 1);
    for (std::size_t m = 0; m < months; ++m) {
        day_in[m] = minus(per_day.at(month_ends[m]), m ? per_day.at(month_ends[m - 1]) : Money{});
        miss_in[m] =
            minus(per_miss.at(month_ends[m]), m ? per_miss.at(month_ends[m - 1]) : Money{});
        both_before[m + 1] = plus(both_before[m], std::min(plus(day_in[m], miss_in[m]), *cap));
        miss_before[m + 1] = plus(miss_before[m], std::min(miss_in[m], *cap));
    }
    const auto index = [&](date::sys_days day) {
        return static_cast<std::size_t>((month_of(day) - first_month).count());
    };
    for (std::size_t k = 0; k < days.size(); ++k) {
        const std::size_t last = index(accrual_ends[k]); // the per-day charges' last month
        const std::size_t now = index(days[k]);
        const Money day_part =
            minus(per_day.at(accrual_ends[k]), last ? per_day.at(month_ends[last - 1]) : Money{});
        const Money miss_part =
            minus(per_miss.at(days[k]), now ? per_miss.at(month_ends[now - 1]) : Money{});
        Money owed = both_before[last];
        if (last == now) {
            owed = plus(owed, std::min(plus(day_part, miss_part), *cap));
        } else {
            owed = plus(owed, std::min(plus(day_part, miss_in[last]), *cap));
            owed = plus(owed, minus(miss_before[now], miss_before[last + 1]));
            owed = plus(owed, std::min(miss_part, *cap));
        }
        out.push_back(owed);
    }
}

// The charges that fall in each month from `first` to `last` (their sums up to each month's
// end, or to `last`, taken apart), those with none left out.
void add_by_month(date::sys_days first, date::sys_days last,
                  const std::function<std::vector<Money>(const std::vector<date::sys_days>&)>& sums,
                  std::map<date::year_month, Money>& months) {
    if (last < first)
        return;
    std::vector<date::sys_days> ends;
    for (date::year_month m = month_of(first); m <= month_of(last); m += date::months{1})
        ends.push_back(std::min(last_day(m), last));
    const std::vector<Money> totals = sums(ends);
    for (std::size_t k = 0; k < ends.size(); ++k) {
        const Money in_month = minus(totals[k], k ? totals[k - 1] : Money{});
        if (in_month.minor != 0) {
            Money& month = months[month_of(ends[k])];
            month = plus(month, in_month);
        }
    }
}

} // namespace

std::map<date::year_month, Money> accrued_by_month(const Timeline& timeline,
                                                   const std::vector<IssueDates>& dates) {
    const Plan& plan = timeline.plan();
    std::map<date::year_month, Money> months;
    if (!plan.penalties.present)
        return months;
    const Charges charges = charges_on(timeline, &dates);
    const date::sys_days as_of = timeline.as_of();
    // Per-day charges up to the deadline, per-miss ones up to as_of.
    add_by_month(
        plan.timebox.start, std::min(as_of, timeline.deadline()),
        [&](const std::vector<date::sys_days>& days) {
            return per_day_totals(timeline, charges.rates, days);
        },
        months);
    add_by_month(
        plan.timebox.start, as_of,
        [&](const std::vector<date::sys_days>& days) {
            return per_miss_totals(charges.misses, days);
        },
        months);
    return months;
}

std::vector<Money> owed_on_days(const Plan& plan, const std::vector<date::sys_days>& days) {
    std::vector<Money> owed;
    owed.reserve(days.size());
    if (!plan.penalties.present) {
        owed.resize(days.size());
        return owed;
    }
    // The days a pause is agreed on: between two of them the pauses in force stay the same.
    std::vector<date::sys_days> agreed;
    for (const Pause& pause : plan.pauses)
        agreed.push_back(pause.agreed);
    agreed = sorted_unique(std::move(agreed));
    const auto run_of = [&](date::sys_days day) {
        return std::upper_bound(agreed.begin(), agreed.end(), day) - agreed.begin();
    };
    for (std::size_t first = 0; first < days.size();) {
        std::size_t end = first;
        std::vector<date::sys_days> run;
        // Before the time box nothing is owed; the months start with timebox.start's.
        for (; end < days.size() && run_of(days[end]) == run_of(days[first]); ++end)
            run.push_back(std::max(days[end], plan.timebox.start));
        const Timeline timeline(plan, run.front());
        owed_in_run(timeline, run, owed);
        for (std::size_t k = first; k < end; ++k)
            if (days[k] < plan.timebox.start)
                owed[k] = Money{};
        first = end;
    }
    return owed;
}

} // namespace remedy
