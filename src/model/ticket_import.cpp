#include "remedy/model/ticket_import.h"

#include "remedy/model/dates.h"
#include "remedy/model/export_date.h"
#include "remedy/model/timebox.h"
#include "remedy/model/wording.h"
#include "remedy/util/ascii.h"
#include "remedy/util/utf8.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace remedy {

std::string import_key(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return to_lower_ascii(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

namespace {

std::string_view trimmed(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// A cell as one line: every run of blanks and line breaks one space.
std::string one_line(std::string_view text) {
    std::string out;
    bool blank = false;
    for (char c : trimmed(text)) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            blank = true;
            continue;
        }
        if (blank)
            out += ' ';
        blank = false;
        out += c;
    }
    return out;
}

// C0 (but tab), DEL and C1 controls: what no one-line string of the plan may hold.
bool has_control_character(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t') || c == 0x7f ||
            (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F))
            return true;
    }
    return false;
}

// The columns of the mapping in the export's header; npos where the mapping names none.
struct Columns {
    static constexpr std::size_t none = std::string::npos;
    std::size_t ticket = none, status = none, resolved = none, priority = none, summary = none,
                created = none;
};

// An issue as the rows found it: the plan's status and resolution, then what the rows before
// decided, and the first row that named it.
struct IssueState {
    IssueStatus status;
    std::optional<date::sys_days> resolved;
    std::uint32_t first_line = 0;
};

class Importer {
public:
    Importer(const Plan& plan, const ExportTable& table, const ImportOptions& options)
        : plan_(plan), mapping_(plan.import_mapping), table_(table), options_(options),
          deadline_(deadline_on(plan, options.today)) {}

    Expected<ImportDecisions> run();

private:
    std::string_view cell(const ExportRow& row, std::size_t column) const {
        return column < row.cells.size() ? std::string_view(row.cells[column]) : std::string_view{};
    }
    void refuse(const ExportRow& row, std::string message) {
        decisions_.refused.push_back({row.line, std::move(message)});
    }
    bool find_columns();
    void issue_row(const ExportRow& row, std::size_t issue, std::string_view ticket);
    void incident_row(const ExportRow& row, std::string_view ticket);
    Expected<IssueStatus> status_of(const ExportRow& row) const;
    Expected<date::sys_days> date_in(const ExportRow& row, std::size_t column, std::string_view key,
                                     std::string_view what) const;
    std::string after_today(date::sys_days day, std::string_view what) const;

    const Plan& plan_;
    const ImportMapping& mapping_;
    const ExportTable& table_;
    const ImportOptions& options_;
    const date::sys_days deadline_;
    Columns columns_;
    ImportDecisions decisions_;
    std::unordered_map<std::string, std::size_t> issue_by_ticket_;
    std::unordered_map<std::size_t, IssueState> states_;
    std::unordered_set<std::string> incident_tickets_; // the plan's, and those recorded here
    // The incidents by day and summary, with their ticket: an incident is recorded once.
    std::map<std::pair<date::sys_days, std::string>, std::string> incidents_by_day_;
};

