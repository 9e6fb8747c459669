// The record of `remedy report`: the ledger, the incidents and strikes, the changes, the
// statement by month, what the audit trail flags, the provider's scorecard.

#include "board_charts.h"
#include "board_html.h"
#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/judgement_words.h"
#include "remedy/render/statement.h"
#include "remedy/util/checked_math.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy::board {

namespace {

std::string money(const Plan& plan, Money amount) {
    return money_text(plan, amount);
}

// A whole number of tenths as "12.3".
std::string tenths(long long value) {
    return fmt::format("{}.{}", value / 10, value % 10);
}

// numerator x factor / denominator in tenths, rounded half up; all non-negative, denominator >
// 0, exact however large numerator x factor is (an amount of money times 1,000).
long long ratio_in_tenths(long long numerator, long long factor, long long denominator) {
    return multiply_divide_rounded(numerator, factor * 10, denominator).value_or(0);
}

// "confirmed", "disputed on 2026-12-11: why", "withdrawn on 2026-12-15: why".
std::string status_words(const Incident& incident, IncidentStatus status) {
    if (status == IncidentStatus::confirmed)
        return std::string(name(status));
    const std::optional<date::sys_days>& day =
        status == IncidentStatus::disputed ? incident.disputed : incident.withdrawn;
    return fmt::format("{}{}: {}", name(status), day ? " on " + format_iso_date(*day) : "",
                       incident.dispute);
}

} // namespace

void ledger(std::string& out, const Plan& plan, const Judgement& j) {
    section(out, "ledger", "The penalty ledger");
    std::vector<std::vector<Cell>> rows;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const Issue& issue = plan.issues[i];
        const IssueJudgement& judged = j.issues[i];
        const IssuePenalty& p = judged.penalty;
        rows.push_back(
            {text(issue.id), text(issue.title), text(name(issue.priority)),
             text(name(judged.state)), day(issue.due), day(judged.dates.effective_due),
             day(judged.dates.grace_end), day(judged.dates.end),
             number(fmt::format("{}", judged.dates.paused_days)),
             number(fmt::format("{}", p.late_days), "late-days"),
             number(format_money_grouped(p.per_day_rate, plan.contract.minor_digits)),
             number(format_money_grouped(p.per_day_amount, plan.contract.minor_digits)),
             number(format_money_grouped(p.per_miss, plan.contract.minor_digits)),
             number(format_money_grouped(p.subtotal, plan.contract.minor_digits), "penalty")});
    }
    table(out, "ledger",
          fmt::format("Each issue on {}, amounts in {}", format_iso_date(j.as_of),
                      plan.contract.currency),
          {"Issue", "Title", "Priority", "State", "Due", "Effective due", "Grace end", "End",
           "Paused days", "Late days", "Per day", "Per-day total", "Per miss", "Penalty"},
          rows);
    const PenaltyTotals& t = j.penalties;
    std::vector<std::vector<Cell>> totals{
        {text("Total of the issues"), number(money(plan, t.total), "total")},
        {text("Cap"),
         text(t.cap ? fmt::format("{} ({}){}", money(plan, *t.cap),
                                  t.cap_per == CapPer::month ? "each month" : "the whole plan",
                                  t.cap_per == CapPer::month
                                      ? (capped_months(j).empty()
                                             ? std::string()
                                             : ", reached in " + list_text(capped_months(j)))
                                  : t.cap_reached ? ", reached"
                                                  : "")
                    : std::string("none"))},
        {text("Owed"), number(money(plan, t.owed), "ledger-owed")},
        {text("Credited"), number(money(plan, t.credited), "credited")},
        {text("Balance"), number(money(plan, t.balance), "ledger-balance")},
    };
    table(out, "totals", "Totals", {"", "Amount"}, totals);
    out += "</section>\n";
}

