#include "remedy/model/lateness.h"

#include "remedy/model/dates.h"

#include <algorithm>

namespace remedy {

bool is_resolved_on(const Issue& issue, date::sys_days day) {
    return issue.status == IssueStatus::resolved && issue.resolved && *issue.resolved <= day;
}

IssueStatus state_on(const Issue& issue, date::sys_days as_of) {
    if (issue.status == IssueStatus::resolved)
        return is_resolved_on(issue, as_of) ? IssueStatus::resolved : IssueStatus::open;
    return issue.status;
}

date::sys_days end_on(const Issue& issue, date::sys_days as_of) {
    return is_resolved_on(issue, as_of) ? *issue.resolved : as_of;
}

bool is_overdue(const Issue& issue, date::sys_days as_of) {
    return issue.status != IssueStatus::waived && !is_resolved_on(issue, as_of) &&
           issue.due < as_of;
}

int days_overdue(const Issue& issue, date::sys_days as_of) {
    if (issue.status == IssueStatus::waived)
        return 0;
    return std::max(0, days_between(issue.due, end_on(issue, as_of)));
}

date::sys_days grace_until(const Issue& issue, int grace_days) {
    return issue.due + date::days{grace_days};
}

bool is_missed(const Issue& issue, int grace_days, date::sys_days as_of) {
    return end_on(issue, as_of) > grace_until(issue, grace_days);
}

int late_days(const Issue& issue, int grace_days, date::sys_days deadline, date::sys_days as_of) {
    // Accrual stops at the deadline: after it, the remedy is termination, not more money.
    const date::sys_days accrual_end = std::min(end_on(issue, as_of), deadline);
    return std::max(0, days_between(grace_until(issue, grace_days), accrual_end));
}

} // namespace remedy
