// SPEC v3 "Dates, words and figures": with penalties.days = "working", a pause moves an issue's
// due date by the working days it covers. Each expected date is worked out by hand from the
// calendar; the weekdays and days off used are written beside each case.

#include "remedy/model/judgement.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <string_view>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;
using remedy_test::parties;

namespace {

// A UK firm's contract: Saturday and Sunday off, and the bank holidays of the winter: Fri
// 2026-12-25 (Christmas), Mon 2026-12-28 (Boxing Day, which falls on a Saturday, moved) and
// Fri 2027-01-01. The time box from 2026-11-23 has 60 days: D = Fri 2027-01-22.
std::string contract(std::string_view days) {
    return parties + R"(
[timebox]
start = 2026-11-23

[calendar]
holidays = [2026-12-25, 2026-12-28, 2027-01-01]

[penalties]
days = ")" +
           std::string(days) +
           R"("

[penalties.per_day]
high = "100.00"
)";
}

std::string issue(std::string_view id, std::string_view due) {
    return "\n[[issue]]\nid = \"" + std::string(id) + "\"\ntitle = \"Issue " + std::string(id) +
           "\"\npriority = \"high\"\ndue = " + std::string(due) + "\n";
}

std::string pause(std::string_view from, std::string_view to) {
    return "\n[[pause]]\nfrom = " + std::string(from) + "\nto = " + std::string(to) +
           "\nreason = \"Christmas change freeze\"\n";
}

// Judged on the deadline, when every pause (agreed from its first day) is in force.
date::sys_days effective_due(const Plan& plan, std::size_t issue) {
    return judge(plan, day(2027, 1, 22)).issues[issue].dates.effective_due;
}

} // namespace

TEST_SUITE("working-day pauses") {
    TEST_CASE("the Christmas freeze moves the due dates by its 7 working days") {
        // The freeze Mon 12-21 .. Fri 01-01 covers the working days Mon 21, Tue 22, Wed 23,
        // Thu 24, Tue 29, Wed 30, Thu 31: 7 (25 and 28 and 01-01 are holidays, 26-27 a weekend).
        const std::string issues = issue("SRV-1", "2026-12-22") + issue("NET-2", "2027-01-08") +
                                   pause("2026-12-21", "2027-01-01");
        const Plan working = load(contract("working") + issues);
        // SRV-1, due Tue 12-22: the 7th working day after it is Wed 23 (1), Thu 24 (2), Tue 29
        // (3), Wed 30 (4), Thu 31 (5), Mon 01-04 (6), Tue 01-05 (7).
        CHECK(effective_due(working, 0) == day(2027, 1, 5));
        // NET-2, due Fri 01-08 (the freeze began before it): Mon 11 (1), Tue 12, Wed 13, Thu 14,
        // Fri 15 (5), Mon 18 (6), Tue 19 (7).
        CHECK(effective_due(working, 1) == day(2027, 1, 19));

        // On a calendar-day contract the same freeze is 12 days: 12-22 + 12 = Sun 01-03, rolled
        // to Mon 01-04; 01-08 + 12 = Wed 01-20.
        const Plan calendar = load(contract("calendar") + issues);
        CHECK(effective_due(calendar, 0) == day(2027, 1, 4));
        CHECK(effective_due(calendar, 1) == day(2027, 1, 20));
    }

    TEST_CASE("a pause of a weekend only moves nothing on a working-day contract") {
        // Sat 12-05 .. Sun 12-06 holds no working day; due Tue 12-08 stays.
        const Plan plan = load(contract("working") + issue("SRV-1", "2026-12-08") +
                               pause("2026-12-05", "2026-12-06"));
        CHECK(effective_due(plan, 0) == day(2026, 12, 8));
        // Calendar days: 12-08 + 2 = Thu 12-10.
        const Plan calendar = load(contract("calendar") + issue("SRV-1", "2026-12-08") +
                                   pause("2026-12-05", "2026-12-06"));
        CHECK(effective_due(calendar, 0) == day(2026, 12, 10));
    }

    TEST_CASE("a pause after the due date moves nothing") {
        const Plan plan = load(contract("working") + issue("SRV-1", "2026-12-02") +
                               pause("2026-12-03", "2026-12-04"));
        CHECK(effective_due(plan, 0) == day(2026, 12, 2));
    }

    TEST_CASE("a second pause is reached when the first carried the due date into it") {
        // Due Wed 12-02. The first pause Mon 11-30 .. Tue 12-01 covers 2 working days: Thu 3,
        // Fri 4 -> Fri 12-04. The second, Thu 12-03 .. Fri 12-04, begins on or before 12-04:
        // its 2 working days after Fri 12-04 are Mon 7, Tue 8 -> Tue 12-08.
        const std::string issues = issue("SRV-1", "2026-12-02") +
                                   pause("2026-11-30", "2026-12-01") +
                                   pause("2026-12-03", "2026-12-04");
        CHECK(effective_due(load(contract("working") + issues), 0) == day(2026, 12, 8));
        // Calendar days: 12-02 + 2 = 12-04, + 2 = Sun 12-06, rolled to Mon 12-07.
        CHECK(effective_due(load(contract("calendar") + issues), 0) == day(2026, 12, 7));
    }

    TEST_CASE("a second pause that begins after the moved due date is not reached") {
        // Due Wed 12-02, moved to Fri 12-04 by 11-30 .. 12-01; Mon 12-07 .. Tue 12-08 begins
        // after it.
        const Plan plan =
            load(contract("working") + issue("SRV-1", "2026-12-02") +
                 pause("2026-11-30", "2026-12-01") + pause("2026-12-07", "2026-12-08"));
        CHECK(effective_due(plan, 0) == day(2026, 12, 4));
    }

    TEST_CASE("the late days after a moved due date are the working days after it") {
        // SRV-1 moved to Tue 01-05 by the freeze; on Fri 01-08 it is late on Wed 6, Thu 7,
        // Fri 8: 3 late days at 100.00.
        const Plan plan = load(contract("working") + issue("SRV-1", "2026-12-22") +
                               pause("2026-12-21", "2027-01-01"));
        const Judgement j = judge(plan, day(2027, 1, 8));
        CHECK(j.issues[0].penalty.late_days == 3);
        CHECK(j.issues[0].penalty.subtotal.minor == 30000);
        CHECK(j.issues[0].days_overdue == 3);
    }
}
