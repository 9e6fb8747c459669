#pragma once

#include "remedy/diagnostic.h"

namespace remedy {

// The exit statuses of SPEC.md, for every command.
inline constexpr int exit_ok = 0;
inline constexpr int exit_check_failed = 1; // check only: the verdict is at or past --fail-on
inline constexpr int exit_usage = 2;        // the command line is wrong
inline constexpr int exit_plan = 3;         // the plan is missing, unreadable, invalid or refused

// Each diagnostic on standard error, compiler-style, one a line.
void print_diagnostics(const Diagnostics& diagnostics);

} // namespace remedy
