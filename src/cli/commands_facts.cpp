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
    return edit_plan(
        invocation, [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
            TRY_ASSIGN(const date::sys_days on, fact_day(invocation, "on", plan));
            return add_incident(plan, text, priority, invocation.args.text("summary"), on,
                                invocation.args.text("note"), invocation.args.text("id"));
        });
}

// dispute and withdraw: the provider contests an incident, and the reason stays on record.
Result contest(const Invocation& invocation, IncidentStatus status) {
    const IncidentName name{invocation.args.text("incident"), invocation.args.text("summary")};
    return edit_plan(
        invocation, [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
            // The day it counts from: --on, else today (--as-of).
            TRY_ASSIGN(const date::sys_days on, fact_day(invocation, "on", plan));
            return contest_incident(plan, text, name, status, invocation.args.text("reason"), on,
                                    invocation.args.text("note"));
        });
}

Result dispute(const Invocation& invocation) {
    return contest(invocation, IncidentStatus::disputed);
}

Result withdraw(const Invocation& invocation) {
    return contest(invocation, IncidentStatus::withdrawn);
}

// warn: the final warning given on its day, with the terms it sets.
Result warn(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    FinalWarning warning;
    if (args.given("strikes")) {
        const long long strikes = *args.number("strikes");
        if (strikes < 1 || strikes > 1000)
            return usage_error(fmt::format("--strikes must be 1..1000, not {}", strikes));
        warning.strikes = static_cast<int>(strikes);
    }
    if (args.given("severity")) {
        const std::optional<Priority> severity = parse_priority(args.text("severity"));
        if (!severity)
            return usage_error(fmt::format("--severity must be low, medium, high or critical (or "
                                           "P4..P1), not '{}'",
                                           args.text("severity")));
        warning.severity = *severity;
    }
    warning.until = args.day("until");
    return edit_plan(invocation,
                     [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
                         TRY_ASSIGN(warning.on, fact_day(invocation, "on", plan));
                         return give_warning(plan, text, warning);
                     });
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
                       {.names = "--id",
                        .help = "Its id, unique among incidents (what dispute and withdraw name)",
                        .type_name = "ID"},
                       priority_spec(),
                       {.names = "--summary",
                        .help = "What happened",
                        .type_name = "TEXT",
                        .need = OptionSpec::Need::required},
                       note_option(),
                       force_option()}),
         incident},
        {"dispute", "Record that the provider disputes an incident: it still counts, and says so",
         "remedy dispute INC-7 --reason \"Caused by the client's own firewall change\" --on "
         "2026-11-10",
         edit_options({incident_argument(), reason_option(),
                       day_option("--on", "The day the dispute was raised (default: today)",
                                  OptionSpec::Need::optional),
                       summary_choice(), note_option(), force_option()}),
         dispute},
        {"withdraw",
         "Withdraw an incident: from its day on it no longer counts, and the reason stays on "
         "record",
         "remedy withdraw 2026-11-08 --reason \"Duplicate of the incident of 2026-11-07\" --on "
         "2026-11-12",
         edit_options({incident_argument(), reason_option(),
                       day_option("--on", "The day the withdrawal was agreed (default: today)",
                                  OptionSpec::Need::optional),
                       summary_choice(), note_option(), force_option()}),
         withdraw},
        {"warn",
         "Record the final warning on its day: from then on, incidents after it count as strikes",
         "remedy warn --on 2026-12-07 --strikes 2 --severity high --until 2027-01-15",
         edit_options({day_option("--on", "The day the warning was given (default: today)",
                                  OptionSpec::Need::optional),
                       {.names = "--strikes",
                        .help = "Incidents after the warning that entitle you to terminate "
                                "(default: as the plan says, else 1)",
                        .type_name = "N",
                        .kind = ValueKind::number},
                       {.names = "--severity",
                        .help = "The lowest priority that counts (default: as the plan says, "
                                "else high)",
                        .type_name = "PRIORITY"},
                       day_option("--until",
                                  "The last day an incident can count (default: the "
                                  "deadline)",
                                  OptionSpec::Need::optional),
                       force_option()}),
         warn},
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
