#pragma once

// The POSIX TZ string at the end of a TZif file (RFC 8536, section 3.3), such as
// "CST6CDT,M3.2.0,M11.1.0": the rule of a zone after its file's last transition. The files
// list transitions up to 2037; a letter dated later, or a plan of a later year, needs the rule.
// Private to the io layer.

#include <cstdint>
#include <optional>
#include <string_view>

namespace remedy {

class PosixTimeZone {
public:
    // The rule a TZ string states, or none when it is not one (then the caller asks the date
    // library, as for any question the file alone does not answer).
    static std::optional<PosixTimeZone> parse(std::string_view text);

    // The offset east of UTC, in seconds, at `utc_seconds` since 1970-01-01 UTC.
    std::int32_t offset_at(std::int64_t utc_seconds) const;

    // One end of daylight saving time: a day of the year as the string writes it, and the local
    // time of that day it happens at.
    struct Change {
        enum class Form { julian_no_leap, zero_based, month_week_day } form = Form::zero_based;
        int day = 0;              // Jn: 1..365; n: 0..365; Mm.w.d: d, 0 = Sunday
        int month = 0;            // Mm.w.d: 1..12
        int week = 0;             // Mm.w.d: 1..5, 5 = the last
        std::int32_t time = 7200; // seconds after local midnight, -167 h to 167 h
    };

private:
    std::int32_t standard_ = 0;            // offset east of UTC
    std::optional<std::int32_t> daylight_; // none: no daylight saving time
    Change start_;                         // into daylight saving, in standard time
    Change end_;                           // out of it, in daylight saving time
};

} // namespace remedy
