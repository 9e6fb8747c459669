#include "issue_columns.h"
#include "remedy/model/dates.h"
#include "remedy/model/strikes.h"
#include "remedy/model/wording.h"
#include "remedy/render/judgement_words.h"
#include "remedy/render/text_reports.h"
#include "remedy/render/text_table.h"

#include <fmt/format.h>

namespace remedy {

namespace {

std::string deadline_line(const Judgement& j, const Plan& plan) {
    std::string line =
        fmt::format("{} ({})", format_iso_date(j.deadline), days_left_text(j.days_left));
    if (j.extension_days > 0)
        line += fmt::format(", {} + {} extended", plural(plan.timebox.days, "day"),
                            plural(j.extension_days, "day"));
    return line;
}

std::string header(const Plan& plan, const Judgement& j, const Style& style) {
    std::string out;
    const auto row = [&](std::string_view label, const std::string& value) {
        out += fmt::format("{:<11}{}\n", label, value);
    };
    row("Client", plan.client.name);
    row("Provider", plan.contract.reference.empty()
                        ? plan.provider.name
                        : fmt::format("{} ({})", plan.provider.name, plan.contract.reference));
    row("As of", format_iso_date(j.as_of));
    row("Deadline", deadline_line(j, plan));
    row("Verdict", style.paint(name(j.verdict), tone_of(j.verdict)));
    for (const Reason& reason : j.reasons)
        out += fmt::format("{:<11}- {}\n", "", reason_text(plan, j, reason));
    // The forecast has its own line; the other warnings are listed under it.
    if (j.forecast)
        row("Forecast",
            style.paint(forecast_text(*j.forecast, j.deadline),
                        j.forecast->finish && !j.forecast->after_deadline ? Tone::plain
                                                                          : Tone::warn));
    bool first = true;
    for (const Warning& warning : j.warnings) {
        if (warning.kind != WarningKind::due_soon)
            continue;
        out += fmt::format("{:<11}- {}\n", first ? "Warnings" : "",
                           style.paint(warning_text(plan, j, warning), Tone::warn));
        first = false;
    }
    return out;
}

TextTable::Cell state_cell(const IssueJudgement& judged) {
    if (judged.overdue)
        return {std::string(name(judged.state)), Tone::bad};
    switch (judged.state) {
    case IssueStatus::resolved:
        return {"resolved", Tone::good};
    case IssueStatus::waived:
        return {"waived", Tone::muted};
    default:
        return {std::string(name(judged.state)), Tone::plain};
    }
}

// Issues by what they cost per day today (those accruing, highest rate first), then by their
// rate, then as the urgency order has them.
std::vector<std::size_t> by_cost(const Judgement& j) {
    std::vector<std::size_t> order = j.by_urgency;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const IssueJudgement& x = j.issues[a];
        const IssueJudgement& y = j.issues[b];
        // What it costs a day today, and once it is late (nothing once resolved or waived).
        const auto cost = [](const IssueJudgement& issue) {
            const bool open =
                issue.state == IssueStatus::open || issue.state == IssueStatus::in_progress;
            return std::pair(issue.accruing ? issue.penalty.per_day_rate : Money{},
                             open ? issue.penalty.per_day_rate : Money{});
        };
        return cost(x) > cost(y);
    });
    return order;
}

