// [import]: which column of the provider's ticket export holds what, and what its words mean.

#include "plan_sections.h"
#include "remedy/model/ticket_import.h"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

namespace remedy {

namespace {

// A table of the export's words (`[import.statuses]`, `[import.priorities]`): every key is a
// word of the provider's system, so every key is known, and each value is read by `meaning`.
// Two words that the import would take for one (they differ only in case or surrounding
// blanks) are an error at the second: which of them it meant would depend on the file's order.
template <class Meaning, class ReadMeaning>
void read_words(TableReader& parent, Reading& r, std::string_view key,
                std::vector<std::pair<std::string, Meaning>>& words,
                const ReadMeaning& read_meaning) {
    const toml::table* table = sub_table(parent, key, Presence::optional);
    if (!table)
        return;
    TableReader reader(*table, parent.qualified(key), r.file, r.diagnostics);
    // In the file's order (toml++ keeps a table's keys sorted), so that "again" names the later.
    std::vector<const toml::key*> in_order;
    for (auto&& entry : *table)
        in_order.push_back(&entry.first);
    std::sort(in_order.begin(), in_order.end(), [](const toml::key* a, const toml::key* b) {
        return std::pair(a->source().begin.line, a->source().begin.column) <
               std::pair(b->source().begin.line, b->source().begin.column);
    });
    std::unordered_map<std::string, std::string> seen;
    for (const toml::key* key : in_order) {
        const toml::key& word = *key;
        const std::string_view text = word.str();
        const std::optional<Meaning> meaning = read_meaning(reader, text);
        const SourcePos at = position_of(word.source().begin);
        if (import_key(text).empty()) {
            reader.error(at, fmt::format("{}: a word of the export must not be empty or blank",
                                         reader.name()));
            continue;
        }
        const auto [first, fresh] = seen.emplace(import_key(text), std::string(text));
        if (!fresh) {
            reader.error(at, fmt::format("{} \"{}\" is \"{}\" again (the import reads words in "
                                         "any case); keep one",
                                         reader.name(), text, first->second));
            continue;
        }
        if (meaning)
            words.emplace_back(std::string(text), *meaning);
    }
    reader.finish();
}

} // namespace

void read_import(TableReader& root, Reading& r, ImportMapping& mapping) {
    const toml::table* table = sub_table(root, "import", Presence::optional);
    if (!table)
        return;
    mapping.present = true;
    TableReader reader(*table, "import", r.file, r.diagnostics);
    const auto column = [&](std::string_view key) {
        return reader.line(key, Presence::optional).value_or("");
    };
    mapping.ticket = column("ticket");
    mapping.status = column("status");
    mapping.resolved = column("resolved");
    mapping.priority = column("priority");
    mapping.summary = column("summary");
    mapping.created = column("created");
    mapping.dates = reader.choice("dates", Presence::optional, date_orders);
    read_words(reader, r, "statuses", mapping.statuses,
               [](TableReader& words, std::string_view word) -> std::optional<IssueStatus> {
                   const std::optional<std::string> meaning = words.line(word, Presence::required);
                   if (!meaning)
                       return std::nullopt;
                   const std::optional<IssueStatus> status = parse_issue_status(*meaning);
                   if (!status || *status == IssueStatus::waived) {
                       words.error(position_of(words.table().get(word)->source().begin),
                                   fmt::format("{} \"{}\" must be open, in_progress or resolved, "
                                               "not '{}'",
                                               words.name(), word, *meaning));
                       return std::nullopt;
                   }
                   return status;
               });
    read_words(reader, r, "priorities", mapping.priorities,
               [](TableReader& words, std::string_view word) {
                   return words.priority(word, Presence::required);
               });
    mapping.where = reader.finish();
}

} // namespace remedy
