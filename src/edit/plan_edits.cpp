#include "remedy/edit/plan_edits.h"

#include "remedy/edit/text_edit.h"
#include "remedy/model/dates.h"
#include "remedy/model/wording.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

// The region of `key`'s value as byte offsets.
std::pair<std::size_t, std::size_t> value_bytes(std::string_view text, const SourceMap& where,
                                                std::string_view key) {
    const SourceMap::Entry& entry = where.keys.find(key)->second;
    return {byte_offset(text, entry.value.begin), byte_offset(text, entry.value.end)};
}

// The start of the line after the table's last key (or its header): where a new key goes.
std::size_t after_last_key(std::string_view text, const SourceMap& where) {
    std::size_t last = byte_offset(text, where.table.begin);
    for (const auto& [key, entry] : where.keys)
        last = std::max(last, byte_offset(text, entry.value.end));
    return end_of_line(text, last == 0 ? 0 : last - 1);
}

// A string written the way the value it replaces was quoted, when that is possible.
std::string string_like(std::string_view existing, std::string_view value) {
    if (!existing.empty() && existing.front() == '\'' && value.find('\'') == std::string::npos &&
        value.find('\n') == std::string::npos)
        return fmt::format("'{}'", value);
    return toml_string(value);
}

// `key = literal` in the table: the value replaced where it is, or a new line after the
// table's last key, indented like it.
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

// The line of `key`, removed whole (with its comment and line ending).
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

// A new table appended at the end of the file, after a blank line, in the file's line endings;
// a file without a final newline keeps none.
TextEdit append_table(std::string_view text, const std::vector<std::string>& lines) {
    const std::string eol(line_ending(text));
    std::string block;
    const bool ends_with_newline = text.empty() || text.back() == '\n';
    block += ends_with_newline ? (text.empty() ? "" : eol) : eol + eol;
    for (std::size_t i = 0; i < lines.size(); ++i)
        block += lines[i] + (i + 1 < lines.size() || ends_with_newline ? eol : "");
    return {text.size(), 0, block};
}

Expected<const Issue*> find_issue(const Plan& plan, std::string_view id) {
    for (const Issue& issue : plan.issues)
        if (issue.id == id)
            return &issue;
    return fail(fmt::format("{} has no issue {}", plan.file, id));
}

} // namespace

Expected<PlanChange> resolve_issue(const Plan& plan, std::string_view text, std::string_view id,
                                   date::sys_days on) {
    const Expected<const Issue*> found = find_issue(plan, id);
    if (!found)
        return fail(found.error());
    const Issue& issue = **found;
    if (issue.status == IssueStatus::resolved)
        return fail(fmt::format("{} is already resolved (on {})", issue.id,
                                format_iso_date(*issue.resolved)));
    if (issue.status == IssueStatus::waived)
        return fail(fmt::format("{} is waived; reopen it first to resolve it", issue.id));
    const std::string existing =
        issue.where.keys.count("status")
            ? std::string(text.substr(value_bytes(text, issue.where, "status").first, 1))
            : "";
    return PlanChange{
        apply_edits(text, {set_key(text, issue.where, "status", string_like(existing, "resolved")),
                           set_key(text, issue.where, "resolved", format_iso_date(on))}),
        fmt::format("{} resolved on {}", issue_label(issue), format_iso_date(on))};
}

Expected<PlanChange> reopen_issue(const Plan& plan, std::string_view text, std::string_view id) {
    const Expected<const Issue*> found = find_issue(plan, id);
    if (!found)
        return fail(found.error());
    const Issue& issue = **found;
    if (issue.status != IssueStatus::resolved && issue.status != IssueStatus::waived)
        return fail(fmt::format("{} is {}, not resolved or waived: nothing to reopen", issue.id,
                                name(issue.status)));
    const std::string existing(text.substr(value_bytes(text, issue.where, "status").first, 1));
    std::vector<TextEdit> edits = {
        set_key(text, issue.where, "status", string_like(existing, "open"))};
    for (std::string_view key : {"resolved", "waiver"})
        if (auto removal = remove_key(text, issue.where, key))
            edits.push_back(*removal);
    return PlanChange{apply_edits(text, edits),
                      fmt::format("{} reopened (was {})", issue_label(issue), name(issue.status))};
}

