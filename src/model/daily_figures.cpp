#include "remedy/model/daily_figures.h"

#include "remedy/model/charges.h"
#include "remedy/model/lateness.h"
#include "remedy/model/penalty.h"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>

namespace remedy {

namespace {

// The first days of the runs in which the timeline stands still: the start, and each day from
// which an extension or a pause is in force (agreed on it), up to as_of.
std::vector<date::sys_days> run_starts(const Plan& plan, date::sys_days as_of) {
    std::vector<date::sys_days> starts{plan.timebox.start};
    const auto add = [&](date::sys_days agreed) {
        if (agreed > plan.timebox.start && agreed <= as_of)
            starts.push_back(agreed);
    };
    for (const Extension& extension : plan.timebox.extensions)
        add(extension.agreed);
    for (const Pause& pause : plan.pauses)
        add(pause.agreed);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    return starts;
}

// The day from which an issue is neither open nor accruing: its resolution or its waiver.
std::optional<date::sys_days> closed_on(const Plan& plan, const Issue& issue) {
    if (issue.status == IssueStatus::resolved)
        return issue.resolved;
    if (issue.status == IssueStatus::waived)
        return issue.waived.value_or(plan.timebox.start);
    return std::nullopt;
}

Money sum(Money a, Money b) {
    const std::optional<Money> total = checked_add(a, b);
    if (!total)
        throw std::overflow_error("the penalties of a day do not fit in 64 bits");
    return *total;
}

// A difference array over the days of a run: +1 on [first, last].
void add_span(std::vector<int>& changes, date::sys_days run_first, date::sys_days first,
              date::sys_days last) {
    if (last < first)
        return;
    ++changes[static_cast<std::size_t>((first - run_first).count())];
    --changes[static_cast<std::size_t>((last - run_first).count()) + 1];
}

} // namespace

std::vector<DayFigures> daily_figures(const Plan& plan, date::sys_days as_of) {
    std::vector<DayFigures> figures;
    if (as_of < plan.timebox.start)
        return figures;
    std::vector<std::optional<date::sys_days>> closed;
    closed.reserve(plan.issues.size());
    for (const Issue& issue : plan.issues)
        closed.push_back(closed_on(plan, issue));

    const std::vector<date::sys_days> starts = run_starts(plan, as_of);
    // Each issue's paused days and dates in the run before: E, G and the day of the first
    // charge change only with the issue's paused days, which most runs leave as they were. The
    // pauses of every issue are compared once a run, an issue's own pauses once an issue.
    std::vector<DayRange> shared_before;
    std::vector<std::vector<DayRange>> own_before(plan.issues.size());
    std::vector<std::optional<IssueDates>> dates_before(plan.issues.size());
    for (std::size_t run = 0; run < starts.size(); ++run) {
        const date::sys_days first = starts[run];
        const date::sys_days last =
            run + 1 < starts.size() ? starts[run + 1] - date::days{1} : as_of;
        const std::size_t length = static_cast<std::size_t>((last - first).count()) + 1;
        const Timeline timeline(plan, first);
        std::vector<int> open(length + 1), overdue(length + 1);
        std::vector<Money> charged(length); // the charges that fall on each day of the run
        // What fell before the run, as this run's timeline sees it (a pause agreed today
        // excuses earlier days too).
        std::map<date::year_month, Money> accrued;
        const bool shared_changed = timeline.pauses().shared().ranges() != shared_before;
        shared_before = timeline.pauses().shared().ranges();
        for (std::size_t i = 0; i < plan.issues.size(); ++i) {
            const std::vector<DayRange>& own = timeline.paused(i).own().ranges();
            if (!dates_before[i] || shared_changed || own != own_before[i]) {
                dates_before[i] = dates_of(timeline, i);
                own_before[i] = own;
            }
            const IssueDates& dates = *dates_before[i];
            const date::sys_days close = closed[i].value_or(date::sys_days::max());
            const date::sys_days open_until = std::min(last, close - date::days{1});
            add_span(open, first, first, open_until);
            add_span(overdue, first, std::max(first, dates.effective_due + date::days{1}),
                     open_until);
            if (first > plan.timebox.start) {
                IssueDates before = dates;
                before.end = std::min(first - date::days{1}, close);
                add_charges_by_month(timeline, i, before, penalty_of(timeline, i, before), accrued);
            }
            const Priority priority = plan.issues[i].priority;
            const Money per_day = rate_for(plan.penalties.per_day, priority);
            const Money per_miss = rate_for(plan.penalties.per_miss, priority);
            if (per_miss.minor != 0 && dates.money_starts >= first &&
                dates.money_starts <= std::min(last, close)) {
                Money& day =
                    charged[static_cast<std::size_t>((dates.money_starts - first).count())];
                day = sum(day, per_miss);
            }
            if (per_day.minor == 0)
                continue;
            const date::sys_days accrual_end = std::min({last, close, timeline.deadline()});
            for (date::sys_days day = std::max(first, dates.grace_end + date::days{1});
                 day <= accrual_end; day += date::days{1})
                if (timeline.counted(i, day - date::days{1}, day) == 1) {
                    Money& charge = charged[static_cast<std::size_t>((day - first).count())];
                    charge = sum(charge, per_day);
                }
        }
        int open_count = 0, overdue_count = 0;
        // What is owed depends on the charges alone (credits change the balance, not this), so
        // it is totalled again only on a day that charges something: a run of years after the
        // deadline costs a day each, not a walk over every month each day.
        std::optional<Money> owed;
        for (std::size_t k = 0; k < length; ++k) {
            const date::sys_days day = first + date::days{static_cast<long long>(k)};
            open_count += open[k];
            overdue_count += overdue[k];
            if (charged[k].minor != 0 || !owed) {
                Money& month = accrued[month_of(day)];
                month = sum(month, charged[k]);
                owed = total_penalties(plan, accrued, day).owed;
            }
            figures.push_back({day, open_count, overdue_count, *owed});
        }
    }
    return figures;
}

std::vector<std::vector<DayRange>> paused_ranges_on(const Plan& plan, date::sys_days as_of) {
    const Timeline timeline(plan, as_of);
    std::vector<std::vector<DayRange>> ranges;
    ranges.reserve(plan.issues.size());
    for (std::size_t i = 0; i < plan.issues.size(); ++i)
        ranges.push_back(timeline.paused(i).ranges());
    return ranges;
}

} // namespace remedy
