// The issues, the time box, the verdict's reasons and the warnings in words.

#include "remedy/render/judgement_words.h"

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"

#include <fmt/format.h>

namespace remedy {

std::string due_date_text(const Issue& issue, const IssueDates& dates) {
    if (dates.effective_due == issue.due)
        return format_iso_date(issue.due);
    return fmt::format("{} (moved from {})", format_iso_date(dates.effective_due),
                       format_iso_date(issue.due));
}

std::string days_left_text(int days_left) {
    if (days_left > 0)
        return plural(days_left, "day") + " left";
    if (days_left == 0)
        return "the deadline is today";
    return "passed " + plural(-days_left, "day") + " ago";
}

std::string agreement_text(const Plan& plan) {
    return plan.contract.reference.empty() ? std::string("our contract")
                                           : "the contract " + plan.contract.reference;
}

std::string list_text(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t k = 0; k < items.size(); ++k)
        out += (k == 0 ? "" : k + 1 == items.size() ? " and " : ", ") + items[k];
    return out;
}

std::string month_text(date::year_month month) {
    return fmt::format("{:04}-{:02}", static_cast<int>(month.year()),
                       static_cast<unsigned>(month.month()));
}

std::string late_by_text(const Plan& plan, const IssueJudgement& judged) {
    if (plan.penalties.days == DayCount::working)
        return plural(judged.counted_days_overdue, "working day");
    return plural(judged.days_overdue, "day");
}

std::string overdue_text(const Plan& plan, const IssueJudgement& judged) {
    std::string text = plural(judged.days_overdue, "day");
    if (plan.penalties.days == DayCount::working)
        text += fmt::format(" ({})", plural(judged.counted_days_overdue, "working day"));
    return text;
}

namespace {

// Why an issue's cut-off has passed: unresolved on it, or resolved only after it.
std::string missed_cut_off(const Plan& plan, const Judgement& j, std::size_t i) {
    const Issue& issue = plan.issues[i];
    const IssueDates& dates = j.issues[i].dates;
    const bool resolved_late = j.issues[i].state == IssueStatus::resolved;
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

std::string strike_reason(const Plan& plan, const Judgement& j, const Reason& reason) {
    const Incident& incident = plan.incidents[*reason.incident];
    // Strikes past the limit are listed too, without a number of the limit they passed.
    const std::string number =
        reason.strike <= j.strike_limit
            ? fmt::format("strike {} of {}", reason.strike, j.strike_limit)
            : fmt::format("strike {}, past the limit of {}", reason.strike, j.strike_limit);
    return fmt::format("{}: {} incident{} on {}, after the warning of {}: {}{}", number,
                       name(incident.priority), incident.id.empty() ? "" : " " + incident.id,
                       format_iso_date(incident.date), format_iso_date(*j.warning),
                       incident.summary, dispute_text(plan, j, *reason.incident));
}

// Under a month cap the cap is reached by a month: the first one that reached it is named.
std::string cap_reason(const Plan& plan, const Judgement& j) {
    const PenaltyTotals& p = j.penalties;
    if (p.cap_per == CapPer::month)
        for (const MonthMoney& month : p.months)
            if (month.capped)
                return fmt::format("the penalties of {} ({}) reached the cap of {} a month, and "
                                   "reaching the cap entitles {} to terminate",
                                   month_text(month.month), money_text(plan, month.accrued),
                                   money_text(plan, *p.cap), plan.client.name);
    return fmt::format("penalties of {} reached the cap of {}, and reaching the cap entitles {} "
                       "to terminate",
                       money_text(plan, p.total), money_text(plan, *p.cap), plan.client.name);
}

std::string remediated_reason(const Reason& reason) {
    const int total = reason.issues_resolved + reason.issues_waived;
    if (total == 0)
        return "the plan lists no issue";
    if (reason.issues_waived == 0)
        return total == 1 ? "the only issue is resolved"
                          : fmt::format("all {} issues are resolved", total);
    return fmt::format("every issue is resolved or waived ({} resolved, {} waived)",
                       reason.issues_resolved, reason.issues_waived);
}

} // namespace

std::string reason_text(const Plan& plan, const Judgement& j, const Reason& reason) {
    switch (reason.kind) {
    case ReasonKind::unresolved_at_deadline:
        return missed_cut_off(plan, j, *reason.issue);
    case ReasonKind::strike:
        return strike_reason(plan, j, reason);
    case ReasonKind::cap_reached:
        return cap_reason(plan, j);
    case ReasonKind::all_resolved:
        return remediated_reason(reason);
    case ReasonKind::overdue:
        return fmt::format("{} is {} overdue", issue_label(plan.issues[*reason.issue]),
                           overdue_text(plan, j.issues[*reason.issue]));
    case ReasonKind::on_schedule: {
        std::string text = fmt::format("no issue is overdue; {} still to resolve",
                                       plural(reason.issues_open, "issue"));
        if (reason.issue)
            text +=
                fmt::format(", the next one {} due on {}", issue_label(plan.issues[*reason.issue]),
                            format_iso_date(j.issues[*reason.issue].dates.effective_due));
        return text;
    }
    }
    return {};
}

std::string forecast_text(const Forecast& forecast, date::sys_days deadline) {
    if (!forecast.finish)
        return fmt::format("no issue resolved in the last {}; {} still open",
                           plural(forecast.window_days, "day"), forecast.open);
    const int after = days_between(deadline, *forecast.finish);
    const std::string against = after > 0    ? plural(after, "day") + " after the deadline"
                                : after == 0 ? std::string("on the deadline")
                                             : plural(-after, "day") + " before the deadline";
    return fmt::format("at the pace of the last {} ({} resolved), {} would be done around {}, {}",
                       plural(forecast.window_days, "day"), forecast.resolved,
                       forecast.open == 1 ? std::string("the open issue")
                                          : fmt::format("the {} open issues", forecast.open),
                       format_iso_date(*forecast.finish), against);
}

std::string warning_text(const Plan& plan, const Judgement& j, const Warning& warning) {
    if (warning.kind != WarningKind::due_soon)
        return j.forecast ? forecast_text(*j.forecast, j.deadline) : std::string();
    const Issue& issue = plan.issues[*warning.issue];
    const date::sys_days due = j.issues[*warning.issue].dates.effective_due;
    const int days = days_between(j.as_of, due);
    return fmt::format("{} is due {} ({}) and not started", issue_label(issue),
                       days == 0 ? std::string("today") : "in " + plural(days, "day"),
                       format_iso_date(due));
}

} // namespace remedy
