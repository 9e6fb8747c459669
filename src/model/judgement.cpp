#include "remedy/model/judgement.h"

#include "remedy/model/dates.h"
#include "remedy/model/issue_order.h"
#include "remedy/model/lateness.h"
#include "remedy/model/strikes.h"
#include "remedy/model/timebox.h"
#include "verdict_rules.h"

namespace remedy {

Judgement judge(const Plan& plan, date::sys_days as_of) {
    Judgement j;
    j.as_of = as_of;
    j.deadline = deadline(plan.timebox);
    j.extension_days = extension_days(plan.timebox);
    j.days_left = days_between(as_of, j.deadline);

    std::vector<IssuePenalty> lines;
    lines.reserve(plan.issues.size());
    j.issues.reserve(plan.issues.size());
    for (const Issue& issue : plan.issues) {
        IssueJudgement& judged = j.issues.emplace_back();
        judged.state = state_on(issue, as_of);
        judged.overdue = is_overdue(issue, as_of);
        judged.days_overdue = days_overdue(issue, as_of);
        judged.penalty = penalty_of(issue, plan.penalties, j.deadline, as_of);
        lines.push_back(judged.penalty);
    }
    j.penalties = total_penalties(lines, plan.penalties);
    j.strikes = strikes_on(plan, as_of);
    j.strike_limit = plan.ultimatum.strikes;
    j.by_urgency = issues_by_urgency(plan, j);
    decide_verdict(plan, j);
    return j;
}

} // namespace remedy
