#pragma once

#include "remedy/util/expected.h"

#include <date/date.h>
#include <string>
#include <string_view>

namespace remedy {

// The calendar days remedy accepts. Outside them a date is a typo, and the limits keep every
// day count far from integer overflow.
inline constexpr date::year_month_day first_supported_day{date::year{1900}, date::January,
                                                          date::day{1}};
inline constexpr date::year_month_day last_supported_day{date::year{9999}, date::December,
                                                         date::day{31}};

bool is_supported_day(date::sys_days day);

// Strictly "YYYY-MM-DD", a real calendar day in the supported range.
Expected<date::sys_days> parse_iso_date(std::string_view text);

std::string format_iso_date(date::sys_days day);

// Strictly "YYYY-MM", a month of the supported years: a statement's month.
Expected<date::year_month> parse_iso_month(std::string_view text);

// Whole days from `from` to `to`; negative when `to` is earlier.
inline int days_between(date::sys_days from, date::sys_days to) {
    return static_cast<int>((to - from).count());
}

// The Sunday that ends the (Monday to Sunday) week of `day`.
inline date::sys_days week_end(date::sys_days day) {
    const unsigned from_monday = (date::weekday{day}.c_encoding() + 6) % 7;
    return day + date::days{6 - static_cast<int>(from_monday)};
}

} // namespace remedy
