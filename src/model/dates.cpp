#include "remedy/model/dates.h"

#include <fmt/format.h>

namespace remedy {

bool is_supported_day(date::sys_days day) {
    return day >= date::sys_days{first_supported_day} && day <= date::sys_days{last_supported_day};
}

Expected<date::sys_days> parse_iso_date(std::string_view text) {
    const auto invalid = [&] {
        return fail(fmt::format("'{}' is not a date in the form YYYY-MM-DD", text));
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return invalid();
    int fields[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f) {
        for (std::size_t i = starts[f]; i < starts[f] + lengths[f]; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return invalid();
            fields[f] = fields[f] * 10 + (text[i] - '0');
        }
    }
    const date::year_month_day ymd{date::year{fields[0]},
                                   date::month{static_cast<unsigned>(fields[1])},
                                   date::day{static_cast<unsigned>(fields[2])}};
    if (!ymd.ok())
        return fail(fmt::format("'{}' is not a day of the calendar", text));
    if (!is_supported_day(date::sys_days{ymd}))
        return fail(fmt::format("'{}' is outside the supported years 1900 to 9999", text));
    return date::sys_days{ymd};
}

Expected<date::year_month> parse_iso_month(std::string_view text) {
    // The first of the month, read as a day, is checked by the same rules as every date.
    const Expected<date::sys_days> first = parse_iso_date(std::string(text) + "-01");
    if (text.size() != 7 || !first)
        return fail(fmt::format("'{}' is not a month in the form YYYY-MM", text));
    const date::year_month_day ymd{*first};
    return ymd.year() / ymd.month();
}

std::string format_iso_date(date::sys_days day) {
    const date::year_month_day ymd{day};
    const int year = static_cast<int>(ymd.year());
    if (year >= 0 && year <= 9999) {
        // Written digit by digit: a big plan's tables print one date per issue, and fmt's
        // parsing of the format string was most of the cost. Same text as the format below.
        const auto digits = [](unsigned value, int width, char* at) {
            for (int i = width - 1; i >= 0; --i, value /= 10)
                at[i] = static_cast<char>('0' + value % 10);
        };
        std::string text = "0000-00-00";
        digits(static_cast<unsigned>(year), 4, &text[0]);
        digits(static_cast<unsigned>(ymd.month()), 2, &text[5]);
        digits(static_cast<unsigned>(ymd.day()), 2, &text[8]);
        return text;
    }
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

} // namespace remedy
