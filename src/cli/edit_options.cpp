#include "edit_options.h"

#include "common_options.h"
#include "plan_access.h"
#include "remedy/model/dates.h"

#include <fmt/format.h>

namespace remedy {

Expected<date::sys_days> fact_day(const Invocation& invocation, std::string_view key,
                                  const Plan& plan) {
    // An edit's today is --as-of when given, so that last week's facts are recorded as of
    // last week, and a test says which day it is.
    const date::sys_days now = judgement_day(invocation, plan);
    const date::sys_days day = invocation.args.day(key).value_or(now);
    if (day > now && !invocation.args.flag("force")) {
        const std::string today_is =
            invocation.args.day("as-of")
                ? fmt::format("--as-of {}", format_iso_date(now))
                : fmt::format("today ({} in {})", format_iso_date(now), plan.client.timezone);
        return fail(fmt::format("--{} {} is after {}: a fact is recorded once it has happened; "
                                "give --force to record it anyway",
                                key, format_iso_date(day), today_is));
    }
    return day;
}

OptionSpec note_option() {
    return {.names = "--note",
            .help = "Evidence kept in the notes, with the day (a ticket, a test)",
            .type_name = "TEXT"};
}

OptionSpec force_option() {
    return {.names = "--force",
            .help = "Record it although its day is after today",
            .kind = ValueKind::flag};
}

std::vector<OptionSpec> edit_options(std::vector<OptionSpec> own) {
    own.insert(own.begin(), plan_option());
    own.push_back(
        {.names = "--as-of",
         .help = "Today for this edit: the default day of the fact, the day a note is stamped "
                 "with, and the day its consequence is judged on (default: today)",
         .type_name = "YYYY-MM-DD",
         .kind = ValueKind::day});
    own.push_back({.names = "-q,--quiet",
                   .help = "Print nothing when the change is made",
                   .kind = ValueKind::flag});
    return own;
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

} // namespace remedy
