// The fuzz entry point of `remedy import`: arbitrary bytes as a ticket export (CSV), through
// everything the command does with one short of the command line and the disk: the CSV reader,
// the dates of every cell in each order, the decisions against a plan with tickets and a
// mapping (with and without --incidents, on days inside and after the time box), the edit that
// records them, the plan read again, and the report. libFuzzer calls it (REMEDY_FUZZ); in the
// ordinary build replay_main.cpp calls it on the sample exports and
// tests/fuzz/import-regressions/.
//
// It asserts only what must hold whatever the export says: a change the decisions allow is a
// valid plan when read again, and every row is counted once. Anything else that goes wrong is a
// crash, a sanitizer report, an uncaught exception or an input that takes too long.

#include "remedy/edit/import_edits.h"
#include "remedy/io/csv_reader.h"
#include "remedy/io/plan_reader.h"
#include "remedy/model/export_date.h"
#include "remedy/model/judgement.h"
#include "remedy/model/ticket_import.h"
#include "remedy/render/import_report.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {
namespace {

std::size_t sink = 0;

// The plan every export is imported into: the words and columns of the sample exports, so that
// mutations of a seed still match tickets, words and columns. `dates` is left to each run.
constexpr std::string_view plan_head = R"([client]
name = "Northwind Traders"
[provider]
name = "Acme Managed IT"
[timebox]
start = 2026-10-01
[penalties.per_day]
critical = "100.00"
high = "50.00"
[ultimatum]
issued = 2026-10-05
[import]
ticket = "Key"
status = "Status"
resolved = "Resolved"
priority = "Priority"
summary = "Summary"
created = "Created"
)";

constexpr std::string_view plan_tail = R"(
[import.statuses]
"Waiting for support" = "open"
"In progress" = "in_progress"
"Closed" = "resolved"
"Abgeschlossen" = "resolved"
[import.priorities]
"Highest" = "critical"
"Kritisch" = "critical"
"High" = "high"

[[issue]]
id = "NET-1"
title = "VPN drops"
priority = "critical"
due = 2026-10-15
ticket = "T-1"

[[issue]]
id = "NET-2"
title = "Backups"
priority = "high"
due = 2026-10-20
status = "in_progress"
ticket = "T-2"

[[issue]]
id = "NET-3"
title = "Printers"
priority = "high"
due = 2026-10-20
status = "resolved"
resolved = 2026-10-12
ticket = "T-3"

[[incident]]
date = 2026-10-03
priority = "high"
summary = "Mail down"
ticket = "T-9"
)";

// The plan with `dates` unset, "dmy" and "mdy": read once, since every input uses them.
struct FixedPlan {
    std::string text;
    Plan plan;
};
const std::vector<FixedPlan>& fixed_plans() {
    static const std::vector<FixedPlan> plans = [] {
        std::vector<FixedPlan> read;
        for (const std::string_view dates : {"", "dates = \"dmy\"\n", "dates = \"mdy\"\n"}) {
            std::string text = std::string(plan_head) + std::string(dates) + std::string(plan_tail);
            LoadResult loaded = read_plan(text, "remedy.toml");
            if (!loaded.plan)
                std::abort(); // the fuzzer's own plan: a bug of this file
            read.push_back({std::move(text), std::move(*loaded.plan)});
        }
        return read;
    }();
    return plans;
}

void import_into(const FixedPlan& fixed, const ExportTable& table, const ImportOptions& options) {
    const std::string& text = fixed.text;
    const Plan& plan = fixed.plan;
    const Expected<ImportDecisions> decisions = decide_import(plan, table, options);
    if (!decisions)
        return;
    const std::size_t counted = decisions->facts.size() + decisions->unchanged +
                                decisions->unmatched + decisions->refused.size();
    // Every row is counted once; a header error is the only error that is not a row.
    if (counted != table.rows.size() &&
        !(decisions->facts.empty() && decisions->unchanged == 0 && decisions->unmatched == 0))
        std::abort();
    if (!decisions->refused.empty())
        return;
    const Expected<ImportChange> change =
        record_imported_facts(plan, text, decisions->facts, options.today);
    if (!change)
        std::abort(); // decide_import gave a fact that its edit refuses
    const LoadResult after = read_plan(change->text, "remedy.toml");
    if (!after.plan)
        std::abort(); // the decisions let a fact break a rule of the plan
    const ImportConsequences consequences =
        import_consequences(plan, judge(plan, options.today), *after.plan,
                            judge(*after.plan, options.today), decisions->facts);
    ImportReport report;
    report.export_file = "export.csv";
    report.plan_file = "remedy.toml";
    for (std::size_t i = 0; i < decisions->facts.size(); ++i)
        report.changes.push_back({decisions->facts[i].line, decisions->facts[i].ticket,
                                  change->summaries.at(i), consequences.facts.at(i)});
    report.plan_consequence = consequences.plan;
    sink += render_import_text(report).size();
}

} // namespace
} // namespace remedy

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace remedy;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const Expected<ExportTable, RowError> table = read_csv(input);
    if (!table) {
        sink += table.error().message.size();
        return 0;
    }
    for (const ExportRow& row : table->rows)
        for (const std::string& cell : row.cells)
            for (const std::optional<DateOrder> order :
                 {std::optional<DateOrder>(), std::optional(DateOrder::day_first),
                  std::optional(DateOrder::month_first)})
                if (const Expected<date::sys_days> day = parse_export_date(cell, order))
                    sink += static_cast<std::size_t>(day->time_since_epoch().count());
    const date::sys_days in_the_box{date::year{2026} / 10 / 26};
    const date::sys_days after_it{date::year{2027} / 1 / 15};
    for (const FixedPlan& plan : fixed_plans()) {
        import_into(plan, *table, {in_the_box, std::nullopt});
        import_into(plan, *table, {in_the_box, Priority::high});
        import_into(plan, *table, {after_it, Priority::low});
    }
    return 0;
}
