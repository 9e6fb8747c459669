#include "remedy/render/email_message.h"

#include "remedy/model/dates.h"
#include "remedy/model/issue_order.h"
#include "remedy/model/strikes.h"
#include "remedy/model/wording.h"
#include "remedy/render/calendar_ics.h"
#include "remedy/render/mime.h"
#include "remedy/render/text_reports.h"

#include <fmt/format.h>

namespace remedy {

namespace {

constexpr std::size_t body_width = 72;

std::string bullet_list(const std::vector<std::string>& items, std::string_view none) {
    if (items.empty())
        return std::string(none);
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : "\n") + fmt::format("- {}", item);
    return out;
}

std::string issue_line(const Plan& plan, const Judgement& j, std::size_t i) {
    const Issue& issue = plan.issues[i];
    std::string line =
        fmt::format("{}, due {}", issue_label(issue), due_date_text(issue, j.issues[i].dates));
    if (j.issues[i].overdue)
        line += fmt::format(" ({} overdue)", plural(j.issues[i].days_overdue, "day"));
    return line + ": " + issue.title;
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
    std::string out;
    for (std::size_t p = 0; p < parts.size(); ++p)
        out += (p == 0 ? "" : p + 1 == parts.size() ? " and " : ", ") + parts[p];
    return out;
}

// The penalty clauses in plain words.
std::string penalty_terms(const Plan& plan) {
    const Penalties& p = plan.penalties;
    if (!p.present)
        return "The contract sets no financial penalties for this plan.";
    std::string text = "Penalties apply as amended in the contract.";
    const std::string grace =
        p.grace_days > 0 ? fmt::format(" after a grace period of {}", plural(p.grace_days, "day"))
                         : "";
    if (const std::string per_day = rates_phrase(plan, p.per_day); !per_day.empty())
        text += fmt::format(" For each day an issue is late{}, {} owes {}; this stops at the "
                            "deadline.",
                            grace, plan.provider.name, per_day);
    if (const std::string per_miss = rates_phrase(plan, p.per_miss); !per_miss.empty())
        text += fmt::format(" When an issue first becomes late{}, {} also owes, once, {}.", grace,
                            plan.provider.name, per_miss);
    if (p.cap) {
        text += fmt::format(" The penalties are capped at {}", money_text(plan, p.cap->money));
        if (p.cap->percent)
            text += fmt::format(" ({} of the monthly fee)", format_percent(*p.cap->percent));
        text += p.terminate_at_cap ? "; reaching the cap ends the contract." : ".";
    }
    return text;
}

std::string verdict_words(Verdict verdict) {
    switch (verdict) {
    case Verdict::on_track:
        return "on track.";
    case Verdict::at_risk:
        return "at risk: issues are overdue.";
    case Verdict::remediated:
        return "every issue is resolved.";
    case Verdict::terminate:
        return "the conditions for ending the contract are met.";
    }
    return {};
}

std::vector<MailAddress> mailboxes(const std::vector<std::string>& texts) {
    std::vector<MailAddress> out;
    for (const std::string& text : texts)
        if (const Expected<MailAddress> mailbox = parse_mail_address(text))
            out.push_back(*mailbox);
    return out;
}

} // namespace

std::map<std::string, std::string> letter_fields(const Plan& plan, const Judgement& j,
                                                 const RecentChanges& c) {
    const std::string& reference = plan.contract.reference;
    std::vector<std::string> unresolved, overdue, next_due, reasons, resolved_week, overdue_week;
    for (std::size_t i : unresolved_by_urgency(plan, j)) {
        unresolved.push_back(issue_line(plan, j, i));
        if (j.issues[i].overdue)
            overdue.push_back(issue_line(plan, j, i));
        else if (next_due.size() < 5)
            next_due.push_back(issue_line(plan, j, i));
    }
    for (const Reason& reason : j.reasons)
        reasons.push_back(reason.text);
    std::vector<std::string> warnings;
    for (const Warning& warning : j.warnings)
        warnings.push_back(warning.text);
    for (std::size_t i : c.resolved)
        resolved_week.push_back(plan.issues[i].id);
    for (std::size_t i : c.became_overdue)
        overdue_week.push_back(plan.issues[i].id);
    const auto join = [](const std::vector<std::string>& ids) {
        std::string out;
        for (const std::string& id : ids)
            out += (out.empty() ? "" : ", ") + id;
        return out.empty() ? std::string("none") : out;
    };
    const std::vector<std::size_t> order = unresolved_by_urgency(plan, j);
    date::sys_days first_due = j.deadline;
    for (std::size_t i : order)
        first_due = std::min(first_due, j.issues[i].dates.effective_due);
    const PenaltyTotals& p = j.penalties;
    const std::string cap_phrase = p.cap ? fmt::format("the cap is {}{}", money_text(plan, *p.cap),
                                                       p.cap_reached ? ", reached" : "")
                                         : "there is no cap";

    return {
        {"client", plan.client.name},
        {"provider", plan.provider.name},
        {"reference", reference},
        {"provider_and_reference",
         reference.empty() ? plan.provider.name : plan.provider.name + ", " + reference},
        {"agreement", reference.empty() ? "our contract" : "the contract " + reference},
        {"client_contact_name", contact_name(plan.client.contact, plan.client.name)},
        {"provider_contact_name", contact_name(plan.provider.contact, plan.provider.name)},
        {"as_of", format_iso_date(j.as_of)},
        {"start", format_iso_date(plan.timebox.start)},
        {"timebox_days", std::to_string(plan.timebox.days + j.extension_days)},
        {"deadline", format_iso_date(j.deadline)},
        {"days_left", days_left_text(j.days_left)},
        {"verdict", std::string(name(j.verdict))},
        {"verdict_words", verdict_words(j.verdict)},
        {"reasons", bullet_list(reasons, "- none")},
        {"termination_reasons",
         j.verdict == Verdict::terminate ? "\n\n" + bullet_list(reasons, "") : ""},
        {"issues", bullet_list(unresolved, "- none: every issue is resolved")},
        {"overdue", bullet_list(overdue, "- none")},
        {"next_due", bullet_list(next_due, "- none")},
        {"first_due", format_iso_date(first_due)},
        {"since", format_iso_date(c.since)},
        {"resolved_this_week", join(resolved_week)},
        {"overdue_this_week", join(overdue_week)},
        {"owed", money_text(plan, p.owed)},
        {"total", money_text(plan, p.total)},
        {"cap_phrase", cap_phrase},
        {"penalty_summary", !p.cap ? std::string("there is no cap")
                            : p.cap_reached
                                ? fmt::format("the penalties total {}, capped at {}",
                                              money_text(plan, p.total), money_text(plan, *p.cap))
                                : fmt::format("the cap is {}", money_text(plan, *p.cap))},
        {"penalty_terms", penalty_terms(plan)},
        {"strike_rule",
         strikes_left_rule(plan, static_cast<int>(j.strikes.size()), j.strike_limit) + "."},
        {"warning_date", format_iso_date(warning_date(plan))},
        {"severity", std::string(name(plan.ultimatum.severity))},
        {"warnings", bullet_list(warnings, "- none")},
        {"forecast", j.forecast ? "The forecast: " + forecast_text(*j.forecast, j.deadline) + "."
                                : std::string("There is no forecast yet.")},
    };
}

