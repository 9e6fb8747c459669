#include "remedy/render/board_report.h"

#include "board_charts.h"
#include "remedy/model/dates.h"
#include "remedy/model/strikes.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/statement.h"
#include "remedy/render/text_reports.h"
#include "remedy/util/checked_math.h"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

namespace remedy {

namespace {

// Fonts from the reader's system, nothing fetched. Print: no `size` in @page, so the page prints
// on the reader's paper, A4 or Letter; the margins and the charts' 100% width fit both, and no
// row, figure or verdict is cut across pages.
constexpr std::string_view stylesheet = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #111; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #999; margin-top: 1.8rem; }
table { border-collapse: collapse; margin: 0.6rem 0; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
th, td { border: 1px solid #bbb; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
td.number, td.day, tbody th { white-space: nowrap; }
table.ledger { font-size: 0.75em; }
table.ledger td:nth-child(2) { min-width: 11em; }
.verdict { border: 3px solid; border-left-width: 12px; padding: 0.6rem 1rem; margin: 1rem 0; }
.verdict .word { font-size: 1.8rem; font-weight: bold; }
.tone-good { border-color: #2e7d32; color: #1b5e20; }
.tone-warn { border-color: #b26a00; color: #8a5200; }
.tone-bad { border-color: #c62828; color: #b71c1c; }
.verdict ul { color: #111; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  gap: 0.6rem; margin: 0; }
.key-figures div { border: 1px solid #bbb; padding: 0.4rem 0.6rem; }
.key-figures dt { font-size: 0.85rem; color: #444; }
.key-figures dd { margin: 0; font-size: 1.2rem; font-weight: bold; }
figure { margin: 1rem 0; }
svg.chart { width: 100%; height: auto; max-width: 100%; }
.late { font-weight: bold; }
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, figure, .verdict, .key-figures div, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  svg.chart { max-height: 240mm; }
}
)";

// One cell: its markup (already escaped), and for the figures a program checks, its name.
struct Cell {
    std::string html;
    std::string_view figure = {};
    bool number = false;
    bool day = false; // a date: kept on one line
};

Cell text(std::string_view plain) {
    return {html_text(plain)};
}
Cell number(std::string plain, std::string_view figure = {}) {
    return {html_text(plain), figure, true};
}
Cell day(date::sys_days value) {
    return {format_iso_date(value), {}, false, true};
}

// Whether the first cell of each row names the row (a header for a screen reader).
enum class RowNames { first_cell, none };

void table(std::string& out, std::string_view class_name, std::string_view caption,
           const std::vector<std::string_view>& headers, const std::vector<std::vector<Cell>>& rows,
           RowNames names = RowNames::first_cell) {
    fmt::format_to(std::back_inserter(out), "<table class=\"{}\">\n", class_name);
    if (!caption.empty())
        fmt::format_to(std::back_inserter(out), "<caption>{}</caption>\n", html_text(caption));
    out += "<thead><tr>";
    for (std::string_view header : headers)
        fmt::format_to(std::back_inserter(out), "<th scope=\"col\">{}</th>", html_text(header));
    out += "</tr></thead>\n<tbody>\n";
    for (const std::vector<Cell>& row : rows) {
        out += "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c) {
            const bool head = c == 0 && names == RowNames::first_cell;
            const Cell& cell = row[c];
            fmt::format_to(std::back_inserter(out), "<{}{}{}{}>{}</{}>",
                           head ? "th scope=\"row\"" : "td",
                           cell.number ? " class=\"number\""
                           : cell.day  ? " class=\"day\""
                                       : "",
                           cell.figure.empty() ? "" : " data-figure=\"",
                           cell.figure.empty() ? std::string() : html_attribute(cell.figure) + "\"",
                           cell.html, head ? "th" : "td");
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

void section(std::string& out, std::string_view id, std::string_view heading) {
    fmt::format_to(std::back_inserter(out), "<section id=\"{}\">\n<h2>{}</h2>\n", id,
                   html_text(heading));
}

void paragraph(std::string& out, std::string_view plain) {
    fmt::format_to(std::back_inserter(out), "<p>{}</p>\n", html_text(plain));
}

std::string_view tone_class(Tone tone) {
    switch (tone) {
    case Tone::good:
        return "tone-good";
    case Tone::warn:
        return "tone-warn";
    case Tone::bad:
        return "tone-bad";
    default:
        return "tone-plain";
    }
}

// "First letter up" for a phrase shared with the terminal reports, which start lower case.
std::string sentence(std::string phrase) {
    if (!phrase.empty() && phrase[0] >= 'a' && phrase[0] <= 'z')
        phrase[0] = static_cast<char>(phrase[0] - 'a' + 'A');
    return phrase + ".";
}

std::string money(const Plan& plan, Money amount) {
    return money_text(plan, amount);
}

void parties_and_contract(std::string& out, const Plan& plan, const Judgement& j) {
    section(out, "parties", "The parties and the contract");
    std::vector<std::vector<Cell>> rows{
        {text("Client"), text(plan.client.name), text(plan.client.contact)},
        {text("Provider"), text(plan.provider.name), text(plan.provider.contact)},
        {text("Contract"),
         text(plan.contract.reference.empty() ? "(no reference)" : plan.contract.reference),
         text(plan.contract.monthly_fee ? "monthly fee " + money(plan, *plan.contract.monthly_fee)
                                        : "currency " + plan.contract.currency)},
        {text("Time box"),
         text(fmt::format("from {}, {}", format_iso_date(plan.timebox.start),
                          plural(plan.timebox.days, "day"))),
         text(fmt::format("{} of extensions in force; deadline {}", plural(j.extension_days, "day"),
                          format_iso_date(j.deadline)))},
    };
    if (!plan.contract.settlement.empty())
        rows.push_back({text("Settlement"), text(plan.contract.settlement), text("")});
    table(out, "parties", "", {"", "Name", "Details"}, rows);
    out += "</section>\n";
}

void verdict(std::string& out, const Plan& plan, const Judgement& j) {
    fmt::format_to(std::back_inserter(out),
                   "<section id=\"verdict\" class=\"verdict {}\">\n<h2>Verdict on {}: "
                   "<span class=\"word\">{}</span></h2>\n<p><strong>{}</strong></p>\n<ul>\n",
                   tone_class(tone_of(j.verdict)), format_iso_date(j.as_of),
                   html_text(name(j.verdict)), html_text(headline(plan, j.verdict)));
    for (const Reason& reason : j.reasons)
        fmt::format_to(std::back_inserter(out), "<li>{}</li>\n", html_text(reason.text));
    out += "</ul>\n</section>\n";
}

void key_figures(std::string& out, const Plan& plan, const Judgement& j) {
    section(out, "figures", "Key figures");
    const auto figure = [&](std::string_view term, std::string_view figure_name,
                            const std::string& value, const std::string& detail) {
        fmt::format_to(std::back_inserter(out),
                       "<div><dt>{}</dt><dd data-figure=\"{}\">{}</dd><dd>{}</dd></div>\n",
                       html_text(term), figure_name, html_text(value), html_text(detail));
    };
    out += "<dl class=\"key-figures\">\n";
    figure("Deadline", "deadline", format_iso_date(j.deadline), days_left_text(j.days_left));
    figure("Penalties owed", "owed", money(plan, j.penalties.owed),
           j.penalties.cap ? fmt::format("of a cap of {}{}", money(plan, *j.penalties.cap),
                                         j.penalties.cap_reached ? " (reached)" : "")
                           : std::string("no cap"));
    figure("Balance after credits", "balance", money(plan, j.penalties.balance),
           fmt::format("{} credited", money(plan, j.penalties.credited)));
    figure("Strikes", "strikes", fmt::format("{} of {}", j.strikes.size(), j.strike_limit),
           fmt::format("incidents of priority {} or higher after {}", name(plan.ultimatum.severity),
                       format_iso_date(warning_date(plan))));
    out += "</dl>\n</section>\n";
}

void warnings_and_forecast(std::string& out, const Plan& plan, const Judgement& j) {
    section(out, "warnings", "Warnings and the forecast");
    if (j.verdict == Verdict::terminate || j.verdict == Verdict::remediated)
        paragraph(out, fmt::format("None: the verdict ({}) is decided.", name(j.verdict)));
    else if (j.warnings.empty())
        paragraph(out, "No warnings.");
    else {
        out += "<ul>\n";
        for (const Warning& warning : j.warnings)
            fmt::format_to(std::back_inserter(out), "<li>{}</li>\n",
                           html_text(sentence(warning.text)));
        out += "</ul>\n";
    }
    // A forecast that misses the deadline, or a stalled one, is already a warning above.
    const bool forecast_warned =
        std::any_of(j.warnings.begin(), j.warnings.end(),
                    [](const Warning& w) { return w.kind != WarningKind::due_soon; });
    if (j.forecast && !forecast_warned)
        paragraph(out, "Forecast: " + sentence(forecast_text(*j.forecast, j.deadline)));
    else if (j.verdict == Verdict::on_track || j.verdict == Verdict::at_risk)
        paragraph(out, "No forecast: nothing is open, or the time box is less than a week old.");
    paragraph(out, "The money from here: " + sentence(money_from_here(plan, j)));
    out += "</section>\n";
}

void figure(std::string& out, std::string_view id, std::string_view heading, const std::string& svg,
            std::string_view caption) {
    section(out, id, heading);
    fmt::format_to(std::back_inserter(out),
                   "<figure>\n{}<figcaption>{}</figcaption>\n</figure>\n</section>\n", svg,
                   html_text(caption));
}

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
             number(format_money_grouped(p.per_day_amount, plan.contract.minor_digits)),
             number(format_money_grouped(p.per_miss, plan.contract.minor_digits)),
             number(format_money_grouped(p.subtotal, plan.contract.minor_digits), "penalty")});
    }
    table(out, "ledger",
          fmt::format("Each issue on {}, amounts in {}", format_iso_date(j.as_of),
                      plan.contract.currency),
          {"Issue", "Title", "Priority", "State", "Due", "Effective due", "Grace end", "End",
           "Paused days", "Late days", "Per day", "Per miss", "Penalty"},
          rows);
    const PenaltyTotals& t = j.penalties;
    std::vector<std::vector<Cell>> totals{
        {text("Total of the issues"), number(money(plan, t.total), "total")},
        {text("Cap"),
         text(t.cap ? fmt::format("{} ({}){}", money(plan, *t.cap),
                                  t.cap_per == CapPer::month ? "each month" : "the whole plan",
                                  t.cap_reached ? ", reached" : "")
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
    for (const Incident& incident : plan.incidents) {
        if (incident.date > j.as_of)
            continue; // not happened yet on as_of
        const bool strike = is_strike(plan, incident, j.as_of, j.deadline);
        rows.push_back({day(incident.date),
                        text(incident.id),
                        text(name(incident.priority)),
                        text(incident.summary),
                        text(incident.dispute.empty()
                                 ? std::string(name(incident.status))
                                 : fmt::format("{}: {}", name(incident.status), incident.dispute)),
                        {strike ? "<strong>STRIKE</strong>" : "no"}});
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
    std::vector<std::vector<Cell>> pauses;
    for (const Pause& pause : plan.pauses)
        if (pause.agreed <= j.as_of)
            pauses.push_back({day(pause.from), day(pause.to), text(covered_issues(pause)),
                              day(pause.agreed), text(pause.reason)});
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
    out += "</section>\n";
}

void statement(std::string& out, const Plan& plan, const Judgement& j) {
    section(out, "statement", "Statement by month");
    const int digits = plan.contract.minor_digits;
    std::vector<std::vector<Cell>> rows;
    for (const StatementMonth& month : statement_months(plan, j))
        rows.push_back({text(fmt::format("{:04}-{:02}", static_cast<int>(month.month.year()),
                                         static_cast<unsigned>(month.month.month()))),
                        number(format_money_grouped(month.accrued, digits)),
                        number(format_money_grouped(month.owed, digits)),
                        number(format_money_grouped(month.credited, digits)),
                        number(format_money_grouped(month.balance, digits))});
    table(out, "statement", fmt::format("Amounts in {}", plan.contract.currency),
          {"Month", "Accrued", "Owed after the cap", "Credited", "Balance"}, rows);
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

// A whole number of tenths as "12.3".
std::string tenths(long long value) {
    return fmt::format("{}.{}", value / 10, value % 10);
}

// numerator x factor / denominator in tenths, rounded half up; all non-negative, denominator >
// 0, exact however large numerator x factor is (an amount of money times 1,000).
long long ratio_in_tenths(long long numerator, long long factor, long long denominator) {
    return multiply_divide_rounded(numerator, factor * 10, denominator).value_or(0);
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
    int incident_count = 0;
    for (const Incident& incident : plan.incidents)
        incident_count += incident.date <= j.as_of && incident.status != IncidentStatus::withdrawn;
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

} // namespace

std::string render_board_report(const Plan& plan, const Judgement& j,
                                const BoardReportFacts& facts) {
    const std::string title = fmt::format("Remediation report: {} and {}, {}", plan.client.name,
                                          plan.provider.name, format_iso_date(j.as_of));
    std::string out =
        fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    "<meta charset=\"utf-8\">\n<title>{}</title>\n"
                    "<style>{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n"
                    "<p>The remediation plan judged on {}, from the plan's own "
                    "dates.</p>\n</header>\n<main>\n",
                    html_text(title), stylesheet, html_text(title), format_iso_date(j.as_of));
    parties_and_contract(out, plan, j);
    verdict(out, plan, j);
    key_figures(out, plan, j);
    warnings_and_forecast(out, plan, j);
    figure(out, "burndown", "Open and overdue issues", burndown_chart(plan, j, facts),
           "Step lines: a count changes on the day it changes. Hatched: overdue. Dashed: the "
           "forecast. Numbered marks under the time axis are listed in the chart's key.");
    figure(out, "money", "Money owed", money_chart(plan, j, facts),
           "What the judgement of each day owed, after the cap.");
    figure(out, "timeline", "Issue timeline", issue_timeline(plan, j, facts),
           "Triangle: due. Diamond: effective due, where a pause or a day off moved it. White "
           "bar: grace days. Grey hatched bar: paused days. Cross-hatched bar: late days. "
           "Circle: resolved. Cross: waived. Arrow: still open.");
    ledger(out, plan, j);
    incidents(out, plan, j);
    agreed_changes(out, plan, j);
    statement(out, plan, j);
    audit_trail(out, facts.audit);
    scorecard(out, plan, j);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

} // namespace remedy
