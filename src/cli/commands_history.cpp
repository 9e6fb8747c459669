// history: every committed version of the plan, judged on its own day.

#include "command.h"
#include "common_options.h"
#include "history_access.h"
#include "plan_access.h"
#include "remedy/history/history_rows.h"
#include "remedy/history/plan_history.h"
#include "remedy/io/today.h"
#include "remedy/render/history_report.h"

namespace remedy {

namespace {

// The day the history is read to: --as-of, else today in the zone of the plan as it is now (UTC
// when it does not read: its history may still tell why).
HistoryDays days_of(const Invocation& invocation, const std::string& file) {
    const auto loaded = load_plan_at(file);
    return history_days(invocation, loaded ? &loaded->plan : nullptr);
}

Result history(const Invocation& invocation) {
    TRY_ASSIGN(const std::string file, plan_path(invocation));
    const Expected<PlanRecord> record = read_plan_history(file);
    if (!record)
        return refusal(record.error());
    PlanHistory rows =
        build_history(file, *record, days_of(invocation, file), invocation.args.day("since"));
    if (invocation.args.given("issue") && invocation.args.flag("flagged"))
        return usage_error("--issue and --flagged are two views: give one of them");
    if (invocation.args.given("issue")) {
        Expected<PlanHistory> story = one_issue(std::move(rows), invocation.args.text("issue"));
        if (!story)
            return refusal(story.error());
        rows = std::move(*story);
    } else if (invocation.args.flag("flagged")) {
        rows = flagged_only(std::move(rows));
    }
    const Format format = invocation.args.choice("format", formats);
    if (invocation.args.flag("bom") && format != Format::csv)
        return usage_error("--bom is for --format csv");
    switch (format) {
    case Format::json:
        return Outcome{render_history_json(rows), ExitStatus::ok, {}, Channel::document};
    case Format::csv: {
        TRY_ASSIGN(std::string csv,
                   with_byte_order_mark(invocation, Format::csv, render_history_csv(rows)));
        return Outcome{std::move(csv), ExitStatus::ok, {}, Channel::document};
    }
    case Format::svg:
        return Outcome{render_history_svg(rows), ExitStatus::ok, {}, Channel::document};
    default:
        return Outcome{render_history_text(
            rows, Style{use_color(invocation.args.choice("color", color_whens), invocation.env)})};
    }
}

} // namespace

std::vector<Command> history_commands() {
    return {
        {"history",
         "The plan's git history as an audit trail: who changed what and when, what to look at "
         "flagged, one issue's story, and the weekly burndown",
         "remedy history\n  remedy history --flagged\n  remedy history --issue NET-1\n  remedy "
         "history --since 2026-10-01 --format svg > history.svg",
         {plan_option(),
          as_of_option(),
          {.names = "--since",
           .help = "Only the commits on or after this day",
           .type_name = "YYYY-MM-DD",
           .kind = ValueKind::day},
          {.names = "--flagged",
           .help = "Only what an auditor must see: backdated or future-dated facts, changes to "
                   "what an earlier commit recorded, to the contract's terms or the letters, a "
                   "client's decision recorded by another, commits unsigned, misdated or "
                   "making the plan a link",
           .kind = ValueKind::flag},
          {.names = "--issue",
           .help = "Only the changes to this issue and the pauses that moved its due date: its "
                   "story, commit by commit",
           .type_name = "ID",
           .kind = ValueKind::text,
           .completes = Completes::issue_id},
          format_option({Format::text, Format::json, Format::csv, Format::svg}),
          color_option(),
          bom_option()},
         history},
    };
}

} // namespace remedy