bool Importer::find_columns() {
    std::unordered_map<std::string, std::size_t> index;
    std::vector<std::string> duplicated;
    for (std::size_t i = 0; i < table_.header.size(); ++i)
        if (!index.emplace(import_key(table_.header[i]), i).second)
            duplicated.push_back(import_key(table_.header[i]));
    std::string columns;
    for (std::size_t i = 0; i < table_.header.size() && i < 20; ++i)
        columns += (i ? ", " : "") + quoted_cell(table_.header[i]);
    if (table_.header.size() > 20)
        columns += fmt::format(" and {} more", table_.header.size() - 20);
    bool found = true;
    const auto find = [&](std::size_t& column, std::string_view name, std::string_view key) {
        if (name.empty())
            return;
        const std::string wanted = import_key(name);
        if (std::find(duplicated.begin(), duplicated.end(), wanted) != duplicated.end()) {
            decisions_.refused.push_back(
                {table_.header_line, fmt::format("the header has the column {} (import.{}) twice",
                                                 quoted_cell(name), key)});
            found = false;
        } else if (const auto at = index.find(wanted); at != index.end()) {
            column = at->second;
        } else {
            decisions_.refused.push_back(
                {table_.header_line, fmt::format("the header has no column {} (import.{}); its "
                                                 "columns are {}",
                                                 quoted_cell(name), key, columns)});
            found = false;
        }
    };
    find(columns_.ticket, mapping_.ticket, "ticket");
    find(columns_.status, mapping_.status, "status");
    find(columns_.resolved, mapping_.resolved, "resolved");
    if (options_.incidents) {
        find(columns_.priority, mapping_.priority, "priority");
        find(columns_.created, mapping_.created, "created");
        find(columns_.summary, mapping_.summary, "summary");
    }
    return found;
}

Expected<ImportDecisions> Importer::run() {
    if (mapping_.ticket.empty())
        return fail(fmt::format("{} has no [import] ticket = \"COLUMN\": which column of the "
                                "export holds the ticket numbers",
                                plan_.file));
    if (options_.incidents && (mapping_.priority.empty() || mapping_.created.empty()))
        return fail(fmt::format("--incidents needs [import] priority = \"COLUMN\" and created = "
                                "\"COLUMN\" in {}: which columns hold a ticket's priority and the "
                                "day it was opened",
                                plan_.file));
    if (!find_columns())
        return std::move(decisions_);
    for (std::size_t i = 0; i < plan_.issues.size(); ++i)
        if (!plan_.issues[i].ticket.empty())
            issue_by_ticket_.emplace(import_key(plan_.issues[i].ticket), i);
    for (const Incident& incident : plan_.incidents) {
        if (!incident.ticket.empty())
            incident_tickets_.insert(import_key(incident.ticket));
        incidents_by_day_.emplace(std::pair(incident.date, incident.summary), incident.ticket);
    }
    for (const ExportRow& row : table_.rows) {
        const std::string_view ticket = trimmed(cell(row, columns_.ticket));
        const std::string key = import_key(ticket);
        if (const auto issue = issue_by_ticket_.find(key);
            !key.empty() && issue != issue_by_ticket_.end())
            issue_row(row, issue->second, ticket);
        else if (!key.empty() && incident_tickets_.count(key))
            ++decisions_.unchanged;
        else if (!key.empty() && options_.incidents)
            incident_row(row, ticket);
        else
            ++decisions_.unmatched;
    }
    return std::move(decisions_);
}

Expected<IssueStatus> Importer::status_of(const ExportRow& row) const {
    if (columns_.status == Columns::none)
        return trimmed(cell(row, columns_.resolved)).empty() ? IssueStatus::open
                                                             : IssueStatus::resolved;
    const std::string_view word = trimmed(cell(row, columns_.status));
    if (word.empty())
        return fail(
            fmt::format("the row gives no status (column {})", quoted_cell(mapping_.status)));
    const std::string key = import_key(word);
    for (const auto& [written, status] : mapping_.statuses)
        if (import_key(written) == key)
            return status;
    // remedy's own words need no mapping, written as a person writes them ("In Progress").
    std::string own(word);
    std::replace(own.begin(), own.end(), ' ', '_');
    if (const auto status = parse_issue_status(own); status && *status != IssueStatus::waived)
        return *status;
    return fail(fmt::format("the status {} is not in [import.statuses]; add it there as \"open\", "
                            "\"in_progress\" or \"resolved\"",
                            quoted_cell(word)));
}

