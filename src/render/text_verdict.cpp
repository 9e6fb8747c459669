#include "remedy/model/charges.h"
#include "remedy/model/dates.h"
#include "remedy/model/issue_order.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/judgement_words.h"
#include "remedy/render/text_reports.h"

#include <fmt/format.h>

namespace remedy {

std::string headline(const Plan& plan, Verdict verdict) {
    const std::string& provider = plan.provider.name;
    switch (verdict) {
    case Verdict::terminate:
        return fmt::format("{} is out: {} is entitled to terminate {}.", provider, plan.client.name,
                           agreement_text(plan));
    case Verdict::remediated:
        return fmt::format("{} stays: the remediation is complete.", provider);
    case Verdict::at_risk:
        return fmt::format("Not decided yet: {} is at risk.", provider);
    case Verdict::on_track:
        return fmt::format("Not decided yet: {} is on track.", provider);
    }
    return {};
}

namespace {

// For a verdict not yet decided: exactly what must happen, by which date, for the provider to
// stay.
std::string conditions(const Plan& plan, const Judgement& j) {
    std::string out =
        fmt::format("To stay, by the deadline {} ({}), {} must:\n", format_iso_date(j.deadline),
                    days_left_text(j.days_left), plan.provider.name);
    for (std::size_t i : unresolved_by_urgency(plan, j)) {
        const Issue& issue = plan.issues[i];
        std::string when = "due " + due_date_text(issue, j.issues[i].dates);
        if (j.issues[i].overdue)
            when += fmt::format(", {} overdue", overdue_text(plan, j.issues[i]));
        // Due after the deadline (a pause carried it there, or an extension agreed for it
        // later): its own due date is its last day.
        if (j.issues[i].dates.cut_off > j.deadline)
            when += j.issues[i].dates.effective_due != issue.due
                        ? ", its last day: a pause carried it past the deadline"
                        : ", its last day, after the deadline in force today";
        out += fmt::format("  - resolve {}, {}: {}\n", issue_label(issue), when, issue.title);
    }
    if (plan.penalties.terminate_at_cap && j.penalties.cap && j.penalties.cap_per == CapPer::plan)
        out += fmt::format("  - keep the penalties below the cap of {} ({} so far)\n",
                           money_text(plan, *j.penalties.cap), money_text(plan, j.penalties.total));
    else if (plan.penalties.terminate_at_cap && j.penalties.cap) {
        Money this_month;
        for (const MonthMoney& month : j.penalties.months)
            if (month.month == month_of(j.as_of))
                this_month = month.accrued;
        out += fmt::format("  - keep each month's penalties below the cap of {} a month ({} so "
                           "far in {})\n",
                           money_text(plan, *j.penalties.cap), money_text(plan, this_month),
                           month_text(month_of(j.as_of)));
    }
    out += strike_rule_text(plan, j) + '\n';
    return out;
}

// "the cap" only when the sum owed is the cap: a plan cap reached. Under a month cap the sum
// is several months' money, each month at most the cap, and the months at it are named.
std::string money(const Plan& plan, const Judgement& j) {
    const PenaltyTotals& p = j.penalties;
    std::string out = fmt::format("Money owed: {}", money_text(plan, p.owed));
    if (p.cap && p.cap_per == CapPer::plan)
        out += p.cap_reached
                   ? fmt::format(" (the cap; penalties total {})", money_text(plan, p.total))
                   : fmt::format(" (cap {})", money_text(plan, *p.cap));
    else if (p.cap) {
        const std::vector<std::string> months = capped_months(j);
        out += fmt::format(" (under {}", cap_text(plan, j));
        if (!months.empty())
            out += fmt::format(", reached in {}; penalties total {}", list_text(months),
                               money_text(plan, p.total));
        out += ")";
    }
    if (p.credited.minor != 0)
        out += fmt::format("; {} credited, balance {}", money_text(plan, p.credited),
                           money_text(plan, p.balance));
    out += '\n';
    // For a verdict not yet decided, whether money still matters.
    if (j.verdict == Verdict::at_risk || j.verdict == Verdict::on_track)
        out += fmt::format("From here: {}.\n", money_from_here(plan, j));
    return out;
}

} // namespace

std::string render_verdict_text(const Plan& plan, const Judgement& j, const Style& style) {
    std::string out = style.paint(headline(plan, j.verdict), tone_of(j.verdict));
    out += fmt::format("\nVerdict {} as of {}; deadline {} ({}).\n\n", name(j.verdict),
                       format_iso_date(j.as_of), format_iso_date(j.deadline),
                       days_left_text(j.days_left));
    out += j.reasons.size() == 1 ? "Reason:\n" : "Reasons:\n";
    for (const Reason& reason : j.reasons)
        out += fmt::format("  - {}\n", reason_text(plan, j, reason));
    out += '\n' + money(plan, j);
    if (j.verdict == Verdict::at_risk || j.verdict == Verdict::on_track) {
        if (j.forecast)
            out += fmt::format("Forecast: {}.\n", forecast_text(*j.forecast, j.deadline));
        out += '\n' + conditions(plan, j);
    } else if (j.verdict == Verdict::remediated)
        out += '\n' + strike_rule_text(plan, j) + '\n';
    return out;
}

std::string render_check_text(const Plan& plan, const Judgement& j, const Diagnostics& reading,
                              FailOn fail_on, const Style& style) {
    const bool fails = check_fails(j, reading, fail_on);
    std::string out = fmt::format(
        "{}: valid plan, verdict {} on {} ({} --fail-on {})\n", terminal_text(plan.file),
        style.paint(name(j.verdict), tone_of(j.verdict)), format_iso_date(j.as_of),
        fails ? style.paint("FAILS", Tone::bad) : std::string("passes"), name(fail_on));
    for (const Reason& reason : j.reasons)
        out += fmt::format("  - {}\n", reason_text(plan, j, reason));
    for (const Warning& warning : j.warnings)
        out += fmt::format("  ! {}\n", style.paint(warning_text(plan, j, warning), Tone::warn));
    // Each is on standard error with its place; counted here, for --fail-on warning fails on it.
    if (const std::size_t in_file = file_warnings(reading); in_file > 0)
        out += fmt::format(
            "  ! {}\n", style.paint(fmt::format("{} in the plan file", plural(in_file, "warning")),
                                    Tone::warn));
    return out;
}

} // namespace remedy
