// report: one self-contained HTML page for the board and the file.

#include "command.h"
#include "common_options.h"
#include "history_access.h"
#include "plan_access.h"
#include "remedy/history/history_rows.h"
#include "remedy/history/plan_history.h"
#include "remedy/model/daily_figures.h"
#include "remedy/render/board_report.h"

#include <fmt/format.h>

namespace remedy {

namespace {

// The changes the plan's git history flags, committed on or before as_of; an untracked plan
// (no git, no repository, a file git does not know) has no trail, and the page says so.
AuditTrail audit_trail(const Invocation& invocation, const JudgedPlan& judged) {
    AuditTrail trail;
    const Expected<PlanRecord> record = read_plan_history(judged.loaded.file);
    if (!record || record->versions.empty())
        return trail;
    trail.tracked = true;
    // The history's own flagged view: commits after as_of are already left out.
    const PlanHistory flagged = flagged_only(
        build_history(judged.loaded.file, *record, history_days(invocation, &judged.plan())));
    for (const HistoryPoint& commit : flagged.commits) {
        if (commit.flags)
            trail.flags.push_back({commit.day, commit.commit, commit.author, commit.subject,
                                   "the commit itself",
                                   fmt::format("{}: {}", flag_names(commit.flags), commit.why)});
        for (const RecordChange& change : commit.changes)
            trail.flags.push_back({commit.day, commit.commit, commit.author, commit.subject,
                                   change.text,
                                   fmt::format("{}: {}", flag_names(change.flags), change.why)});
    }
    return trail;
}

Result report(const Invocation& invocation) {
    TRY_ASSIGN(const JudgedPlan judged, judge_plan(invocation));
    const Plan& plan = judged.plan();
    const Judgement& j = judged.judgement;
    const BoardReportFacts facts{daily_figures(plan, j.as_of), paused_ranges_on(plan, j.as_of),
                                 audit_trail(invocation, judged)};
    return Outcome{render_board_report(plan, j, facts), ExitStatus::ok, judged.loaded.diagnostics,
                   Channel::document};
}

} // namespace

std::vector<Command> board_commands() {
    return {
        {"report",
         "One self-contained HTML page for the board: the verdict, the key figures, charts of "
         "each day, the ledger, the changes agreed and flagged, the provider's scorecard",
         "remedy report -o board-report.html\n  remedy report --as-of 2026-11-23 -o "
         "november.html",
         {plan_option(), as_of_option(), output_option()},
         report},
    };
}

} // namespace remedy
