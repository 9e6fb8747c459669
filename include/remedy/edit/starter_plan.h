#pragma once

#include <date/date.h>
#include <string>

namespace remedy {

// The remedy.toml that `remedy init` writes: every section of the format with a short comment
// saying what it is for, a 60-day time box from `start`, and one example issue.
std::string starter_plan(const std::string& client, const std::string& provider,
                         date::sys_days start, const std::string& timezone);

} // namespace remedy
