// init and the commands that change the plan: each a small edit where the value lives, under
// the plan's lock, refused (file untouched) when a rule would break.

#include "command.h"
#include "common_options.h"
#include "edit_options.h"
#include "plan_access.h"
#include "remedy/edit/atomic_write.h"
#include "remedy/edit/plan_edits.h"
#include "remedy/edit/starter_plan.h"
#include "remedy/io/plan_reader.h"
#include "remedy/io/today.h"
#include "remedy/model/dates.h"
#include "remedy/render/escape.h"

#include <date/tz.h>
#include <fmt/format.h>

namespace remedy {

namespace {

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
        return waive_issue(plan, text, invocation.args.text("id"), invocation.args.text("reason"),
                           day_or_today(invocation, "on", plan));
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
    return Outcome{fmt::format("{}: a new plan for {} with {}, time box {} to {}\n",
                               terminal_text(file), terminal_text(client), terminal_text(provider),
                               format_iso_date(start), format_iso_date(start + date::days{60}))};
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
         "Waive an issue: from its day on it owes no more and no longer counts",
         "remedy waive PRC-1 --reason \"Replaced by the new purchasing process\"",
         {id_argument(),
          plan_option(),
          reason_option(),
          {.names = "--on",
           .help = "The day the waiver takes effect (default: today in client.timezone); the "
                   "issue keeps what it owed until then",
           .type_name = "YYYY-MM-DD",
           .kind = ValueKind::day}},
         waive},
    };
}

} // namespace remedy
