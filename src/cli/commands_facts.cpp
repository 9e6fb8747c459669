// The commands that record dated facts: incidents and their disputes, extensions, pauses.

#include "command.h"
#include "common_options.h"
#include "edit_options.h"
#include "plan_access.h"
#include "remedy/edit/plan_edits.h"
#include "remedy/model/money.h"

#include <fmt/format.h>

namespace remedy {

namespace {

Result incident(const Invocation& invocation) {
    TRY_ASSIGN(const Priority priority, priority_option(invocation));
    return edit_plan(invocation,
                     [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
                         TRY_ASSIGN(const date::sys_days on, fact_day(invocation, "on", plan));
                         return add_incident(plan, text, priority, invocation.args.text("summary"),
                                             on, invocation.args.text("note"));
                     });
}

// dispute and withdraw: the provider contests an incident, and the reason stays on record.
Result contest(const Invocation& invocation, IncidentStatus status) {
    const IncidentName name{invocation.args.text("incident"), invocation.args.text("summary")};
    return edit_plan(
        invocation, [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
            return contest_incident(plan, text, name, status, invocation.args.text("reason"),
                                    judgement_day(invocation, plan), invocation.args.text("note"));
        });
}

Result dispute(const Invocation& invocation) {
    return contest(invocation, IncidentStatus::disputed);
}

Result withdraw(const Invocation& invocation) {
    return contest(invocation, IncidentStatus::withdrawn);
}

Result extend(const Invocation& invocation) {
    return edit_plan(
        invocation, [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
            TRY_ASSIGN(const date::sys_days agreed, fact_day(invocation, "agreed", plan));
            return add_extension(plan, text, static_cast<int>(*invocation.args.number("days")),
                                 invocation.args.text("reason"), agreed);
        });
}

Result pause(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    NewPause pause;
    pause.from = *args.day("from");
    pause.to = *args.day("to");
    pause.issues = args.texts("issue");
    pause.reason = args.text("reason");
    pause.agreed = args.day("agreed");
    if (pause.to < pause.from)
        return usage_error(
            fmt::format("--to {} is before --from {}", args.text("to"), args.text("from")));
    return edit_plan(invocation,
                     [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
                         if (pause.agreed)
                             TRY(fact_day(invocation, "agreed", plan));
                         return add_pause(plan, text, pause);
                     });
}

Result credit(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    const std::string amount = args.text("amount");
    if (!parse_decimal(amount))
        return usage_error(fmt::format(
            "--amount must be an amount such as 3164.75 (digits, a '.' and the cents), not '{}'",
            amount));
    return edit_plan(
        invocation, [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
            TRY_ASSIGN(const date::sys_days on, fact_day(invocation, "on", plan));
            return add_credit(plan, text,
                              NewCredit{on, amount, args.text("invoice"), args.text("note")});
        });
}

OptionSpec incident_argument() {
    return {.names = "incident",
            .help = "The incident: its id, or its date (YYYY-MM-DD)",
            .type_name = "INCIDENT",
            .need = OptionSpec::Need::required};
}

OptionSpec summary_choice() {
    return {.names = "--summary",
            .help = "The summary of the incident, when its date has several",
            .type_name = "TEXT"};
}

OptionSpec day_option(std::string_view names, std::string_view help, OptionSpec::Need need) {
    return {.names = names,
            .help = help,
            .type_name = "YYYY-MM-DD",
            .kind = ValueKind::day,
            .need = need};
}

} // namespace

std::vector<Command> fact_commands() {
    return {
        {"incident", "Record an incident (--on a day, default today)",
         "remedy incident --priority high --summary \"Email down for six hours\" --on 2026-11-08",
         edit_options({on_option(),
                       priority_spec(),
                       {.names = "--summary",
                        .help = "What happened",
                        .type_name = "TEXT",
                        .need = OptionSpec::Need::required},
                       note_option(),
                       force_option()}),
         incident},
        {"dispute", "Record that the provider disputes an incident: it still counts, and says so",
         "remedy dispute INC-7 --reason \"Caused by the client's own firewall change\"",
         edit_options({incident_argument(), reason_option(), summary_choice(), note_option()}),
         dispute},
        {"withdraw", "Withdraw an incident: it no longer counts, and the reason stays on record",
         "remedy withdraw 2026-11-08 --reason \"Duplicate of the incident of 2026-11-07\"",
         edit_options({incident_argument(), reason_option(), summary_choice(), note_option()}),
         withdraw},
        {"extend", "Extend the time box by an agreed number of days",
         "remedy extend --days 14 --reason \"Firewall hardware back-ordered\" --agreed 2026-11-20",
         edit_options({reason_option(),
                       {.names = "--days",
                        .help = "Days added to the time box (1..60)",
                        .type_name = "N",
                        .kind = ValueKind::number,
                        .need = OptionSpec::Need::required},
                       day_option("--agreed", "The day it was agreed (default: today)",
                                  OptionSpec::Need::optional),
                       force_option()}),
         extend},
        {"pause",
         "Stop the clock of issues for days the delay was the client's (a freeze, no access)",
         "remedy pause --from 2026-10-05 --to 2026-10-09 --issue NET-1 --reason \"Change "
         "freeze\" --agreed 2026-10-12",
         edit_options({day_option("--from", "The first paused day", OptionSpec::Need::required),
                       day_option("--to", "The last paused day", OptionSpec::Need::required),
                       {.names = "--issue",
                        .help = "An issue it covers (repeatable; default: every issue)",
                        .type_name = "ID",
                        .kind = ValueKind::texts,
                        .completes = Completes::issue_id},
                       reason_option(),
                       day_option("--agreed", "The day it was agreed (default: its first day)",
                                  OptionSpec::Need::optional),
                       force_option()}),
         pause},
        {"credit",
         "Record penalties credited to the client (on an invoice); never more than is owed",
         "remedy credit --on 2026-11-05 --amount 3164.75 --invoice INV-2026-10",
         edit_options({day_option("--on", "The day it was credited (default: today)",
                                  OptionSpec::Need::optional),
                       {.names = "--amount",
                        .help = "The amount credited, in the plan's currency",
                        .type_name = "AMOUNT",
                        .need = OptionSpec::Need::required},
                       {.names = "--invoice",
                        .help = "The invoice (or credit note) it was booked on",
                        .type_name = "REF",
                        .need = OptionSpec::Need::required},
                       {.names = "--note", .help = "A note kept with it", .type_name = "TEXT"},
                       force_option()}),
         credit},
    };
}

} // namespace remedy
