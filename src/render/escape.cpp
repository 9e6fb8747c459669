#include "remedy/render/escape.h"

#include "remedy/util/utf8.h"

#include <array>
#include <fmt/format.h>

namespace remedy {

namespace {

// Controls that change the order in which a terminal or a browser shows the text around them
// (the "Trojan Source" characters): ALM, LRM, RLM, the embeddings and overrides, the isolates.
bool is_bidi_control(char32_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

bool is_c1_control(char32_t c) {
    return c >= 0x80 && c <= 0x9F;
}

bool starts_old_command(std::string_view text, std::size_t i) {
    return starts_old_workflow_command(text, i);
}

bool starts_command(std::string_view text, std::size_t line_start, std::size_t i) {
    return line_start != std::string_view::npos && starts_workflow_command(text, line_start, i);
}

// The length of one of the colour sequences remedy paints with (style.cpp) at `i`, or 0: only
// those, so that nothing else shaped like one passes.
std::size_t sgr_length(std::string_view text, std::size_t i) {
    for (std::string_view code :
         {"\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[32m", "\x1b[33m", "\x1b[1;31m"})
        if (text.compare(i, code.size(), code) == 0)
            return code.size();
    return 0;
}

void append_visible_byte(std::string& out, unsigned char byte) {
    switch (byte) {
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    default:
        out += fmt::format("\\x{:02x}", byte);
    }
}

// Printable ASCII that starts no escape: ':' may start a workflow command and '#' an old one.
// Most of any text, so it is copied a run at a time: a portfolio's thousand rows pass here.
constexpr std::array<bool, 256> plain_bytes = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x7f; ++c)
        plain[static_cast<std::size_t>(c)] = c != ':' && c != '#';
    return plain;
}();

bool is_plain(char c) {
    return plain_bytes[static_cast<unsigned char>(c)];
}

enum class LineBreaks { escaped, kept };
// Whether the text starts a line, where "::" would start a workflow command.
enum class Placement { line_start, inside_line };

std::string escape_terminal(std::string_view text, LineBreaks breaks, Colour colour,
                            Placement placement = Placement::line_start) {
    std::string out;
    out.reserve(text.size());
    std::size_t line_start = placement == Placement::line_start ? 0 : std::string_view::npos;
    for (std::size_t i = 0; i < text.size();) {
        if (is_plain(text[i])) {
            std::size_t end = i + 1;
            while (end < text.size() && is_plain(text[end]))
                ++end;
            out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        const unsigned char byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n' && breaks == LineBreaks::kept) {
            out += '\n';
            line_start = ++i;
            continue;
        }
        if (colour == Colour::kept)
            if (const std::size_t sgr = sgr_length(text, i); sgr > 0) {
                out.append(text.substr(i, sgr));
                i += sgr;
                continue;
            }
        if (starts_command(text, line_start, i)) {
            out += "\\x3a:";
            i += 2;
            continue;
        }
        if (starts_old_command(text, i)) {
            out += "#\\x23[";
            i += 3;
            continue;
        }
        if (byte >= 0x20 && byte < 0x7f) {
            out += static_cast<char>(byte);
            ++i;
            continue;
        }
        const CodePoint c = decode_utf8(text.substr(i));
        if (c.length == 0 || c.value < 0x20 || c.value == 0x7f) {
            append_visible_byte(out, byte);
            ++i;
            continue;
        }
        if (is_c1_control(c.value) || is_bidi_control(c.value))
            out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c.value));
        else
            out.append(text.substr(i, c.length));
        i += c.length;
    }
    return out;
}

// XML 1.0, production [2]: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool allowed_in_xml(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

enum class XmlPlace { text, attribute };
// XML, or the part of it that an HTML5 parser also reads without a parse error: no C1 control
// and no noncharacter, even as a reference, and no CR as a reference (a CR is a line break).
enum class Markup { xml, html };

// U+FDD0..U+FDEF and every code point ending in FFFE or FFFF (HTML5 "noncharacter").
bool is_noncharacter(char32_t c) {
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

std::string escape_xml(std::string_view text, XmlPlace place, Markup markup = Markup::xml) {
    const bool attribute = place == XmlPlace::attribute;
    const bool html = markup == Markup::html;
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        CodePoint c = decode_utf8(text.substr(i));
        if (c.length == 0 || !allowed_in_xml(c.value) ||
            (html && (is_c1_control(c.value) || is_noncharacter(c.value)))) {
            out += replacement_character;
            i += c.length == 0 ? 1 : c.length;
            continue;
        }
        if (html && c.value == '\r') {
            // CR LF is one line break, and a lone CR is one too, as HTML reads them.
            if (text.compare(i + 1, 1, "\n") == 0) {
                ++i;
                continue;
            }
            c.value = '\n';
        }
        if (starts_old_command(text, i)) {
            out += "#&#35;[";
            i += 3;
            continue;
        }
        switch (c.value) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += attribute ? "&quot;" : "\"";
            break;
        case '\'':
            out += attribute ? "&apos;" : "'";
            break;
        case '\r':
            out += "&#13;"; // a parser would turn a literal CR into LF
            break;
        case '\n':
        case '\t':
            // An attribute value normalises literal white space to spaces; keep it. In text, a
            // line break stays one, unless the line after it would start a workflow command
            // for a CI runner that prints the document: then it is the same character as a
            // reference, and the document one line.
            if (attribute || (c.value == '\n' && line_starts_workflow_command(text, i + 1)))
                out += fmt::format("&#{};", static_cast<int>(c.value));
            else
                out += static_cast<char>(c.value);
            break;
        default:
            if (is_c1_control(c.value) || is_bidi_control(c.value))
                out += fmt::format("&#x{:X};", static_cast<std::uint32_t>(c.value));
            else
                out.append(text.substr(i, c.length));
        }
        i += c.length;
    }
    return out;
}

