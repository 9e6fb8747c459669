#include "edit_options.h"

#include "plan_access.h"

#include <fmt/format.h>

namespace remedy {

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

} // namespace remedy
