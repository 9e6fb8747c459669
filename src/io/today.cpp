#include "remedy/io/today.h"

#include "remedy/io/zone_file.h"

#include <algorithm>
#include <date/tz.h>

namespace remedy {

std::chrono::seconds utc_offset(std::string_view zone, date::sys_seconds at) {
    if (const std::optional<std::chrono::seconds> offset = zone_offset(zone, at))
        return *offset;
    return date::locate_zone(zone)->get_info(at).offset;
}

date::sys_days day_in_zone(std::string_view zone, date::sys_seconds at) {
    // Far from both ends of the supported years (1900 to 9999), so that adding an offset of a
    // day at most can neither overflow nor leave the date library's years.
    const date::sys_seconds first{date::sys_days{date::year{1000} / 1 / 1}};
    const date::sys_seconds last{date::sys_days{date::year{10000} / 1 / 1}};
    at = std::clamp(at, first, last);
    return date::floor<date::days>(at + utc_offset(zone, at));
}

} // namespace remedy
