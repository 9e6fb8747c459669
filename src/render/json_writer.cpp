#include "remedy/render/json_writer.h"

#include "remedy/util/utf8.h"

#include <fmt/format.h>

namespace remedy {

namespace {

// Printable ASCII other than the quote, the backslash and '#' (which may start "##["): copied
// as it is.
bool needs_no_escape(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x80 && c != '"' && c != '\\' && c != '#';
}

// The controls that reorder text around them, and the C1 controls: written as \u escapes, so
// that a JSON document shown raw (in a terminal, a CI log) carries them as data only.
bool escaped_as_unicode(char32_t c) {
    return (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

} // namespace

void append_json_quoted(std::string& out, std::string_view text) {
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        // Most text needs no escape: copy each run of it at once.
        std::size_t run_end = i;
        while (run_end < text.size() && needs_no_escape(text[run_end]))
            ++run_end;
        out.append(text.substr(i, run_end - i));
        i = run_end;
        if (i == text.size())
            break;
        const char c = text[i];
        const CodePoint code = decode_utf8(text.substr(i));
        const std::size_t length = code.length;
        if (length == 0) {
            out += "\\ufffd";
            ++i;
            continue;
        }
        if (length > 1) {
            if (escaped_as_unicode(code.value))
                out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(code.value));
            else
                out.append(text.substr(i, length));
            i += length;
            continue;
        }
        // A CI runner takes "##[" anywhere in a line as a command; \u0023 is the same '#'.
        if (text.compare(i, 3, "##[") == 0) {
            out += "#\\u0023[";
            i += 3;
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += fmt::format("\\u{:04x}", static_cast<int>(c));
            else
                out += c;
        }
        ++i;
    }
    out += '"';
}

std::string json_quote(std::string_view text) {
    std::string out;
    append_json_quoted(out, text);
    return out;
}

void JsonWriter::newline() {
    out_ += '\n';
    out_.append(2 * has_members_.size(), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (has_members_.empty())
        return;
    if (has_members_.back())
        out_ += ',';
    has_members_.back() = true;
    newline();
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    has_members_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const bool had_members = has_members_.back();
    has_members_.pop_back();
    if (had_members)
        newline();
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    return close('}');
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    has_members_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    return close(']');
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    append_json_quoted(out_, name);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    append_json_quoted(out_, text);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    before_value();
    out_ += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

} // namespace remedy
