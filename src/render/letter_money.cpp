// The money in the letters: the penalty clauses, what a working day is, each issue's money as
// the ledger computes it, and how the balance is settled, every amount from the judgement.

#include "letter_sentences.h"
#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/judgement_words.h"

#include <array>
#include <fmt/format.h>

namespace remedy::letter_text {

std::string rates_phrase(const Plan& plan, const AmountByPriority& rates) {
    std::vector<std::string> parts;
    for (auto it = all_priorities.rbegin(); it != all_priorities.rend(); ++it)
        if (const auto& amount = rates[static_cast<std::size_t>(*it)])
            parts.push_back(
                fmt::format("{} for a {} issue", money_text(plan, amount->money), name(*it)));
    return joined(parts, "");
}

std::string working_day_definition(const Plan& plan, const Judgement& j) {
    const Calendar& calendar = plan.calendar;
    if (!calendar.present)
        return "Every day is a working day: the plan sets no calendar.";
    // Monday first, as a week is read.
    constexpr std::array<const char*, 7> day_names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                      "Thursday", "Friday", "Saturday"};
    std::vector<std::string> weekend;
    for (unsigned w : {1u, 2u, 3u, 4u, 5u, 6u, 0u})
        if (calendar.weekend[w])
            weekend.push_back(day_names[w]);
    std::vector<std::string> sources;
    if (!calendar.holidays_file.empty())
        sources.push_back("the holidays file " + calendar.holidays_file);
    if (calendar.where.keys.count("holidays"))
        sources.push_back("the plan's own list");
    // The days off of the time box as it stands on the letter's day: an extension agreed later
    // is not known yet.
    std::vector<std::string> days_off;
    for (date::sys_days day : calendar.days_off)
        if (plan.timebox.start <= day && day <= j.deadline)
            days_off.push_back(format_iso_date(day));
    std::string text = weekend.empty() ? std::string("A working day is any day")
                                       : "A working day is any day but " + joined(weekend, "");
    if (sources.empty())
        return text + "; the plan lists no holiday.";
    return text + fmt::format(" and a holiday (from {}); from {} to {} the holidays are {}.",
                              joined(sources, ""), format_iso_date(plan.timebox.start),
                              format_iso_date(j.deadline),
                              days_off.empty() ? std::string("none") : joined(days_off, ""));
}

// The penalty clauses in plain words, each from the plan's own figures.
std::string penalty_terms(const Plan& plan, const Judgement& j) {
    const Penalties& p = plan.penalties;
    if (!p.present)
        return "The contract sets no financial penalties for this plan.";
    std::string text = "Penalties apply as amended in the contract.";
    const std::string days = p.days == DayCount::working ? "working day" : "calendar day";
    const std::string grace =
        p.grace_days > 0 ? fmt::format(" after a grace period of {}", plural(p.grace_days, days))
                         : "";
    if (const std::string per_day = rates_phrase(plan, p.per_day); !per_day.empty())
        text += fmt::format(" For each {} an issue is late{}, {} owes {}, up to the deadline.",
                            days, grace, plan.provider.name, per_day);
    if (const std::string per_miss = rates_phrase(plan, p.per_miss); !per_miss.empty())
        text += fmt::format(" When an issue first becomes late{}, {} also owes, once, {}.", grace,
                            plan.provider.name, per_miss);
    if (p.days == DayCount::working || plan.calendar.present)
        text += " " + working_day_definition(plan, j);
    if (p.cap) {
        text += fmt::format(" The penalties are capped at {}", money_text(plan, p.cap->money));
        if (p.cap->percent)
            text += fmt::format(" ({} of the monthly fee)", format_percent(*p.cap->percent));
        text += p.cap_per == CapPer::month ? " for each calendar month" : " for the whole plan";
        text += p.terminate_at_cap ? fmt::format("; reaching the cap entitles {} to terminate {}.",
                                                 plan.client.name, agreement_text(plan))
                                   : ".";
    }
    return text;
}

