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

    TextTable table({{"ID", Align::left},
                     {"PRIORITY", Align::left},
                     {"DUE", Align::left},
                     {"END", Align::left},
                     {"GRACE TO", Align::left},
                     {"LATE DAYS", Align::right},
                     {"PER DAY", Align::right},
                     {"PER-DAY TOTAL", Align::right},
                     {"PER MISS", Align::right},
                     {"SUBTOTAL", Align::right}});
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const Issue& issue = plan.issues[i];
        const IssuePenalty& p = j.issues[i].penalty;
        if (issue.status == IssueStatus::waived) {
            table.add_row({{issue.id, Tone::muted},
                           {std::string(name(issue.priority)), Tone::muted},
                           {format_iso_date(issue.due), Tone::muted},
                           {"waived", Tone::muted},
                           {"-", Tone::muted},
                           {"-", Tone::muted},
                           {"-", Tone::muted},
                           {"-", Tone::muted},
                           {"-", Tone::muted},
                           {amount(p.subtotal), Tone::muted}});
            continue;
        }
        const Tone tone = p.subtotal.minor > 0 ? Tone::bad : Tone::plain;
        table.add_row({{issue.id},
                       {std::string(name(issue.priority))},
                       {format_iso_date(issue.due)},
                       {format_iso_date(p.end)},
                       {format_iso_date(p.grace_until)},
                       {std::to_string(p.late_days)},
                       {amount(p.per_day_rate)},
                       {amount(p.per_day_amount)},
                       {amount(p.per_miss)},
                       {amount(p.subtotal), tone}});
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
    if (!plan.penalties.present)
        out += "\nThe plan has no [penalties] table: no money is owed.\n";
    else if (plan.penalties.terminate_at_cap)
        out += "\nReaching the cap ends the contract (terminate_at_cap).\n";
    return out;
}

} // namespace remedy
