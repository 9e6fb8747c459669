#include "commands.h"

#include "exit_status.h"
#include "remedy/dates.h"
#include "remedy/recent_changes.h"
#include "remedy/render/calendar_ics.h"
#include "remedy/render/ci_report.h"
#include "remedy/render/email_message.h"
#include "remedy/render/json_report.h"
#include "remedy/render/text_reports.h"

#include <fmt/format.h>

namespace remedy {

namespace {

CommandOutput status(const Plan& plan, const Judgement& j, const ReportRequest& request) {
    // "What changed in the week before": a person runs this every Monday.
    const RecentChanges changes = changes_since(plan, j, j.as_of - date::days{7});
    if (request.format == "json")
        return {render_status_json(plan, j, changes)};
    return {render_status_text(plan, j, changes, request.style)};
}

CommandOutput check(const Plan& plan, const Judgement& j, const ReportRequest& request) {
    const int exit_status = check_fails(j.verdict, request.fail_on) ? exit_check_failed : 0;
    if (request.format == "text")
        return {render_check_text(plan, j, request.fail_on, request.style), exit_status};
    return {render_check_report(plan.file, &plan, &j, request), exit_status};
}

CommandOutput verdict(const Plan& plan, const Judgement& j, const ReportRequest& request) {
    if (request.format == "json")
        return {render_verdict_json(plan, j)};
    return {render_verdict_text(plan, j, request.style)};
}

CommandOutput penalties(const Plan& plan, const Judgement& j, const ReportRequest& request) {
    if (request.format == "json")
        return {render_penalties_json(plan, j)};
    return {render_penalties_text(plan, j, request.style)};
}

CommandOutput email(const Plan& plan, const Judgement& j, const ReportRequest& request) {
    if (request.letter == LetterKind::termination && j.verdict != Verdict::terminate &&
        !request.force)
        return {"", exit_plan,
                fmt::format("remedy: error: the verdict on {} is {}, not terminate: no notice of "
                            "termination is written (give --force to write it anyway)",
                            format_iso_date(j.as_of), name(j.verdict))};
    MessageOptions options;
    options.kind = request.letter;
    options.to = request.to;
    options.cc = request.cc;
    options.templates = request.templates;
    options.date = request.timestamp;
    options.uniqueness = request.uniqueness;
    Expected<std::string> message = compose_message(plan, j, options);
    if (!message)
        return {"", exit_plan, fmt::format("remedy: error: {}", message.error())};
    return {std::move(message.value())};
}

CommandOutput calendar(const Plan& plan, const Judgement& j, const ReportRequest& request) {
    return {render_calendar(plan, j, request.timestamp)};
}

} // namespace

std::string render_check_report(const std::string& file, const Plan* plan,
                                const Judgement* judgement, const ReportRequest& request) {
    if (request.format == "github")
        return render_check_github(file, plan, judgement, request.diagnostics, request.fail_on);
    if (request.format == "junit")
        return render_check_junit(file, plan, judgement, request.diagnostics, request.fail_on);
    return render_check_json(file, plan, judgement, request.diagnostics, request.fail_on);
}

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"status",
         "Where the plan stands on a day, and what changed in the week before it",
         "remedy status\n  remedy status --as-of 2026-10-18 --format json",
         {"text", "json"},
         CommandOptions::report,
         status},
        {"check",
         "Validate the plan and fail (exit 1) when the verdict is at or past --fail-on",
         "remedy check\n  remedy check --fail-on terminate -f plans/remedy.toml\n  remedy check "
         "--format github\n  remedy check --format junit > remedy-check.xml",
         {"text", "json", "github", "junit"},
         CommandOptions::check,
         check},
        {"verdict",
         "The ultimatum verdict: in or out, every reason, the money owed",
         "remedy verdict --as-of 2026-12-01",
         {"text", "json"},
         CommandOptions::report,
         verdict},
        {"penalties",
         "The penalty ledger: each issue's late days, rates and amounts, the cap",
         "remedy penalties --format json",
         {"text", "json"},
         CommandOptions::report,
         penalties},
        {"email",
         "Write a letter to the provider as an RFC 5322 message: notice, weekly, ultimatum or "
         "termination",
         "remedy email weekly | sendmail -t\n  remedy email notice -o notice.eml",
         {},
         CommandOptions::email,
         email},
        {"calendar",
         "Write the due dates and the deadline as an iCalendar file (.ics)",
         "remedy calendar -o deadlines.ics",
         {},
         CommandOptions::calendar,
         calendar},
        {"history",
         "How the plan went, commit by commit and week by week, from its git history",
         "remedy history\n  remedy history --since 2026-10-01 --format svg > history.svg",
         {"text", "json", "csv", "svg"},
         CommandOptions::history,
         nullptr},
        {"init",
         "Write a starter remedy.toml here: every section explained, a 60-day time box",
         "remedy init --client \"Northwind Traders\" --provider \"Acme Managed IT\" --start "
         "2026-10-01",
         {},
         CommandOptions::init,
         nullptr},
        {"add",
         "Add an issue to the plan",
         "remedy add --title \"Printers drop off the network\" --priority high --due 2026-10-20 "
         "--category printers",
         {},
         CommandOptions::edit,
         nullptr},
        {"resolve",
         "Record that an issue is resolved (--on a day, default today)",
         "remedy resolve NET-1 --on 2026-10-19",
         {},
         CommandOptions::edit,
         nullptr},
        {"reopen",
         "Set a resolved or waived issue back to open",
         "remedy reopen NET-1",
         {},
         CommandOptions::edit,
         nullptr},
        {"waive",
         "Waive an issue: it owes nothing and no longer counts",
         "remedy waive PRC-1 --reason \"Replaced by the new purchasing process\"",
         {},
         CommandOptions::edit,
         nullptr},
        {"incident",
         "Record an incident (--on a day, default today)",
         "remedy incident --priority high --summary \"Email down for six hours\" --on 2026-11-08",
         {},
         CommandOptions::edit,
         nullptr},
        {"extend",
         "Extend the time box by an agreed number of days",
         "remedy extend --days 14 --reason \"Firewall hardware back-ordered\" --agreed 2026-11-20",
         {},
         CommandOptions::edit,
         nullptr},
        {"completion",
         "Write the shell completion script for bash, zsh or fish",
         "source <(remedy completion bash)\n  remedy completion fish > "
         "~/.config/fish/completions/remedy.fish",
         {},
         CommandOptions::completion,
         nullptr},
    };
    return table;
}

} // namespace remedy
