#include "issue_columns.h"
#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/text_reports.h"
#include "remedy/render/text_table.h"

#include <fmt/format.h>

namespace remedy {

namespace {

std::string amount_source(const Plan& plan, const Amount& amount) {
    if (!amount.percent || !plan.contract.monthly_fee)
        return {};
    return fmt::format(" ({} of the monthly fee of {})", format_percent(*amount.percent),
                       money_text(plan, *plan.contract.monthly_fee));
}

} // namespace

std::string render_penalties_text(const Plan& plan, const Judgement& j, const Style& style) {
    const int digits = plan.contract.minor_digits;
    const auto amount = [&](Money m) {
        return format_money_grouped(m, digits);
    };
    std::string out =
        fmt::format("Penalty ledger as of {}: deadline {}, {} of grace, amounts in {}\n\n",
                    format_iso_date(j.as_of), format_iso_date(j.deadline),
                    plural(plan.penalties.grace_days, "day"), plan.contract.currency);

    const IssueColumns shown = issue_columns(plan, j);
    std::vector<std::pair<std::string, Align>> columns = {
        {"ID", Align::left}, {"PRIORITY", Align::left}, {"DUE", Align::left}};
    if (shown.effective_due)
        columns.emplace_back("EFFECTIVE DUE", Align::left);
    columns.emplace_back("END", Align::left);
    columns.emplace_back("GRACE TO", Align::left);
    if (shown.paused)
        columns.emplace_back("PAUSED", Align::right);
    for (const char* money_column :
         {"LATE DAYS", "PER DAY", "PER-DAY TOTAL", "PER MISS", "SUBTOTAL"})
        columns.emplace_back(money_column, Align::right);
    TextTable table(std::move(columns));
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const Issue& issue = plan.issues[i];
        const IssueJudgement& judged = j.issues[i];
        const IssuePenalty& p = judged.penalty;
        // A waived issue keeps what it owed on the day of its waiver, shown as such.
        const bool waived = judged.state == IssueStatus::waived;
        const Tone tone = waived ? Tone::muted : Tone::plain;
        std::vector<TextTable::Cell> row = {{issue.id, tone},
                                            {std::string(name(issue.priority)), tone},
                                            {format_iso_date(issue.due), tone}};
        if (shown.effective_due)
            row.push_back({judged.dates.effective_due == issue.due
                               ? std::string("-")
                               : format_iso_date(judged.dates.effective_due),
                           tone});
        row.push_back({waived ? "waived " + format_iso_date(p.end) : format_iso_date(p.end), tone});
        row.push_back({format_iso_date(p.grace_until), tone});
        if (shown.paused)
            row.push_back({std::to_string(judged.dates.paused_days), tone});
        row.push_back({std::to_string(p.late_days), tone});
        row.push_back({amount(p.per_day_rate), tone});
        row.push_back({amount(p.per_day_amount), tone});
        row.push_back({amount(p.per_miss), tone});
        row.push_back({amount(p.subtotal), waived                 ? Tone::muted
                                           : p.subtotal.minor > 0 ? Tone::bad
                                                                  : Tone::plain});
        table.add_row(std::move(row));
    }
    out += plan.issues.empty() ? "No issues.\n" : table.render(style);

    const PenaltyTotals& totals = j.penalties;
    out += fmt::format("\n{:<7}{}\n", "Total", money_text(plan, totals.total));
    if (totals.cap)
        out += fmt::format("{:<7}{}{}{}\n", "Cap", money_text(plan, *totals.cap),
                           amount_source(plan, *plan.penalties.cap),
                           totals.cap_reached ? style.paint(" - reached", Tone::bad) : "");
    else
        out += fmt::format("{:<7}none\n", "Cap");
    out +=
        fmt::format("{:<7}{}\n", "Owed", style.paint(money_text(plan, totals.owed), Tone::strong));
    if (totals.cap && totals.cap_per == CapPer::month)
        out += "       (the cap applies to each calendar month: see --by-month)\n";
    if (!plan.credits.empty()) {
        out += fmt::format("\nCredited {}\nBalance  {}\n", money_text(plan, totals.credited),
                           money_text(plan, totals.balance));
        for (const Credit& credit : plan.credits)
            if (credit.date <= j.as_of)
                out += fmt::format("  {} {} on {}{}\n", format_iso_date(credit.date),
                                   money_text(plan, credit.amount), credit.invoice,
                                   credit.note.empty() ? "" : ": " + credit.note);
    }
    if (!plan.penalties.present)
        out += "\nThe plan has no [penalties] table: no money is owed.\n";
    else if (plan.penalties.terminate_at_cap)
        out += fmt::format("\nReaching the cap entitles {} to terminate (terminate_at_cap).\n",
                           plan.client.name);
    return out;
}

} // namespace remedy
