#include "remedy/render/letter_template.h"

#include "remedy/util/utf8.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

// The built-in wording: firm and factual, as a client writes to a vendor it may dismiss. Every
// rule, date and amount comes from a placeholder that the judgement fills in; the words around
// them claim nothing of their own.
constexpr std::string_view notice_template =
    R"(Subject: Notice of dissatisfaction: {{provider_and_reference}}

{{date_line}}

Dear {{provider_contact_name}},

This is formal written notice that {{client}} is dissatisfied with the services {{provider}} provides under {{agreement}}.

The following issues must be resolved, each by the date given:

{{issues}}

We require from you a written remediation plan that covers every issue above, with the actions you will take, the people responsible and the dates, before the first of these dates ({{first_due}}).

The remediation works as follows.

The time box. The remediation runs for {{timebox_days}} days from {{start}}. {{deadline_rule}}

The penalties. {{penalty_terms}}

Incidents. {{strike_terms}}

Please acknowledge this notice in writing, confirm that you accept the dates above, and tell us in writing of any fact or date you dispute.

Nothing in this letter waives or limits any right or remedy of {{client}} under {{agreement}} or at law.

The attached calendar holds every resolution date, the day penalties start for each issue, and the deadline.

Regards,

{{client_contact_name}}
{{client}}
)";

constexpr std::string_view weekly_template =
    R"(Subject: Remediation status on {{as_of}}: {{provider_and_reference}}

{{date_line}}

Dear {{provider_contact_name}},

This is the status on {{as_of}} of the remediation plan of {{provider}} under {{agreement}}, as set out in {{record}}.

{{verdict_sentence}}{{termination_reasons}}

The deadline is {{deadline}} ({{days_left}}).

In the week since {{since}}:
- resolved: {{resolved_this_week}}
- became overdue: {{overdue_this_week}}

Incidents in the week:

{{incidents_this_week}}

{{strike_rule}}

What we require, and by when:

{{required}}

Waived issues:

{{waived}}

Penalties to date, issue by issue:

{{money_breakdown}}

Warnings:

{{warnings}}

{{forecast}}

If you dispute a fact in this letter, tell us in writing. Nothing in this letter waives or limits any right or remedy of {{client}} under {{agreement}} or at law.

Regards,

{{client_contact_name}}
{{client}}
)";

constexpr std::string_view changes_template =
    R"(Subject: Agreed changes to the remediation plan: {{provider_and_reference}}

{{date_line}}

Dear {{provider_contact_name}},

This letter records the changes to the remediation plan of {{provider}} under {{agreement}} that took effect after {{changes_since}} and by {{as_of}}:

{{agreed_changes}}

Every other term of the plan set out in {{record_before_changes}} stands. {{deadline_rule}}

Please confirm in writing that this is your record of these changes. The attached calendar holds the dates as they now stand. Nothing in this letter waives or limits any right or remedy of {{client}} under {{agreement}} or at law.

Regards,

{{client_contact_name}}
{{client}}
)";

constexpr std::string_view ultimatum_template =
    R"(Subject: Final warning: {{provider_and_reference}}

{{date_line}}

Dear {{provider_contact_name}},

This is the final warning to {{provider}} under {{agreement}}, following {{record_before_warning}}.

{{verdict_sentence}} {{deadline_rule}} The deadline is {{deadline}} ({{days_left}}). The open issues:

{{issues}}

{{strike_terms}}

Penalties to date, issue by issue:

{{money_breakdown}}

The attached calendar holds every resolution date and the deadline. Please acknowledge receipt of this warning in writing. Nothing in this letter waives or limits any right or remedy of {{client}} under {{agreement}} or at law.

Regards,

{{client_contact_name}}
{{client}}
)";

constexpr std::string_view statement_template =
    R"(Subject: Penalty statement for {{month}}: {{provider_and_reference}}

{{date_line}}

Dear {{provider_contact_name}},

This is the statement, on {{as_of}}, of the penalties {{provider}} owes for {{month}} under the remediation plan of {{agreement}} set out in {{record}}.

The charges that fell in {{month}}, issue by issue:

{{month_charges}}

Accrued in {{month}}: {{month_accrued}}. {{cap_applied}} Owed for {{month}}: {{month_owed}}. Credits dated in {{month}}: {{month_credited}}.

{{month_settlement}} Across the plan, {{owed}} is owed to date, {{credited}} has been credited and the balance is {{balance}}. Nothing in this letter waives or limits any right or remedy of {{client}} under {{agreement}} or at law.

Regards,

{{client_contact_name}}
{{client}}
)";

constexpr std::string_view termination_template =
    R"(Subject: Notice of termination: {{provider_and_reference}}

{{date_line}}

Dear {{provider_contact_name}},

{{client}} hereby gives {{provider}} notice that it terminates {{agreement}}, with effect from {{effective}}, {{grounds_intro}}:

{{grounds}}

The penalties owed under the remediation plan, issue by issue:

{{money_breakdown}}

{{settlement}}

Nothing in this letter waives or limits any right or remedy of {{client}} under {{agreement}} or at law.

Please confirm receipt of this notice and name the person who will coordinate the handover of our systems, documentation and credentials.

Regards,

{{client_contact_name}}
{{client}}
)";

constexpr std::string_view closing_template =
    R"(Subject: Remediation complete: {{provider_and_reference}}

{{date_line}}

Dear {{provider_contact_name}},

The remediation plan of {{provider}} under {{agreement}}, as set out in {{record}}, is complete on {{as_of}}. {{verdict_sentence}}

Each issue and its resolution:

{{resolutions}}

The final penalties, issue by issue:

{{money_breakdown}}

{{settlement}}

Thank you for the work your team put into the remediation.

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
    case LetterKind::changes:
        return changes_template;
    case LetterKind::ultimatum:
        return ultimatum_template;
    case LetterKind::statement:
        return statement_template;
    case LetterKind::termination:
        return termination_template;
    case LetterKind::closing:
        return closing_template;
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

namespace {

// A placeholder as a person types one: shown in the error (a typo such as {{owd}}). Anything
// else is not quoted, since an error about a file beside the plan never quotes its content.
bool shaped_like_a_name(std::string_view key) {
    return key.size() <= 40 && std::all_of(key.begin(), key.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_';
           });
}

} // namespace

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
                    character_count(text.substr(line_start, i - line_start)) +
                        static_cast<std::size_t>(line == first_line ? first_column : 1),
                    close == std::string_view::npos ? std::string("{{ without }}")
                    : shaped_like_a_name(key)       ? "{{" + key + "}}"
                                                    : std::string("(not a name)")));
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
        if (character_count(line) <= width) {
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
            if (!first_word && character_count(current) + 1 + character_count(word) > width) {
                out += current + '\n';
                current = continuation;
                first_word = true;
            }
            // A word longer than a line (a URL, a path) is cut, so that no line passes the
            // limit that mail systems keep. The rest's width is kept, not recounted, so that a
            // word of megabytes is cut in linear time.
            std::string_view rest = word;
            std::size_t rest_width = character_count(rest);
            while (character_count(current) + (first_word ? 0 : 1) + rest_width > width &&
                   character_count(current) + (first_word ? 0 : 1) < width) {
                const std::size_t room = width - character_count(current) - (first_word ? 0 : 1);
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