void incidents(std::string& out, const Plan& plan, const Judgement& j) {
    section(out, "incidents", "Incidents and strikes");
    paragraph(out, strike_rule_text(plan, j));
    if (plan.incidents.empty()) {
        paragraph(out, "No incident is recorded.");
        out += "</section>\n";
        return;
    }
    std::vector<std::vector<Cell>> rows;
    for (std::size_t index = 0; index < plan.incidents.size(); ++index) {
        const Incident& incident = plan.incidents[index];
        const IncidentJudgement& judged = j.incidents[index];
        if (judged.standing == StrikeStanding::not_yet)
            continue; // not happened yet on as_of
        const bool strike = judged.standing == StrikeStanding::strike;
        // As it stood on as_of: a dispute or a withdrawal shows from its own day on.
        rows.push_back({day(incident.date), text(incident.id), text(name(incident.priority)),
                        text(incident.summary), text(status_words(incident, judged.status)),
                        strike ? Cell{"<strong>STRIKE</strong>"} : text("no")});
    }
    table(out, "incidents", "", {"Date", "Id", "Priority", "Summary", "Status", "Strike"}, rows);
    out += "</section>\n";
}

// What was agreed on or before as_of: a report of a past day does not show what was agreed
// after it (SPEC: facts take effect on their dates).
void agreed_changes(std::string& out, const Plan& plan, const Judgement& j) {
    section(out, "changes", "Agreed changes");
    std::vector<std::vector<Cell>> extensions;
    for (const Extension& extension : plan.timebox.extensions)
        if (extension.agreed <= j.as_of)
            extensions.push_back({day(extension.agreed), number(plural(extension.days, "day")),
                                  text(extension.reason)});
    // A reopening's pause is the days the issue stood resolved: listed as that, apart from the
    // pauses the two sides agreed.
    std::vector<std::vector<Cell>> pauses, reopenings;
    for (const Pause& pause : plan.pauses) {
        if (pause.agreed > j.as_of)
            continue;
        if (pause.reopened)
            reopenings.push_back({day(*pause.reopened), text(covered_issues(pause)),
                                  day(pause.from), day(pause.to), text(pause.reason)});
        else
            pauses.push_back({day(pause.from), day(pause.to), text(covered_issues(pause)),
                              day(pause.agreed), text(pause.reason)});
    }
    std::vector<std::vector<Cell>> waivers;
    for (std::size_t i = 0; i < plan.issues.size(); ++i)
        if (j.issues[i].state == IssueStatus::waived) {
            const Issue& issue = plan.issues[i];
            waivers.push_back({text(issue.id), day(issue.waived.value_or(plan.timebox.start)),
                               text(issue.waiver.empty() ? "(no reason recorded)" : issue.waiver)});
        }
    if (extensions.empty() && pauses.empty() && waivers.empty())
        paragraph(out, fmt::format("No extension, pause or waiver was agreed by {}.",
                                   format_iso_date(j.as_of)));
    if (!extensions.empty())
        table(out, "extensions", "Extensions", {"Agreed", "Days", "Reason"}, extensions);
    if (!pauses.empty())
        table(out, "pauses", "Pauses", {"From", "To", "Issues", "Agreed", "Reason"}, pauses);
    if (!waivers.empty())
        table(out, "waivers", "Waivers", {"Issue", "Waived", "Reason"}, waivers);
    if (!reopenings.empty())
        table(out, "reopenings", "Reopened issues: paused while they stood resolved",
              {"Reopened", "Issue", "Paused from", "To", "Reason"}, reopenings);
    out += "</section>\n";
}

void statement(std::string& out, const Plan& plan, const Judgement& j) {
    section(out, "statement", "Statement by month");
    const int digits = plan.contract.minor_digits;
    std::vector<std::vector<Cell>> rows;
    for (const StatementMonth& month : statement_months(plan, j))
        rows.push_back({text(month_text(month.month)),
                        number(format_money_grouped(month.accrued, digits)),
                        number(format_money_grouped(month.owed, digits)),
                        number(format_money_grouped(month.credited, digits)),
                        number(format_money_grouped(month.balance, digits)),
                        number(format_money_grouped(month.carried, digits))});
    table(out, "statement", fmt::format("Amounts in {}", plan.contract.currency),
          {"Month", "Accrued", "Owed after the cap", "Credited", "Balance at its end",
           "Of which from earlier months"},
          rows);
    std::vector<std::vector<Cell>> credits;
    for (const Credit& credit : plan.credits)
        if (credit.date <= j.as_of)
            credits.push_back({day(credit.date), text(credit.invoice),
                               number(money(plan, credit.amount)), text(credit.note)});
    if (credits.empty())
        paragraph(out, "No credit taken.");
    else
        table(out, "credits", "Credits taken", {"Date", "Invoice", "Amount", "Note"}, credits);
    out += "</section>\n";
}