Expected<date::sys_days> Importer::date_in(const ExportRow& row, std::size_t column,
                                           std::string_view key, std::string_view what) const {
    const std::string_view text = trimmed(cell(row, column));
    if (text.empty())
        return fail(fmt::format("the row gives no {} (column {}, import.{})", what,
                                quoted_cell(table_.header[column]), key));
    const Expected<date::sys_days> day = parse_export_date(text, mapping_.dates);
    if (!day)
        return fail(fmt::format("{} (column {}): {}", what, quoted_cell(table_.header[column]),
                                day.error()));
    return *day;
}

std::string Importer::after_today(date::sys_days day, std::string_view what) const {
    return fmt::format("{} {} is after {}, the day of this import: a fact is recorded once it "
                       "has happened",
                       what, format_iso_date(day), format_iso_date(options_.today));
}

std::string words_of(IssueStatus status, std::optional<date::sys_days> resolved) {
    if (status == IssueStatus::resolved && resolved)
        return fmt::format("resolved on {}", format_iso_date(*resolved));
    return std::string(name(status));
}

void Importer::issue_row(const ExportRow& row, std::size_t index, std::string_view ticket) {
    const Issue& issue = plan_.issues[index];
    const std::string who = fmt::format("ticket {} ({})", quoted_cell(ticket), issue.id);
    const Expected<IssueStatus> wanted = status_of(row);
    if (!wanted)
        return refuse(row, fmt::format("{}: {}", who, wanted.error()));
    std::optional<date::sys_days> day;
    if (*wanted == IssueStatus::resolved) {
        if (columns_.resolved == Columns::none)
            return refuse(row, fmt::format("{}: the row says resolved, and [import] names no "
                                           "resolved = \"COLUMN\" for the day",
                                           who));
        const Expected<date::sys_days> resolved =
            date_in(row, columns_.resolved, "resolved", "resolution date");
        if (!resolved)
            return refuse(row, fmt::format("{}: {}", who, resolved.error()));
        day = *resolved;
    }
    auto [state, first] =
        states_.try_emplace(index, IssueState{issue.status, issue.resolved, row.line});
    IssueState& now = state->second;
    // What the plan says can only be contradicted; what an earlier row of this export decided,
    // only repeated.
    const bool decided_here =
        !first && (now.status != issue.status || now.resolved != issue.resolved);
    const auto contradiction = [&](std::string why) {
        if (decided_here)
            return refuse(row, fmt::format("{}: ticket is also at line {}, which says {}; this row "
                                           "says {}",
                                           who, now.first_line, words_of(now.status, now.resolved),
                                           words_of(*wanted, day)));
        refuse(row, fmt::format("{}: {}", who, why));
    };
    if (now.status == IssueStatus::waived) {
        ++decisions_.unchanged; // the waiver is the client's decision; the export cannot undo it
        return;
    }
    if (now.status == IssueStatus::resolved) {
        if (*wanted != IssueStatus::resolved)
            return contradiction(fmt::format(
                "the export has it {} again, the plan resolved on {}; if it was reopened, say so "
                "with remedy reopen {} --reason \"...\"",
                name(*wanted), format_iso_date(*now.resolved), issue.id));
        if (*day != *now.resolved)
            return contradiction(fmt::format("the export has it resolved on {}, the plan on {}",
                                             format_iso_date(*day),
                                             format_iso_date(*now.resolved)));
        ++decisions_.unchanged;
        return;
    }
    // open or in progress in the plan: open in the export says nothing new (a start is not
    // undone by an export), in progress starts an open issue, resolved resolves it.
    if (*wanted == IssueStatus::open ||
        (*wanted == IssueStatus::in_progress && now.status == IssueStatus::in_progress)) {
        ++decisions_.unchanged;
        return;
    }
    if (decided_here)
        return contradiction("");
    // A new fact: recorded once it has happened, within the time box.
    if (day && *day > options_.today)
        return refuse(row, fmt::format("{}: {}", who, after_today(*day, "the resolution date")));
    if (day && *day < plan_.timebox.start)
        return refuse(row, fmt::format("{}: the resolution date {} is before the time box starts "
                                       "on {}",
                                       who, format_iso_date(*day),
                                       format_iso_date(plan_.timebox.start)));
    ImportedFact fact;
    fact.kind = *wanted == IssueStatus::resolved ? ImportedFact::Kind::resolution
                                                 : ImportedFact::Kind::start;
    fact.line = row.line;
    fact.ticket = std::string(ticket);
    fact.issue = index;
    if (day)
        fact.day = *day;
    decisions_.facts.push_back(std::move(fact));
    now.status = *wanted;
    now.resolved = day;
}

