#include "remedy/model/lateness.h"

#include "remedy/model/dates.h"
#include "remedy/model/timebox.h"

#include <algorithm>

namespace remedy {

Timeline::Timeline(const Plan& plan, date::sys_days as_of, Excusals excusals)
    : plan_(plan), as_of_(as_of), excusals_(excusals), working_days_(plan.calendar),
      deadline_(deadline_on(plan, as_of)),
      pauses_(plan, excusals == Excusals::applied ? as_of : date::sys_days::min(), working_days_) {}

bool Timeline::counts_working_days() const {
    return plan_.penalties.days == DayCount::working && excusals_ == Excusals::applied;
}

long long Timeline::counted(std::size_t issue, date::sys_days after, date::sys_days last) const {
    return counted_in(pauses_.of(issue), after, last);
}

long long Timeline::counted_unnamed(date::sys_days after, date::sys_days last) const {
    return counted_in(pauses_.unnamed(), after, last);
}

long long Timeline::counted_in(const PausedDays& paused, date::sys_days after,
                               date::sys_days last) const {
    if (last <= after)
        return 0;
    if (counts_working_days())
        return working_days_.count(after, last) - paused.count_working(after, last);
    return (last - after).count() - paused.count(after, last);
}

date::sys_days Timeline::nth_counted_after(std::size_t issue, date::sys_days day,
                                           long long n) const {
    // A span that holds n counted days on every calendar, searched by halves. Each paused day
    // takes away at most one counted day. Counting working days, every 7 days hold at least one
    // working day (a weekend of all 7 is refused), and each day off takes away at most that
    // one: a single holiday can push the next working day a whole week on (Sunday the only
    // working day), so n + days off + paused days working days need 7 times as many days.
    const long long excused = pauses_.of(issue).total();
    long long span = n + excused;
    if (counts_working_days())
        span = 7 * (n + excused + static_cast<long long>(plan_.calendar.days_off.size())) + 7;
    date::sys_days low = day;
    date::sys_days high = day + date::days{span};
    // Most often no day off and no paused day lies just after `day`, while the bound above
    // counts every pause of the plan: try n days, then twice as many, before halving the rest.
    for (long long step = n; step < span; step *= 2) {
        const date::sys_days probe = day + date::days{step};
        if (counted(issue, day, probe) >= n) {
            high = probe;
            break;
        }
        low = probe;
    }
    while ((high - low).count() > 1) {
        const date::sys_days middle = low + date::days{(high - low).count() / 2};
        if (counted(issue, day, middle) >= n)
            high = middle;
        else
            low = middle;
    }
    return high;
}

bool is_resolved_on(const Issue& issue, date::sys_days day) {
    return issue.status == IssueStatus::resolved && issue.resolved && *issue.resolved <= day;
}

bool is_waived_on(const Issue& issue, date::sys_days day, date::sys_days timebox_start) {
    return issue.status == IssueStatus::waived && issue.waived.value_or(timebox_start) <= day;
}

IssueStatus state_on(const Issue& issue, date::sys_days as_of, date::sys_days timebox_start) {
    switch (issue.status) {
    case IssueStatus::resolved:
        return is_resolved_on(issue, as_of) ? IssueStatus::resolved : IssueStatus::open;
    case IssueStatus::waived:
        return is_waived_on(issue, as_of, timebox_start) ? IssueStatus::waived : IssueStatus::open;
    default:
        return issue.status;
    }
}

IssueDates dates_of(const Timeline& timeline, std::size_t i) {
    const Plan& plan = timeline.plan();
    const Issue& issue = plan.issues[i];
    const date::sys_days as_of = timeline.as_of();
    const PausedDays& paused = timeline.paused(i);
    IssueDates dates;
    // On a working-day contract a pause stops a clock that only runs on working days.
    dates.effective_due = timeline.working_days().roll(
        plan.penalties.days == DayCount::working ? paused.shifted_by_working_days(issue.due)
                                                 : paused.shifted(issue.due));
    dates.grace_end =
        plan.penalties.grace_days == 0
            ? dates.effective_due
            : timeline.nth_counted_after(i, dates.effective_due, plan.penalties.grace_days);
    dates.money_starts = timeline.nth_counted_after(i, dates.grace_end, 1);
    dates.end = as_of;
    if (is_resolved_on(issue, as_of))
        dates.end = *issue.resolved;
    else if (is_waived_on(issue, as_of, plan.timebox.start))
        dates.end = std::min(as_of, issue.waived.value_or(plan.timebox.start));
    dates.cut_off = std::max(timeline.deadline(), dates.effective_due);
    dates.paused_days = paused.total();
    return dates;
}

bool is_overdue(const Timeline& timeline, std::size_t i, const IssueDates& dates) {
    const Issue& issue = timeline.plan().issues[i];
    const date::sys_days as_of = timeline.as_of();
    return !is_waived_on(issue, as_of, timeline.plan().timebox.start) &&
           !is_resolved_on(issue, as_of) && dates.effective_due < as_of;
}

int days_overdue(const Timeline& timeline, std::size_t i, const IssueDates& dates) {
    if (is_waived_on(timeline.plan().issues[i], timeline.as_of(), timeline.plan().timebox.start))
        return 0;
    return std::max(0, days_between(dates.effective_due, dates.end));
}

int late_days(const Timeline& timeline, std::size_t i, const IssueDates& dates) {
    const date::sys_days accrual_end = std::min(dates.end, timeline.deadline());
    return static_cast<int>(timeline.counted(i, dates.grace_end, accrual_end));
}

std::optional<date::sys_days> missed_on(const IssueDates& dates) {
    if (dates.money_starts > dates.end)
        return std::nullopt;
    return dates.money_starts;
}

} // namespace remedy
