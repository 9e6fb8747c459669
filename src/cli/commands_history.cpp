// history: every committed version of the plan, judged on its own day.

#include "command.h"
#include "common_options.h"
#include "plan_access.h"
#include "remedy/history/history_rows.h"
#include "remedy/history/plan_history.h"
#include "remedy/render/history_report.h"

namespace remedy {

namespace {

Result history(const Invocation& invocation) {
    TRY_ASSIGN(const std::string file, plan_path(invocation));
    const Expected<std::vector<PlanVersion>> versions = read_plan_history(file);
    if (!versions)
        return refusal(versions.error());
    const PlanHistory rows = build_history(file, *versions, invocation.args.day("since"));
    switch (invocation.args.choice("format", formats)) {
    case Format::json:
        return Outcome{render_history_json(rows), ExitStatus::ok, {}, Channel::document};
    case Format::csv:
        return Outcome{render_history_csv(rows), ExitStatus::ok, {}, Channel::document};
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
         "How the plan went, commit by commit and week by week, from its git history",
         "remedy history\n  remedy history --since 2026-10-01 --format svg > history.svg",
         {plan_option(),
          {.names = "--since",
           .help = "Only the commits on or after this day",
           .type_name = "YYYY-MM-DD",
           .kind = ValueKind::day},
          format_option({Format::text, Format::json, Format::csv, Format::svg}),
          color_option()},
         history},
    };
}

} // namespace remedy
