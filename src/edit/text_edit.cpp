#include "remedy/edit/text_edit.h"

#include "remedy/util/utf8.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

// The index byte_offset may use on this thread: the innermost LineIndex alive.
thread_local const LineIndex* current_index = nullptr;

} // namespace

LineIndex::LineIndex(std::string_view text) : text_(text), starts_{0}, outer_(current_index) {
    for (std::size_t at = text.find('\n'); at != std::string_view::npos;
         at = text.find('\n', at + 1))
        starts_.push_back(at + 1);
    current_index = this;
}

LineIndex::~LineIndex() {
    current_index = outer_;
}

std::optional<std::size_t> LineIndex::line_start(std::string_view text, std::uint32_t line) const {
    if (text.data() != text_.data() || text.size() != text_.size() || line == 0 ||
        line > starts_.size())
        return std::nullopt;
    return starts_[line - 1];
}

std::size_t byte_offset(std::string_view text, SourcePos pos) {
    std::size_t offset = 0;
    if (const std::optional<std::size_t> start =
            current_index ? current_index->line_start(text, pos.line) : std::nullopt)
        offset = *start;
    else
        for (std::uint32_t line = 1; line < pos.line && offset < text.size(); ++line) {
            const std::size_t newline = text.find('\n', offset);
            if (newline == std::string_view::npos)
                return text.size();
            offset = newline + 1;
        }
    // Columns count characters: skip UTF-8 continuation bytes.
    for (std::uint32_t column = 1; column < pos.column && offset < text.size(); ++column) {
        ++offset;
        while (offset < text.size() && is_continuation_byte(text[offset]))
            ++offset;
    }
    return offset;
}

std::size_t end_of_line(std::string_view text, std::size_t offset) {
    const std::size_t newline = text.find('\n', offset);
    return newline == std::string_view::npos ? text.size() : newline + 1;
}

std::size_t start_of_line(std::string_view text, std::size_t offset) {
    const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    return newline == std::string_view::npos ? 0 : newline + 1;
}

std::string_view line_ending(std::string_view text) {
    const std::size_t newline = text.find('\n');
    return newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r' ? "\r\n"
                                                                                         : "\n";
}

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
    // Stable: insertions at one offset keep the order the caller gave them.
    std::stable_sort(edits.begin(), edits.end(),
                     [](const TextEdit& a, const TextEdit& b) { return a.offset < b.offset; });
    std::string out;
    std::size_t copied = 0;
    for (const TextEdit& edit : edits) {
        out.append(text.substr(copied, edit.offset - copied));
        out += edit.replacement;
        copied = edit.offset + edit.length;
    }
    out.append(text.substr(copied));
    return out;
}

std::string toml_string(std::string_view value) {
    std::string out = "\"";
    for (char c : value) {
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
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                out += fmt::format("\\u{:04X}", static_cast<int>(c));
            else
                out += c;
        }
    }
    return out + '"';
}

} // namespace remedy
