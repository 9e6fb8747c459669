#pragma once

#include "command.h"
#include "remedy/history/history_rows.h"

#include <string>

namespace remedy {

// How commands reach the plan's git history: the days it is read on, the warning status and
// verdict give when the last commit carries a flag, and check --commits.

// The day a history is read to: --as-of, whose later commits are left out; else today (in the
// zone of `plan`, UTC without one), every commit shown.
HistoryDays history_days(const Invocation& invocation, const Plan* plan);

// The line status and verdict give when the last commit of `file` carries a flag; empty when it
// carries none, or the plan has no history (no git, no repository, a file git does not track).
std::string last_commit_flags(const Invocation& invocation, const std::string& file,
                              const Plan& plan);

// `check --commits RANGE` or `check --fail-on flagged` of the plan at `file`: the plan as the
// range's last commit holds it, judged, and the range's commits with their flags.
Result check_commits(const Invocation& invocation, const std::string& file);

} // namespace remedy
