#pragma once

#include "remedy/util/enum_names.h"
#include "remedy/util/expected.h"

#include <map>
#include <string>
#include <string_view>

namespace remedy {

// The letters `remedy email` writes, one for each step of the method: the notice that starts
// it, the weekly status, the record of agreed changes, the final warning, the monthly statement
// of credits, and the end either way (termination or closing).
enum class LetterKind { notice, weekly, changes, ultimatum, statement, termination, closing };

inline constexpr EnumNames<LetterKind, 7> letter_kinds{{{
    {LetterKind::notice, "notice"},
    {LetterKind::weekly, "weekly"},
    {LetterKind::changes, "changes"},
    {LetterKind::ultimatum, "ultimatum"},
    {LetterKind::statement, "statement"},
    {LetterKind::termination, "termination"},
    {LetterKind::closing, "closing"},
}}};

inline std::string_view name(LetterKind kind) {
    return letter_kinds.name(kind);
}

// A letter's wording: its subject line and its body, with {{placeholders}}. `source` names where
// it came from, for messages ("built-in notice", "letters/notice.txt").
struct LetterTemplate {
    std::string subject;
    std::string body;
    std::string source;
    int body_line = 3; // the line of the file the body starts on, for messages
};

// Where the subject's text starts in a template file: after "Subject: ", on line 1.
inline constexpr int subject_column = 10;

// The wording remedy ships for `kind`.
LetterTemplate built_in_template(LetterKind kind);

// A template file's text: "Subject: ...", then a blank line, then the body (CR bytes dropped).
Expected<LetterTemplate> parse_letter_template(std::string_view text, std::string source);

// `text` with every {{name}} replaced by fields[name]. An unknown name is an error that names
// the template and the place, `text` starting at line `first_line`, column `first_column` of
// it: "letters/weekly.txt:4:9: unknown placeholder {{owd}}".
Expected<std::string> expand_placeholders(std::string_view text,
                                          const std::map<std::string, std::string>& fields,
                                          const std::string& source, int first_line,
                                          int first_column = 1);

// Paragraphs re-flowed to `width` columns; a line starting with "- " continues indented.
// Lines already short enough are kept as they are.
std::string wrap_text(std::string_view text, std::size_t width);

} // namespace remedy
