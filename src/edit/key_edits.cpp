#include "key_edits.h"

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

std::pair<std::size_t, std::size_t> value_bytes(std::string_view text, const SourceMap& where,
                                                std::string_view key) {
    const SourceMap::Entry& entry = where.keys.find(key)->second;
    return {byte_offset(text, entry.value.begin), byte_offset(text, entry.value.end)};
}

std::size_t after_last_key(std::string_view text, const SourceMap& where) {
    // With no key of its own, a new key goes on the line after the table's header.
    const std::size_t header = byte_offset(text, where.table.begin);
    std::optional<std::size_t> last;
    for (const auto& [key, entry] : where.keys) {
        // A sub-table or array of tables ([penalties.per_day], [[timebox.extension]]) is a key
        // of the table too, but written under a header of its own: a new key must not go there.
        const std::size_t key_at = byte_offset(text, entry.key.begin);
        const std::size_t line = start_of_line(text, key_at);
        const std::size_t first = text.find_first_not_of(" \t", line);
        if (first < text.size() && text[first] == '[')
            continue;
        last = std::max(last.value_or(0), byte_offset(text, entry.value.end));
    }
    if (!last)
        return end_of_line(text, header);
    return end_of_line(text, *last == 0 ? 0 : *last - 1);
}

bool has_own_header(std::string_view text, const SourceMap& where, std::string_view name) {
    if (!where.table.begin.known())
        return false;
    // The header line, its spaces taken out: "[penalties]" for the table "penalties".
    const std::size_t line = start_of_line(text, byte_offset(text, where.table.begin));
    std::string header;
    for (std::size_t i = line; i < text.size() && text[i] != '\n' && text[i] != '#'; ++i)
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
            header += text[i];
    return header == "[" + std::string(name) + "]";
}

std::string string_like(std::string_view existing, std::string_view value) {
    if (!existing.empty() && existing.front() == '\'' && value.find('\'') == std::string::npos &&
        value.find('\n') == std::string::npos)
        return fmt::format("'{}'", value);
    return toml_string(value);
}

TextEdit set_key(std::string_view text, const SourceMap& where, std::string_view key,
                 const std::string& literal) {
    if (where.keys.count(key)) {
        const auto [begin, end] = value_bytes(text, where, key);
        return {begin, end - begin, literal};
    }
    std::size_t at = after_last_key(text, where);
    std::string_view eol = line_ending(text);
    std::string prefix;
    if (at == text.size() && !text.empty() && text.back() != '\n')
        prefix = std::string(eol); // the last line had no newline: the new one takes its place
    const std::size_t previous = start_of_line(text, at == 0 ? 0 : at - 1);
    const std::string indent(
        text.substr(previous, text.find_first_not_of(" \t", previous) - previous));
    const bool keep_without_final_newline = !prefix.empty();
    return {at, 0,
            prefix + indent + std::string(key) + " = " + literal +
                (keep_without_final_newline ? "" : std::string(eol))};
}

std::optional<TextEdit> remove_key(std::string_view text, const SourceMap& where,
                                   std::string_view key) {
    const auto it = where.keys.find(key);
    if (it == where.keys.end())
        return std::nullopt;
    const std::size_t begin = start_of_line(text, byte_offset(text, it->second.key.begin));
    std::size_t end = end_of_line(text, byte_offset(text, it->second.value.end) - 1);
    std::size_t from = begin;
    if (end == text.size() && text.back() != '\n' && begin > 0) {
        // The last line of a file without a final newline: take the newline before it instead.
        from = begin - (begin >= 2 && text[begin - 2] == '\r' ? 2 : 1);
        end = text.size();
    }
    return TextEdit{from, end - from, ""};
}

TextEdit append_table(std::string_view text, const std::vector<std::string>& lines) {
    const std::string eol(line_ending(text));
    std::string block;
    const bool ends_with_newline = text.empty() || text.back() == '\n';
    block += ends_with_newline ? (text.empty() ? "" : eol) : eol + eol;
    for (std::size_t i = 0; i < lines.size(); ++i)
        block += lines[i] + (i + 1 < lines.size() || ends_with_newline ? eol : "");
    return {text.size(), 0, block};
}

std::string quoting_of(std::string_view text, const SourceMap& where, std::string_view key) {
    if (!where.keys.count(key))
        return {};
    return std::string(text.substr(value_bytes(text, where, key).first, 1));
}

TextEdit insert_table_after(std::string_view text, const std::vector<const SourceMap*>& after,
                            const std::vector<std::string>& lines) {
    std::size_t at = 0;
    for (const SourceMap* where : after)
        at = std::max(at, after_last_key(text, *where));
    if (after.empty())
        at = text.size();
    TextEdit edit = append_table(text.substr(0, at), lines);
    edit.offset = at;
    return edit;
}

Expected<const Issue*> find_issue(const Plan& plan, std::string_view id) {
    TRY_ASSIGN(const std::size_t index, find_issue_index(plan, id));
    return &plan.issues[index];
}

std::optional<TextEdit> note_edit(std::string_view text, const SourceMap& where,
                                  std::string_view notes, date::sys_days day,
                                  std::string_view event, std::string_view note) {
    if (note.empty())
        return std::nullopt;
    std::string line = fmt::format("{}, {}: {}", format_iso_date(day), event, note);
    if (!notes.empty())
        line = fmt::format("{}{}{}", notes, notes.ends_with('\n') ? "" : "\n", line);
    return set_key(text, where, "notes", toml_string(line));
}

TextEdit pause_table(const Plan& plan, std::string_view text,
                     const std::vector<std::string>& lines) {
    std::vector<const SourceMap*> pauses;
    for (const Pause& existing : plan.pauses)
        pauses.push_back(&existing.where);
    return pauses.empty() ? append_table(text, lines) : insert_table_after(text, pauses, lines);
}

} // namespace remedy
