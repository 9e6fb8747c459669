#pragma once

#include "remedy/expected.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace remedy {

// The four letters of SPEC.md "Emails".
enum class LetterKind { notice, weekly, ultimatum, termination };

std::optional<LetterKind> parse_letter_kind(std::string_view text);
std::string_view name(LetterKind kind);

// A letter's wording: its subject line and its body, with {{placeholders}}. `source` names where
// it came from, for messages ("built-in notice", "letters/notice.txt").
struct LetterTemplate {
    std::string subject;
    std::string body;
    std::string source;
};

// The template of `kind`: KIND.txt in `folder` when that file exists, else the built-in one.
// A template file starts with "Subject: ...", then a blank line, then the body.
Expected<LetterTemplate> load_letter_template(LetterKind kind, const std::string& folder);

// `text` with every {{name}} replaced by fields[name]. An unknown name is an error that names
// the template and the place: "letters/weekly.txt:4:9: unknown placeholder {{owd}}".
Expected<std::string> expand_placeholders(std::string_view text,
                                          const std::map<std::string, std::string>& fields,
                                          const std::string& source, int first_line);

// Paragraphs re-flowed to `width` columns; a line starting with "- " continues indented.
// Lines already short enough are kept as they are.
std::string wrap_text(std::string_view text, std::size_t width);

} // namespace remedy
