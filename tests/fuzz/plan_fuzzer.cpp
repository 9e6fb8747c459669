// The fuzz entry point: arbitrary bytes as a plan file, through everything `remedy` does with a
// plan short of the command line and the disk. libFuzzer calls it (REMEDY_FUZZ); in the
// ordinary build replay_main.cpp calls it on the seed plans and tests/fuzz/regressions/.
//
// It asserts nothing itself: a finding is a crash, a sanitizer report, an uncaught exception,
// or an input that takes too long. Whatever the plan says, remedy must end in an exit status.

#include "remedy/edit/import_edits.h"
#include "remedy/edit/plan_edits.h"
#include "remedy/io/plan_reader.h"
#include "remedy/model/charges.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "remedy/model/recent_changes.h"
#include "remedy/model/ticket_import.h"
#include "remedy/model/timebox.h"
#include "remedy/render/calendar_ics.h"
#include "remedy/render/ci_report.h"
#include "remedy/render/email_message.h"
#include "remedy/render/json_report.h"
#include "remedy/render/letter_fields.h"
#include "remedy/render/text_reports.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {
namespace {

// Keeps the optimiser from dropping a renderer whose result nobody reads.
std::size_t sink = 0;

void consume(const std::string& text) {
    sink += text.size();
}

// Days a person would plausibly run remedy on, and the ends of the supported range, where date
// arithmetic (a week before, a deadline after) is most likely to leave it.
std::vector<date::sys_days> as_of_days(const Plan& plan) {
    const date::sys_days start = plan.timebox.start;
    const date::sys_days end = final_deadline(plan);
    std::vector<date::sys_days> days = {
        start - date::days{1},
        start + (end - start) / 2,
        end,
        end + date::days{1},
        end + date::days{400},
        date::sys_days{first_supported_day},
        date::sys_days{last_supported_day},
    };
    std::erase_if(days, [](date::sys_days day) { return !is_supported_day(day); });
    return days;
}

void render_everything(const Plan& plan, const Judgement& j, const Diagnostics& diagnostics) {
    const RecentChanges changes = changes_since(plan, j, j.as_of - date::days{7});
    const Style plain;
    const Style colour{true};
    consume(render_status_text(plan, j, changes, colour));
    consume(render_verdict_text(plan, j, plain));
    consume(render_penalties_text(plan, j, plain));
    consume(render_status_json(plan, j, changes));
    consume(render_verdict_json(plan, j));
    consume(render_penalties_json(plan, j));
    for (FailOn fail_on : {FailOn::at_risk, FailOn::terminate, FailOn::never}) {
        consume(render_check_text(plan, j, diagnostics, fail_on, plain));
        consume(render_check_json(plan.file, &plan, &j, diagnostics, fail_on));
        consume(render_check_github(plan.file, &plan, &j, diagnostics, fail_on));
        consume(render_check_junit(plan.file, &plan, &j, diagnostics, fail_on));
    }
    // A fixed Date header and DTSTAMP, as SOURCE_DATE_EPOCH gives: a finding replays the same.
    const std::chrono::sys_seconds stamp{std::chrono::seconds{1790000000}};
    const LetterFacts facts =
        gather_letter_facts(plan, j, j.as_of - date::days{7}, month_of(j.as_of));
    for (const auto& [kind, word] : letter_kinds.entries()) {
        if (const std::optional<LetterRefusal> refusal = letter_refusal(kind, plan, j, facts))
            consume(refusal->why);
        MessageOptions options;
        options.kind = kind;
        options.wording = built_in_template(kind);
        options.date = stamp;
        options.uniqueness = 42;
        const Expected<std::string> message = compose_message(plan, j, facts, options);
        if (message)
            consume(*message);
    }
    consume(render_calendar(plan, j, stamp));
}

// The edits of `remedy resolve`, `reopen`, `waive`, `start`, `remove`, `set`, `pause` (on the
// first issue), `incident`,
// `extend`, `pause`, `dispute` (of the first incident) and `add`, each result read again as the CLI
// does before it writes: the text an edit makes from a hostile plan is new input for the reader.
void edit_everything(const Plan& plan, std::string_view text, date::sys_days on) {
    std::vector<Expected<PlanChange>> changes;
    if (!plan.issues.empty()) {
        const std::string& id = plan.issues.front().id;
        changes.push_back(resolve_issue(plan, text, id, on, "ticket 7"));
        changes.push_back(reopen_issue(plan, text, id, Reopening{on, "again", false, "seen"}));
        changes.push_back(waive_issue(plan, text, id, "out of scope", on, ""));
        changes.push_back(start_issue(plan, text, id, on, "on it"));
        changes.push_back(remove_issue(plan, text, id));
        changes.push_back(
            set_issue(plan, text, id, IssueFields{"t", Priority::low, on, "", "c", "n\"x"}));
        changes.push_back(
            add_pause(plan, text, NewPause{on, on + date::days{2}, {id}, "freeze", on}));
    }
    changes.push_back(add_incident(plan, text, Priority::high, "outage", on, "CW-1"));
    changes.push_back(add_extension(plan, text, 7, "agreed", on));
    changes.push_back(add_pause(plan, text, NewPause{on, on, {}, "access", std::nullopt}));
    if (!plan.incidents.empty())
        changes.push_back(contest_incident(
            plan, text,
            IncidentName{format_iso_date(plan.incidents[0].date), plan.incidents[0].summary},
            IncidentStatus::disputed, "not ours", on, "log attached"));
    changes.push_back(
        add_issue(plan, text, NewIssue{"", "new", Priority::low, on, "net", "", "n"}));
    for (const Expected<PlanChange>& change : changes)
        if (change)
            sink += read_plan(change->text, plan.file).diagnostics.size();
}

// `remedy import` of an export written for the plan's own [import] mapping: a row for each of
// the first issues with a ticket, one with each status word of the mapping, and an unmatched
// critical ticket, imported with --incidents low; the decided change read again.
void import_everything(const Plan& plan, std::string_view text, date::sys_days on) {
    const ImportMapping& mapping = plan.import_mapping;
    if (mapping.ticket.empty())
        return;
    ExportTable table;
    table.header = {mapping.ticket,   mapping.status,  mapping.resolved,
                    mapping.priority, mapping.summary, mapping.created};
    std::vector<std::string> statuses = {"resolved", "in_progress", "open"};
    for (const auto& [word, status] : mapping.statuses)
        statuses.push_back(word);
    std::uint32_t line = 1;
    const std::string day = format_iso_date(on);
    for (std::size_t i = 0; i < plan.issues.size() && i < 8; ++i)
        if (!plan.issues[i].ticket.empty())
            table.rows.push_back({++line,
                                  {plan.issues[i].ticket, statuses[i % statuses.size()], day,
                                   "critical", plan.issues[i].title, day}});
    table.rows.push_back({++line, {"X-1", "open", "", "P1", "new outage", day}});
    const Expected<ImportDecisions> decisions = decide_import(plan, table, {on, Priority::low});
    if (!decisions || !decisions->refused.empty())
        return;
    if (const Expected<ImportChange> change =
            record_imported_facts(plan, text, decisions->facts, on))
        sink += read_plan(change->text, plan.file).diagnostics.size();
}

} // namespace
} // namespace remedy

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace remedy;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const LoadResult loaded = read_plan(text, "remedy.toml");
    if (!loaded.plan) {
        // An invalid plan still has its CI reports, with every diagnostic in them.
        for (FailOn fail_on : {FailOn::at_risk, FailOn::never}) {
            consume(
                render_check_json("remedy.toml", nullptr, nullptr, loaded.diagnostics, fail_on));
            consume(
                render_check_github("remedy.toml", nullptr, nullptr, loaded.diagnostics, fail_on));
            consume(
                render_check_junit("remedy.toml", nullptr, nullptr, loaded.diagnostics, fail_on));
        }
        return 0;
    }
    const Plan& plan = *loaded.plan;
    for (date::sys_days as_of : as_of_days(plan))
        render_everything(plan, judge(plan, as_of), loaded.diagnostics);
    // The start is the one day every valid plan allows an edit on.
    edit_everything(plan, text, plan.timebox.start);
    import_everything(plan, text, plan.timebox.start);
    return 0;
}
