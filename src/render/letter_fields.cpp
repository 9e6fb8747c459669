#include "remedy/render/letter_fields.h"

#include "letter_sentences.h"
#include "remedy/model/dates.h"
#include "remedy/model/issue_order.h"
#include "remedy/model/mail_address.h"
#include "remedy/model/placeholders.h"
#include "remedy/model/statement_months.h"
#include "remedy/model/strikes.h"
#include "remedy/model/wording.h"
#include "remedy/render/judgement_words.h"

#include <fmt/format.h>

namespace remedy {

using namespace letter_text;

namespace {

// What the statement asks for: the balance outstanding at the end of its month (all owed to
// that day less every credit to that day), how much of it earlier months carry, and what was
// credited since, so that two statements never ask twice for one amount.
std::string month_settlement(const Plan& plan, const Judgement& j, const StatementMonth& row) {
    const std::string end = format_iso_date(last_day(row.month));
    std::string text;
    if (row.balance.minor <= 0)
        text = fmt::format("Nothing is outstanding at the end of {}: the credits to {} cover all "
                           "that was owed to that day.",
                           month_text(row.month), end);
    else {
        const Money own{row.balance.minor - row.carried.minor};
        text = fmt::format("The balance outstanding at the end of {} (all that was owed to {}, "
                           "less every credit to that day) is {}",
                           month_text(row.month), end, money_text(plan, row.balance));
        text += row.carried.minor == 0
                    ? fmt::format(", all of it for {}.", month_text(row.month))
                    : fmt::format(": {} for {} and {} carried from earlier months, not yet "
                                  "credited.",
                                  money_text(plan, own), month_text(row.month),
                                  money_text(plan, row.carried));
        text += plan.contract.settlement.empty()
                    ? fmt::format(" Please credit {} on your next invoice.",
                                  money_text(plan, row.balance))
                    : fmt::format(" Please credit {} as the contract provides: {}.",
                                  money_text(plan, row.balance), plan.contract.settlement);
    }
    // Credits booked after the month's end are counted by the later months' statements.
    Money since;
    for (const Credit& credit : plan.credits)
        if (credit.date > last_day(row.month) && credit.date <= j.as_of)
            since = Money{since.minor + credit.amount.minor};
    if (since.minor != 0)
        text += fmt::format(" Since {}, {} has been credited.", end, money_text(plan, since));
    return text;
}

// The month of a statement: each issue's charges, the cap applied, what the invoice credits.
void statement_fields(const Plan& plan, const Judgement& j, const LetterFacts& facts,
                      std::map<std::string, std::string>& fields) {
    if (!facts.month)
        return;
    const date::year_month month = *facts.month;
    const int digits = plan.contract.minor_digits;
    std::vector<std::string> lines;
    for (const IssueMonthCharge& charge : facts.charges) {
        if (charge.month != month)
            continue;
        std::vector<std::string> parts;
        if (charge.late_days > 0)
            parts.push_back(fmt::format(
                "{} x {}", plural(charge.late_days, "late day"),
                format_money_grouped(j.issues[charge.issue].penalty.per_day_rate, digits)));
        if (charge.per_miss.minor > 0)
            parts.push_back(fmt::format("{} for the missed date",
                                        format_money_grouped(charge.per_miss, digits)));
        lines.push_back(
            fmt::format("{}: {}: {}", issue_label(plan.issues[charge.issue]), joined(parts, ""),
                        money_text(plan, Money{charge.per_day.minor + charge.per_miss.minor})));
    }
    const StatementMonth row = statement_month(plan, j, month);
    std::string cap = "There is no cap.";
    if (j.penalties.cap)
        cap = j.penalties.cap_per == CapPer::month
                  ? fmt::format("The cap of {} applies to each month{}.",
                                money_text(plan, *j.penalties.cap),
                                row.capped ? fmt::format(", and {} reached it", month_text(month))
                                           : std::string())
                  : fmt::format("The cap of {} applies to the whole plan, used up in month order.",
                                money_text(plan, *j.penalties.cap));
    fields["month"] = month_text(month);
    fields["month_charges"] = bullet_list(lines, "- none");
    fields["month_accrued"] = money_text(plan, row.accrued);
    fields["month_owed"] = money_text(plan, row.owed);
    fields["month_credited"] = money_text(plan, row.credited);
    fields["month_balance"] = money_text(plan, row.balance);
    fields["month_carried"] = money_text(plan, row.carried);
    fields["cap_applied"] = cap;
    fields["month_settlement"] = month_settlement(plan, j, row);
}

} // namespace

std::optional<LetterRefusal> letter_refusal(LetterKind kind, const Plan& plan, const Judgement& j,
                                            const LetterFacts& facts) {
    if (plan.client.contact == placeholder_client_contact ||
        plan.provider.contact == placeholder_provider_contact)
        return LetterRefusal{
            fmt::format("{} still has the contact `remedy init` wrote ({}): fill in "
                        "client.contact and provider.contact before a letter goes out",
                        plan.file,
                        plan.client.contact == placeholder_client_contact ? plan.client.contact
                                                                          : plan.provider.contact)};
    switch (kind) {
    case LetterKind::termination:
        if (j.verdict != Verdict::terminate && !facts.forced)
            return LetterRefusal{fmt::format("the verdict on {} is {}, not terminate: no notice "
                                             "of termination is written",
                                             format_iso_date(j.as_of), name(j.verdict)),
                                 true};
        if (facts.forced && facts.reason.empty())
            return LetterRefusal{"a forced notice of termination needs --reason TEXT: it is the "
                                 "letter's ground"};
        break;
    case LetterKind::ultimatum:
        if (j.as_of > j.deadline)
            return LetterRefusal{
                fmt::format("the time box ended on {}: no final warning is written after it; "
                            "send the termination",
                            format_iso_date(j.deadline))};
        if (!warning_day(plan))
            return LetterRefusal{
                fmt::format("no final warning is recorded in {}: record it with `remedy warn` "
                            "(on the day it is given), then write its letter",
                            plan.file)};
        if (!j.warning)
            return LetterRefusal{fmt::format(
                "the final warning is dated {} (ultimatum.issued): write it on that "
                "day (--as-of {})",
                format_iso_date(*warning_day(plan)), format_iso_date(*warning_day(plan)))};
        break;
    case LetterKind::closing:
        if (j.verdict != Verdict::remediated)
            return LetterRefusal{
                fmt::format("the verdict on {} is {}, not remediated: no closing letter is "
                            "written",
                            format_iso_date(j.as_of), name(j.verdict))};
        break;
    case LetterKind::changes:
        if (facts.agreed.empty())
            return LetterRefusal{
                fmt::format("no extension, pause or waiver took effect after {} and by {}: "
                            "there is no change to record",
                            format_iso_date(facts.since), format_iso_date(j.as_of))};
        break;
    case LetterKind::statement: {
        if (!facts.month)
            return LetterRefusal{"a statement needs --month YYYY-MM"};
        if (facts.month_forced)
            break;
        if (last_day(*facts.month) >= j.as_of)
            return LetterRefusal{fmt::format("{} has not ended on {}: its statement is written "
                                             "after it",
                                             month_text(*facts.month), format_iso_date(j.as_of)),
                                 true};
        const StatementMonth row = statement_month(plan, j, *facts.month);
        if (row.owed.minor == 0 && row.balance.minor <= 0)
            return LetterRefusal{fmt::format("{} owes nothing and nothing is outstanding at its "
                                             "end: there is no credit to state",
                                             month_text(*facts.month)),
                                 true};
        break;
    }
    default:
        break;
    }
    return std::nullopt;
}

std::map<std::string, std::string> letter_fields(const Plan& plan, const Judgement& j,
                                                 const LetterFacts& facts) {
    const RecentChanges& c = facts.week;
    const std::string& reference = plan.contract.reference;
    std::vector<std::string> unresolved, overdue, next_due, reasons, warnings;
    for (std::size_t i : unresolved_by_urgency(plan, j)) {
        unresolved.push_back(issue_line(plan, j, i));
        if (j.issues[i].overdue)
            overdue.push_back(issue_line(plan, j, i));
        else if (next_due.size() < 5)
            next_due.push_back(issue_line(plan, j, i));
    }
    for (const Reason& reason : j.reasons)
        reasons.push_back(reason_text(plan, j, reason));
    // Every warning is listed; {{forecast}} then does not say the forecast a second time.
    bool forecast_warned = false;
    for (const Warning& warning : j.warnings) {
        warnings.push_back(warning_text(plan, j, warning));
        forecast_warned = forecast_warned || warning.kind != WarningKind::due_soon;
    }
    std::vector<std::string> resolved_week, overdue_week, incidents_week, changes;
    for (std::size_t i : c.resolved)
        resolved_week.push_back(plan.issues[i].id);
    for (std::size_t i : c.became_overdue)
        overdue_week.push_back(plan.issues[i].id);
    for (std::size_t i : c.incidents)
        incidents_week.push_back(incident_line(plan, j, i));
    for (const AgreedChange& change : facts.agreed)
        changes.push_back(agreed_change_line(plan, change));
    date::sys_days first_due = j.deadline;
    for (std::size_t i : unresolved_by_urgency(plan, j))
        first_due = std::min(first_due, j.issues[i].dates.effective_due);
    const PenaltyTotals& p = j.penalties;
    const std::vector<std::string> months_at_cap = capped_months(j);
    const std::string reached_in =
        months_at_cap.empty() ? std::string() : ", reached in " + list_text(months_at_cap);
    const std::string cap_phrase =
        !p.cap ? std::string("there is no cap")
        : p.cap_per == CapPer::month
            ? fmt::format("the cap is {} a month{}", money_text(plan, *p.cap), reached_in)
            : fmt::format("the cap is {}{}", money_text(plan, *p.cap),
                          p.cap_reached ? ", reached" : "");
    std::map<std::string, std::string> fields = {
        {"client", plan.client.name},
        {"provider", plan.provider.name},
        {"reference", reference},
        {"provider_and_reference",
         reference.empty() ? plan.provider.name : plan.provider.name + ", " + reference},
        {"agreement", agreement_text(plan)},
        {"client_contact_name", contact_name(plan.client.contact, plan.client.name)},
        {"provider_contact_name", contact_name(plan.provider.contact, plan.provider.name)},
        {"as_of", format_iso_date(j.as_of)},
        {"date_line", format_iso_date(j.as_of)},
        {"start", format_iso_date(plan.timebox.start)},
        {"timebox_days", std::to_string(plan.timebox.days + j.extension_days)},
        {"deadline", format_iso_date(j.deadline)},
        {"deadline_rule", deadline_rule(plan, j)},
        {"days_left", days_left_text(j.days_left)},
        {"verdict", std::string(name(j.verdict))},
        {"verdict_sentence", verdict_sentence(plan, j)},
        {"verdict_words", verdict_sentence(plan, j)}, // the name templates of round 1 use
        {"reasons", bullet_list(reasons, "- none")},
        {"termination_reasons",
         j.verdict == Verdict::terminate ? "\n\n" + bullet_list(reasons, "") : ""},
        {"issues", bullet_list(unresolved, "- none: every issue is resolved or waived")},
        {"overdue", bullet_list(overdue, "- none")},
        {"next_due", bullet_list(next_due, "- none")},
        {"required", required(plan, j)},
        {"waived", waived_issues(plan, j)},
        {"first_due", format_iso_date(first_due)},
        {"since", format_iso_date(c.since)},
        {"resolved_this_week", joined(resolved_week, "none")},
        {"overdue_this_week", joined(overdue_week, "none")},
        {"incidents_this_week", bullet_list(incidents_week, "- none")},
        {"owed", money_text(plan, p.owed)},
        {"total", money_text(plan, p.total)},
        {"credited", money_text(plan, p.credited)},
        {"balance", money_text(plan, p.balance)},
        {"cap_phrase", cap_phrase},
        {"money_breakdown", money_breakdown(plan, j)},
        {"penalty_summary",
         p.cap && p.cap_reached && p.cap_per == CapPer::plan
             ? fmt::format("the penalties total {}, capped at {}", money_text(plan, p.total),
                           money_text(plan, *p.cap))
         : p.cap && p.cap_reached
             ? fmt::format("the penalties total {}, each month capped at {}{}",
                           money_text(plan, p.total), money_text(plan, *p.cap), reached_in)
             : cap_phrase},
        {"penalty_terms", penalty_terms(plan, j)},
        {"strike_rule", strike_rule_text(plan, j)},
        // Before the final warning is given, its date is not stated.
        {"warning_date", j.warning ? format_iso_date(*j.warning)
                                   : std::string("(no final warning has been given)")},
        {"severity", std::string(name(plan.ultimatum.severity))},
        {"warnings", bullet_list(warnings, "- none")},
        {"forecast", forecast_warned ? std::string("The forecast is the first warning above.")
                     : j.forecast ? "The forecast: " + forecast_text(*j.forecast, j.deadline) + "."
                     : j.verdict == Verdict::terminate || j.verdict == Verdict::remediated
                         ? std::string("The verdict is decided: there is no forecast.")
                         : std::string("There is no forecast yet.")},
        {"record", record(plan, j, facts, true)},
        {"record_before_warning", record(plan, j, facts, false)},
        {"record_before_changes", record(plan, j, facts, true, false)},
        {"strike_terms", strike_terms_text(plan, j)},
        {"changes_since", format_iso_date(facts.since)},
        {"agreed_changes", bullet_list(changes, "- none")},
        {"effective", format_iso_date(facts.effective.value_or(j.as_of))},
        {"grounds", grounds(plan, j, facts)},
        {"resolutions", resolutions(plan, j)},
        {"settlement", settlement(plan, j)},
        {"grounds_intro",
         facts.forced ? std::string("on the following ground")
                      : fmt::format("on the following grounds under the remediation plan set "
                                    "out in {}",
                                    record(plan, j, facts, true))},
    };
    statement_fields(plan, j, facts, fields);
    return fields;
}

} // namespace remedy