namespace {

// "Tue, 20 Oct 2026 19:00:00 -0500": RFC 5322's date-time in the client's zone.
std::string mail_date(std::chrono::sys_seconds at, std::chrono::seconds offset) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
    const long long magnitude = minutes < 0 ? -minutes : minutes;
    return fmt::format("{} {}{:02}{:02}",
                       date::format("%a, %d %b %Y %H:%M:%S",
                                    date::local_seconds{(at + offset).time_since_epoch()}),
                       minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
}

} // namespace

Expected<std::string> compose_message(const Plan& plan, const Judgement& j,
                                      const RecentChanges& changes, const MessageOptions& options) {
    const Expected<MailAddress> from = parse_mail_address(plan.client.contact);
    if (plan.client.contact.empty() || !from)
        return fail(fmt::format("{}: client.contact is required to write an email (the From "
                                "address)",
                                plan.file));
    std::vector<MailAddress> to = options.to;
    if (to.empty()) {
        if (plan.provider.contact.empty())
            return fail(fmt::format("{}: provider.contact is required to write an email (the To "
                                    "address), or give --to",
                                    plan.file));
        to = mailboxes({plan.provider.contact});
    }
    const std::vector<MailAddress> cc =
        options.cc.empty() ? mailboxes(plan.provider.cc) : options.cc;

    const LetterTemplate* letter = &options.wording;
    const auto fields = letter_fields(plan, j, changes);
    const Expected<std::string> subject =
        expand_placeholders(letter->subject, fields, letter->source, 1, subject_column);
    if (!subject)
        return fail(subject.error());
    const Expected<std::string> body =
        expand_placeholders(letter->body, fields, letter->source, letter->body_line);
    if (!body)
        return fail(body.error());

    const std::string id = fmt::format("{:016x}", options.uniqueness);
    const std::string domain = from->domain();
    std::string message;
    message += address_field("From", {*from});
    message += address_field("To", to);
    if (!cc.empty())
        message += address_field("Cc", cc);
    message += header_field("Subject", *subject);
    message += fmt::format("Date: {}\n", mail_date(options.date, options.utc_offset));
    message += header_field(
        "Message-ID",
        fmt::format("<{}.{}@{}>", date::format("%Y%m%d%H%M%S", options.date), id, domain));
    message += "MIME-Version: 1.0\n";

    const std::string text_part_headers = "Content-Type: text/plain; charset=utf-8\n"
                                          "Content-Transfer-Encoding: quoted-printable\n";
    const std::string text = quoted_printable(wrap_text(*body, body_width));
    const bool with_calendar =
        options.kind == LetterKind::notice || options.kind == LetterKind::ultimatum;
    if (!with_calendar)
        return message + text_part_headers + "\n" + text;

    const std::string boundary = fmt::format("=_remedy_{}", id);
    message += fmt::format("Content-Type: multipart/mixed; boundary=\"{}\"\n\n", boundary);
    message += "This is a message in MIME format.\n";
    message += fmt::format("\n--{}\n{}\n{}", boundary, text_part_headers, text);
    message += fmt::format("\n--{}\n", boundary);
    message += "Content-Type: text/calendar; charset=utf-8; method=PUBLISH\n";
    message += "Content-Transfer-Encoding: base64\n";
    message += "Content-Disposition: attachment; filename=\"remediation-plan.ics\"\n\n";
    message += base64_lines(render_calendar(plan, j, options.date));
    message += fmt::format("\n--{}--\n", boundary);
    return message;
}

} // namespace remedy
