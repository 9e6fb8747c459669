#include "remedy/model/export_date.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace remedy;
using remedy_test::day;

namespace {

date::sys_days read(std::string_view text, std::optional<DateOrder> order = std::nullopt) {
    const Expected<date::sys_days> parsed = parse_export_date(text, order);
    INFO(text);
    INFO((parsed ? std::string() : parsed.error()));
    REQUIRE(parsed.ok());
    return *parsed;
}

std::string error_of(std::string_view text, std::optional<DateOrder> order = std::nullopt) {
    const Expected<date::sys_days> parsed = parse_export_date(text, order);
    INFO(text);
    REQUIRE_FALSE(parsed.ok());
    return parsed.error();
}

constexpr std::string_view forms =
    "(such as 2026-10-12, 2026-10-12 14:03:22, 10/12/2026 2:03 PM, 12/Oct/26 2:03 PM or "
    "12.10.2026 14:03)";

} // namespace

TEST_SUITE("export_date") {
    TEST_CASE("the forms of the contract, each the day written") {
        CHECK(read("2026-10-12") == day(2026, 10, 12));
        CHECK(read("2026-10-12 14:03:22") == day(2026, 10, 12));
        CHECK(read("10/12/2026 2:03 PM", DateOrder::month_first) == day(2026, 10, 12));
        CHECK(read("12/Oct/26 2:03 PM") == day(2026, 10, 12));
        CHECK(read("12.10.2026 14:03") == day(2026, 10, 12));
    }

    TEST_CASE("ISO with a T, minutes only, a fraction of a second; year first with slashes") {
        CHECK(read("2026-10-12T23:59:59") == day(2026, 10, 12));
        CHECK(read("2026-10-12T23:59") == day(2026, 10, 12));
        CHECK(read("2026-10-12 00:00:00.123456") == day(2026, 10, 12));
        CHECK(read("2026/10/12") == day(2026, 10, 12));
        CHECK(read("  2026-10-12  ") == day(2026, 10, 12));
    }

    TEST_CASE("a late evening time stays on its day: the time is the client's local time") {
        CHECK(read("10/12/2026 11:59 PM", DateOrder::month_first) == day(2026, 10, 12));
        CHECK(read("12.10.2026 23:59") == day(2026, 10, 12));
        CHECK(read("12/Oct/26 12:01 AM") == day(2026, 10, 12));
    }

    TEST_CASE("dates = dmy or mdy decides the numbers' order") {
        CHECK(read("10/12/2026", DateOrder::day_first) == day(2026, 12, 10));
        CHECK(read("10/12/2026", DateOrder::month_first) == day(2026, 10, 12));
        CHECK(read("10-12-2026 14:03", DateOrder::day_first) == day(2026, 12, 10));
        CHECK(read("1/2/26", DateOrder::month_first) == day(2026, 1, 2));
    }

    TEST_CASE("without dates, numbers that can only be read one way are read") {
        CHECK(read("13/10/2026") == day(2026, 10, 13));
        CHECK(read("10/13/2026 2:03 PM") == day(2026, 10, 13));
        CHECK(read("12/12/2026") == day(2026, 12, 12));
    }

    TEST_CASE("without dates, numbers that could be either order are an error that says how") {
        CHECK(error_of("10/12/2026 2:03 PM") ==
              "'10/12/2026 2:03 PM' could be 10 December or 12 October 2026; say which order the "
              "export writes its dates in: [import] dates = \"dmy\" (day first) or \"mdy\" "
              "(month first)");
    }

    TEST_CASE("a date that is not of the order dates says is refused") {
        CHECK(error_of("13/10/2026", DateOrder::month_first) ==
              "'13/10/2026' is not a month-first date (import.dates = \"mdy\")");
        CHECK(error_of("10/13/2026", DateOrder::day_first) ==
              "'10/13/2026' is not a day-first date (import.dates = \"dmy\")");
    }

    TEST_CASE("dots are day first whatever dates says") {
        CHECK(read("1.2.2026", DateOrder::month_first) == day(2026, 2, 1));
        CHECK(read("01.02.26 08:15:00") == day(2026, 2, 1));
    }

    TEST_CASE("month names: English, and the German abbreviations that differ") {
        CHECK(read("12-Oct-2026") == day(2026, 10, 12));
        CHECK(read("12 October 2026") == day(2026, 10, 12));
        CHECK(read("3/sept/26") == day(2026, 9, 3));
        CHECK(read("12/Okt/26 14:03") == day(2026, 10, 12));
        CHECK(read("1/M\xC3\xA4r/26") == day(2026, 3, 1));
        CHECK(read("1/Mai/26") == day(2026, 5, 1));
        CHECK(read("24/Dez/26") == day(2026, 12, 24));
    }

    TEST_CASE("a time with a zone is refused: its day would be another") {
        CHECK(error_of("2026-10-12T23:30:00Z") ==
              fmt::format("'2026-10-12T23:30:00Z' is not a date remedy reads {}: its time has a "
                          "time zone; remedy reads the export's times as the client's local "
                          "time, so export them without one",
                          forms));
        CHECK_FALSE(parse_export_date("2026-10-12T23:30:00+02:00", std::nullopt).ok());
        CHECK_FALSE(parse_export_date("2026-10-12T23:30:00-05:00", std::nullopt).ok());
    }

    TEST_CASE("what is not a date, or not a day of the calendar, is an error quoting it") {
        CHECK(error_of("soon") == fmt::format("'soon' is not a date remedy reads {}", forms));
        CHECK(
            error_of("2026-02-30") ==
            fmt::format("'2026-02-30' is not a date remedy reads {}: there is no such day", forms));
        CHECK(
            error_of("31.04.2026") ==
            fmt::format("'31.04.2026' is not a date remedy reads {}: there is no such day", forms));
        CHECK(error_of("12/Foo/26") ==
              fmt::format("'12/Foo/26' is not a date remedy reads {}", forms));
        CHECK(error_of("10/12/202", DateOrder::day_first) ==
              fmt::format("'10/12/202' is not a date remedy reads {}: the year must have four "
                          "digits, or two",
                          forms));
        CHECK(error_of("2026-10-12 25:00") ==
              fmt::format("'2026-10-12 25:00' is not a date remedy reads {}: its time of day is "
                          "not one",
                          forms));
        CHECK(error_of("10/12/2026 13:00 PM", DateOrder::month_first) ==
              fmt::format("'10/12/2026 13:00 PM' is not a date remedy reads {}: its time of day "
                          "is not one",
                          forms));
        CHECK(error_of("2026-10-12 at noon") ==
              fmt::format("'2026-10-12 at noon' is not a date remedy reads {}: unexpected text "
                          "after the date",
                          forms));
        CHECK(error_of("") == "the date is empty");
        CHECK(error_of("0/0/2026", DateOrder::day_first) ==
              "'0/0/2026' is not a day-first date (import.dates = \"dmy\")");
    }

    TEST_CASE("dates outside the supported years are refused") {
        CHECK(error_of("1899-12-31") == "'1899-12-31' is outside the supported years 1900 to 9999");
    }

    TEST_CASE("a long cell is quoted short") {
        const std::string cell(500, '9');
        const std::string message = error_of(cell);
        CHECK(message.starts_with("'" + std::string(60, '9') + "…' is not a date"));
    }
}
