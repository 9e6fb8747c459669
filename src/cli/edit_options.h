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

// --note TEXT: evidence kept in the notes of the issue or incident, with the day.
OptionSpec note_option();
// --force: record a fact dated after today.
OptionSpec force_option();

// `own` and the options every command that changes the plan takes: -f PLAN, --as-of (the day
// its consequence is judged on) and --quiet.
std::vector<OptionSpec> edit_options(std::vector<OptionSpec> own);

// The day a fact happened: the option `key` when given, else today in client.timezone. A day
// after today is refused unless --force: a fact is recorded once it has happened.
Expected<date::sys_days> fact_day(const Invocation& invocation, std::string_view key,
                                  const Plan& plan);

// --priority as a Priority (names and P1..P4 aliases, in any case), or the usage error.
Expected<Priority, CommandError> priority_option(const Invocation& invocation);

} // namespace remedy
