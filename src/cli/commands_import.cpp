// remedy import: the provider's ticket export recorded in the plan, in one change.

#include "command.h"
#include "edit_options.h"
#include "plan_access.h"
#include "remedy/edit/import_edits.h"
#include "remedy/io/csv_reader.h"
#include "remedy/io/limits.h"
#include "remedy/io/text_file.h"
#include "remedy/model/ticket_import.h"
#include "remedy/render/import_report.h"

#include <fmt/format.h>

namespace remedy {

namespace {

// The report of a change made: each fact with what it did to its issue or to the strikes.
ImportReport report_of(const ChangedPlan& changed, const ImportDecisions& decisions,
                       const std::vector<std::string>& summaries, date::sys_days day,
                       ImportWrite write) {
    ImportReport report;
    report.plan_file = changed.file;
    report.unchanged = decisions.unchanged;
    report.unmatched = decisions.unmatched;
    // Facts always change the text; without any, nothing was read again or written.
    report.write = changed.after ? write : ImportWrite::nothing_to_write;
    if (!changed.after)
        return report;
    const Plan& after = *changed.after;
    const ImportConsequences consequences = import_consequences(
        changed.before, judge(changed.before, day), after, judge(after, day), decisions.facts);
    for (std::size_t i = 0; i < decisions.facts.size(); ++i)
        report.changes.push_back({decisions.facts[i].line, decisions.facts[i].ticket,
                                  summaries.at(i), consequences.facts.at(i)});
    report.plan_consequence = consequences.plan;
    return report;
}

Result import(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    const std::string export_file = args.text("export");
    std::optional<Priority> incidents;
    if (args.given("incidents")) {
        incidents = parse_priority(args.text("incidents"));
        if (!incidents)
            return usage_error(fmt::format("--incidents must be low, medium, high or critical "
                                           "(or P4..P1), not '{}'",
                                           args.text("incidents")));
    }
    const Expected<std::string> csv = read_text_file(export_file);
    if (!csv)
        return refusal(fmt::format("cannot read the export {}: {}", export_file, csv.error()));
    const Expected<ExportTable, RowError> table = read_csv(*csv);
    if (!table) {
        CommandError error(fmt::format("{} cannot be read; nothing is written", export_file));
        error.diagnostics.push_back({Severity::error, export_file, SourcePos{table.error().line, 0},
                                     table.error().message});
        return Unexpected<CommandError>{std::move(error)};
    }

    const Writing writing = args.flag("dry-run") ? Writing::dry_run : Writing::replace;
    ImportDecisions decisions;
    std::vector<std::string> summaries;
    date::sys_days day;
    Expected<ChangedPlan, CommandError> changed = change_plan(
        invocation,
        [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
            day = judgement_day(invocation, plan);
            TRY_ASSIGN(decisions,
                       decide_import(plan, *table, {day, incidents, limits::max_line_chars}));
            if (!decisions.refused.empty()) {
                std::vector<std::uint32_t> lines;
                for (const RowError& refused : decisions.refused)
                    lines.push_back(refused.line);
                return fail(import_refusal_text(export_file, lines, decisions.facts.size(),
                                                decisions.unchanged, decisions.unmatched));
            }
            TRY_ASSIGN(ImportChange change,
                       record_imported_facts(plan, text, decisions.facts, day));
            summaries = std::move(change.summaries);
            return PlanChange{std::move(change.text), ""};
        },
        writing);
    if (!changed) {
        for (const RowError& refused : decisions.refused)
            changed.error().diagnostics.push_back(
                {Severity::error, export_file, SourcePos{refused.line, 0}, refused.message});
        return Unexpected<CommandError>{std::move(changed.error())};
    }
    if (args.flag("quiet"))
        return Outcome{"", ExitStatus::ok, changed->diagnostics};
    ImportReport report =
        report_of(*changed, decisions, summaries, day,
                  writing == Writing::dry_run ? ImportWrite::dry_run : ImportWrite::written);
    report.export_file = export_file;
    return Outcome{render_import_text(report), ExitStatus::ok, changed->diagnostics};
}

} // namespace

std::vector<Command> import_commands() {
    return {
        {"import",
         "Record the starts, resolutions and incidents of the provider's ticket export (CSV), "
         "as [import] in the plan maps it",
         "remedy import tickets.csv --dry-run\n  remedy import tickets.csv --incidents critical",
         edit_options({{.names = "export",
                        .help = "The export: a CSV file (UTF-8, comma or semicolon)",
                        .type_name = "EXPORT.csv",
                        .need = OptionSpec::Need::required,
                        .completes = Completes::plan_file},
                       {.names = "--dry-run",
                        .help = "Show what would change, and write nothing",
                        .kind = ValueKind::flag},
                       {.names = "--incidents",
                        .help = "Record each unmatched ticket of at least this priority, opened "
                                "within the time box, as an incident",
                        .type_name = "PRIORITY",
                        .choices = priorities.words(),
                        .completes = Completes::choices}}),
         import},
    };
}

} // namespace remedy