void issue_table(std::string& out, const Plan& plan, const Judgement& j, const Style& style,
                 IssueOrder order) {
    if (plan.issues.empty()) {
        out += "No issues.\n";
        return;
    }
    const IssueColumns shown = issue_columns(plan, j);
    std::vector<std::pair<std::string, Align>> columns = {{"ID", Align::left},
                                                          {"PRIORITY", Align::left},
                                                          {"STATE", Align::left},
                                                          {"DUE", Align::left}};
    if (shown.effective_due)
        columns.emplace_back("EFFECTIVE DUE", Align::left);
    if (shown.grace_end)
        columns.emplace_back("GRACE END", Align::left);
    if (shown.paused)
        columns.emplace_back("PAUSED", Align::right);
    columns.emplace_back("OVERDUE", Align::right);
    if (shown.late_days)
        columns.emplace_back("LATE DAYS", Align::right);
    columns.emplace_back("PENALTY", Align::right);
    columns.emplace_back("TITLE", Align::left);
    TextTable table(std::move(columns));
    for (std::size_t i : order == IssueOrder::cost ? by_cost(j) : j.by_urgency) {
        const Issue& issue = plan.issues[i];
        const IssueJudgement& judged = j.issues[i];
        const IssueDates& dates = judged.dates;
        const Tone row_tone = judged.overdue ? Tone::bad : Tone::plain;
        std::vector<TextTable::Cell> row = {{issue.id, row_tone},
                                            {std::string(name(issue.priority))},
                                            state_cell(judged),
                                            {format_iso_date(issue.due)}};
        if (shown.effective_due)
            row.push_back({dates.effective_due == issue.due
                               ? std::string("-")
                               : format_iso_date(dates.effective_due)});
        if (shown.grace_end)
            row.push_back({dates.grace_end == dates.effective_due
                               ? std::string("-")
                               : format_iso_date(dates.grace_end)});
        if (shown.paused)
            row.push_back({dates.paused_days > 0 ? plural(dates.paused_days, "day") : "-"});
        row.push_back(
            {judged.days_overdue > 0 ? plural(judged.days_overdue, "day") : "-", row_tone});
        if (shown.late_days)
            row.push_back(
                {judged.penalty.late_days > 0 ? std::to_string(judged.penalty.late_days) : "-"});
        row.push_back({format_money_grouped(judged.penalty.subtotal, plan.contract.minor_digits)});
        row.push_back({issue.title});
        table.add_row(std::move(row));
    }
    table.render_to(out, style);
}

// The penalties against the cap: a plan cap is compared with the plan's total, a month cap
// only with a month's, each month at its cap named.
std::string penalties_line(const Plan& plan, const Judgement& j, const Style& style) {
    const PenaltyTotals& p = j.penalties;
    std::string owed = money_text(plan, p.owed) + " owed";
    if (!p.cap)
        return owed + (plan.penalties.present ? ", no cap" : " (the plan sets no penalties)");
    if (p.cap_per == CapPer::plan) {
        owed += fmt::format(" of a {} cap", money_text(plan, *p.cap));
        if (p.cap_reached)
            owed += style.paint(fmt::format(" - cap reached (total {})", money_text(plan, p.total)),
                                Tone::bad);
        return owed;
    }
    owed += " under " + cap_text(plan, j);
    const std::vector<std::string> months = capped_months(j);
    if (!months.empty())
        owed += style.paint(fmt::format(" - reached in {} (total {})", list_text(months),
                                        money_text(plan, p.total)),
                            Tone::bad);
    return owed;
}

// The strikes so far, each named with its dispute; before the final warning, only that none
// counts (its terms and its date are not stated before it is given).
std::string strikes_lines(const Plan& plan, const Judgement& j, const Style& style) {
    if (!j.warning)
        return fmt::format("{:<11}none: no final warning has been given\n", "Strikes");
    const int count = static_cast<int>(j.strikes.size());
    std::string out = fmt::format(
        "{:<11}{} of {} (incidents of {} or higher after {})\n", "Strikes",
        style.paint(std::to_string(count), count >= j.strike_limit ? Tone::bad : Tone::plain),
        j.strike_limit, name(plan.ultimatum.severity), format_iso_date(*j.warning));
    for (std::size_t index : j.strikes) {
        const Incident& incident = plan.incidents[index];
        out += fmt::format("{:<11}- {} {}{}: {}{}\n", "", format_iso_date(incident.date),
                           name(incident.priority), incident.id.empty() ? "" : " " + incident.id,
                           incident.summary, dispute_text(plan, j, index));
    }
    return out;
}

