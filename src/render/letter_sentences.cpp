// The sentences of the letters, each made from the plan and its judgement: a rule as it was
// applied, an amount as the ledger computed it, a fact with its date.

#include "letter_sentences.h"

#include "remedy/model/dates.h"
#include "remedy/model/issue_order.h"
#include "remedy/model/mail_address.h"
#include "remedy/model/wording.h"
#include "remedy/render/judgement_words.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace remedy::letter_text {

std::string bullet_list(const std::vector<std::string>& items, std::string_view none) {
    if (items.empty())
        return std::string(none);
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : "\n") + fmt::format("- {}", item);
    return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view none) {
    return items.empty() ? std::string(none) : list_text(items);
}

// "; owner: Acme NOC" when the plan names the provider's owner of the issue: who must act.
std::string owner_text(const Issue& issue) {
    return issue.owner.empty() ? std::string() : "; owner: " + issue.owner;
}

std::string issue_line(const Plan& plan, const Judgement& j, std::size_t i) {
    const Issue& issue = plan.issues[i];
    std::string line =
        fmt::format("{}, due {}", issue_label(issue), due_date_text(issue, j.issues[i].dates));
    if (j.issues[i].overdue)
        line += fmt::format(" ({} overdue)", overdue_text(plan, j.issues[i]));
    return line + ": " + issue.title + owner_text(issue);
}

std::string contact_name(const std::string& contact, const std::string& fallback) {
    const Expected<MailAddress> mailbox = parse_mail_address(contact);
    if (mailbox && !mailbox->display_name.empty())
        return mailbox->display_name;
    return fallback;
}

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

// The verdict as a plain sentence.
std::string verdict_sentence(const Plan& plan, const Judgement& j) {
    const auto overdue = std::count_if(j.issues.begin(), j.issues.end(),
                                       [](const IssueJudgement& i) { return i.overdue; });
    const auto waived =
        std::count_if(j.issues.begin(), j.issues.end(),
                      [](const IssueJudgement& i) { return i.state == IssueStatus::waived; });
    switch (j.verdict) {
    case Verdict::on_track:
        return "The remediation is on track: no issue is overdue.";
    case Verdict::at_risk:
        return fmt::format("The remediation is at risk: {} overdue.",
                           overdue == 1 ? std::string("one issue is")
                                        : fmt::format("{} issues are", overdue));
    case Verdict::remediated:
        return waived == 0 ? std::string("Every issue is resolved.")
                           : fmt::format("Every issue is resolved or waived ({} waived).", waived);
    case Verdict::terminate:
        return fmt::format("The conditions that entitle {} to terminate {} are met.",
                           plan.client.name, agreement_text(plan));
    }
    return {};
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

// Whether an incident is a strike, and why or why not, for the incidents of the week.
std::string incident_line(const Plan& plan, const Judgement& j, std::size_t index) {
    const Incident& incident = plan.incidents[index];
    return fmt::format("{}, {}{}: {} ({})", format_iso_date(incident.date), name(incident.priority),
                       incident.id.empty() ? "" : " " + incident.id, incident.summary,
                       incident_standing_text(plan, j, index));
}

// What the provider must do, by when: the open issues by effective due date, then everything by
// the deadline.
std::string required(const Plan& plan, const Judgement& j) {
    std::vector<std::size_t> open = unresolved_by_urgency(plan, j);
    std::stable_sort(open.begin(), open.end(), [&](std::size_t a, std::size_t b) {
        return j.issues[a].dates.effective_due < j.issues[b].dates.effective_due;
    });
    std::vector<std::string> lines;
    for (std::size_t i : open) {
        const IssueJudgement& judged = j.issues[i];
        // An overdue issue is required now; its due date is what it missed.
        lines.push_back(fmt::format(
            "{}: {}, {}{}",
            judged.overdue ? fmt::format("now (due {}, {} overdue)",
                                         format_iso_date(judged.dates.effective_due),
                                         overdue_text(plan, judged))
                           : "by " + format_iso_date(judged.dates.effective_due),
            issue_label(plan.issues[i]), plan.issues[i].title, owner_text(plan.issues[i])));
    }
    if (lines.empty())
        return "- nothing: every issue is resolved or waived";
    if (j.as_of <= j.deadline)
        lines.push_back(fmt::format(
            "by {} at the latest: every issue (the deadline{})", format_iso_date(j.deadline),
            std::any_of(open.begin(), open.end(),
                        [&](std::size_t i) { return j.issues[i].dates.cut_off > j.deadline; })
                ? "; an issue due after it, by its own due date"
                : ""));
    return bullet_list(lines, "");
}

// The rule of the deadline as it applies: by which day every issue must be resolved, and what
// missing it entitles the client to.
std::string deadline_rule(const Plan& plan, const Judgement& j) {
    std::string text =
        fmt::format("Every issue must be resolved by {}", format_iso_date(j.deadline));
    if (std::any_of(j.issues.begin(), j.issues.end(), [&](const IssueJudgement& i) {
            return i.dates.cut_off > j.deadline && i.state != IssueStatus::waived;
        }))
        text += " (an issue due after it, by its own due date)";
    return text + fmt::format("; if one is not, {} is entitled to terminate {}.", plan.client.name,
                              agreement_text(plan));
}

std::string waived_issues(const Plan& plan, const Judgement& j) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        if (j.issues[i].state != IssueStatus::waived)
            continue;
        const Issue& issue = plan.issues[i];
        lines.push_back(fmt::format("{}, waived from {}{}: {}", issue_label(issue),
                                    format_iso_date(issue.waived.value_or(plan.timebox.start)),
                                    issue.waiver.empty() ? "" : " (" + issue.waiver + ")",
                                    issue.title));
    }
    return bullet_list(lines, "- none");
}