Expected<PlanChange> waive_issue(const Plan& plan, std::string_view text, std::string_view id,
                                 std::string_view reason) {
    const Expected<const Issue*> found = find_issue(plan, id);
    if (!found)
        return fail(found.error());
    const Issue& issue = **found;
    if (issue.status == IssueStatus::waived)
        return fail(fmt::format("{} is already waived", issue.id));
    if (issue.status == IssueStatus::resolved)
        return fail(fmt::format("{} is resolved; reopen it first to waive it", issue.id));
    const std::string existing =
        issue.where.keys.count("status")
            ? std::string(text.substr(value_bytes(text, issue.where, "status").first, 1))
            : "";
    return PlanChange{
        apply_edits(text, {set_key(text, issue.where, "status", string_like(existing, "waived")),
                           set_key(text, issue.where, "waiver", toml_string(reason))}),
        fmt::format("{} waived: {}", issue_label(issue), reason)};
}

Expected<PlanChange> add_incident(const Plan&, std::string_view text, Priority priority,
                                  std::string_view summary, date::sys_days on) {
    return PlanChange{
        apply_edits(text, {append_table(text, {"[[incident]]", "date = " + format_iso_date(on),
                                               fmt::format("priority = \"{}\"", name(priority)),
                                               "summary = " + toml_string(summary)})}),
        fmt::format("{} incident recorded on {}: {}", name(priority), format_iso_date(on),
                    summary)};
}

Expected<PlanChange> add_extension(const Plan& plan, std::string_view text, int days,
                                   std::string_view reason, date::sys_days agreed) {
    // After the time box and its last extension, so the extensions stay together.
    std::size_t at = after_last_key(text, plan.timebox.where);
    for (const Extension& extension : plan.timebox.extensions)
        at = std::max(at, after_last_key(text, extension.where));
    const std::vector<std::string> lines = {"[[timebox.extension]]", fmt::format("days = {}", days),
                                            "agreed = " + format_iso_date(agreed),
                                            "reason = " + toml_string(reason)};
    TextEdit edit = append_table(text.substr(0, at), lines);
    edit.offset = at;
    return PlanChange{apply_edits(text, {edit}),
                      fmt::format("time box extended by {} (agreed {}): {}", plural(days, "day"),
                                  format_iso_date(agreed), reason)};
}

Expected<PlanChange> add_issue(const Plan& plan, std::string_view text, const NewIssue& wanted) {
    std::string id = wanted.id;
    if (id.empty()) {
        // The prefix the category's issues already use, else the category's first letters.
        std::string prefix;
        for (const Issue& issue : plan.issues)
            if (!wanted.category.empty() && issue.category == wanted.category &&
                issue.id.find('-') != std::string::npos)
                prefix = issue.id.substr(0, issue.id.rfind('-'));
        if (prefix.empty())
            for (char c : wanted.category)
                if (prefix.size() < 3 && std::isalnum(static_cast<unsigned char>(c)))
                    prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (prefix.empty())
            prefix = "ISSUE";
        int next = 1;
        for (const Issue& issue : plan.issues)
            if (issue.id.rfind(prefix + "-", 0) == 0) {
                const std::string number = issue.id.substr(prefix.size() + 1);
                if (!number.empty() && number.size() < 9 &&
                    std::all_of(number.begin(), number.end(), ::isdigit))
                    next = std::max(next, std::stoi(number) + 1);
            }
        id = fmt::format("{}-{}", prefix, next);
    }
    std::vector<std::string> lines = {"[[issue]]", "id = " + toml_string(id),
                                      "title = " + toml_string(wanted.title),
                                      fmt::format("priority = \"{}\"", name(wanted.priority)),
                                      "due = " + format_iso_date(wanted.due)};
    if (!wanted.category.empty())
        lines.push_back("category = " + toml_string(wanted.category));
    if (!wanted.owner.empty())
        lines.push_back("owner = " + toml_string(wanted.owner));
    return PlanChange{apply_edits(text, {append_table(text, lines)}),
                      fmt::format("{} ({}) added, due {}: {}", id, name(wanted.priority),
                                  format_iso_date(wanted.due), wanted.title)};
}

} // namespace remedy
