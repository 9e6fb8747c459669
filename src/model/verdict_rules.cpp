#include "verdict_rules.h"

#include "remedy/model/dates.h"
#include "remedy/model/issue_order.h"
#include "remedy/model/lateness.h"
#include "remedy/model/strikes.h"
#include "remedy/model/wording.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

// Why an issue's cut-off has passed: unresolved on it, or resolved only after it.
std::string missed_cut_off(const Plan& plan, const Judgement& j, std::size_t i) {
    const Issue& issue = plan.issues[i];
    const IssueDates& dates = j.issues[i].dates;
    const bool resolved_late = is_resolved_on(issue, j.as_of);
    if (dates.cut_off == j.deadline)
        return resolved_late
                   ? fmt::format("{} was resolved on {}, after the deadline {}", issue_label(issue),
                                 format_iso_date(*issue.resolved), format_iso_date(j.deadline))
                   : fmt::format("{} was not resolved by the deadline {}", issue_label(issue),
                                 format_iso_date(j.deadline));
    // A pause carried the issue's own due date past the deadline: that date is its last.
    return resolved_late
               ? fmt::format("{} was resolved on {}, after its due date {} (a pause carried it "
                             "past the deadline {})",
                             issue_label(issue), format_iso_date(*issue.resolved),
                             format_iso_date(dates.cut_off), format_iso_date(j.deadline))
               : fmt::format("{} was not resolved by its due date {} (a pause carried it past "
                             "the deadline {})",
                             issue_label(issue), format_iso_date(dates.cut_off),
                             format_iso_date(j.deadline));
}

// Rule 1: an issue not waived is unresolved on its cut-off max(D, E), which has passed; or the
// strikes reached the ultimatum's limit; or the cap is reached and reaching it entitles the
// client to terminate.
std::vector<Reason> terminate_reasons(const Plan& plan, const Judgement& j) {
    std::vector<Reason> reasons;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const Issue& issue = plan.issues[i];
        const date::sys_days cut_off = j.issues[i].dates.cut_off;
        if (j.issues[i].state == IssueStatus::waived || cut_off >= j.as_of ||
            is_resolved_on(issue, cut_off))
            continue;
        reasons.push_back(
            {ReasonKind::unresolved_at_deadline, missed_cut_off(plan, j, i), i, std::nullopt});
    }
    if (static_cast<int>(j.strikes.size()) >= j.strike_limit) {
        int number = 0;
        for (std::size_t index : j.strikes) {
            const Incident& incident = plan.incidents[index];
            std::string text = fmt::format(
                "strike {} of {}: {} incident on {}, after the warning of {}: {}", ++number,
                j.strike_limit, name(incident.priority), format_iso_date(incident.date),
                format_iso_date(warning_date(plan)), incident.summary);
            if (incident.status == IncidentStatus::disputed)
                text += fmt::format(" (disputed by {}: {})", plan.provider.name, incident.dispute);
            reasons.push_back({ReasonKind::strike, std::move(text), std::nullopt, index});
        }
    }
    if (plan.penalties.terminate_at_cap && j.penalties.cap_reached) {
        reasons.push_back({ReasonKind::cap_reached,
                           fmt::format("penalties of {} reached the cap of {}, and reaching the "
                                       "cap entitles {} to terminate",
                                       money_text(plan, j.penalties.total),
                                       money_text(plan, *j.penalties.cap), plan.client.name),
                           std::nullopt, std::nullopt});
    }
    return reasons;
}

bool every_issue_resolved(const Judgement& j) {
    return std::all_of(j.issues.begin(), j.issues.end(), [](const IssueJudgement& judged) {
        return judged.state == IssueStatus::waived || judged.state == IssueStatus::resolved;
    });
}

Reason remediated_reason(const Plan& plan, const Judgement& j) {
    const auto waived =
        std::count_if(j.issues.begin(), j.issues.end(),
                      [](const IssueJudgement& i) { return i.state == IssueStatus::waived; });
    const int total = static_cast<int>(plan.issues.size());
    std::string text;
    if (total == 0)
        text = "the plan lists no issue";
    else if (waived == 0)
        text = total == 1 ? "the only issue is resolved"
                          : fmt::format("all {} issues are resolved", total);
    else
        text = fmt::format("every issue is resolved or waived ({} resolved, {} waived)",
                           total - waived, waived);
    return {ReasonKind::all_resolved, text, std::nullopt, std::nullopt};
}

// In the order of the status table: most overdue first, what a person has to chase first.
std::vector<Reason> overdue_reasons(const Plan& plan, const Judgement& j) {
    std::vector<Reason> reasons;
    for (std::size_t i : j.by_urgency)
        if (j.issues[i].overdue)
            reasons.push_back({ReasonKind::overdue,
                               fmt::format("{} is {} overdue", issue_label(plan.issues[i]),
                                           plural(j.issues[i].days_overdue, "day")),
                               i, std::nullopt});
    return reasons;
}

// The next issue is the first still to resolve in the status table's order: of those due
// first, the highest priority (then the id), wherever it is written in the plan.
Reason on_schedule_reason(const Plan& plan, const Judgement& j) {
    const std::vector<std::size_t> unresolved = unresolved_by_urgency(plan, j);
    const int open = static_cast<int>(unresolved.size());
    const std::optional<std::size_t> next =
        unresolved.empty() ? std::nullopt : std::optional(unresolved.front());
    std::string text =
        fmt::format("no issue is overdue; {} still to resolve", plural(open, "issue"));
    if (next)
        text += fmt::format(", the next one {} due on {}", issue_label(plan.issues[*next]),
                            format_iso_date(j.issues[*next].dates.effective_due));
    return {ReasonKind::on_schedule, text, next, std::nullopt};
}

} // namespace

void decide_verdict(const Plan& plan, Judgement& j) {
    if (std::vector<Reason> reasons = terminate_reasons(plan, j); !reasons.empty()) {
        j.verdict = Verdict::terminate;
        j.reasons = std::move(reasons);
    } else if (every_issue_resolved(j)) {
        j.verdict = Verdict::remediated;
        j.reasons = {remediated_reason(plan, j)};
    } else if (std::vector<Reason> overdue = overdue_reasons(plan, j); !overdue.empty()) {
        j.verdict = Verdict::at_risk;
        j.reasons = std::move(overdue);
    } else {
        j.verdict = Verdict::on_track;
        j.reasons = {on_schedule_reason(plan, j)};
    }
}

} // namespace remedy