// The money, issue by issue, as the ledger computes it, then the total, the cap and what is
// owed (and what was credited): every amount from the judgement, adding up to what is owed.
std::string money_breakdown(const Plan& plan, const Judgement& j) {
    const int digits = plan.contract.minor_digits;
    const auto amount = [&](Money m) {
        return format_money_grouped(m, digits);
    };
    std::vector<std::string> lines;
    for (std::size_t i : j.by_urgency) {
        const IssuePenalty& p = j.issues[i].penalty;
        if (p.subtotal.minor == 0)
            continue;
        std::vector<std::string> parts;
        if (p.late_days > 0)
            parts.push_back(fmt::format("{} x {} = {}", plural(p.late_days, "late day"),
                                        amount(p.per_day_rate), amount(p.per_day_amount)));
        if (p.per_miss.minor > 0)
            parts.push_back(fmt::format("{} for the missed date", amount(p.per_miss)));
        std::string line = fmt::format("{}: {}: {}", issue_label(plan.issues[i]), joined(parts, ""),
                                       money_text(plan, p.subtotal));
        if (j.issues[i].state == IssueStatus::waived)
            line += " (waived: no more after its waiver)";
        lines.push_back(line);
    }
    const PenaltyTotals& t = j.penalties;
    std::string out = bullet_list(lines, "- none: no issue owes anything");
    // What a "late day" is, in the plan's own terms, so that it is not read as a day overdue.
    const Penalties& terms = plan.penalties;
    if (!lines.empty())
        out += fmt::format(
            "\n\nA late day is a {} charged after {}, up to the deadline.{}",
            terms.days == DayCount::working ? "working day" : "calendar day",
            terms.grace_days == 0
                ? std::string("the due date")
                : fmt::format("the grace period of {} after the due date",
                              plural(terms.grace_days, terms.days == DayCount::working
                                                           ? "working day"
                                                           : "calendar day")),
            terms.days == DayCount::working ? " " + working_day_definition(plan, j) : "");
    out += fmt::format("\n\n{}: {}.", t.cap ? "Total before the cap" : "Total",
                       money_text(plan, t.total));
    if (t.cap && t.cap_per == CapPer::month) {
        const std::vector<std::string> months = capped_months(j);
        out += fmt::format(" Cap: {} a month{}.", money_text(plan, *t.cap),
                           months.empty() ? ", reached by no month"
                                          : ", reached in " + joined(months, ""));
    } else if (t.cap)
        out +=
            fmt::format(" Cap: {}{}.", money_text(plan, *t.cap), t.cap_reached ? ", reached" : "");
    out += fmt::format(" Owed: {}.", money_text(plan, t.owed));
    if (t.credited.minor != 0)
        out += fmt::format(" Credited: {}. Balance: {}.", money_text(plan, t.credited),
                           money_text(plan, t.balance));
    return out;
}

// How the money owed at the end is paid: what the contract says, or a request.
std::string settlement(const Plan& plan, const Judgement& j) {
    const PenaltyTotals& t = j.penalties;
    if (t.owed.minor == 0 && t.credited.minor == 0)
        return "No penalty is owed under the plan.";
    if (t.balance.minor == 0)
        return fmt::format("The {} owed has been credited in full.", money_text(plan, t.owed));
    if (t.balance.minor < 0)
        return fmt::format("The credits of {} exceed what is owed ({}) by {}.",
                           money_text(plan, t.credited), money_text(plan, t.owed),
                           money_text(plan, Money{-t.balance.minor}));
    if (plan.contract.settlement.empty())
        return fmt::format("The balance of {} is still to be settled: please tell us in writing "
                           "how and when you will settle it.",
                           money_text(plan, t.balance));
    return fmt::format("The balance of {} is to be settled as the contract provides: {}.",
                       money_text(plan, t.balance), plan.contract.settlement);
}

} // namespace remedy::letter_text
