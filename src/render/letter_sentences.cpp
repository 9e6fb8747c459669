// The sentences of the letters, each made from the plan and its judgement: a rule as it was
// applied, an amount as the ledger computed it, a fact with its date.

#include "letter_sentences.h"

#include "remedy/model/dates.h"
#include "remedy/model/issue_order.h"
#include "remedy/model/mail_address.h"
#include "remedy/model/wording.h"
#include "remedy/render/judgement_words.h"

#include <algorithm>
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
    if (mailbox && !mailbox->display_name().empty())
        return mailbox->display_name();
    return fallback;
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
