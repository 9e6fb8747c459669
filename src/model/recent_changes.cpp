#include "remedy/model/recent_changes.h"

#include "remedy/model/lateness.h"
#include "remedy/model/strikes.h"

namespace remedy {

RecentChanges changes_since(const Plan& plan, const Judgement& now, date::sys_days since) {
    const Judgement before = judge(plan, since);
    RecentChanges changes;
    changes.since = since;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const Issue& issue = plan.issues[i];
        if (is_resolved_on(issue, now.as_of) && !is_resolved_on(issue, since))
            changes.resolved.push_back(i);
        if (now.issues[i].overdue && !before.issues[i].overdue)
            changes.became_overdue.push_back(i);
    }
    changes.owed_before = before.penalties.owed;
    changes.owed_now = now.penalties.owed;
    for (std::size_t i = 0; i < plan.incidents.size(); ++i) {
        const Incident& incident = plan.incidents[i];
        if (incident.date <= since || incident.date > now.as_of)
            continue;
        changes.incidents.push_back(i);
        if (is_strike(plan, incident, now.as_of, now.deadline))
            changes.new_strikes.push_back(i);
    }
    changes.verdict_before = before.verdict;
    changes.verdict_changed = before.verdict != now.verdict;
    return changes;
}

} // namespace remedy
