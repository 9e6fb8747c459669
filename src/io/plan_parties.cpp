#include "amount_reader.h"
#include "plan_sections.h"
#include "remedy/io/file_beside.h"
#include "remedy/io/limits.h"
#include "remedy/io/zone_file.h"
#include "remedy/model/currency.h"
#include "remedy/model/fact_owners.h"
#include "remedy/model/mail_address.h"
#include "remedy/util/ascii.h"

#include <fmt/format.h>

namespace remedy {

namespace {

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

// An optional array of mailboxes, such as provider.cc or client.people.
std::vector<std::string> address_list(TableReader& reader, std::string_view key) {
    std::vector<std::string> addresses;
    const toml::node* node = reader.node(key, Presence::optional);
    if (!node)
        return addresses;
    const std::string name = reader.qualified(key);
    const toml::array* list = node->as_array();
    if (!list) {
        reader.error(
            position_of(node->source().begin),
            fmt::format("{} must be an array of addresses, not {}", name, type_name(*node)));
        return addresses;
    }
    if (list->size() > limits::max_cc) {
        reader.error(position_of(list->get(limits::max_cc)->source().begin),
                     fmt::format("{} has more than {} addresses, the limit (docs/limits.md)", name,
                                 limits::max_cc));
        return addresses;
    }
    for (const toml::node& entry : *list) {
        if (!entry.as_string()) {
            reader.error(position_of(entry.source().begin),
                         fmt::format("{} entries must be strings, not {}", name, type_name(entry)));
            continue;
        }
        // The rules of every string: no control character, no overlong text.
        const std::optional<std::string> address = reader.line_of(entry, name);
        if (!address)
            continue;
        if (const Expected<MailAddress> parsed = parse_mail_address(*address))
            addresses.push_back(*address);
        else
            reader.error(position_of(entry.source().begin),
                         fmt::format("{}: {}", name, parsed.error()));
    }
    return addresses;
}

// The audit.signers path: relative to the plan's folder and inside it, as git names files.
std::optional<std::string> inside_folder_error(std::string_view path) {
    if (path.empty())
        return "is empty";
    if (path.front() == '/')
        return "is an absolute path; name a file inside the plan's folder";
    for (std::size_t at = 0; at <= path.size();) {
        const std::size_t end = std::min(path.find('/', at), path.size());
        if (path.substr(at, end - at) == "..")
            return "leaves the plan's folder (..); name a file inside it";
        at = end + 1;
    }
    return std::nullopt;
}

} // namespace

void read_audit(TableReader& root, Reading& r, Audit& audit) {
    const toml::table* table = sub_table(root, "audit", Presence::optional);
    if (!table)
        return;
    TableReader reader(*table, "audit", r.file, r.diagnostics);
    if (const auto signers = reader.line("signers", Presence::optional)) {
        if (const std::optional<std::string> error = inside_folder_error(*signers))
            reader.error(position_of(table->get("signers")->source().begin),
                         fmt::format("audit.signers '{}' {}", *signers, *error));
        else
            audit.signers = *signers;
    }
    audit.where = reader.finish();
}

void read_client(TableReader& root, Reading& r, Client& client) {
    const toml::table* table = sub_table(root, "client", Presence::required);
    if (!table)
        return;
    TableReader reader(*table, "client", r.file, r.diagnostics);
    client.name = reader.line("name", Presence::required).value_or("");
    client.contact = mailbox(reader, "contact").value_or("");
    client.people = address_list(reader, "people");
    r.client_people = client.people;
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
    provider.cc = address_list(reader, "cc");
    provider.people = address_list(reader, "people");
    for (const std::string& address : provider.people)
        if (speaks_for(r.client_people, address))
            reader.error(position_of(reader.table().get("people")->source().begin),
                         fmt::format("provider.people: {} is also in client.people; an address "
                                     "speaks for one party",
                                     address));
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
    if (const auto fee = read_amount(reader, "monthly_fee", contract, PercentOfFee::refused))
        contract.monthly_fee = fee->money;
    contract.settlement = reader.line("settlement", Presence::optional).value_or("");
    contract.where = reader.finish();
}

void read_warnings(TableReader& root, Reading& r, Warnings& warnings) {
    const toml::table* table = sub_table(root, "warnings", Presence::optional);
    if (!table)
        return;
    TableReader reader(*table, "warnings", r.file, r.diagnostics);
    warnings.due_within =
        static_cast<int>(reader.integer("due_within", Presence::optional, 0, 60).value_or(7));
    warnings.pace_days =
        static_cast<int>(reader.integer("pace_days", Presence::optional, 7, 365).value_or(28));
    warnings.where = reader.finish();
}

void read_email_settings(TableReader& root, Reading& r, EmailSettings& email) {
    const toml::table* table = sub_table(root, "email", Presence::optional);
    if (!table)
        return;
    TableReader reader(*table, "email", r.file, r.diagnostics);
    email.templates = reader.line("templates", Presence::optional).value_or("");
    // A folder beside the plan, as the holidays file is: what a letter says is part of the
    // record.
    const Expected<std::string> inside = path_inside_folder(email.templates);
    if (!email.templates.empty() && !inside) {
        reader.error(position_of(table->get("templates")->source().begin),
                     fmt::format("email.templates '{}' must be a path inside the plan's folder: "
                                 "{}",
                                 email.templates, inside.error()));
        email.templates.clear();
    }
    email.where = reader.finish();
}

} // namespace remedy