enum class GithubPlace { message, property };

std::string escape_github(std::string_view text, GithubPlace place) {
    const bool property = place == GithubPlace::property;
    std::string out;
    std::size_t plain_start = 0; // the text since the last character the runner unescapes
    const auto flush = [&](std::size_t end) {
        // What the runner shows as it is: other controls are shown escaped, as on a terminal.
        out += escape_terminal(text.substr(plain_start, end - plain_start), LineBreaks::escaped,
                               Colour::escaped, Placement::inside_line);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char* escaped = c == '%'               ? "%25"
                              : c == '\r'            ? "%0D"
                              : c == '\n'            ? "%0A"
                              : property && c == ':' ? "%3A"
                              : property && c == ',' ? "%2C"
                                                     : nullptr;
        if (!escaped)
            continue;
        flush(i);
        out += escaped;
        plain_start = i + 1;
    }
    flush(text.size());
    return out;
}

// A number as remedy writes one ("-12.50"), which a spreadsheet must read as a number.
bool is_plain_number(std::string_view text) {
    if (text.starts_with('-'))
        text.remove_prefix(1);
    bool digits = false;
    bool point = false;
    for (char c : text) {
        if (c >= '0' && c <= '9')
            digits = true;
        else if (c == '.' && !point)
            point = true;
        else
            return false;
    }
    return digits;
}

} // namespace

bool is_runner_white_space(char32_t c) {
    // .NET's Char.IsWhiteSpace, which String.TrimStart uses.
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

bool starts_workflow_command(std::string_view text, std::size_t line_start, std::size_t i) {
    if (text.compare(i, 2, "::") != 0 || i < line_start)
        return false;
    for (std::size_t k = line_start; k < i;) {
        const CodePoint c = decode_utf8(text.substr(k));
        if (c.length == 0 || !is_runner_white_space(c.value))
            return false;
        k += c.length;
    }
    return true;
}

bool line_starts_workflow_command(std::string_view text, std::size_t line_start) {
    std::size_t k = line_start;
    while (k < text.size()) {
        const CodePoint c = decode_utf8(text.substr(k));
        if (c.length == 0 || !is_runner_white_space(c.value) || c.value == '\n' || c.value == '\r')
            break;
        k += c.length;
    }
    return text.compare(k, 2, "::") == 0;
}

bool starts_old_workflow_command(std::string_view text, std::size_t i) {
    return text.compare(i, 3, "##[") == 0;
}

std::string terminal_text(std::string_view text) {
    return escape_terminal(text, LineBreaks::escaped, Colour::escaped);
}

std::string terminal_lines(std::string_view text, Colour colour) {
    return escape_terminal(text, LineBreaks::kept, colour);
}

std::string github_message(std::string_view text) {
    return escape_github(text, GithubPlace::message);
}

std::string github_property(std::string_view text) {
    return escape_github(text, GithubPlace::property);
}

std::string xml_text(std::string_view text) {
    return escape_xml(text, XmlPlace::text);
}

std::string xml_attribute(std::string_view text) {
    return escape_xml(text, XmlPlace::attribute);
}

std::string html_text(std::string_view text) {
    return escape_xml(text, XmlPlace::text, Markup::html);
}

std::string html_attribute(std::string_view text) {
    return escape_xml(text, XmlPlace::attribute, Markup::html);
}

std::string csv_field(std::string_view text) {
    // No control character reaches a cell: a spreadsheet keeps them, and `cat` of the file
    // would hand an ESC to the terminal. Each is shown as a terminal shows it ("\n", "\x1b"),
    // so the field is one line, and "##[" and a leading "::" are escaped as there.
    std::string field = terminal_text(text);
    const char first = field.empty() ? '\0' : field.front();
    if (first == '=' || first == '+' || first == '@' || (first == '-' && !is_plain_number(field)))
        field.insert(0, 1, '\'');
    if (field.find_first_of(",\"") == std::string::npos)
        return field;
    std::string quoted = "\"";
    for (char c : field) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string ics_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        // TEXT allows no control character but the tab (RFC 5545 3.1, 3.3.11).
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7f)
            continue;
        out += c;
    }
    return out;
}

} // namespace remedy
