#include "remedy/io/plan_reader.h"

#include "amount_reader.h"
#include "key_depth.h"
#include "remedy/io/limits.h"
#include "remedy/io/text_file.h"
#include "remedy/io/zone_file.h"
#include "remedy/model/currency.h"
#include "remedy/model/dates.h"
#include "remedy/model/mail_address.h"
#include "remedy/model/plan_rules.h"
#include "remedy/model/timebox.h"
#include "remedy/util/ascii.h"
#include "remedy/util/utf8.h"
#include "table_reader.h"
#include "utf8_check.h"

#include <algorithm>
#include <date/tz.h>
#include <fmt/format.h>
#include <variant>

namespace remedy {

namespace {

// What every section reader needs: where to report, and how much of the plan is valid.
struct Reading {
    const std::string& file;
    Diagnostics& diagnostics;
    ReadCompleteness complete;

    // Counted as the diagnostics grow (they are only ever appended while reading), so that
    // asking after every value of a million issues stays linear.
    std::size_t error_count() {
        for (; counted < diagnostics.size(); ++counted)
            errors += diagnostics[counted].severity == Severity::error;
        return errors;
    }
    std::size_t counted = 0; // diagnostics looked at by error_count
    std::size_t errors = 0;  // errors among them
};

// The table under `key` of `parent`, or null when absent or not a table (then reported).
const toml::table* sub_table(TableReader& parent, std::string_view key, Presence presence) {
    const toml::node* node = parent.node(key, Presence::optional);
    if (!node) {
        if (presence == Presence::required)
            parent.error(SourcePos{1, 1},
                         fmt::format("missing required table [{}]", parent.qualified(key)));
        return nullptr;
    }
    const toml::table* table = node->as_table();
    if (!table)
        parent.error(
            position_of(node->source().begin),
            fmt::format("{} must be a table, not {}", parent.qualified(key), type_name(*node)));
    return table;
}

// The tables of an array of tables such as [[issue]]; reports anything else under `key`, and
// more than `max_count` tables (at the first one too many, before any is read).
std::vector<const toml::table*> table_array(TableReader& parent, std::string_view key,
                                            std::size_t max_count) {
    std::vector<const toml::table*> tables;
    const toml::node* node = parent.node(key, Presence::optional);
    if (!node)
        return tables;
    const toml::array* array = node->as_array();
    if (!array) {
        parent.error(position_of(node->source().begin),
                     fmt::format("{0} must be an array of tables, written [[{0}]], not {1}",
                                 parent.qualified(key), type_name(*node)));
        return tables;
    }
    if (array->size() > max_count) {
        parent.error(position_of(array->get(max_count)->source().begin),
                     fmt::format("more than {} [[{}]] tables, the limit (docs/limits.md)",
                                 count_text(max_count), parent.qualified(key)));
        return tables;
    }
    for (const toml::node& element : *array) {
        if (const toml::table* table = element.as_table())
            tables.push_back(table);
        else
            parent.error(position_of(element.source().begin),
                         fmt::format("each {} must be a table, not {}", parent.qualified(key),
                                     type_name(element)));
    }
    return tables;
}

// An optional mailbox such as "Pat Doe <pat@acme-it.example>".
std::optional<std::string> mailbox(TableReader& reader, std::string_view key) {
    std::optional<std::string> text = reader.line(key, Presence::optional);
    if (!text)
        return std::nullopt;
    if (const Expected<MailAddress> parsed = parse_mail_address(*text); !parsed) {
        reader.error(position_of(reader.table().get(key)->source().begin),
                     fmt::format("{}: {}", reader.qualified(key), parsed.error()));
        return std::nullopt;
    }
    return text;
}

void read_client(TableReader& root, Reading& r, Client& client) {
    const toml::table* table = sub_table(root, "client", Presence::required);
    if (!table)
        return;
    TableReader reader(*table, "client", r.file, r.diagnostics);
    client.name = reader.line("name", Presence::required).value_or("");
    client.contact = mailbox(reader, "contact").value_or("");
    if (const auto timezone = reader.line("timezone", Presence::optional))
        client.timezone = *timezone;
    if (!is_zone_name(client.timezone))
        reader.error(position_of(table->get("timezone") ? table->get("timezone")->source().begin
                                                        : table->source().begin),
                     fmt::format("client.timezone '{}' is not a time zone of the system's "
                                 "database; use an IANA name such as \"America/Chicago\"",
                                 client.timezone));
    client.where = reader.finish();
}

void read_provider(TableReader& root, Reading& r, Provider& provider) {
    const toml::table* table = sub_table(root, "provider", Presence::required);
    if (!table)
        return;
    TableReader reader(*table, "provider", r.file, r.diagnostics);
    provider.name = reader.line("name", Presence::required).value_or("");
    provider.contact = mailbox(reader, "contact").value_or("");
    if (const toml::node* cc = reader.node("cc", Presence::optional)) {
        const toml::array* list = cc->as_array();
        if (!list)
            reader.error(
                position_of(cc->source().begin),
                fmt::format("provider.cc must be an array of addresses, not {}", type_name(*cc)));
        else if (list->size() > limits::max_cc) {
            reader.error(position_of(list->get(limits::max_cc)->source().begin),
                         fmt::format("provider.cc has more than {} addresses, the limit "
                                     "(docs/limits.md)",
                                     limits::max_cc));
            list = nullptr;
        }
        for (std::size_t i = 0; list && i < list->size(); ++i) {
            const toml::node& entry = *list->get(i);
            if (const auto* address = entry.as_string()) {
                if (const Expected<MailAddress> parsed = parse_mail_address(address->get()))
                    provider.cc.push_back(address->get());
                else
                    reader.error(position_of(entry.source().begin),
                                 fmt::format("provider.cc: {}", parsed.error()));
            } else
                reader.error(
                    position_of(entry.source().begin),
                    fmt::format("provider.cc entries must be strings, not {}", type_name(entry)));
        }
    }
    provider.where = reader.finish();
}

void read_contract(TableReader& root, Reading& r, Contract& contract) {
    const toml::table* table = sub_table(root, "contract", Presence::optional);
    if (!table)
        return;
    TableReader reader(*table, "contract", r.file, r.diagnostics);
    contract.reference = reader.line("reference", Presence::optional).value_or("");
    if (const auto currency = reader.line("currency", Presence::optional)) {
        const std::string code = to_upper_ascii(*currency);
        if (const std::optional<int> digits = currency_minor_digits(code)) {
            contract.currency = code;
            contract.minor_digits = *digits;
        } else {
            reader.error(position_of(table->get("currency")->source().begin),
                         fmt::format("contract.currency '{}' is not an ISO 4217 currency code "
                                     "such as \"USD\" or \"EUR\"",
                                     *currency));
        }
    }
    if (const auto fee = read_amount(reader, "monthly_fee", contract, false))
        contract.monthly_fee = fee->money;
    contract.where = reader.finish();
}

void read_extension(const toml::table& table, Reading& r, Timebox& timebox) {
    TableReader reader(table, "timebox.extension", r.file, r.diagnostics);
    Extension extension;
    extension.days =
        static_cast<int>(reader.integer("days", Presence::required, 1, 60).value_or(0));
    extension.agreed = reader.day("agreed", Presence::required).value_or(date::sys_days{});
    extension.reason = reader.line("reason", Presence::required).value_or("");
    extension.where = reader.finish();
    timebox.extensions.push_back(std::move(extension));
}

void read_email_settings(TableReader& root, Reading& r, EmailSettings& email) {
    const toml::table* table = sub_table(root, "email", Presence::optional);
    if (!table)
        return;
    TableReader reader(*table, "email", r.file, r.diagnostics);
    email.templates = reader.line("templates", Presence::optional).value_or("");
    email.where = reader.finish();
}

void read_timebox(TableReader& root, Reading& r, Timebox& timebox) {
    const toml::table* table = sub_table(root, "timebox", Presence::required);
    if (!table)
        return;
    const std::size_t errors_before = r.error_count();
    TableReader reader(*table, "timebox", r.file, r.diagnostics);
    const auto start = reader.day("start", Presence::required);
    timebox.start = start.value_or(date::sys_days{});
    r.complete.timebox_start = start.has_value();
    timebox.days = static_cast<int>(reader.integer("days", Presence::optional, 1, 60).value_or(60));
    for (const toml::table* extension : table_array(reader, "extension", limits::max_extensions))
        read_extension(*extension, r, timebox);
    timebox.where = reader.finish();
    if (r.error_count() != errors_before)
        return;
    // Every date remedy writes (the deadline, the calendar's events) stays in the years it
    // reads.
    const int days_left_in_range = days_between(timebox.start, date::sys_days{last_supported_day});
    if (timebox.days > days_left_in_range) {
        reader.error(timebox.where.value_of("days"),
                     fmt::format("the time box of {} days from {} ends after 9999-12-31, the "
                                 "last day remedy accepts",
                                 timebox.days, format_iso_date(timebox.start)));
        return;
    }
    std::int64_t total_days = timebox.days;
    for (const Extension& extension : timebox.extensions) {
        total_days += extension.days;
        if (total_days > days_left_in_range) {
            reader.error(extension.where.value_of("days"),
                         "timebox.extension days take the deadline past the year 9999");
            return;
        }
    }
    r.complete.deadline = true;
}

// [penalties.per_day] or [penalties.per_miss]: one amount per priority name or alias.
void read_amounts_by_priority(TableReader& penalties, std::string_view key,
                              const Contract& contract, Reading& r, AmountByPriority& amounts,
                              SourceMap& where) {
    const toml::table* table = sub_table(penalties, key, Presence::optional);
    if (!table)
        return;
    TableReader reader(*table, penalties.qualified(key), r.file, r.diagnostics);
    // toml++ keeps keys sorted; the file's order decides which of two aliases came first.
    std::vector<const toml::key*> keys;
    for (auto&& [name, value] : *table)
        keys.push_back(&name);
    std::sort(keys.begin(), keys.end(), [](const toml::key* a, const toml::key* b) {
        const auto& pa = a->source().begin;
        const auto& pb = b->source().begin;
        return std::pair(pa.line, pa.column) < std::pair(pb.line, pb.column);
    });
    std::array<SourcePos, 4> first_place{};
    for (const toml::key* key : keys) {
        const toml::key& name = *key;
        const SourcePos key_pos = position_of(name.source().begin);
        const std::optional<Priority> priority = parse_priority(name.str());
        if (!priority) {
            reader.node(name.str(), Presence::optional); // reported here, not as unknown
            reader.error(key_pos, fmt::format("{} is not a priority; use low, medium, high or "
                                              "critical (or P4..P1)",
                                              reader.qualified(name.str())));
            continue;
        }
        const auto slot = static_cast<std::size_t>(*priority);
        std::optional<Amount> amount = read_amount(reader, name.str(), contract, true);
        if (first_place[slot].known()) {
            reader.error(key_pos, fmt::format("{} sets {} a second time (first at line {})",
                                              reader.qualified(name.str()), remedy::name(*priority),
                                              first_place[slot].line));
            continue;
        }
        first_place[slot] = key_pos;
        amounts[slot] = amount;
    }
    where = reader.finish();
}

void read_penalties(TableReader& root, const Contract& contract, Reading& r, Penalties& penalties) {
    const toml::table* table = sub_table(root, "penalties", Presence::optional);
    if (!table) {
        r.complete.penalties = true;
        return;
    }
    const std::size_t errors_before = r.error_count();
    penalties.present = true;
    TableReader reader(*table, "penalties", r.file, r.diagnostics);
    penalties.grace_days =
        static_cast<int>(reader.integer("grace_days", Presence::optional, 0, 365).value_or(0));
    penalties.cap = read_amount(reader, "cap", contract, true);
    if (penalties.cap && penalties.cap->money.minor == 0) {
        reader.error(position_of(table->get("cap")->source().begin),
                     "penalties.cap must be more than zero; leave it out for no cap");
        penalties.cap.reset();
    }
    penalties.terminate_at_cap =
        reader.boolean("terminate_at_cap", Presence::optional).value_or(false);
    read_amounts_by_priority(reader, "per_day", contract, r, penalties.per_day,
                             penalties.per_day_where);
    read_amounts_by_priority(reader, "per_miss", contract, r, penalties.per_miss,
                             penalties.per_miss_where);
    penalties.where = reader.finish();
    r.complete.penalties = r.error_count() == errors_before;
}

void read_ultimatum(TableReader& root, const Timebox& timebox, Reading& r, Ultimatum& ultimatum) {
    ultimatum.issued = timebox.start;
    const toml::table* table = sub_table(root, "ultimatum", Presence::optional);
    if (!table)
        return;
    ultimatum.present = true;
    TableReader reader(*table, "ultimatum", r.file, r.diagnostics);
    ultimatum.issued = reader.day("issued", Presence::optional).value_or(timebox.start);
    ultimatum.strikes =
        static_cast<int>(reader.integer("strikes", Presence::optional, 1, 1000).value_or(1));
    ultimatum.severity = reader.priority("severity", Presence::optional).value_or(Priority::high);
    ultimatum.where = reader.finish();
}

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

// toml++ reports a string left open at the end of its line as a forbidden control character
// (the newline); say what the person has to do instead.
std::string describe_syntax_error(std::string_view text, const toml::parse_error& error) {
    const std::string_view description = error.description();
    const toml::source_position at = error.source().begin;
    if (description.find("parsing string") != std::string_view::npos && at.line > 0) {
        std::size_t start = 0;
        for (std::uint32_t line = 1; line < at.line && start != std::string_view::npos; ++line) {
            start = text.find('\n', start);
            start = start == std::string_view::npos ? start : start + 1;
        }
        if (start != std::string_view::npos) {
            std::string_view line = text.substr(start, text.find('\n', start) - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (at.column > character_count(line))
                return "invalid TOML: the string is not closed before the end of the line; add "
                       "the closing quote";
        }
    }
    // toml++ names its compile-time setting; say what it means for the file.
    if (description.find("maximum nested value depth") != std::string_view::npos)
        return "invalid TOML: arrays or inline tables nested more than 256 deep, the limit "
               "(docs/limits.md)";
    return fmt::format("invalid TOML: {}", description);
}

LoadResult read_document(const toml::table& document, const std::string& file) {
    LoadResult result;
    Plan plan;
    plan.file = file;
    Reading r{file, result.diagnostics, {}};
    TableReader root(document, "", file, result.diagnostics);
    // Order matters: money needs the contract's currency and fee, dates need the time box.
    read_client(root, r, plan.client);
    read_provider(root, r, plan.provider);
    read_contract(root, r, plan.contract);
    read_timebox(root, r, plan.timebox);
    read_penalties(root, plan.contract, r, plan.penalties);
    read_ultimatum(root, plan.timebox, r, plan.ultimatum);
    read_email_settings(root, r, plan.email);
    for (const toml::table* table : table_array(root, "issue", limits::max_issues))
        read_issue(*table, r, plan.issues);
    for (const toml::table* table : table_array(root, "incident", limits::max_incidents))
        read_incident(*table, r, plan.incidents);
    root.finish();

    check_plan_rules(plan, r.complete, result.diagnostics);
    // In the order of the file, as a compiler reports, whatever step found them.
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::pair(a.pos.line, a.pos.column) <
                                std::pair(b.pos.line, b.pos.column);
                     });
    if (!has_errors(result.diagnostics))
        result.plan = std::move(plan);
    return result;
}

// The TOML document of `text`, or the located error that stops the reading.
std::variant<toml::table, Diagnostic> parse_document(std::string_view text,
                                                     const std::string& file) {
    if (const std::optional<SourcePos> at = find_too_deep_key(text, limits::max_key_parts))
        return Diagnostic{Severity::error, file, *at,
                          fmt::format("a dotted key or table header has more than {} parts, the "
                                      "limit (docs/limits.md)",
                                      limits::max_key_parts)};
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error& error) {
        SourcePos at = position_of(error.source().begin);
        if (error.description().find("invalid utf-8") != std::string_view::npos)
            at = first_invalid_utf8(text).value_or(at);
        return Diagnostic{Severity::error, file, at, describe_syntax_error(text, error)};
    }
}

LoadResult refused(Diagnostic diagnostic) {
    LoadResult result;
    result.diagnostics.push_back(std::move(diagnostic));
    return result;
}

} // namespace

LoadResult read_plan(std::string_view text, const std::string& file) {
    std::variant<toml::table, Diagnostic> parsed = parse_document(text, file);
    if (Diagnostic* error = std::get_if<Diagnostic>(&parsed))
        return refused(std::move(*error));
    return read_document(std::get<toml::table>(parsed), file);
}

LoadResult load_plan_file(const std::string& path) {
    Expected<std::string> text = read_text_file(path);
    if (!text) {
        LoadResult result = refused({Severity::error, path, SourcePos{},
                                     fmt::format("cannot read the plan: {}", text.error())});
        result.file_read = false;
        return result;
    }
    std::variant<toml::table, Diagnostic> parsed = parse_document(*text, path);
    if (Diagnostic* error = std::get_if<Diagnostic>(&parsed))
        return refused(std::move(*error));
    // The document holds everything now: without the text beside it, the peak of a big plan
    // is the document and the plan read from it (docs/performance.md).
    std::string().swap(text.value());
    return read_document(std::get<toml::table>(parsed), path);
}

} // namespace remedy
