// init and the commands that change the plan: each a small edit where the value lives, under
// the plan's lock, refused (file untouched) when a rule would break.

#include "command.h"
#include "common_options.h"
#include "plan_access.h"
#include "remedy/edit/atomic_write.h"
#include "remedy/edit/plan_edits.h"
#include "remedy/edit/starter_plan.h"
#include "remedy/io/plan_reader.h"
#include "remedy/io/today.h"
#include "remedy/model/dates.h"

#include <date/tz.h>
#include <fmt/format.h>

namespace remedy {

namespace {

// The day a fact happened: the option `key` when given, else today in client.timezone.
date::sys_days day_or_today(const Invocation& invocation, std::string_view key, const Plan& plan) {
    return invocation.args.day(key).value_or(today(invocation, plan));
}

Expected<Priority, CommandError> priority_option(const Invocation& invocation) {
    const std::string text = invocation.args.text("priority");
    const std::optional<Priority> priority = parse_priority(text);
    if (!priority)
        return usage_error(fmt::format(
            "--priority must be low, medium, high or critical (or P4..P1), not '{}'", text));
    return *priority;
}

OptionSpec id_argument() {
    return {.names = "id",
            .help = "The issue's id",
            .type_name = "ID",
            .need = OptionSpec::Need::required,
            .completes = Completes::issue_id};
}

OptionSpec on_option() {
    return {.names = "--on",
            .help = "The day (default: today in client.timezone)",
            .type_name = "YYYY-MM-DD",
            .kind = ValueKind::day};
}

OptionSpec reason_option() {
    return {.names = "--reason",
            .help = "Why",
            .type_name = "TEXT",
            .need = OptionSpec::Need::required};
}

OptionSpec priority_spec() {
    return {.names = "--priority",
            .help = "low, medium, high or critical (or P4..P1)",
            .type_name = "PRIORITY",
            .need = OptionSpec::Need::required};
}

Result resolve(const Invocation& invocation) {
    return edit_plan(invocation, [&](const Plan& plan, std::string_view text) {
        return resolve_issue(plan, text, invocation.args.text("id"),
                             day_or_today(invocation, "on", plan));
    });
}

Result reopen(const Invocation& invocation) {
    return edit_plan(invocation, [&](const Plan& plan, std::string_view text) {
        return reopen_issue(plan, text, invocation.args.text("id"));
    });
}

Result waive(const Invocation& invocation) {
    return edit_plan(invocation, [&](const Plan& plan, std::string_view text) {
        return waive_issue(plan, text, invocation.args.text("id"), invocation.args.text("reason"));
    });
}

Result incident(const Invocation& invocation) {
    TRY_ASSIGN(const Priority priority, priority_option(invocation));
    return edit_plan(invocation, [&](const Plan& plan, std::string_view text) {
        return add_incident(plan, text, priority, invocation.args.text("summary"),
                            day_or_today(invocation, "on", plan));
    });
}

Result extend(const Invocation& invocation) {
    return edit_plan(invocation, [&](const Plan& plan, std::string_view text) {
        return add_extension(plan, text, static_cast<int>(*invocation.args.number("days")),
                             invocation.args.text("reason"),
                             day_or_today(invocation, "agreed", plan));
    });
}

Result add(const Invocation& invocation) {
    TRY_ASSIGN(const Priority priority, priority_option(invocation));
    NewIssue issue;
    issue.id = invocation.args.text("id");
    issue.title = invocation.args.text("title");
    issue.priority = priority;
    issue.due = *invocation.args.day("due");
    issue.category = invocation.args.text("category");
    issue.owner = invocation.args.text("owner");
    return edit_plan(invocation, [&](const Plan& plan, std::string_view text) {
        return add_issue(plan, text, issue);
    });
}

Result init(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    // The machine's own zone is the best guess of the client's; the plan says so and can change.
    std::string timezone = "UTC";
    try {
        timezone = date::current_zone()->name();
    } catch (const std::exception&) {
    }
    const date::sys_days start =
        args.day("start").value_or(day_in_zone(timezone, invocation.env.now));
    const std::string file = args.given("file") ? args.text("file") : "remedy.toml";
    const std::string client = args.given("client") ? args.text("client") : "Your Company";
    const std::string provider =
        args.given("provider") ? args.text("provider") : "Your IT Provider";
    const std::string text = starter_plan(client, provider, start, timezone);
    const LoadResult check = read_plan(text, file);
    if (!check.plan) {
        CommandError error("the names given do not make a valid plan");
        error.diagnostics = check.diagnostics;
        return Unexpected<CommandError>{std::move(error)};
    }
    if (const Expected<void, CreateError> created = create_file(file, text); !created)
        return refusal(
            created.error().already_exists
                ? fmt::format("{} already exists; remedy init never overwrites a plan", file)
                : created.error().message);
    return Outcome{fmt::format("{}: a new plan for {} with {}, time box {} to {}\n", file, client,
                               provider, format_iso_date(start),
                               format_iso_date(start + date::days{60}))};
}

} // namespace

std::vector<Command> edit_commands() {
    return {
        {"init",
         "Write a starter remedy.toml here: every section explained, a 60-day time box",
         "remedy init --client \"Northwind Traders\" --provider \"Acme Managed IT\" --start "
         "2026-10-01",
         {plan_option(),
          {.names = "--client", .help = "The client's name", .type_name = "NAME"},
          {.names = "--provider", .help = "The provider's name", .type_name = "NAME"},
          {.names = "--start",
           .help = "The day the notice went out (default: today)",
           .type_name = "YYYY-MM-DD",
           .kind = ValueKind::day}},
         init},
        {"add",
         "Add an issue to the plan",
         "remedy add --title \"Printers drop off the network\" --priority high --due 2026-10-20 "
         "--category printers",
         {plan_option(),
          priority_spec(),
          {.names = "--id",
           .help = "The new id (default: the next free one of the category)",
           .type_name = "ID"},
          {.names = "--title",
           .help = "What is wrong",
           .type_name = "TEXT",
           .need = OptionSpec::Need::required},
          {.names = "--due",
           .help = "The resolution date",
           .type_name = "YYYY-MM-DD",
           .kind = ValueKind::day,
           .need = OptionSpec::Need::required},
          {.names = "--category", .help = "A free-text category", .type_name = "TEXT"},
          {.names = "--owner", .help = "Who at the provider owns it", .type_name = "TEXT"}},
         add},
        {"resolve",
         "Record that an issue is resolved (--on a day, default today)",
         "remedy resolve NET-1 --on 2026-10-19",
         {id_argument(), plan_option(), on_option()},
         resolve},
        {"reopen",
         "Set a resolved or waived issue back to open",
         "remedy reopen NET-1",
         {id_argument(), plan_option()},
         reopen},
        {"waive",
         "Waive an issue: it owes nothing and no longer counts",
         "remedy waive PRC-1 --reason \"Replaced by the new purchasing process\"",
         {id_argument(), plan_option(), reason_option()},
         waive},
        {"incident",
         "Record an incident (--on a day, default today)",
         "remedy incident --priority high --summary \"Email down for six hours\" --on 2026-11-08",
         {plan_option(),
          on_option(),
          priority_spec(),
          {.names = "--summary",
           .help = "What happened",
           .type_name = "TEXT",
           .need = OptionSpec::Need::required}},
         incident},
        {"extend",
         "Extend the time box by an agreed number of days",
         "remedy extend --days 14 --reason \"Firewall hardware back-ordered\" --agreed 2026-11-20",
         {plan_option(),
          reason_option(),
          {.names = "--days",
           .help = "Days added to the time box (1..60)",
           .type_name = "N",
           .kind = ValueKind::number,
           .need = OptionSpec::Need::required},
          {.names = "--agreed",
           .help = "The day it was agreed (default: today)",
           .type_name = "YYYY-MM-DD",
           .kind = ValueKind::day}},
         extend},
    };
}

} // namespace remedy