void audit_trail(std::string& out, const AuditTrail& audit) {
    section(out, "audit", "What the audit trail flags");
    if (!audit.tracked)
        paragraph(out, "The plan has no git history to audit: it is not a file that git tracks.");
    else if (audit.flags.empty())
        paragraph(out, "No change in the plan's git history is flagged.");
    else {
        std::vector<std::vector<Cell>> rows;
        for (const AuditFlag& flag : audit.flags)
            rows.push_back({day(flag.day), text(flag.commit.substr(0, 10)), text(flag.author),
                            text(flag.subject), text(flag.change), text(flag.why)});
        table(out, "audit", "", {"Committed", "Commit", "Author", "Subject", "Change", "Why"},
              rows);
    }
    out += "</section>\n";
}

void scorecard(std::string& out, const Plan& plan, const Judgement& j) {
    section(out, "scorecard", "The provider's scorecard");
    int on_time = 0, late = 0, open = 0, waived = 0, worst = 0;
    long long late_total = 0;
    for (const IssueJudgement& issue : j.issues)
        switch (issue.state) {
        case IssueStatus::resolved:
            if (issue.days_overdue == 0) {
                ++on_time;
                break;
            }
            ++late;
            late_total += issue.days_overdue;
            worst = std::max(worst, issue.days_overdue);
            break;
        case IssueStatus::waived:
            ++waived;
            break;
        default:
            ++open;
        }
    // The incidents that had happened on as_of and were not withdrawn by then.
    int incident_count = 0;
    for (const IncidentJudgement& incident : j.incidents)
        incident_count += incident.standing != StrikeStanding::not_yet &&
                          incident.status != IncidentStatus::withdrawn;
    const long long days = std::max(1, days_between(plan.timebox.start, j.as_of) + 1);
    std::vector<std::vector<Cell>> rows{
        {text("Resolved on time (on or before the effective due date)"),
         number(fmt::format("{}", on_time), "on-time")},
        {text("Resolved late"), number(fmt::format("{}", late), "resolved-late")},
        {text("Still open"), number(fmt::format("{}", open), "still-open")},
        {text("Waived"), number(fmt::format("{}", waived), "waived")},
        {text("Mean days late (of the issues resolved late)"),
         number(late == 0 ? "-" : tenths(ratio_in_tenths(late_total, 1, late)), "mean-days-late")},
        {text("Worst days late (of the issues resolved late)"),
         number(late == 0 ? "-" : fmt::format("{}", worst), "worst-days-late")},
        {text(fmt::format("Incidents per 30 days ({} in {}, withdrawn ones left out)",
                          incident_count, plural(days, "day"))),
         number(tenths(ratio_in_tenths(incident_count, 30, days)), "incidents-per-30-days")},
        {text("Penalties owed as a share of the monthly fee"),
         plan.contract.monthly_fee && plan.contract.monthly_fee->minor > 0
             ? number(tenths(ratio_in_tenths(j.penalties.owed.minor, 100,
                                             plan.contract.monthly_fee->minor)) +
                          "% of " + money(plan, *plan.contract.monthly_fee),
                      "owed-share-of-fee")
             : text("no monthly fee in the plan")},
    };
    table(out, "scorecard", fmt::format("On {}", format_iso_date(j.as_of)), {"Measure", "Value"},
          rows);
    out += "</section>\n";
}

} // namespace remedy::board
