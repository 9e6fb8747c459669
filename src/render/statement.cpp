#include "remedy/render/statement.h"

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/judgement_words.h"
#include "remedy/render/text_table.h"

#include <fmt/format.h>

namespace remedy {

namespace {

// How the cap applies, in words a controller and an account manager read the same way.
std::string cap_sentence(const Plan& plan, const Judgement& j) {
    const PenaltyTotals& p = j.penalties;
    if (!p.cap)
        return "No cap: every charge is owed.";
    std::string source;
    if (plan.penalties.cap && plan.penalties.cap->percent && plan.contract.monthly_fee)
        source = fmt::format(" ({} of the monthly fee of {})",
                             format_percent(*plan.penalties.cap->percent),
                             money_text(plan, *plan.contract.monthly_fee));
    if (p.cap_per == CapPer::month)
        return fmt::format("Cap {}{} for each calendar month: a month owes at most that.",
                           money_text(plan, *p.cap), source);
    return fmt::format("Cap {}{} for the whole plan: the months owe it in order, until it is "
                       "used up.",
                       money_text(plan, *p.cap), source);
}

} // namespace

std::string render_statement_text(const Plan& plan, const Judgement& j,
                                  const std::vector<StatementMonth>& months, const Style& style) {
    const int digits = plan.contract.minor_digits;
    const auto amount = [&](Money m) {
        return format_money_grouped(m, digits);
    };
    std::string out =
        fmt::format("Penalties by month as of {}: {} with {}, amounts in {}\n{}\n\n",
                    format_iso_date(j.as_of), plan.client.name,
                    plan.contract.reference.empty()
                        ? plan.provider.name
                        : fmt::format("{} ({})", plan.provider.name, plan.contract.reference),
                    plan.contract.currency, cap_sentence(plan, j));
    TextTable table({{"MONTH", Align::left},
                     {"ACCRUED", Align::right},
                     {"OWED", Align::right},
                     {"CREDITED", Align::right},
                     {"BALANCE", Align::right}});
    for (const StatementMonth& month : months) {
        table.add_row({{month_text(month.month)},
                       {amount(month.accrued)},
                       {amount(month.owed), month.owed.minor > 0 ? Tone::strong : Tone::plain},
                       {amount(month.credited)},
                       {amount(month.balance)}});
    }
    out += months.empty() ? "No month yet: the time box has not started.\n" : table.render(style);
    // The detail: each issue's charges of each month, as the ledger computes them.
    for (const StatementMonth& month : months) {
        if (month.charges.empty())
            continue;
        out += fmt::format("\n{} in detail\n", month_text(month.month));
        TextTable detail({{"ISSUE", Align::left}, {"CHARGES", Align::right}, {"AS", Align::left}});
        for (const IssueMonthCharge& charge : month.charges) {
            std::string what;
            if (charge.late_days > 0)
                what = fmt::format("{} x {}", plural(charge.late_days, "late day"),
                                   amount(j.issues[charge.issue].penalty.per_day_rate));
            if (charge.per_miss.minor > 0)
                what +=
                    fmt::format("{}missed {}", what.empty() ? "" : " + ", amount(charge.per_miss));
            detail.add_row({{issue_label(plan.issues[charge.issue])},
                            {amount(Money{charge.per_day.minor + charge.per_miss.minor})},
                            {what}});
        }
        detail.render_to(out, style, "  ");
    }
    const PenaltyTotals& p = j.penalties;
    out += fmt::format("\n{:<9}{}\n", "Accrued", money_text(plan, p.total));
    out += fmt::format("{:<9}{}\n", "Owed", style.paint(money_text(plan, p.owed), Tone::strong));
    out += fmt::format("{:<9}{}\n", "Credited", money_text(plan, p.credited));
    out += fmt::format("{:<9}{}\n", "Balance", money_text(plan, p.balance));
    return out;
}

std::string render_statement_csv(const Plan& plan, const std::vector<StatementMonth>& months) {
    const int digits = plan.contract.minor_digits;
    const auto amount = [&](Money m) {
        return format_money(m, digits);
    };
    std::string out = "kind,month,issue,currency,late_days,accrued,owed,credited,balance\r\n";
    for (const StatementMonth& month : months) {
        out += fmt::format("month,{},,{},,{},{},{},{}\r\n", month_text(month.month),
                           csv_field(plan.contract.currency), amount(month.accrued),
                           amount(month.owed), amount(month.credited), amount(month.balance));
        for (const IssueMonthCharge& charge : month.charges)
            out += fmt::format("issue,{},{},{},{},{},,,\r\n", month_text(month.month),
                               csv_field(plan.issues[charge.issue].id),
                               csv_field(plan.contract.currency), charge.late_days,
                               amount(Money{charge.per_day.minor + charge.per_miss.minor}));
    }
    return out;
}

} // namespace remedy
