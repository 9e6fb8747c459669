#pragma once

#include "remedy/model/diagnostic.h"

#include <date/date.h>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// The days off an iCalendar file (RFC 5545) names, as a calendar application exports them: every
// day covered by an all-day VEVENT, from DTSTART;VALUE=DATE up to, not including, DTEND (one
// day without it; DURATION:PnD and PnW are read too). Folded lines are unfolded; components
// other than VEVENT are ignored.
struct HolidaysFile {
    std::vector<date::sys_days> days; // in the file's order, possibly repeated
    std::size_t all_day_events = 0;   // the events whose days are read
    Diagnostics diagnostics;          // located in `file`: an event with RRULE is an error, a
                                      // file that does not begin with BEGIN:VCALENDAR too
};

// `file` names the file in every diagnostic. Timed events (not all-day) are ignored, with a
// warning; more than `max_days` days is an error.
HolidaysFile read_holidays_file(std::string_view text, const std::string& file,
                                std::size_t max_days);

} // namespace remedy
