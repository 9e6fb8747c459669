#include "history/commit_days.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <vector>

using namespace remedy;
using remedy_test::day;

namespace {

std::chrono::sys_seconds noon(int year, unsigned month, unsigned day_of_month) {
    return day(year, month, day_of_month) + std::chrono::hours{12};
}

// A line of commits at those times, each a version (no plan reads: days in UTC).
PlanRecord line_of(const std::vector<std::chrono::sys_seconds>& times) {
    PlanRecord record;
    record.line_times = times;
    for (std::size_t i = 0; i < times.size(); ++i) {
        PlanVersion version;
        version.line_index = i;
        record.versions.push_back(version);
    }
    return record;
}

std::vector<date::sys_days> days_of(const std::vector<CommitDay>& days) {
    std::vector<date::sys_days> out;
    for (const CommitDay& d : days)
        out.push_back(d.day);
    return out;
}

std::vector<unsigned> flags_of(const std::vector<CommitDay>& days) {
    std::vector<unsigned> out;
    for (const CommitDay& d : days)
        out.push_back(d.flags);
    return out;
}

} // namespace

TEST_SUITE("commit_days") {
    TEST_CASE("a commit dated before its parent is judged on its parent's day") {
        const auto days = version_days(line_of({noon(2026, 10, 1), noon(2026, 11, 16),
                                                noon(2026, 10, 20), noon(2026, 11, 18)}),
                                       {day(2026, 11, 30), LaterCommits::shown});
        CHECK(days_of(days) == std::vector{day(2026, 10, 1), day(2026, 11, 16), day(2026, 11, 16),
                                           day(2026, 11, 18)});
        CHECK(flags_of(days) == std::vector<unsigned>{0, 0, flag_dated_before_parent, 0});
        CHECK(days[2].dated == day(2026, 10, 20));
    }

    TEST_CASE("a commit dated ahead is judged on the earliest day a later commit claims") {
        // Read on 11-25: the commit of 2027 was made by 11-24, when the next one was.
        const auto days =
            version_days(line_of({noon(2026, 11, 16), noon(2027, 3, 1), noon(2026, 11, 24)}),
                         {day(2026, 11, 25), LaterCommits::shown});
        CHECK(days_of(days) ==
              std::vector{day(2026, 11, 16), day(2026, 11, 24), day(2026, 11, 24)});
        CHECK(flags_of(days) == std::vector<unsigned>{0, flag_dated_ahead, 0});
        // The last commit dated ahead: nothing after it, so the day it is read.
        const auto last = version_days(line_of({noon(2026, 11, 16), noon(2027, 3, 1)}),
                                       {day(2026, 11, 25), LaterCommits::shown});
        CHECK(days_of(last) == std::vector{day(2026, 11, 16), day(2026, 11, 25)});
    }

    TEST_CASE("a later claim before the parent's day does not pull a commit dated ahead back") {
        const auto days =
            version_days(line_of({noon(2026, 11, 16), noon(2027, 3, 1), noon(2026, 10, 1)}),
                         {day(2026, 11, 25), LaterCommits::shown});
        CHECK(days_of(days) ==
              std::vector{day(2026, 11, 16), day(2026, 11, 25), day(2026, 11, 25)});
        CHECK(flags_of(days) ==
              std::vector<unsigned>{0, flag_dated_ahead, flag_dated_before_parent});
    }

    TEST_CASE("a past as_of leaves out the commits after the last one dated by it") {
        const PlanRecord record = line_of(
            {noon(2026, 10, 1), noon(2026, 11, 21), noon(2026, 10, 20), noon(2026, 11, 24)});
        // Asked about 11-20: the commit of 10-20 was made after the one of 11-21, so both had
        // been made; the one of 11-24 had not. The one of 11-21 is dated ahead of
        // 11-20, and the next says it was made by 10-20 (after 10-01, so it may be true).
        const auto days = version_days(record, {day(2026, 11, 20), LaterCommits::left_out});
        REQUIRE(days.size() == 3);
        CHECK(flags_of(days) == std::vector<unsigned>{0, flag_dated_ahead, 0});
        CHECK(days_of(days) == std::vector{day(2026, 10, 1), day(2026, 10, 20), day(2026, 10, 20)});
        // Read today, nothing is left out.
        CHECK(version_days(record, {day(2026, 12, 6), LaterCommits::shown}).size() == 4);
    }

    TEST_CASE("commits that are not versions still set the parent's day") {
        PlanRecord record = line_of({noon(2026, 10, 1), noon(2026, 11, 16), noon(2026, 10, 20)});
        record.versions.erase(record.versions.begin() + 1); // the 11-16 commit left the plan alone
        const auto days = version_days(record, {day(2026, 11, 30), LaterCommits::shown});
        CHECK(days_of(days) == std::vector{day(2026, 10, 1), day(2026, 11, 16)});
        CHECK(flags_of(days) == std::vector<unsigned>{0, flag_dated_before_parent});
    }
}
