#pragma once

#include <chrono>
#include <date/date.h>

namespace date {
class time_zone;
}

namespace remedy {

// The calendar day that `now` falls on in `zone` (the client's time zone).
date::sys_days day_in_zone(const date::time_zone* zone, std::chrono::system_clock::time_point now);

} // namespace remedy
