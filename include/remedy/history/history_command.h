#pragma once

#include "remedy/render/style.h"

#include <date/date.h>
#include <optional>
#include <string>

namespace remedy {

// `remedy history`: reads every committed version of the plan at `plan_path` (already located
// as for the other commands), judges them and renders `format` (text, json, csv or svg) into
// `out`. Returns the exit status: 0 done; 2 an unknown format; 3 git cannot give the history
// (not a repository, an untracked plan, git missing), with the message (one line, no newline) in
// `err`.
int run_history_command(const std::string& plan_path, std::optional<date::sys_days> since,
                        const std::string& format, std::string& out, std::string& err,
                        const Style& style = {});

} // namespace remedy
