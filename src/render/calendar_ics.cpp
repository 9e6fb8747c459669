#include "remedy/render/calendar_ics.h"

#include "letter_sentences.h"
#include "remedy/model/dates.h"
#include "remedy/model/issue_order.h"
#include "remedy/model/mail_address.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/judgement_words.h"
#include "remedy/util/utf8.h"

#include <fmt/format.h>
#include <optional>

namespace remedy {

namespace {

// Content lines of at most 75 octets, continued with CRLF and a space, never inside a UTF-8
// character (RFC 5545 3.1). A calendar printed in a CI log is read by its runner line by line,
// so a fold never leaves "::" at the start of a continued line nor "##[" whole on one line:
// the fold moves, and the unfolded text is the same.
std::string content_line(std::string_view line) {
    std::string out;
    std::size_t start = 0;
    std::size_t limit = 75;
    // The start of the character at or before `at`.
    const auto character_start = [&](std::size_t at) {
        while (at > start && is_continuation_byte(line[at]))
            --at;
        return at;
    };
    while (true) {
        std::size_t end = std::min(line.size(), start + limit);
        // A "##[" whole on this line is broken between its two '#'.
        const std::size_t marker = line.find("##[", start);
        if (marker != std::string_view::npos && marker + 3 <= end)
            end = marker + 1;
        if (end == line.size())
            break;
        end = character_start(end);
        // The continued line must not start with "::", after any white space: fold earlier,
        // a character at a time.
        while (end > start + 1 && line_starts_workflow_command(line, end))
            end = character_start(end - 1);
        if (end == start) // one character longer than a line: fold after it
            end = start + std::max<std::size_t>(1, decode_utf8(line.substr(start)).length);
        out += std::string(line.substr(start, end - start)) + "\r\n ";
        start = end;
        limit = 74; // the leading space counts
    }
    return out + std::string(line.substr(start)) + "\r\n";
}

std::string compact_date(date::sys_days day) {
    const std::string iso = format_iso_date(day);
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

// Lower-case letters, digits and '-' of `text`, for a UID that is readable and stable.
std::string slug(std::string_view text) {
    std::string out;
    for (char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
        else if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out.empty() ? "plan" : out;
}

// A reminder `days_before` the event's day, shown by the calendar application.
struct Alarm {
    int days_before = 0;
    std::string text;
};

// One day of the plan as a calendar event. A calendar that imported an earlier attachment
// updates an event with the same UID and a higher SEQUENCE, and keeps a cancelled one as
// cancelled instead of leaving it as it was.
struct Event {
    std::string uid;
    date::sys_days day;
    std::string summary;
    std::string description;
    int sequence = 0;
    bool cancelled = false;
    std::optional<Alarm> alarm;
};

std::string all_day_event(const Event& event, std::string_view stamp) {
    const date::sys_days day = event.day;
    std::string out = content_line("BEGIN:VEVENT");
    out += content_line(fmt::format("UID:{}", event.uid));
    out += content_line(fmt::format("SEQUENCE:{}", event.sequence));
    out += content_line(fmt::format("STATUS:{}", event.cancelled ? "CANCELLED" : "CONFIRMED"));
    out += content_line(fmt::format("DTSTAMP:{}", stamp));
    out += content_line(fmt::format("DTSTART;VALUE=DATE:{}", compact_date(day)));
    // The day after 9999-12-31 has no four-digit year; an all-day event without DTEND lasts
    // one day (RFC 5545 3.6.1), which is what DURATION says there.
    if (day < date::sys_days{last_supported_day})
        out += content_line(fmt::format("DTEND;VALUE=DATE:{}", compact_date(day + date::days{1})));
    else
        out += content_line("DURATION:P1D");
    out += content_line(fmt::format("SUMMARY:{}", ics_text(event.summary)));
    out += content_line(fmt::format("DESCRIPTION:{}", ics_text(event.description)));
    out += content_line("TRANSP:TRANSPARENT");
    if (const std::optional<Alarm>& alarm = event.alarm; alarm && !event.cancelled) {
        out += content_line("BEGIN:VALARM");
        out += content_line("ACTION:DISPLAY");
        out += content_line(fmt::format("DESCRIPTION:{}", ics_text(alarm->text)));
        out += content_line(fmt::format("TRIGGER;RELATED=START:-P{}D", alarm->days_before));
        out += content_line("END:VALARM");
    }
    out += content_line("END:VEVENT");
    return out;
}

// The reminder of an issue still to resolve: warnings.due_within days before its due date, as
// the due_soon warning of `remedy status` comes; none when the plan turns that warning off.
std::optional<Alarm> alarm_for(const Plan& plan, const Issue& issue, const IssueDates& dates) {
    if (plan.warnings.due_within == 0)
        return std::nullopt;
    return Alarm{plan.warnings.due_within,
                 fmt::format("{} is due in {} ({}): {}", issue_label(issue),
                             plural(plan.warnings.due_within, "day"),
                             format_iso_date(dates.effective_due), issue.title)};
}

// The extensions in force on as_of: they move the deadline, which every event's text names.
int extensions_in_force(const Plan& plan, const Judgement& j) {
    int count = 0;
    for (const Extension& extension : plan.timebox.extensions)
        count += extension.agreed <= j.as_of;
    return count;
}

// How many facts in force on as_of bear on an issue's event: the extensions (its text names the
// deadline), the pauses that cover it, and its resolution or waiver. It grows as the plan
// records them, so that a calendar updates its copy.
int issue_sequence(const Plan& plan, const Judgement& j, std::size_t issue) {
    int sequence = extensions_in_force(plan, j);
    for (const Pause& pause : plan.pauses)
        if (pause.agreed <= j.as_of &&
            (pause.covered.empty() ||
             std::find(pause.covered.begin(), pause.covered.end(), issue) != pause.covered.end()))
            ++sequence;
    const IssueStatus state = j.issues[issue].state;
    return sequence + (state == IssueStatus::resolved || state == IssueStatus::waived ? 1 : 0);
}

// "120.00 USD a day and 1,000.00 USD once": what an issue owes once it is late, or nothing when
// the plan charges it nothing (a per-day rate counts only while the deadline lets it accrue).
std::string charges_text(const Plan& plan, const Judgement& j, std::size_t i) {
    if (!plan.penalties.present)
        return {};
    const Priority priority = plan.issues[i].priority;
    const Money per_day = rate_for(plan.penalties.per_day, priority);
    const Money per_miss = rate_for(plan.penalties.per_miss, priority);
    std::vector<std::string> parts;
    if (per_day.minor > 0 && j.issues[i].dates.money_starts <= j.deadline)
        parts.push_back(money_text(plan, per_day) + " a day");
    if (per_miss.minor > 0)
        parts.push_back(money_text(plan, per_miss) + " once");
    return parts.empty()       ? std::string()
           : parts.size() == 1 ? parts[0]
                               : parts[0] + " and " + parts[1];
}

} // namespace

std::string mail_domain(const Plan& plan) {
    const Expected<MailAddress> contact = parse_mail_address(plan.client.contact);
    return contact ? contact->domain() : "remedy.invalid";
}

std::string render_calendar(const Plan& plan, const Judgement& j, std::chrono::sys_seconds stamp) {
    const std::string domain = mail_domain(plan);
    const std::string contract =
        slug(plan.contract.reference.empty() ? plan.provider.name : plan.contract.reference);
    const std::string dtstamp = date::format("%Y%m%dT%H%M%SZ", stamp);
    const std::string agreement =
        plan.contract.reference.empty()
            ? plan.provider.name
            : fmt::format("{} ({})", plan.provider.name, plan.contract.reference);

    std::string out = content_line("BEGIN:VCALENDAR");
    out += content_line("VERSION:2.0");
    out += content_line("PRODID:-//remedy//remedy remediation plan//EN");
    out += content_line("METHOD:PUBLISH");
    out += content_line("CALSCALE:GREGORIAN");
    out += content_line(fmt::format("X-WR-CALNAME:{}", ics_text("Remediation plan: " + agreement)));
    // Every issue, resolved and waived ones too (cancelled), in the order of the reports.
    std::vector<std::size_t> order = unresolved_by_urgency(plan, j);
    for (std::size_t i : j.by_urgency)
        if (std::find(order.begin(), order.end(), i) == order.end())
            order.push_back(i);
    for (std::size_t i : order) {
        const Issue& issue = plan.issues[i];
        const IssueDates& dates = j.issues[i].dates;
        const IssueStatus state = j.issues[i].state;
        const bool closed = state == IssueStatus::resolved || state == IssueStatus::waived;
        const std::string closed_text =
            state == IssueStatus::resolved
                ? fmt::format(" Resolved on {}.", format_iso_date(*issue.resolved))
            : state == IssueStatus::waived
                ? fmt::format(" Waived from {}.",
                              format_iso_date(issue.waived.value_or(plan.timebox.start)))
                : std::string();
        const int sequence = issue_sequence(plan, j, i);
        out += all_day_event(
            {fmt::format("issue.{}.{}@{}", slug(issue.id), contract, domain), dates.effective_due,
             fmt::format("{} due: {}", issue_label(issue), issue.title),
             fmt::format("Resolution date of {} in the remediation plan with {}. The deadline "
                         "of the time box is {}.{}",
                         issue.id, agreement, format_iso_date(j.deadline), closed_text),
             sequence, closed, alarm_for(plan, issue, dates)},
            dtstamp);
        const std::string charges = charges_text(plan, j, i);
        if (charges.empty() || dates.money_starts > date::sys_days{last_supported_day})
            continue;
        out += all_day_event(
            {fmt::format("penalties.{}.{}@{}", slug(issue.id), contract, domain),
             dates.money_starts, fmt::format("{}: penalties start", issue_label(issue)),
             fmt::format("If {} is not resolved by its due date, {}{}, penalties start on this "
                         "day under the remediation plan with {}: {}.{}",
                         issue.id, format_iso_date(dates.effective_due),
                         dates.grace_end == dates.effective_due
                             ? std::string()
                             : fmt::format(", or within the grace period to {}",
                                           format_iso_date(dates.grace_end)),
                         agreement, charges, closed_text),
             sequence, closed, std::nullopt},
            dtstamp);
    }
    out += all_day_event(
        {fmt::format("deadline.{}@{}", contract, domain), j.deadline,
         fmt::format("Remediation deadline: {}", plan.provider.name),
         // The rule the letters state, an issue due after the deadline judged on its own date.
         fmt::format("End of the remediation time box with {}. {}", agreement,
                     letter_text::deadline_rule(plan, j)),
         extensions_in_force(plan, j), false, std::nullopt},
        dtstamp);
    out += content_line("END:VCALENDAR");
    return out;
}

} // namespace remedy
