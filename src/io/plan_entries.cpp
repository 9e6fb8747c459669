#include "plan_sections.h"
#include "remedy/io/limits.h"

#include <fmt/format.h>

namespace remedy {

namespace {

bool is_valid_id(std::string_view id) {
    const auto alnum = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    if (id.empty() || !alnum(id.front()))
        return false;
    for (char c : id)
        if (!alnum(c) && c != '.' && c != '_' && c != '-')
            return false;
    return true;
}

} // namespace

void read_issue(const toml::table& table, Reading& r, std::vector<Issue>& issues) {
    TableReader reader(table, "issue", r.file, r.diagnostics);
    Issue issue;
    ReadCompleteness::Issue& valid = r.complete.issues.emplace_back();
    // True when `read` reported no error: the rules then may rely on that value.
    const auto without_error = [&r](auto&& read) {
        const std::size_t errors_before = r.error_count();
        read();
        return r.error_count() == errors_before;
    };
    valid.id = without_error([&] {
        auto id = reader.line("id", Presence::required);
        if (id && character_count(*id) > limits::max_id_chars)
            reader.error(position_of(table.get("id")->source().begin),
                         too_long_message("issue.id", character_count(*id), limits::max_id_chars));
        else if (id && is_valid_id(*id))
            issue.id = std::move(*id);
        else if (id)
            reader.error(position_of(table.get("id")->source().begin),
                         fmt::format("issue.id '{}' must start with a letter or digit and hold "
                                     "only letters, digits, '.', '_' and '-'",
                                     *id));
    });
    issue.title = reader.line("title", Presence::required).value_or("");
    valid.priority = without_error([&] {
        issue.priority = reader.priority("priority", Presence::required).value_or(Priority::medium);
    });
    valid.due = without_error(
        [&] { issue.due = reader.day("due", Presence::required).value_or(date::sys_days{}); });
    valid.status = without_error([&] {
        const auto status = reader.line("status", Presence::optional);
        if (!status)
            return;
        if (const auto parsed = parse_issue_status(*status))
            issue.status = *parsed;
        else
            reader.error(position_of(table.get("status")->source().begin),
                         fmt::format("issue.status must be open, in_progress, resolved or waived, "
                                     "not '{}'",
                                     *status));
    });
    valid.resolved =
        without_error([&] { issue.resolved = reader.day("resolved", Presence::optional); });
    issue.category = reader.line("category", Presence::optional).value_or("");
    issue.owner = reader.line("owner", Presence::optional).value_or("");
    issue.notes = reader.text("notes", Presence::optional).value_or("");
    issue.waiver = reader.line("waiver", Presence::optional).value_or("");
    issue.where = reader.finish();
    issues.push_back(std::move(issue));
}

void read_incident(const toml::table& table, Reading& r, std::vector<Incident>& incidents) {
    TableReader reader(table, "incident", r.file, r.diagnostics);
    Incident incident;
    incident.date = reader.day("date", Presence::required).value_or(date::sys_days{});
    incident.priority = reader.priority("priority", Presence::required).value_or(Priority::low);
    incident.summary = reader.line("summary", Presence::required).value_or("");
    incident.where = reader.finish();
    incidents.push_back(std::move(incident));
}

} // namespace remedy
