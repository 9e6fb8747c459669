#include "remedy/render/letter_template.h"

#include "remedy/render/text_table.h"
#include "remedy/util/utf8.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

// The built-in wording: firm and factual, as a client writes to a vendor it may dismiss.
constexpr std::string_view notice_template =
    R"(Subject: Notice of dissatisfaction: {{provider_and_reference}}

Dear {{provider_contact_name}},

This is formal written notice that {{client}} is dissatisfied with the services {{provider}} provides under {{agreement}}.

The following issues must be resolved, each by the date given:

{{issues}}

We require from you a written remediation plan that covers every issue above, with the actions you will take, the people responsible and the dates, before the first of these dates ({{first_due}}).

The remediation is limited to {{timebox_days}} days from {{start}}. Every issue must be resolved by {{deadline}}. Any issue that is not resolved by that date ends the contract.

{{penalty_terms}}

From {{warning_date}} on, {{strike_rule}}

The attached calendar holds every resolution date and the deadline.

Regards,

{{client_contact_name}}
{{client}}
)";

constexpr std::string_view weekly_template =
    R"(Subject: Remediation status on {{as_of}}: {{provider_and_reference}}

Dear {{provider_contact_name}},

This is the status of the remediation plan with {{provider}} on {{as_of}}: {{verdict_words}}{{termination_reasons}}

The deadline is {{deadline}} ({{days_left}}).

In the week since {{since}}:
- resolved: {{resolved_this_week}}
- became overdue: {{overdue_this_week}}

Overdue issues:

{{overdue}}

Penalties owed to date: {{owed}} ({{cap_phrase}}).

Next resolution dates:

{{next_due}}

Warnings:

{{warnings}}

{{forecast}}

Regards,

{{client_contact_name}}
{{client}}
)";

constexpr std::string_view ultimatum_template =
    R"(Subject: Final warning: {{provider_and_reference}}

Dear {{provider_contact_name}},

This is the final warning to {{provider}} under {{agreement}}.

Every issue below must be resolved by {{deadline}} ({{days_left}}). Any issue that is not resolved by that date ends the contract:

{{issues}}

From the date of this warning ({{warning_date}}), {{strike_rule}}

Penalties owed to date: {{owed}} ({{cap_phrase}}).

The attached calendar holds every resolution date and the deadline.

Regards,

{{client_contact_name}}
{{client}}
)";

constexpr std::string_view termination_template =
    R"(Subject: Notice of termination: {{provider_and_reference}}

Dear {{provider_contact_name}},

{{client}} hereby gives {{provider}} notice of termination of {{agreement}}, on {{as_of}}, for the following reasons:

{{reasons}}

The penalties owed under the remediation plan amount to {{owed}} ({{penalty_summary}}).

Please confirm receipt of this notice and name the person who will coordinate the handover of our systems, documentation and credentials.

Regards,

{{client_contact_name}}
{{client}}
)";

std::string_view built_in(LetterKind kind) {
    switch (kind) {
    case LetterKind::notice:
        return notice_template;
    case LetterKind::weekly:
        return weekly_template;
    case LetterKind::ultimatum:
        return ultimatum_template;
    case LetterKind::termination:
        return termination_template;
    }
    return {};
}

} // namespace

LetterTemplate built_in_template(LetterKind kind) {
    // The built-in wording is known to be well formed: a test reads every one of them.
    return *parse_letter_template(built_in(kind), fmt::format("built-in {}", name(kind)));
}

Expected<LetterTemplate> parse_letter_template(std::string_view file_text, std::string source) {
    std::string text(file_text);
    std::erase(text, '\r');
    if (text.substr(0, 9) != "Subject: ")
        return fail(fmt::format("{}:1:1: a letter template starts with \"Subject: \"", source));
    const std::size_t end_of_subject = text.find('\n');
    const std::size_t body = text.find_first_not_of('\n', end_of_subject);
    if (end_of_subject == std::string::npos || body == std::string::npos)
        return fail(
            fmt::format("{}:1:1: a letter template needs a body after its subject", source));
    const int body_line =
        1 +
        static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(body), '\n'));
    return LetterTemplate{text.substr(9, end_of_subject - 9), text.substr(body), std::move(source),
                          body_line};
}

Expected<std::string> expand_placeholders(std::string_view text,
                                          const std::map<std::string, std::string>& fields,
                                          const std::string& source, int first_line,
                                          int first_column) {
    std::string out;
    int line = first_line;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 2, "{{") == 0) {
            const std::size_t close = text.find("}}", i + 2);
            const std::string key = close == std::string_view::npos
                                        ? ""
                                        : std::string(text.substr(i + 2, close - i - 2));
            const auto field = fields.find(key);
            if (field == fields.end())
                return fail(fmt::format(
                    "{}:{}:{}: unknown placeholder {}; docs/email-templates.md lists them", source,
                    line,
                    display_width(text.substr(line_start, i - line_start)) +
                        static_cast<std::size_t>(line == first_line ? first_column : 1),
                    close == std::string_view::npos ? std::string("{{ without }}")
                                                    : "{{" + key + "}}"));
            out += field->second;
            i = close + 2;
            continue;
        }
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
        out += text[i++];
    }
    return out;
}

std::string wrap_text(std::string_view text, std::size_t width) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (display_width(line) <= width) {
            out += std::string(line) + '\n';
            continue;
        }
        const std::size_t lead = line.find_first_not_of(' ');
        std::string indent(lead == std::string_view::npos ? 0 : lead, ' ');
        const std::string continuation =
            indent + (line.substr(indent.size(), 2) == "- " ? "  " : "");
        std::string current = indent;
        bool first_word = true;
        std::size_t pos = indent.size();
        while (pos < line.size()) {
            std::size_t next = line.find(' ', pos);
            if (next == std::string_view::npos)
                next = line.size();
            const std::string_view word = line.substr(pos, next - pos);
            pos = next + 1;
            if (word.empty())
                continue;
            if (!first_word && display_width(current) + 1 + display_width(word) > width) {
                out += current + '\n';
                current = continuation;
                first_word = true;
            }
            // A word longer than a line (a URL, a path) is cut, so that no line passes the
            // limit that mail systems keep. The rest's width is kept, not recounted, so that a
            // word of megabytes is cut in linear time.
            std::string_view rest = word;
            std::size_t rest_width = display_width(rest);
            while (display_width(current) + (first_word ? 0 : 1) + rest_width > width &&
                   display_width(current) + (first_word ? 0 : 1) < width) {
                const std::size_t room = width - display_width(current) - (first_word ? 0 : 1);
                std::size_t cut = 0;
                for (std::size_t chars = 0; cut < rest.size() && chars < room; ++chars)
                    do
                        ++cut;
                    while (cut < rest.size() && is_continuation_byte(rest[cut]));
                current += (first_word ? "" : " ") + std::string(rest.substr(0, cut));
                out += current + '\n';
                current = continuation;
                first_word = true;
                rest.remove_prefix(cut);
                rest_width -= std::min(room, rest_width);
            }
            current += (first_word ? "" : " ") + std::string(rest);
            first_word = false;
        }
        out += current + '\n';
    }
    if (!text.empty() && text.back() != '\n')
        out.pop_back();
    return out;
}

} // namespace remedy
