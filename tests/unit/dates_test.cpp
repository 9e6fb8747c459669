#include "remedy/io/today.h"
#include "remedy/model/dates.h"
#include "test_support.h"

#include <date/tz.h>
#include <doctest/doctest.h>

using namespace remedy;
using remedy_test::day;

namespace {

// The message for text that is not shaped YYYY-MM-DD.
std::string not_a_date(std::string_view text) {
    return "'" + std::string(text) + "' is not a date in the form YYYY-MM-DD";
}

} // namespace

TEST_SUITE("dates") {
    TEST_CASE("an ISO date is read as that calendar day") {
        const Expected<date::sys_days> parsed = parse_iso_date("2026-10-01");
        REQUIRE(parsed.ok());
        CHECK(*parsed == day(2026, 10, 1));
    }

    TEST_CASE("the leap day of a leap year is a date") {
        REQUIRE(parse_iso_date("2024-02-29").ok());
        CHECK(*parse_iso_date("2024-02-29") == day(2024, 2, 29));
    }

    TEST_CASE("the 29th of February of a common year is refused") {
        const Expected<date::sys_days> parsed = parse_iso_date("2026-02-29");
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error() == "'2026-02-29' is not a day of the calendar");
    }

    TEST_CASE("a century year is not a leap year unless it divides by 400") {
        const Expected<date::sys_days> year_2100 = parse_iso_date("2100-02-29");
        REQUIRE_FALSE(year_2100.ok());
        CHECK(year_2100.error() == "'2100-02-29' is not a day of the calendar");
        CHECK_FALSE(parse_iso_date("1900-02-29").ok());

        const Expected<date::sys_days> year_2000 = parse_iso_date("2000-02-29");
        REQUIRE(year_2000.ok());
        CHECK(*year_2000 == day(2000, 2, 29));
    }

    TEST_CASE("the last day of each month is a date and the day after it is not") {
        CHECK(*parse_iso_date("2026-01-31") == day(2026, 1, 31));
        CHECK(*parse_iso_date("2026-02-28") == day(2026, 2, 28));
        CHECK(*parse_iso_date("2026-04-30") == day(2026, 4, 30));
        CHECK(*parse_iso_date("2026-12-31") == day(2026, 12, 31));
        CHECK(parse_iso_date("2026-01-32").error() == "'2026-01-32' is not a day of the calendar");
        CHECK(parse_iso_date("2026-04-31").error() == "'2026-04-31' is not a day of the calendar");
        CHECK(parse_iso_date("2026-06-31").error() == "'2026-06-31' is not a day of the calendar");
        CHECK(parse_iso_date("2026-11-31").error() == "'2026-11-31' is not a day of the calendar");
    }

    TEST_CASE("month and day zero and month thirteen are refused") {
        CHECK(parse_iso_date("2026-00-10").error() == "'2026-00-10' is not a day of the calendar");
        CHECK(parse_iso_date("2026-13-01").error() == "'2026-13-01' is not a day of the calendar");
        CHECK(parse_iso_date("2026-01-00").error() == "'2026-01-00' is not a day of the calendar");
    }

    TEST_CASE("a date not written YYYY-MM-DD is refused") {
        for (const char* text : {"2026-1-05", "2026-01-5", "26-01-05", "2026/01/05", "20260105",
                                 "2026-01-05T09:00", " 2026-01-05", "2026-01-05 ", "2026-0a-05",
                                 "2026-01-0x", "-026-01-05", "+026-01-05", "", "today"}) {
            CAPTURE(text);
            const Expected<date::sys_days> parsed = parse_iso_date(text);
            REQUIRE_FALSE(parsed.ok());
            CHECK(parsed.error() == not_a_date(text));
        }
    }

    TEST_CASE("the supported years are 1900 to 9999") {
        CHECK(*parse_iso_date("1900-01-01") == day(1900, 1, 1));
        CHECK(*parse_iso_date("9999-12-31") == day(9999, 12, 31));
        const Expected<date::sys_days> before = parse_iso_date("1899-12-31");
        REQUIRE_FALSE(before.ok());
        CHECK(before.error() == "'1899-12-31' is outside the supported years 1900 to 9999");
        CHECK(parse_iso_date("0000-01-01").error() ==
              "'0000-01-01' is outside the supported years 1900 to 9999");
        // Five digits of year do not fit the form at all.
        CHECK(parse_iso_date("10000-01-01").error() == not_a_date("10000-01-01"));
    }

    TEST_CASE("a supported day lies between 1900-01-01 and 9999-12-31 inclusive") {
        CHECK(is_supported_day(day(1900, 1, 1)));
        CHECK(is_supported_day(day(9999, 12, 31)));
        CHECK_FALSE(is_supported_day(day(1899, 12, 31)));
        CHECK_FALSE(is_supported_day(day(10000, 1, 1)));
    }

    TEST_CASE("a day is formatted as YYYY-MM-DD with leading zeros") {
        CHECK(format_iso_date(day(2026, 10, 1)) == "2026-10-01");
        CHECK(format_iso_date(day(1900, 1, 9)) == "1900-01-09");
        CHECK(format_iso_date(day(9999, 12, 31)) == "9999-12-31");
    }

    TEST_CASE("days between consecutive days across a month end is one") {
        CHECK(days_between(day(2026, 1, 31), day(2026, 2, 1)) == 1);
        CHECK(days_between(day(2026, 4, 30), day(2026, 5, 1)) == 1);
        CHECK(days_between(day(2026, 2, 28), day(2026, 3, 1)) == 1);
    }

    TEST_CASE("days between counts the leap day of a leap year") {
        CHECK(days_between(day(2024, 2, 28), day(2024, 3, 1)) == 2);
        CHECK(days_between(day(2000, 2, 28), day(2000, 3, 1)) == 2);
        CHECK(days_between(day(2100, 2, 28), day(2100, 3, 1)) == 1);
    }

    TEST_CASE("days between across a year end") {
        CHECK(days_between(day(2025, 12, 31), day(2026, 1, 1)) == 1);
        CHECK(days_between(day(2026, 12, 25), day(2027, 1, 4)) == 10); // 7 to New Year, 3 more
    }

    TEST_CASE("a year has 365 days, a leap year 366") {
        CHECK(days_between(day(2025, 1, 1), day(2026, 1, 1)) == 365);
        CHECK(days_between(day(2024, 1, 1), day(2025, 1, 1)) == 366);
        CHECK(days_between(day(2000, 1, 1), day(2001, 1, 1)) == 366);
        CHECK(days_between(day(2100, 1, 1), day(2101, 1, 1)) == 365);
    }

    TEST_CASE("the 60-day time box of the SPEC example ends on 2026-11-30") {
        // October has 31 days: 2026-10-01 + 31 = 2026-11-01, + 29 = 2026-11-30.
        CHECK(days_between(day(2026, 10, 1), day(2026, 11, 30)) == 60);
        CHECK(days_between(day(2026, 10, 18), day(2026, 11, 30)) == 43);
    }

    TEST_CASE("days between is negative when the second day is earlier") {
        CHECK(days_between(day(2026, 10, 18), day(2026, 10, 15)) == -3);
        CHECK(days_between(day(2026, 1, 1), day(2025, 12, 31)) == -1);
        CHECK(days_between(day(2026, 10, 15), day(2026, 10, 15)) == 0);
    }

    TEST_CASE("the whole supported range is 2958463 days") {
        // 1900..1999: 100 years with 24 leap days = 36524; 2000..9999: 20 cycles of 146097.
        CHECK(days_between(day(1900, 1, 1), day(9999, 12, 31)) == 36524 + 20 * 146097 - 1);
    }

    TEST_CASE("today is the calendar day in the client's time zone") {
        // 2026-10-18 03:00 UTC is still the evening of 2026-10-17 in Chicago (UTC-5 in October).
        const auto instant = date::sys_days{day(2026, 10, 18)} + std::chrono::hours{3};
        CHECK(day_in_zone("America/Chicago", instant) == day(2026, 10, 17));
        CHECK(day_in_zone("UTC", instant) == day(2026, 10, 18));
        CHECK(day_in_zone("Asia/Tokyo", instant) == day(2026, 10, 18));
        // 2026-10-18 20:00 UTC is already 2026-10-19 05:00 in Tokyo.
        CHECK(day_in_zone("Asia/Tokyo", instant + std::chrono::hours{17}) == day(2026, 10, 19));
    }
}