std::string money_and_strikes(const Plan& plan, const Judgement& j, const Style& style) {
    std::string out = fmt::format("{:<11}{}\n", "Penalties", penalties_line(plan, j, style));
    const PenaltyTotals& p = j.penalties;
    if (p.credited.minor != 0)
        out += fmt::format("{:<11}{} credited, balance {}\n", "Credits",
                           money_text(plan, p.credited), money_text(plan, p.balance));
    if (plan.penalties.present)
        out += fmt::format("{:<11}{}\n", "From here", money_from_here(plan, j));
    return out + strikes_lines(plan, j, style);
}

std::string since_section(const Plan& plan, const Judgement& j, const RecentChanges& c,
                          const Style& style) {
    std::string out = style.paint(fmt::format("Since {}", format_iso_date(c.since)), Tone::strong);
    out += '\n';
    const auto item = [&](std::string_view label, const std::string& text) {
        out += fmt::format("  {:<16}{}\n", label, text);
    };
    if (c.verdict_changed)
        item("Verdict", fmt::format("{} -> {}", name(c.verdict_before), name(j.verdict)));
    if (c.resolved.empty())
        item("Resolved", "nothing");
    for (std::size_t n = 0; n < c.resolved.size(); ++n) {
        const Issue& issue = plan.issues[c.resolved[n]];
        item(n == 0 ? "Resolved" : "", fmt::format("{} on {}: {}", issue_label(issue),
                                                   format_iso_date(*issue.resolved), issue.title));
    }
    if (c.became_overdue.empty())
        item("Became overdue", "nothing");
    for (std::size_t n = 0; n < c.became_overdue.size(); ++n) {
        const Issue& issue = plan.issues[c.became_overdue[n]];
        item(n == 0 ? "Became overdue" : "",
             style.paint(fmt::format("{} due {}: {}", issue_label(issue),
                                     due_date_text(issue, j.issues[c.became_overdue[n]].dates),
                                     issue.title),
                         Tone::bad));
    }
    const Money growth{c.owed_now.minor - c.owed_before.minor};
    item("Penalties",
         growth.minor == 0
             ? fmt::format("unchanged at {}", money_text(plan, c.owed_now))
             : fmt::format("+{} (from {} to {})", money_text(plan, growth),
                           format_money_grouped(c.owed_before, plan.contract.minor_digits),
                           format_money_grouped(c.owed_now, plan.contract.minor_digits)));
    if (c.incidents.empty())
        item("Incidents", "none");
    for (std::size_t n = 0; n < c.incidents.size(); ++n) {
        const std::size_t index = c.incidents[n];
        const Incident& incident = plan.incidents[index];
        const bool strike =
            std::find(c.new_strikes.begin(), c.new_strikes.end(), index) != c.new_strikes.end();
        // A strike is named as such (disputed with its reason); any other incident with why it
        // is not one: withdrawn, before the warning, below the severity.
        item(n == 0 ? "Incidents" : "",
             style.paint(
                 fmt::format("{} {}{} {}: {}{}", format_iso_date(incident.date),
                             name(incident.priority), incident.id.empty() ? "" : " " + incident.id,
                             strike ? "STRIKE" : "(" + incident_standing_text(plan, j, index) + ")",
                             incident.summary, strike ? dispute_text(plan, j, index) : ""),
                 strike ? Tone::bad : Tone::plain));
    }
    return out;
}

} // namespace

Tone tone_of(Verdict verdict) {
    switch (verdict) {
    case Verdict::on_track:
    case Verdict::remediated:
        return Tone::good;
    case Verdict::at_risk:
        return Tone::warn;
    case Verdict::terminate:
        return Tone::bad;
    }
    return Tone::plain;
}

std::string render_status_text(const Plan& plan, const Judgement& j, const RecentChanges& changes,
                               const Style& style, IssueOrder order) {
    // One buffer for the whole report: the table of a big plan is megabytes, not to be copied
    // by concatenation.
    std::string out = header(plan, j, style);
    out += '\n';
    issue_table(out, plan, j, style, order);
    out += '\n';
    out += money_and_strikes(plan, j, style);
    out += '\n';
    out += since_section(plan, j, changes, style);
    return out;
}

} // namespace remedy
