#include "remedy/render/board_report.h"

#include "board_charts.h"
#include "board_html.h"
#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/judgement_words.h"
#include "remedy/render/text_reports.h"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

namespace remedy {

using namespace board;

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
        fmt::format_to(std::back_inserter(out), "<li>{}</li>\n",
                       html_text(reason_text(plan, j, reason)));
    out += "</ul>\n</section>\n";
}

// "of a cap of 2,500.00 USD (reached)", "under a cap of 2,700.00 GBP a month (reached in
// 2026-12)": a month cap is never set against the plan's total.
std::string cap_detail(const Plan& plan, const Judgement& j) {
    const PenaltyTotals& p = j.penalties;
    if (!p.cap)
        return "no cap";
    if (p.cap_per == CapPer::plan)
        return fmt::format("of {}{}", cap_text(plan, j), p.cap_reached ? " (reached)" : "");
    const std::vector<std::string> months = capped_months(j);
    return fmt::format("under {}{}", cap_text(plan, j),
                       months.empty() ? std::string()
                                      : fmt::format(" (reached in {})", list_text(months)));
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
    figure("Penalties owed", "owed", money(plan, j.penalties.owed), cap_detail(plan, j));
    figure("Balance after credits", "balance", money(plan, j.penalties.balance),
           fmt::format("{} credited", money(plan, j.penalties.credited)));
    // Before the final warning, neither its terms nor its date.
    if (j.warning)
        figure("Strikes", "strikes", fmt::format("{} of {}", j.strikes.size(), j.strike_limit),
               fmt::format("incidents of priority {} or higher after {}",
                           name(plan.ultimatum.severity), format_iso_date(*j.warning)));
    else
        figure("Strikes", "strikes", "none", "no final warning has been given");
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
                           html_text(sentence(warning_text(plan, j, warning))));
        out += "</ul>\n";
    }
    // A forecast that misses the deadline, or a stalled one, is already a warning above.
    const bool forecast_warned =
        std::any_of(j.warnings.begin(), j.warnings.end(),
                    [](const Warning& w) { return w.kind != WarningKind::due_soon; });
    if (j.forecast && !forecast_warned)
        paragraph(out, "Forecast: " + sentence(forecast_text(*j.forecast, j.deadline)));
    else if (!j.forecast && (j.verdict == Verdict::on_track || j.verdict == Verdict::at_risk))
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
           j.penalties.cap && j.penalties.cap_per == CapPer::month
               ? "What the judgement of each day owed, after each month's cap (the cap applies "
                 "to each month's money, not to this sum: see the statement by month)."
               : "What the judgement of each day owed, after the cap.");
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
