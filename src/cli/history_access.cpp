#include "history_access.h"

#include "common_options.h"
#include "plan_access.h"
#include "remedy/history/plan_history.h"
#include "remedy/io/today.h"
#include "remedy/model/check_policy.h"
#include "remedy/model/judgement.h"
#include "remedy/render/ci_flags.h"
#include "remedy/render/ci_report.h"
#include "remedy/render/history_report.h"
#include "remedy/render/json_report.h"
#include "remedy/render/text_reports.h"

#include <fmt/format.h>

namespace remedy {

HistoryDays history_days(const Invocation& invocation, const Plan* plan) {
    if (const std::optional<date::sys_days> as_of = invocation.args.day("as-of"))
        return {*as_of, LaterCommits::left_out};
    return {plan ? today(invocation, *plan) : day_in_zone("UTC", invocation.env.now),
            LaterCommits::shown};
}

std::string last_commit_flags(const Invocation& invocation, const std::string& file,
                              const Plan& plan) {
    if (!may_be_in_repository(file))
        return {};
    const Expected<PlanRecord> record = read_plan_history(file, HistoryScope::last_version);
    if (!record)
        return {};
    // The warning is about the file as it is, not about the day asked about: a commit is dated
    // ahead only of today, and only without --as-of (with it, the output is that day's whatever
    // the clock says).
    const date::sys_days now = invocation.args.given("as-of")
                                   ? date::sys_days{date::year{9999} / 12 / 31}
                                   : today(invocation, plan);
    const PlanHistory history =
        build_history(file, *record, {now, LaterCommits::shown, Weeks::skipped});
    if (history.commits.empty())
        return {};
    return last_commit_warning(history.commits.back());
}

Result check_commits(const Invocation& invocation, const std::string& file) {
    const Format format = invocation.args.choice("format", formats);
    const FailOn fail_on = invocation.args.choice("fail-on", fail_on_lines);
    const std::string range =
        invocation.args.given("commits") ? invocation.args.text("commits") : std::string();
    const Expected<PlanRecord> record = read_plan_history(file, HistoryScope::range, range);
    if (!record)
        return refusal(record.error());
    // The plan the range ends with, not the working tree's.
    if (!record->at_end)
        return refusal(
            fmt::format("{} at commit {}: {}", file, record->end.substr(0, 7), record->end_error));
    const LoadResult& loaded = *record->at_end;
    if (!loaded.plan) {
        CommandError error(
            fmt::format("{} is not a valid plan at commit {}", file, record->end.substr(0, 7)));
        error.diagnostics = loaded.diagnostics;
        // CI shows the report of an invalid plan too: its errors, where they are.
        const CheckedPlan invalid{file, nullptr, nullptr, &loaded.diagnostics};
        if (format == Format::github)
            error.text = render_check_github({invalid}, fail_on);
        else if (format == Format::junit)
            error.text = render_check_junit({invalid}, fail_on);
        else if (format == Format::json)
            error.text = render_check_json(invalid, fail_on);
        return Unexpected<CommandError>{std::move(error)};
    }
    const Plan& plan = *loaded.plan;
    const date::sys_days as_of = history_days(invocation, &plan).as_of;
    const Judgement j = judge(plan, as_of);
    // Every commit of the range is checked, whatever its date: a range is asked for by name.
    const PlanHistory history =
        build_history(file, *record, {as_of, LaterCommits::shown, Weeks::skipped});
    const CommitsChecked commits{range, &history};
    const CheckedPlan checked{file, &plan, &j, &loaded.diagnostics, &commits};
    Outcome outcome;
    outcome.status = check_passes(checked, fail_on) ? ExitStatus::ok : ExitStatus::check_failed;
    outcome.diagnostics = loaded.diagnostics;
    outcome.channel = channel_of(format);
    switch (format) {
    case Format::github:
        outcome.text = render_check_github({checked}, fail_on);
        break;
    case Format::junit:
        outcome.text = render_check_junit({checked}, fail_on);
        break;
    case Format::json:
        outcome.text = render_check_json(checked, fail_on);
        break;
    default: {
        const Style style{use_color(invocation.args.choice("color", color_whens), invocation.env)};
        outcome.text = render_check_text(plan, j, loaded.diagnostics, fail_on, style) +
                       commits_text(commits, fail_on, style);
    }
    }
    return outcome;
}

} // namespace remedy
