#pragma once

#include <chrono>
#include <date/date.h>
#include <string_view>

namespace remedy {

// The calendar day that `now` falls on in the time zone called `zone` (the client's, already
// checked by the plan reader).
date::sys_days day_in_zone(std::string_view zone, std::chrono::system_clock::time_point now);

} // namespace remedy
