// status, check, verdict, penalties: the plan judged on a day, as text or JSON (check also for
// CI systems).

#include "command.h"
#include "common_options.h"
#include "history_access.h"
#include "plan_access.h"
#include "plan_search.h"
#include "remedy/model/charges.h"
#include "remedy/model/check_policy.h"
#include "remedy/model/judgement.h"
#include "remedy/model/recent_changes.h"
#include "remedy/model/wording.h"
#include "remedy/render/ci_report.h"
#include "remedy/render/escape.h"
#include "remedy/render/json_report.h"
#include "remedy/render/statement.h"
#include "remedy/render/text_reports.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

namespace remedy {

namespace {

Style style_of(const Invocation& invocation, Format format) {
    return Style{format == Format::text &&
                 use_color(invocation.args.choice("color", color_whens), invocation.env)};
}

// The figures of a plan whose last commit carries a flag are read warned: one line before the
// text, or a note beside the JSON (which must stay what it is).
Outcome warned_of_last_commit(const Invocation& invocation, const JudgedPlan& judged,
                              Outcome outcome) {
    const std::string warning = last_commit_flags(invocation, judged.loaded.file, judged.plan());
    if (warning.empty())
        return outcome;
    if (invocation.args.choice("format", formats) == Format::json) {
        outcome.notes.push_back(warning);
    } else {
        const Style style = style_of(invocation, Format::text);
        outcome.text =
            style.paint("Warning: " + terminal_text(warning), Tone::bad) + "\n\n" + outcome.text;
    }
    return outcome;
}

Result status(const Invocation& invocation) {
    TRY_ASSIGN(const JudgedPlan judged, judge_plan(invocation));
    const Plan& plan = judged.plan();
    const Judgement& j = judged.judgement;
    const Format format = invocation.args.choice("format", formats);
    if (invocation.args.given("id")) {
        const Expected<std::size_t> issue = find_issue_index(plan, invocation.args.text("id"));
        if (!issue)
            return refusal(issue.error(), judged.loaded.diagnostics);
        return Outcome{format == Format::json
                           ? render_issue_json(plan, j, *issue)
                           : render_issue_text(plan, j, *issue, style_of(invocation, format)),
                       ExitStatus::ok, judged.loaded.diagnostics, channel_of(format)};
    }
    const RecentChanges changes = changes_in_week_before(plan, j);
    return warned_of_last_commit(
        invocation, judged,
        Outcome{format == Format::json
                    ? render_status_json(plan, j, changes)
                    : render_status_text(plan, j, changes, style_of(invocation, format),
                                         invocation.args.choice("sort", issue_orders)),
                ExitStatus::ok, judged.loaded.diagnostics, channel_of(format)});
}

Result verdict(const Invocation& invocation) {
    TRY_ASSIGN(const JudgedPlan judged, judge_plan(invocation));
    const Format format = invocation.args.choice("format", formats);
    return warned_of_last_commit(
        invocation, judged,
        Outcome{format == Format::json ? render_verdict_json(judged.plan(), judged.judgement)
                                       : render_verdict_text(judged.plan(), judged.judgement,
                                                             style_of(invocation, format)),
                ExitStatus::ok, judged.loaded.diagnostics, channel_of(format)});
}

// `penalties --by-month`: the statement, with each issue's charges under -v.
Result statement(const Invocation& invocation, const JudgedPlan& judged, Format format) {
    const Plan& plan = judged.plan();
    const Judgement& j = judged.judgement;
    const std::vector<StatementMonth> months =
        statement_months(plan, j,
                         invocation.args.flag("verbose") ? charges_by_issue_and_month(plan, j.as_of)
                                                         : std::vector<IssueMonthCharge>{});
    std::string text;
    switch (format) {
    case Format::json:
        text = render_penalties_json(plan, j, &months);
        break;
    case Format::csv:
        text = render_statement_csv(plan, months);
        break;
    default:
        text = render_statement_text(plan, j, months, style_of(invocation, format));
    }
    TRY_ASSIGN(text, with_byte_order_mark(invocation, format, std::move(text)));
    return Outcome{std::move(text), ExitStatus::ok, judged.loaded.diagnostics, channel_of(format)};
}

Result penalties(const Invocation& invocation) {
    TRY_ASSIGN(const JudgedPlan judged, judge_plan(invocation));
    const Format format = invocation.args.choice("format", formats);
    if (invocation.args.flag("by-month"))
        return statement(invocation, judged, format);
    if (format == Format::csv)
        return usage_error("--format csv is the statement's: give --by-month");
    if (invocation.args.flag("bom"))
        return usage_error("--bom is for --format csv");
    return Outcome{format == Format::json ? render_penalties_json(judged.plan(), judged.judgement)
                                          : render_penalties_text(judged.plan(), judged.judgement,
                                                                  style_of(invocation, format)),
                   ExitStatus::ok, judged.loaded.diagnostics, channel_of(format)};
}

// `check` in a machine format, of a valid plan or of an invalid one (`plan` and `judgement`
// null).
std::string check_report(Format format, const std::string& file, const Plan* plan,
                         const Judgement* j, const Diagnostics& diagnostics, FailOn fail_on) {
    switch (format) {
    case Format::github:
        return render_check_github(file, plan, j, diagnostics, fail_on);
    case Format::junit:
        return render_check_junit(file, plan, j, diagnostics, fail_on);
    default:
        return render_check_json(file, plan, j, diagnostics, fail_on);
    }
}

// The plans `check` is asked about: -f PLAN, then each PLAN named (the pre-commit framework
// passes the changed files; a folder is searched as `portfolio` searches it).
std::vector<std::string> check_paths(const Invocation& invocation) {
    std::vector<std::string> paths;
    if (invocation.args.given("file"))
        paths.push_back(invocation.args.text("file"));
    for (std::string& plan : invocation.args.texts("plan"))
        paths.push_back(std::move(plan));
    return paths;
}

// The plan of the command line (-f PLAN, $REMEDY_PLAN, remedy.toml here or above), or one
// PLAN that is not a folder: checked alone, an invalid plan being the command's error as for
// every command of one plan.
std::optional<std::string> one_plan_file(const Invocation& invocation,
                                         const std::vector<std::string>& paths) {
    if (!invocation.args.given("plan"))
        return std::string(); // the command line's plan, found by check_one
    if (paths.size() != 1)
        return std::nullopt;
    const std::filesystem::path path(paths.front());
    std::error_code ec;
    if (std::filesystem::is_directory(path.is_absolute() ? path : invocation.env.working_dir / path,
                                      ec))
        return std::nullopt;
    return paths.front();
}

Result check_one(const Invocation& invocation, std::string file) {
    if (file.empty()) {
        TRY_ASSIGN(file, plan_path(invocation));
    }
    const Format format = invocation.args.choice("format", formats);
    const FailOn fail_on = invocation.args.choice("fail-on", fail_on_lines);
    Expected<LoadedPlan, CommandError> loaded = load_plan_at(file);
    if (!loaded) {
        // CI shows the report of an invalid plan too: its errors, where they are.
        if (format != Format::text)
            loaded.error().text =
                check_report(format, file, nullptr, nullptr, loaded.error().diagnostics, fail_on);
        return Unexpected<CommandError>{std::move(loaded.error())};
    }
    const Plan& plan = loaded->plan;
    const Judgement j = judge(plan, judgement_day(invocation, plan));
    const ExitStatus status =
        check_fails(j, loaded->diagnostics, fail_on) ? ExitStatus::check_failed : ExitStatus::ok;
    return Outcome{
        format == Format::text
            ? render_check_text(plan, j, loaded->diagnostics, fail_on, style_of(invocation, format))
            : check_report(format, file, &plan, &j, loaded->diagnostics, fail_on),
        status, loaded->diagnostics, channel_of(format)};
}

// Several plans (files and folders, each plan once), read and judged in parallel, reported in
// the order named, in one document whatever their number. The status is the worst of theirs:
// an unreadable or invalid plan (3) beats a failed check (1).
Result check_several(const Invocation& invocation, const std::vector<std::string>& paths) {
    const Format format = invocation.args.choice("format", formats);
    const FailOn fail_on = invocation.args.choice("fail-on", fail_on_lines);
    const Style style = style_of(invocation, format);
    TRY_ASSIGN(FoundPlans<JudgedFile> found,
               judge_found<JudgedFile>(invocation, paths, [](JudgedFile file) { return file; }));
    const std::vector<JudgedFile>& judged = found.kept;
    Outcome outcome;
    outcome.channel = channel_of(format);
    outcome.diagnostics = std::move(found.unsearched);
    std::vector<CheckedPlan> checked;
    for (const JudgedFile& file : judged) {
        outcome.diagnostics.insert(outcome.diagnostics.end(), file.diagnostics.begin(),
                                   file.diagnostics.end());
        CheckedPlan& plan = checked.emplace_back(CheckedPlan{file.file});
        plan.diagnostics = &file.diagnostics;
        ExitStatus status = ExitStatus::refused;
        if (file.judged) {
            plan.plan = &file.judged->plan();
            plan.judgement = &file.judged->judgement;
            status = check_fails(*plan.judgement, file.diagnostics, fail_on)
                         ? ExitStatus::check_failed
                         : ExitStatus::ok;
        }
        outcome.status = std::max(outcome.status, status);
        if (format != Format::text)
            continue;
        // The text: each plan's report as `check` of that plan alone writes it; an invalid
        // plan's diagnostics are on standard error, its line says so here.
        outcome.text += plan.plan ? render_check_text(*plan.plan, *plan.judgement, file.diagnostics,
                                                      fail_on, style)
                                  : fmt::format("{}: {} ({})\n", terminal_text(file.file),
                                                style.paint("not a valid plan", Tone::bad),
                                                diagnostic_counts(file.diagnostics));
    }
    switch (format) {
    case Format::github:
        outcome.text = render_check_github(checked, fail_on);
        break;
    case Format::junit:
        outcome.text = render_check_junit(checked, fail_on);
        break;
    case Format::json:
        outcome.text = render_check_json(checked, fail_on);
        break;
    default:
        break;
    }
    return outcome;
}

Result check(const Invocation& invocation) {
    const std::vector<std::string> paths = check_paths(invocation);
    const std::optional<std::string> file = one_plan_file(invocation, paths);
    if (invocation.args.given("commits") ||
        invocation.args.choice("fail-on", fail_on_lines) == FailOn::flagged) {
        if (!file)
            return usage_error("--commits and --fail-on flagged check one plan's history: name "
                               "one plan");
        if (!file->empty())
            return check_commits(invocation, *file);
        TRY_ASSIGN(const std::string found, plan_path(invocation));
        return check_commits(invocation, found);
    }
    if (file)
        return check_one(invocation, *file);
    return check_several(invocation, paths);
}

} // namespace

std::vector<Command> report_commands() {
    return {
        {"status",
         "Where the plan stands on a day, its warnings, and what changed in the week before it",
         "remedy status\n  remedy status --as-of 2026-10-18 --format json\n  remedy status "
         "--sort cost\n  remedy status NET-1",
         {{.names = "id",
           .help = "Show this one issue in full: its dates, money, pauses, owner and notes",
           .type_name = "ID",
           .completes = Completes::issue_id},
          plan_option(),
          as_of_option(),
          format_option({Format::text, Format::json}),
          color_option(),
          {.names = "--sort",
           .help = "Order the issues by urgency (overdue first) or by what each costs per day",
           .type_name = "ORDER",
           .kind = ValueKind::choice,
           .choices = issue_orders.words(),
           .default_value = "urgency",
           .completes = Completes::choices}},
         status},
        {"check",
         "Validate the plan (or each PLAN) and fail (exit 1) when a verdict is at or past "
         "--fail-on, or, with --fail-on flagged, when a commit of --commits carries a flag",
         "remedy check\n  remedy check --fail-on terminate -f plans/remedy.toml\n  remedy check "
         "--format github\n  remedy check --format junit > remedy-check.xml\n  remedy check "
         "clients/ --fail-on warning --format junit > remedy-check.xml\n  remedy check "
         "--fail-on flagged --commits origin/main..HEAD",
         {{.names = "plan",
           .help = "Check these plans, each on its own, as well as -f PLAN (the pre-commit "
                   "framework passes the changed files); a folder is searched for files named "
                   "remedy.toml as portfolio searches it; a plan named twice is checked once; "
                   "the status is the worst of theirs",
           .type_name = "PLAN",
           .kind = ValueKind::texts,
           .completes = Completes::plan_file},
          plan_option(),
          as_of_option(),
          format_option({Format::text, Format::json, Format::github, Format::junit}),
          color_option(),
          {.names = "--fail-on",
           .help = "Fail when the verdict is at or past this one (warning: on any warning too; "
                   "flagged: when a commit of --commits carries a flag, whatever the verdict)",
           .type_name = "VERDICT",
           .kind = ValueKind::choice,
           .choices = fail_on_lines.words(),
           .default_value = "at-risk",
           .completes = Completes::choices},
          {.names = "--commits",
           .help = "Also check the first-parent commits of this git range (default with "
                   "--fail-on flagged: the last commit) and list the flags they carry; the plan "
                   "is judged as the range's last commit holds it. With --fail-on flagged the "
                   "flags alone decide",
           .type_name = "RANGE",
           .kind = ValueKind::text}},
         check},
        {"verdict",
         "The ultimatum verdict: in or out, every reason, the money owed",
         "remedy verdict --as-of 2026-12-01",
         {plan_option(), as_of_option(), format_option({Format::text, Format::json}),
          color_option()},
         verdict},
        {"penalties",
         "The penalty ledger: each issue's late days, rates and amounts, the cap, the credits; "
         "or, by month, the statement",
         "remedy penalties --format json\n  remedy penalties --by-month -v\n  remedy penalties "
         "--by-month --format csv > statement.csv",
         {plan_option(),
          as_of_option(),
          format_option({Format::text, Format::json, Format::csv}),
          color_option(),
          {.names = "--by-month",
           .help = "The statement: one row per calendar month, what accrued, what is owed after "
                   "the cap, what was credited, the running balance",
           .kind = ValueKind::flag},
          {.names = "-v,--verbose",
           .help = "With --by-month: each issue's charges under its month",
           .kind = ValueKind::flag},
          bom_option()},
         penalties},
    };
}

} // namespace remedy
