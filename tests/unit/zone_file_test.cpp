#include "io/posix_tz.h"
#include "remedy/io/today.h"
#include "remedy/io/zone_file.h"

#include <date/tz.h>
#include <doctest/doctest.h>

using namespace remedy;

namespace {

bool date_library_knows(std::string_view name) {
    try {
        return date::locate_zone(name) != nullptr;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace

TEST_SUITE("zone file") {
    TEST_CASE("a zone read from its own file has the date library's offsets") {
        using namespace std::chrono;
        const date::sys_seconds start{date::sys_days{date::year{2024} / 1 / 1}};
        for (const std::string name :
             {"America/Chicago", "Europe/Berlin", "Asia/Tokyo", "Australia/Lord_Howe",
              "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu", "UTC", "Etc/GMT+5"}) {
            CAPTURE(name);
            const date::time_zone* zone = date::locate_zone(name);
            // Every transition of three years, and a second either side of each.
            std::size_t compared = 0;
            for (date::sys_seconds at = start; at < start + days{3 * 366};) {
                const date::sys_info info = zone->get_info(at);
                for (const date::sys_seconds t : {at, info.end - seconds{1}, info.end}) {
                    const std::optional<seconds> offset = zone_offset(name, t);
                    REQUIRE(offset.has_value());
                    CHECK(*offset == zone->get_info(t).offset);
                    ++compared;
                }
                at = std::min(info.end, at + days{3 * 366});
            }
            CHECK(compared >= 3);
        }
    }

    TEST_CASE("where the file alone does not say, the caller asks the date library") {
        using namespace std::chrono;
        CHECK_FALSE(zone_offset("Mars/Olympus_Mons", date::sys_seconds{}).has_value());
        CHECK_FALSE(zone_offset("../../etc/passwd", date::sys_seconds{}).has_value());
    }

    TEST_CASE("past the file's last transition (2037), its POSIX rule governs") {
        using namespace std::chrono;
        // Summer and winter in Chicago in 2099, where the date library would keep winter.
        const auto at = [](int y, unsigned m, unsigned d) {
            return date::sys_seconds{date::sys_days{date::year{y} / m / d}} + hours{12};
        };
        CHECK(zone_offset("America/Chicago", at(2099, 6, 1)) == seconds{-5 * 3600});
        CHECK(zone_offset("America/Chicago", at(2099, 1, 15)) == seconds{-6 * 3600});
        CHECK(zone_offset("Australia/Sydney", at(2099, 1, 15)) == seconds{11 * 3600});
        CHECK(zone_offset("Australia/Sydney", at(2099, 7, 15)) == seconds{10 * 3600});
        // A forged git date of the year 292277026596 is asked as the year 10000, not overflowed.
        CHECK(zone_offset("America/Chicago", date::sys_seconds{seconds{INT64_MAX}}).has_value());
    }

    TEST_CASE("the names it accepts are those date::locate_zone finds") {
        for (const char* name : {"America/Chicago",
                                 "UTC",
                                 "Etc/UTC",
                                 "US/Central",
                                 "America/Argentina/Buenos_Aires",
                                 "Mars/Olympus_Mons",
                                 "america/chicago",
                                 "",
                                 "/",
                                 "America/",
                                 "/etc/passwd",
                                 "../zoneinfo/UTC",
                                 "America/../UTC",
                                 "posixrules",
                                 "posix/America/Chicago",
                                 "right/UTC",
                                 "Factory",
                                 "zone.tab",
                                 "leapseconds",
                                 "+VERSION",
                                 "America"}) {
            CAPTURE(name);
            CHECK(is_zone_name(name) == date_library_knows(name));
        }
    }
}

TEST_SUITE("POSIX TZ rule") {
    // Instants written as UTC date and time, for the changes worked out by hand below.
    std::int64_t utc(int y, unsigned m, unsigned d, int h, int min, int sec) {
        return static_cast<std::int64_t>(
                   date::sys_days{date::year{y} / m / d}.time_since_epoch().count()) *
                   86400 +
               h * 3600 + min * 60 + sec;
    }

    TEST_CASE("US rule: second Sunday of March to first Sunday of November, at 02:00 local") {
        // 2099-03-01 and 2099-11-01 are Sundays: the changes are on March 8 at 02:00 CST
        // (08:00 UTC) and November 1 at 02:00 CDT (07:00 UTC).
        const auto zone = PosixTimeZone::parse("CST6CDT,M3.2.0,M11.1.0");
        REQUIRE(zone);
        CHECK(zone->offset_at(utc(2099, 3, 8, 7, 59, 59)) == -6 * 3600);
        CHECK(zone->offset_at(utc(2099, 3, 8, 8, 0, 0)) == -5 * 3600);
        CHECK(zone->offset_at(utc(2099, 11, 1, 6, 59, 59)) == -5 * 3600);
        CHECK(zone->offset_at(utc(2099, 11, 1, 7, 0, 0)) == -6 * 3600);
    }

    TEST_CASE("southern rule: daylight saving across the new year") {
        // 2099-10-01 is a Thursday, 2099-04-01 a Wednesday: first Sundays October 4 (02:00 AEST,
        // 16:00 UTC the day before) and April 5 (03:00 AEDT, 16:00 UTC the day before).
        const auto zone = PosixTimeZone::parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
        REQUIRE(zone);
        CHECK(zone->offset_at(utc(2099, 4, 4, 15, 59, 59)) == 11 * 3600);
        CHECK(zone->offset_at(utc(2099, 4, 4, 16, 0, 0)) == 10 * 3600);
        CHECK(zone->offset_at(utc(2099, 10, 3, 15, 59, 59)) == 10 * 3600);
        CHECK(zone->offset_at(utc(2099, 10, 3, 16, 0, 0)) == 11 * 3600);
        CHECK(zone->offset_at(utc(2100, 1, 1, 0, 0, 0)) == 11 * 3600);
    }

    TEST_CASE("fixed offsets, half hours, and daylight saving all year") {
        CHECK(PosixTimeZone::parse("<+0530>-5:30")->offset_at(0) == 5 * 3600 + 1800);
        CHECK(PosixTimeZone::parse("JST-9")->offset_at(utc(2099, 7, 1, 0, 0, 0)) == 9 * 3600);
        // Lord Howe moves by half an hour.
        const auto lord_howe = PosixTimeZone::parse("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
        REQUIRE(lord_howe);
        CHECK(lord_howe->offset_at(utc(2099, 1, 15, 0, 0, 0)) == 11 * 3600);
        CHECK(lord_howe->offset_at(utc(2099, 7, 15, 0, 0, 0)) == 10 * 3600 + 1800);
        // Day 0 at 00:00 to day 365 at 25:00: daylight saving time the whole year.
        const auto always = PosixTimeZone::parse("EST5EDT,0/0,J365/25");
        REQUIRE(always);
        CHECK(always->offset_at(utc(2099, 1, 1, 12, 0, 0)) == -4 * 3600);
        CHECK(always->offset_at(utc(2099, 12, 31, 12, 0, 0)) == -4 * 3600);
    }

    TEST_CASE("a string that is not a rule is refused, so that the date library decides") {
        for (const char* text : {"", "X5", "CST", "CST6CDT,M13.1.0,M11.1.0", "CST6CDT,M3.2.0",
                                 "CST6CDT,M3.2.0,M11.1.0,", "<+05>", "CST99"})
            CHECK_FALSE(PosixTimeZone::parse(text).has_value());
    }
}

TEST_SUITE("today") {
    TEST_CASE("a forged instant of any size gives a day, never an overflow") {
        using namespace std::chrono;
        const date::sys_days latest =
            day_in_zone("America/Chicago", date::sys_seconds{seconds{INT64_MAX}});
        const date::sys_days earliest =
            day_in_zone("Asia/Tokyo", date::sys_seconds{seconds{INT64_MIN}});
        CHECK(date::year_month_day{latest}.year() == date::year{9999});
        CHECK(date::year_month_day{earliest}.year() == date::year{1000});
    }
}
