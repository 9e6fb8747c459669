#include "remedy/today.h"

#include <date/tz.h>

namespace remedy {

date::sys_days day_in_zone(const date::time_zone* zone, std::chrono::system_clock::time_point now) {
    const auto local = zone->to_local(now);
    return date::sys_days{date::floor<date::days>(local).time_since_epoch()};
}

} // namespace remedy
