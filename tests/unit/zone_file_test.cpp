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
        // Past the file's last transition its POSIX rule governs, which is not read here.
        const date::sys_seconds far{date::sys_days{date::year{2300} / 1 / 1}};
        CHECK_FALSE(zone_offset("America/Chicago", far).has_value());
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
