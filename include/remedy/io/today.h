#pragma once

#include <chrono>
#include <date/date.h>
#include <string_view>

namespace remedy {

// The offset from UTC in the time zone called `zone` (the client's, already checked by the plan
// reader) at the moment `at`: from the zone's own file when it says so exactly, else from the
// date library's database.
std::chrono::seconds utc_offset(std::string_view zone, date::sys_seconds at);

// The calendar day that `at` falls on in the time zone called `zone`. Any instant is taken, a
// git commit's forged date too: one before the year 1000 or after 9999 is read as the first or
// last instant of those years, never an overflow.
date::sys_days day_in_zone(std::string_view zone, date::sys_seconds at);

} // namespace remedy
