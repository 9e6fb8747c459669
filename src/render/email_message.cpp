#include "remedy/render/email_message.h"

#include "remedy/model/dates.h"
#include "remedy/render/calendar_ics.h"
#include "remedy/render/mime.h"
#include "remedy/render/text_reports.h"

#include <fmt/format.h>

namespace remedy {

namespace {

constexpr std::size_t body_width = 72;

std::vector<MailAddress> mailboxes(const std::vector<std::string>& texts) {
    std::vector<MailAddress> out;
    for (const std::string& text : texts)
        if (const Expected<MailAddress> mailbox = parse_mail_address(text))
            out.push_back(*mailbox);
    return out;
}

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
                                      const LetterFacts& facts, const MessageOptions& options) {
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
    const auto fields = letter_fields(plan, j, facts);
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
    // The letters that set or move dates carry the calendar, so that the provider's copy follows.
    const bool with_calendar = options.kind == LetterKind::notice ||
                               options.kind == LetterKind::ultimatum ||
                               options.kind == LetterKind::changes;
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