// "our notice of 2026-10-01, our final warning of 2026-11-02 and the changes agreed on
// 2026-11-20": the record a letter cites, as far as it was given by as_of (the warning left out
// of the warning itself).
std::string record(const Plan& plan, const Judgement& j, const LetterFacts& facts,
                   bool with_warning, bool with_changes) {
    std::vector<std::string> parts{
        fmt::format("our notice of {}", format_iso_date(plan.timebox.start))};
    if (with_warning && plan.ultimatum.present && j.warning)
        parts.push_back(fmt::format("our final warning of {}", format_iso_date(*j.warning)));
    std::vector<std::string> days;
    for (const AgreedChange& change : with_changes ? facts.agreed : std::vector<AgreedChange>{}) {
        const std::string day = format_iso_date(change.in_force);
        // A waiver from the first day is part of the plan the notice set out, not a change; a
        // reopening's pause was agreed by no one.
        if (change.kind != ChangeKind::reopening && change.in_force > plan.timebox.start &&
            change.in_force <= j.as_of && std::find(days.begin(), days.end(), day) == days.end())
            days.push_back(day);
    }
    if (!days.empty())
        parts.push_back("the changes agreed on " + joined(days, ""));
    return joined(parts, "");
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

std::string agreed_change_line(const Plan& plan, const AgreedChange& change) {
    std::string line;
    switch (change.kind) {
    case ChangeKind::extension:
        line = fmt::format("An extension of the time box by {}, agreed on {}: {}.",
                           plural(plan.timebox.extensions[change.index].days, "day"),
                           format_iso_date(change.in_force), change.reason);
        break;
    case ChangeKind::pause: {
        const Pause& pause = plan.pauses[change.index];
        std::vector<std::string> ids;
        for (std::size_t i : pause.covered)
            ids.push_back(plan.issues[i].id);
        // On a working-day contract the working days are what move a due date.
        line = fmt::format("A pause of {} from {} to {} ({}{}), agreed on {}: {}.",
                           ids.empty() ? std::string("every issue") : joined(ids, ""),
                           format_iso_date(pause.from), format_iso_date(pause.to),
                           plural(days_between(pause.from, pause.to) + 1, "calendar day"),
                           plan.penalties.days == DayCount::working
                               ? ", " + plural(change.working_days, "working day")
                               : std::string(),
                           format_iso_date(change.in_force), change.reason);
        break;
    }
    case ChangeKind::reopening: {
        // What it is: the reopening's own consequence. The reason `remedy reopen` wrote says the
        // day again; what follows it is the reopening's reason.
        const Pause& pause = plan.pauses[change.index];
        const std::string id =
            pause.issues.empty() ? std::string("The issue") : pause.issues.front();
        const std::string written = fmt::format("{} stood resolved until reopened on {}: ", id,
                                                format_iso_date(*pause.reopened));
        const std::string why = change.reason.starts_with(written)
                                    ? change.reason.substr(written.size())
                                    : change.reason;
        line = fmt::format("{} was reopened on {} ({}): the {} it stood resolved, {} to {}, are "
                           "paused while it stood resolved, so that they do not count as late.",
                           id, format_iso_date(*pause.reopened), why,
                           plural(days_between(pause.from, pause.to) + 1, "day"),
                           format_iso_date(pause.from), format_iso_date(pause.to));
        break;
    }
    case ChangeKind::waiver:
        line = fmt::format("A waiver of {}, from {}: {}.", issue_label(plan.issues[change.index]),
                           format_iso_date(change.in_force),
                           change.reason.empty() ? plan.issues[change.index].title : change.reason);
        break;
    }
    if (change.deadline_before) {
        line += fmt::format(" The deadline moves from {} to {}.",
                            format_iso_date(*change.deadline_before),
                            format_iso_date(change.deadline_after));
        // Without ultimatum.until the final warning's window is the time box: it moves too.
        if (!plan.ultimatum.until)
            line += fmt::format(" The period in which incidents count under the final warning "
                                "ends on {} too.",
                                format_iso_date(change.deadline_after));
    }
    for (const MovedDue& moved : change.moved)
        line += fmt::format(" {} is now due {} (was {}).", plan.issues[moved.issue].id,
                            format_iso_date(moved.after), format_iso_date(moved.before));
    if (change.no_longer_owed.minor > 0)
        line += fmt::format(" {} is no longer owed.", money_text(plan, change.no_longer_owed));
    return line;
}

// The grounds of a termination, each as the rule that was broken.
std::string grounds(const Plan& plan, const Judgement& j, const LetterFacts& facts) {
    if (facts.forced)
        return "- " + facts.reason;
    std::vector<std::string> lines, unresolved, strikes;
    bool carried = false; // an issue a pause carried past the deadline
    for (const Reason& reason : j.reasons) {
        switch (reason.kind) {
        case ReasonKind::unresolved_at_deadline:
            unresolved.push_back(reason_text(plan, j, reason));
            carried =
                carried || (reason.issue && j.issues[*reason.issue].dates.cut_off != j.deadline);
            break;
        case ReasonKind::strike:
            strikes.push_back(reason_text(plan, j, reason));
            break;
        case ReasonKind::cap_reached:
            lines.push_back(reason_text(plan, j, reason) + ".");
            break;
        default:
            break;
        }
    }
    // Each ground is the rule that was broken, then the facts that broke it.
    const auto sub_list = [](const std::vector<std::string>& items) {
        std::string out;
        for (const std::string& item : items)
            out += "\n  - " + item;
        return out;
    };
    if (!unresolved.empty())
        lines.insert(lines.begin(),
                     fmt::format("The remediation plan entitles {} to terminate when an issue is "
                                 "not resolved by the deadline, {}{}:{}",
                                 plan.client.name, format_iso_date(j.deadline),
                                 carried ? " (or by its own due date where that is "
                                           "later)"
                                         : "",
                                 sub_list(unresolved)));
    if (!strikes.empty()) {
        std::string line = fmt::format(
            "The final warning entitles {} to terminate after {} of priority {} or higher after "
            "{} and until {}; there {}:",
            plan.client.name,
            j.strike_limit == 1 ? std::string("one incident")
                                : fmt::format("{} incidents", j.strike_limit),
            name(plan.ultimatum.severity), format_iso_date(*j.warning),
            format_iso_date(j.strike_window_end), strikes.size() == 1 ? "was" : "were");
        lines.push_back(line + sub_list(strikes));
    }
    // A reason given with a termination that the plan entitles is the client's own ground,
    // stated after the plan's.
    if (!facts.reason.empty())
        lines.push_back("In addition: " + facts.reason);
    return bullet_list(lines, "- none");
}

std::string resolutions(const Plan& plan, const Judgement& j) {
    std::vector<std::string> lines;
    for (std::size_t i : j.by_urgency) {
        const Issue& issue = plan.issues[i];
        if (j.issues[i].state == IssueStatus::waived)
            lines.push_back(fmt::format("{}: waived from {}: {}", issue_label(issue),
                                        format_iso_date(issue.waived.value_or(plan.timebox.start)),
                                        issue.title));
        else if (issue.resolved)
            lines.push_back(fmt::format(
                "{}: resolved on {} ({}): {}", issue_label(issue), format_iso_date(*issue.resolved),
                j.issues[i].days_overdue > 0
                    ? fmt::format("{} after its due date {}", late_by_text(plan, j.issues[i]),
                                  format_iso_date(j.issues[i].dates.effective_due))
                    : "due " + format_iso_date(j.issues[i].dates.effective_due),
                issue.title));
    }
    return bullet_list(lines, "- none: the plan listed no issue");
}

} // namespace remedy::letter_text
