#include "remedy/model/judgement.h"

#include "remedy/model/charges.h"
#include "remedy/model/dates.h"
#include "remedy/model/issue_order.h"
#include "remedy/model/lateness.h"
#include "remedy/model/owed_by_day.h"
#include "remedy/model/strikes.h"
#include "remedy/model/timebox.h"
#include "verdict_rules.h"

namespace remedy {

Judgement judge(const Plan& plan, date::sys_days as_of) {
    const Timeline timeline(plan, as_of);
    Judgement j;
    j.as_of = as_of;
    j.deadline = timeline.deadline();
    j.extension_days = extension_days_on(plan.timebox, as_of);
    j.days_left = days_between(as_of, j.deadline);

    j.issues.reserve(plan.issues.size());
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        IssueJudgement& judged = j.issues.emplace_back();
        judged.state = state_on(plan.issues[i], as_of, plan.timebox.start);
        judged.dates = dates_of(timeline, i);
        judged.overdue = is_overdue(timeline, i, judged.dates);
        judged.days_overdue = days_overdue(timeline, i, judged.dates);
        judged.counted_days_overdue =
            judged.days_overdue > 0
                ? timeline.counted(i, judged.dates.effective_due, judged.dates.end)
                : 0;
        judged.penalty = penalty_of(timeline, i, judged.dates);
    }
    // Summed by their days in one sweep, not issue by issue and month by month: judged in
    // 9999, an issue late since 2026 would cost a step for each of 96,000 months.
    std::vector<IssueDates> dates;
    dates.reserve(j.issues.size());
    for (const IssueJudgement& judged : j.issues)
        dates.push_back(judged.dates);
    const std::map<date::year_month, Money> accrued = accrued_by_month(timeline, dates);
    j.penalties = total_penalties(plan, accrued, as_of);
    j.strikes = strikes_on(plan, as_of, j.deadline);
    j.strike_limit = plan.ultimatum.strikes;
    j.warning = warning_on(plan, as_of);
    j.strike_window_end = strike_window_end(plan, j.deadline);
    j.incidents.reserve(plan.incidents.size());
    for (const Incident& incident : plan.incidents)
        j.incidents.push_back(
            {status_on(incident, as_of), strike_standing(plan, incident, as_of, j.deadline), 0});
    for (std::size_t n = 0; n < j.strikes.size(); ++n)
        j.incidents[j.strikes[n]].strike = static_cast<int>(n) + 1;
    j.exposure = exposure_on(timeline, j);
    j.by_urgency = issues_by_urgency(plan, j);
    decide_verdict(plan, j);
    add_warnings(plan, j);
    return j;
}

} // namespace remedy
