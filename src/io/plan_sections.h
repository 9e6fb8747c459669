#pragma once

// The readers of the plan's tables, one file for each group of sections, and what they share.
// Private to the io layer: plan_reader.cpp calls them in order.

#include "remedy/io/plan_reader.h"
#include "remedy/model/diagnostic.h"
#include "remedy/model/plan.h"
#include "remedy/model/plan_rules.h"
#include "table_reader.h"

#include <vector>

namespace remedy {

// What every section reader needs: where to report, and how much of the plan is valid.
struct Reading {
    const std::string& file;
    Diagnostics& diagnostics;
    ReadCompleteness complete;
    const ReadNamedFile& read_named;        // the files the plan names (its holidays)
    std::vector<std::string> client_people; // read first: no address speaks for both parties

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
const toml::table* sub_table(TableReader& parent, std::string_view key, Presence presence);

// The tables of an array of tables such as [[issue]]; reports anything else under `key`, and
// more than `max_count` tables (at the first one too many, before any is read).
std::vector<const toml::table*> table_array(TableReader& parent, std::string_view key,
                                            std::size_t max_count);

// [client], [provider], [contract], [warnings] and [email] (plan_parties.cpp).
void read_client(TableReader& root, Reading& r, Client& client);
void read_provider(TableReader& root, Reading& r, Provider& provider);
void read_contract(TableReader& root, Reading& r, Contract& contract);
void read_email_settings(TableReader& root, Reading& r, EmailSettings& email);
void read_warnings(TableReader& root, Reading& r, Warnings& warnings);
// [audit] (plan_parties.cpp).
void read_audit(TableReader& root, Reading& r, Audit& audit);

// [timebox] with its extensions, [calendar], [ultimatum] and [[pause]] (plan_dates.cpp).
void read_timebox(TableReader& root, Reading& r, Timebox& timebox);
void read_calendar(TableReader& root, Reading& r, Calendar& calendar);
void read_ultimatum(TableReader& root, const Timebox& timebox, Reading& r, Ultimatum& ultimatum);
void read_pause(const toml::table& table, Reading& r, std::vector<Pause>& pauses);

// [penalties] and one [[credit]] (plan_money.cpp).
void read_penalties(TableReader& root, const Contract& contract, Reading& r, Penalties& penalties);
void read_credit(const toml::table& table, const Contract& contract, Reading& r,
                 std::vector<Credit>& credits);

// (v3) [import] with its words (plan_import.cpp).
void read_import(TableReader& root, Reading& r, ImportMapping& mapping);

// One [[issue]] and one [[incident]] (plan_entries.cpp).
void read_issue(const toml::table& table, Reading& r, std::vector<Issue>& issues);
void read_incident(const toml::table& table, Reading& r, std::vector<Incident>& incidents);

} // namespace remedy
