#pragma once

#include "command.h"
#include "remedy/model/plan.h"

namespace remedy {

// The options and arguments the commands that change the plan share, worded once.

// The id, completed from the plan.
OptionSpec id_argument();
// --on DAY: when the fact happened.
OptionSpec on_option();
// --reason TEXT, required.
OptionSpec reason_option();
// --priority P, required; checked by priority_option.
OptionSpec priority_spec();

// The day a fact happened: the option `key` when given, else today in client.timezone.
date::sys_days day_or_today(const Invocation& invocation, std::string_view key, const Plan& plan);

// --priority as a Priority (names and P1..P4 aliases, in any case), or the usage error.
Expected<Priority, CommandError> priority_option(const Invocation& invocation);

} // namespace remedy
