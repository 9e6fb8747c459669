#include "remedy/io/today.h"

#include "remedy/io/zone_file.h"

#include <date/tz.h>

namespace remedy {

std::chrono::seconds utc_offset(std::string_view zone, date::sys_seconds at) {
    if (const std::optional<std::chrono::seconds> offset = zone_offset(zone, at))
        return *offset;
    return date::locate_zone(zone)->get_info(at).offset;
}

date::sys_days day_in_zone(std::string_view zone, std::chrono::system_clock::time_point now) {
    const auto at = date::floor<std::chrono::seconds>(now);
    return date::floor<date::days>(at + utc_offset(zone, at));
}

} // namespace remedy
