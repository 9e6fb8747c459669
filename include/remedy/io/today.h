#pragma once

#include <chrono>
#include <date/date.h>
#include <string_view>

namespace remedy {

// The offset from UTC in the time zone called `zone` (the client's, already checked by the plan
// reader) at the moment `at`: from the zone's own file when it says so exactly, else from the
// date library's database.
std::chrono::seconds utc_offset(std::string_view zone, date::sys_seconds at);

// The calendar day that `now` falls on in the time zone called `zone`.
date::sys_days day_in_zone(std::string_view zone, std::chrono::system_clock::time_point now);

} // namespace remedy
