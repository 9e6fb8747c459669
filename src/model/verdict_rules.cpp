#include "verdict_rules.h"

#include "remedy/model/issue_order.h"
#include "remedy/model/lateness.h"

#include <algorithm>

namespace remedy {

namespace {

Reason about_issue(ReasonKind kind, std::size_t issue) {
    Reason reason{kind, issue, std::nullopt};
    return reason;
}

// Rule 1: an issue not waived is unresolved on its cut-off max(D, E), which has passed; or the
// strikes reached the ultimatum's limit; or the cap is reached and reaching it entitles the
// client to terminate.
std::vector<Reason> terminate_reasons(const Plan& plan, const Judgement& j) {
    std::vector<Reason> reasons;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const date::sys_days cut_off = j.issues[i].dates.cut_off;
        if (j.issues[i].state == IssueStatus::waived || cut_off >= j.as_of ||
            is_resolved_on(plan.issues[i], cut_off))
            continue;
        reasons.push_back(about_issue(ReasonKind::unresolved_at_deadline, i));
    }
    if (static_cast<int>(j.strikes.size()) >= j.strike_limit) {
        int number = 0;
        for (std::size_t index : j.strikes) {
            Reason strike{ReasonKind::strike, std::nullopt, index};
            strike.strike = ++number;
            reasons.push_back(strike);
        }
    }
    if (plan.penalties.terminate_at_cap && j.penalties.cap_reached)
        reasons.push_back({ReasonKind::cap_reached, std::nullopt, std::nullopt});
    return reasons;
}

bool every_issue_resolved(const Judgement& j) {
    return std::all_of(j.issues.begin(), j.issues.end(), [](const IssueJudgement& judged) {
        return judged.state == IssueStatus::waived || judged.state == IssueStatus::resolved;
    });
}

Reason remediated_reason(const Judgement& j) {
    Reason reason{ReasonKind::all_resolved, std::nullopt, std::nullopt};
    reason.issues_waived = static_cast<int>(
        std::count_if(j.issues.begin(), j.issues.end(),
                      [](const IssueJudgement& i) { return i.state == IssueStatus::waived; }));
    reason.issues_resolved = static_cast<int>(j.issues.size()) - reason.issues_waived;
    return reason;
}

// In the order of the status table: most overdue first, what a person has to chase first.
std::vector<Reason> overdue_reasons(const Judgement& j) {
    std::vector<Reason> reasons;
    for (std::size_t i : j.by_urgency)
        if (j.issues[i].overdue)
            reasons.push_back(about_issue(ReasonKind::overdue, i));
    return reasons;
}

// The next issue is the first still to resolve in the status table's order: of those due
// first, the highest priority (then the id), wherever it is written in the plan.
Reason on_schedule_reason(const Plan& plan, const Judgement& j) {
    const std::vector<std::size_t> unresolved = unresolved_by_urgency(plan, j);
    Reason reason{ReasonKind::on_schedule,
                  unresolved.empty() ? std::nullopt : std::optional(unresolved.front()),
                  std::nullopt};
    reason.issues_open = static_cast<int>(unresolved.size());
    return reason;
}

} // namespace

void decide_verdict(const Plan& plan, Judgement& j) {
    if (std::vector<Reason> reasons = terminate_reasons(plan, j); !reasons.empty()) {
        j.verdict = Verdict::terminate;
        j.reasons = std::move(reasons);
    } else if (every_issue_resolved(j)) {
        j.verdict = Verdict::remediated;
        j.reasons = {remediated_reason(j)};
    } else if (std::vector<Reason> overdue = overdue_reasons(j); !overdue.empty()) {
        j.verdict = Verdict::at_risk;
        j.reasons = std::move(overdue);
    } else {
        j.verdict = Verdict::on_track;
        j.reasons = {on_schedule_reason(plan, j)};
    }
}

} // namespace remedy
