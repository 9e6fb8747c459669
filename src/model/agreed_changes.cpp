#include "remedy/model/agreed_changes.h"

#include "remedy/model/judgement.h"
#include "remedy/model/working_days.h"

#include <algorithm>

namespace remedy {

namespace {

// The plan as it would be without the change: what the change is measured against.
Plan without(const Plan& plan, ChangeKind kind, std::size_t index) {
    Plan other = plan;
    switch (kind) {
    case ChangeKind::extension:
        other.timebox.extensions.erase(other.timebox.extensions.begin() + static_cast<long>(index));
        break;
    case ChangeKind::pause:
    case ChangeKind::reopening:
        other.pauses.erase(other.pauses.begin() + static_cast<long>(index));
        break;
    case ChangeKind::waiver:
        other.issues[index].status = IssueStatus::open;
        other.issues[index].waived.reset();
        break;
    }
    return other;
}

void measure(const Plan& plan, AgreedChange& change, date::sys_days day) {
    const Plan other = without(plan, change.kind, change.index);
    const Judgement with = judge(plan, day);
    const Judgement before = judge(other, day);
    change.deadline_after = with.deadline;
    if (before.deadline != with.deadline)
        change.deadline_before = before.deadline;
    for (std::size_t i = 0; i < plan.issues.size(); ++i)
        if (before.issues[i].dates.effective_due != with.issues[i].dates.effective_due)
            change.moved.push_back(
                {i, before.issues[i].dates.effective_due, with.issues[i].dates.effective_due});
    if (change.kind == ChangeKind::reopening)
        return;
    // The money is measured on the day the change took effect: what was owed then and is not
    // now, never the days that accrued after it only in a plan without it.
    const date::sys_days took_effect = std::min(change.in_force, day);
    const Money owed_without = judge(other, took_effect).penalties.owed;
    const Money owed_with = judge(plan, took_effect).penalties.owed;
    change.no_longer_owed = Money{std::max<std::int64_t>(0, owed_without.minor - owed_with.minor)};
}

} // namespace

std::vector<AgreedChange> changes_in_force_between(const Plan& plan, date::sys_days after,
                                                   date::sys_days last) {
    std::vector<AgreedChange> changes;
    const WorkingDays working(plan.calendar);
    const auto within = [&](date::sys_days day) {
        return after < day && day <= last;
    };
    for (std::size_t k = 0; k < plan.timebox.extensions.size(); ++k)
        if (const Extension& e = plan.timebox.extensions[k]; within(e.agreed))
            changes.push_back({ChangeKind::extension, k, e.agreed, e.reason, 0, {}, {}, {}, {}});
    // A reopening's pause counts from its first day, but the change is the reopening, on its
    // own day: that is when it happened and what a record of the week lists.
    for (std::size_t k = 0; k < plan.pauses.size(); ++k)
        if (const Pause& p = plan.pauses[k]; within(p.reopened.value_or(p.agreed)))
            changes.push_back({p.reopened ? ChangeKind::reopening : ChangeKind::pause,
                               k,
                               p.reopened.value_or(p.agreed),
                               p.reason,
                               plan.penalties.days == DayCount::working
                                   ? working.count(p.from - date::days{1}, p.to)
                                   : 0,
                               {},
                               {},
                               {},
                               {}});
    for (std::size_t k = 0; k < plan.issues.size(); ++k) {
        const Issue& issue = plan.issues[k];
        const date::sys_days waived = issue.waived.value_or(plan.timebox.start);
        if (issue.status == IssueStatus::waived && within(waived))
            changes.push_back({ChangeKind::waiver, k, waived, issue.waiver, 0, {}, {}, {}, {}});
    }
    std::stable_sort(
        changes.begin(), changes.end(),
        [](const AgreedChange& a, const AgreedChange& b) { return a.in_force < b.in_force; });
    for (AgreedChange& change : changes)
        measure(plan, change, last);
    return changes;
}

} // namespace remedy
