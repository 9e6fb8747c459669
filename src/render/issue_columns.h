#pragma once

#include "remedy/model/judgement.h"

namespace remedy {

// Which of an issue's day figures a table shows beside its due date: only those that say more
// than the columns it always has, so that a plain plan's table stays narrow and a plan with
// pauses, a calendar or grace days shows every figure behind its money.
struct IssueColumns {
    bool effective_due = false; // some issue's effective due date differs from its due date
    bool grace_end = false;     // some issue's grace ends after its effective due date
    bool paused = false;        // some issue has paused days
    bool late_days = false;     // some issue's late days differ from its days overdue
};

inline IssueColumns issue_columns(const Plan& plan, const Judgement& j) {
    IssueColumns shown;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const IssueJudgement& judged = j.issues[i];
        shown.effective_due |= judged.dates.effective_due != plan.issues[i].due;
        shown.grace_end |= judged.dates.grace_end != judged.dates.effective_due;
        shown.paused |= judged.dates.paused_days > 0;
        shown.late_days |= plan.penalties.present &&
                           judged.penalty.late_days != judged.days_overdue &&
                           judged.state != IssueStatus::waived;
    }
    return shown;
}

} // namespace remedy
