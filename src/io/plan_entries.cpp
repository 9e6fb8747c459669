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

// An id as people type it: a letter or digit, then letters, digits, '.', '_' and '-'; empty
// when absent or wrong (then reported).
std::string read_id(TableReader& reader, const toml::table& table, std::string_view what,
                    Presence presence) {
    std::optional<std::string> id = reader.line("id", presence);
    if (!id)
        return {};
    const SourcePos at = position_of(table.get("id")->source().begin);
    if (character_count(*id) > limits::max_id_chars) {
        reader.error(at, too_long_message(what, character_count(*id), limits::max_id_chars));
        return {};
    }
    if (!is_valid_id(*id)) {
        reader.error(at, fmt::format("{} '{}' must start with a letter or digit and hold only "
                                     "letters, digits, '.', '_' and '-'",
                                     what, *id));
        return {};
    }
    return std::move(*id);
}

// A ticket number as the provider's system writes it: one line, not blank; empty when absent.
std::string read_ticket(TableReader& reader, const toml::table& table, std::string_view what) {
    std::optional<std::string> ticket = reader.line("ticket", Presence::optional);
    if (!ticket)
        return {};
    if (ticket->find_first_not_of(" \t") == std::string::npos) {
        reader.error(position_of(table.get("ticket")->source().begin),
                     fmt::format("{} must not be empty or blank; remove the key instead", what));
        return {};
    }
    return std::move(*ticket);
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
    valid.id =
        without_error([&] { issue.id = read_id(reader, table, "issue.id", Presence::required); });
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
    valid.waived = without_error([&] { issue.waived = reader.day("waived", Presence::optional); });
    issue.category = reader.line("category", Presence::optional).value_or("");
    issue.owner = reader.line("owner", Presence::optional).value_or("");
    issue.notes = reader.text("notes", Presence::optional).value_or("");
    issue.waiver = reader.line("waiver", Presence::optional).value_or("");
    issue.ticket = read_ticket(reader, table, "issue.ticket");
    issue.where = reader.finish();
    issues.push_back(std::move(issue));
}

void read_incident(const toml::table& table, Reading& r, std::vector<Incident>& incidents) {
    TableReader reader(table, "incident", r.file, r.diagnostics);
    ReadCompleteness::Incident& valid = r.complete.incidents.emplace_back();
    const std::size_t errors_before = r.error_count();
    Incident incident;
    incident.id = read_id(reader, table, "incident.id", Presence::optional);
    incident.date = reader.day("date", Presence::required).value_or(date::sys_days{});
    incident.priority = reader.priority("priority", Presence::required).value_or(Priority::low);
    incident.summary = reader.line("summary", Presence::required).value_or("");
    incident.status = reader.choice("status", Presence::optional, incident_statuses)
                          .value_or(IncidentStatus::confirmed);
    incident.dispute = reader.line("dispute", Presence::optional).value_or("");
    incident.disputed = reader.day("disputed", Presence::optional);
    incident.withdrawn = reader.day("withdrawn", Presence::optional);
    incident.notes = reader.text("notes", Presence::optional).value_or("");
    incident.ticket = read_ticket(reader, table, "incident.ticket");
    incident.where = reader.finish();
    valid.all = r.error_count() == errors_before;
    incidents.push_back(std::move(incident));
}

} // namespace remedy
