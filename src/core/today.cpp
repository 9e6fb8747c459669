#include "remedy/today.h"

#include "remedy/zone_file.h"

#include <date/tz.h>

namespace remedy {

date::sys_days day_in_zone(std::string_view zone, std::chrono::system_clock::time_point now) {
    const auto at = date::floor<std::chrono::seconds>(now);
    if (const std::optional<std::chrono::seconds> offset = zone_offset(zone, at))
        return date::floor<date::days>(at + *offset);
    const auto local = date::locate_zone(zone)->to_local(now);
    return date::sys_days{date::floor<date::days>(local).time_since_epoch()};
}

} // namespace remedy