void Importer::incident_row(const ExportRow& row, std::string_view ticket) {
    const std::string who = fmt::format("ticket {}", quoted_cell(ticket));
    const std::string_view word = trimmed(cell(row, columns_.priority));
    std::optional<Priority> priority;
    const std::string key = import_key(word);
    for (const auto& [written, meaning] : mapping_.priorities)
        if (import_key(written) == key)
            priority = meaning;
    if (!priority)
        priority = parse_priority(word); // remedy's own words need no mapping
    if (word.empty())
        return refuse(row, fmt::format("{}: the row gives no priority (column {}), which "
                                       "--incidents needs",
                                       who, quoted_cell(mapping_.priority)));
    if (!priority)
        return refuse(row, fmt::format("{}: the priority {} is not in [import.priorities]; add it "
                                       "there as low, medium, high or critical",
                                       who, quoted_cell(word)));
    if (*priority < *options_.incidents) {
        ++decisions_.unmatched;
        return;
    }
    const Expected<date::sys_days> created =
        date_in(row, columns_.created, "created", "creation date");
    if (!created)
        return refuse(row, fmt::format("{}: {}", who, created.error()));
    if (*created < plan_.timebox.start || *created > deadline_) {
        ++decisions_.unmatched; // outside the time box: not the plan's incident
        return;
    }
    if (*created > options_.today)
        return refuse(row, fmt::format("{}: {}", who, after_today(*created, "the creation date")));
    std::string summary =
        columns_.summary == Columns::none ? std::string() : one_line(cell(row, columns_.summary));
    if (summary.empty())
        summary = fmt::format("ticket {}", ticket);
    // The plan's rules of a one-line string, checked here so that the row is named.
    for (const auto& [what, text] : {std::pair("ticket number", std::string_view(ticket)),
                                     std::pair("summary", std::string_view(summary))}) {
        if (has_control_character(text))
            return refuse(row, fmt::format("{}: the {} holds a control character", who, what));
        if (character_count(text) > options_.max_line_chars)
            return refuse(row, fmt::format("{}: the {} is {} characters long; the limit is {} "
                                           "(docs/limits.md)",
                                           who, what, count_text(character_count(text)),
                                           count_text(options_.max_line_chars)));
    }
    const auto [same, fresh] =
        incidents_by_day_.emplace(std::pair(*created, summary), std::string(ticket));
    if (!fresh) {
        if (same->second.empty()) {
            // Recorded by hand before it had its ticket: the same incident.
            ++decisions_.unchanged;
            return;
        }
        return refuse(row, fmt::format("{}: the incident of {} with this summary is already "
                                       "recorded, under ticket {}; an incident counts once",
                                       who, format_iso_date(*created), quoted_cell(same->second)));
    }
    incident_tickets_.insert(import_key(ticket));
    ImportedFact fact;
    fact.kind = ImportedFact::Kind::incident;
    fact.line = row.line;
    fact.ticket = std::string(ticket);
    fact.day = *created;
    fact.priority = *priority;
    fact.summary = std::move(summary);
    decisions_.facts.push_back(std::move(fact));
}

} // namespace

Expected<ImportDecisions> decide_import(const Plan& plan, const ExportTable& table,
                                        const ImportOptions& options) {
    return Importer(plan, table, options).run();
}

} // namespace remedy
