// SPEC.md "Exposure": an issue accruing on as_of (a counted day with G < as_of <= D, neither
// resolved nor waived), cap_headroom (cap - total with a plan cap, cap - accrued of as_of's month
// with a month cap, never below 0) and cap_date (the first day after as_of, up to D, on which the
// cap would be reached if nothing changed after as_of). Every expected figure is worked out by
// hand from SPEC.md; weekdays: Thu 10-15, Fri 10-16, Sat 10-17, Sun 10-18, Mon 10-19; the time
// box from 2026-10-01 has 60 days: D = Mon 2026-11-30.

#include "remedy/model/judgement.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <optional>
#include <string>
#include <string_view>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;
using remedy_test::parties;

namespace {

// The time box and a [penalties] table made of `penalties` (its own lines and sub-tables).
std::string priced(std::string_view penalties) {
    return parties + "\n[timebox]\nstart = 2026-10-01\n" + std::string(penalties) + "\n";
}

// Critical 500.00 and high 200.00 a late day, nothing once missed, no cap.
const std::string per_day = R"(
[penalties.per_day]
critical = "500.00"
high = "200.00"
)";

// An issue of the given priority due on `due` (YYYY-MM-DD); status lines may follow.
std::string issue(std::string_view id, std::string_view priority, std::string_view due) {
    return "\n[[issue]]\nid = \"" + std::string(id) + "\"\ntitle = \"Issue " + std::string(id) +
           "\"\npriority = \"" + std::string(priority) + "\"\ndue = " + std::string(due) + "\n";
}

const std::string net1 = issue("NET-1", "critical", "2026-10-15");

std::string pause(std::string_view from, std::string_view to, std::string_view more = "") {
    return "\n[[pause]]\nfrom = " + std::string(from) + "\nto = " + std::string(to) +
           "\nreason = \"Client change freeze for the audit\"\n" + std::string(more);
}

// Critical: 500.00 a late day and 1000.00 once missed, under a plan cap of `cap`.
std::string capped(std::string_view cap, std::string_view more = "") {
    return priced("\n[penalties]\ncap = \"" + std::string(cap) + "\"\n" + std::string(more) + R"(
[penalties.per_day]
critical = "500.00"
high = "200.00"

[penalties.per_miss]
critical = "1000.00"
)");
}

// Critical: 500.00 a late day, nothing once missed, under a month cap of `cap`.
std::string month_capped(std::string_view cap) {
    return priced("\n[penalties]\ncap = \"" + std::string(cap) + "\"\ncap_per = \"month\"\n" + R"(
[penalties.per_day]
critical = "500.00"
)");
}

std::optional<Money> cents(std::int64_t minor) {
    return Money{minor};
}

} // namespace

TEST_SUITE("exposure") {
    TEST_CASE("an issue accrues on a late counted day, not on its due date") {
        const Plan plan = load(priced(per_day) + net1 + issue("APP-2", "high", "2026-10-16"));

        const Judgement due = judge(plan, day(2026, 10, 15)); // NET-1: G = E = 10-15 = as_of
        CHECK_FALSE(due.issues[0].accruing);
        CHECK_FALSE(due.issues[1].accruing);
        CHECK(due.exposure.accruing == 0);
        CHECK(due.exposure.per_day.minor == 0);

        const Judgement one = judge(plan, day(2026, 10, 16)); // NET-1: 10-15 < 10-16; APP-2 due
        CHECK(one.issues[0].accruing);
        CHECK_FALSE(one.issues[1].accruing);
        CHECK(one.exposure.accruing == 1);
        CHECK(one.exposure.per_day.minor == 50000);

        const Judgement both = judge(plan, day(2026, 10, 17));
        CHECK(both.issues[0].accruing);
        CHECK(both.issues[1].accruing);
        CHECK(both.exposure.accruing == 2);
        CHECK(both.exposure.per_day.minor == 70000); // 500.00 + 200.00
    }

    TEST_CASE("an issue in progress accrues; one without a per-day rate is accruing at 0.00") {
        const Plan plan = load(priced(per_day) + net1 + "status = \"in_progress\"\n" +
                               issue("OPS-3", "low", "2026-10-15"));
        const Judgement j = judge(plan, day(2026, 10, 18));
        CHECK(j.issues[0].accruing);
        CHECK(j.issues[1].accruing); // a counted day with G < as_of <= D, not resolved
        CHECK(j.exposure.accruing == 2);
        CHECK(j.exposure.per_day.minor == 50000); // 500.00 + no low rate
    }

    TEST_CASE("an issue does not accrue before its grace end") {
        const Plan plan = load(priced("\n[penalties]\ngrace_days = 2\n" + per_day) + net1);
        const Judgement grace = judge(plan, day(2026, 10, 17)); // G = 10-15 + 2 = 10-17
        CHECK(grace.issues[0].dates.grace_end == day(2026, 10, 17));
        CHECK_FALSE(grace.issues[0].accruing);
        CHECK(grace.exposure.accruing == 0);
        CHECK(judge(plan, day(2026, 10, 18)).issues[0].accruing);
    }

    TEST_CASE("an issue does not accrue on its paused day") {
        const Plan plan = load(priced(per_day) + net1 + pause("2026-10-20", "2026-10-22"));
        CHECK(judge(plan, day(2026, 10, 19)).issues[0].accruing);
        const Judgement paused = judge(plan, day(2026, 10, 21)); // agreed 10-20: in force
        CHECK_FALSE(paused.issues[0].accruing);
        CHECK(paused.exposure.accruing == 0);
        CHECK(paused.exposure.per_day.minor == 0);
        CHECK(judge(plan, day(2026, 10, 23)).issues[0].accruing);

        // A pause of another issue does not stop this one.
        const Plan other = load(priced(per_day) + net1 + issue("APP-2", "high", "2026-11-20") +
                                pause("2026-10-20", "2026-10-22", "issues = [\"APP-2\"]\n"));
        CHECK(judge(other, day(2026, 10, 21)).issues[0].accruing);
    }

    TEST_CASE("with working-day penalties an issue does not accrue on a weekend day") {
        const Plan working =
            load(priced("\n[calendar]\n\n[penalties]\ndays = \"working\"\n" + per_day) + net1);
        CHECK(judge(working, day(2026, 10, 16)).issues[0].accruing);       // Fri
        CHECK_FALSE(judge(working, day(2026, 10, 17)).issues[0].accruing); // Sat
        const Judgement sunday = judge(working, day(2026, 10, 18));
        CHECK_FALSE(sunday.issues[0].accruing);
        CHECK(sunday.exposure.accruing == 0);
        CHECK(judge(working, day(2026, 10, 19)).issues[0].accruing); // Mon

        // The same calendar with calendar-day penalties: Saturday counts.
        const Plan calendar = load(priced("\n[calendar]\n" + per_day) + net1);
        CHECK(judge(calendar, day(2026, 10, 17)).issues[0].accruing);
    }

    TEST_CASE("an issue accrues up to the deadline, not after it") {
        const Plan plan = load(priced(per_day) + issue("NET-1", "critical", "2026-11-20"));
        const Judgement deadline = judge(plan, day(2026, 11, 30));
        CHECK(deadline.verdict == Verdict::at_risk);
        CHECK(deadline.issues[0].accruing);
        const Judgement after = judge(plan, day(2026, 12, 1)); // D = 11-30 < as_of
        CHECK_FALSE(after.issues[0].accruing);
        CHECK(after.exposure.accruing == 0);
        CHECK(after.exposure.per_day.minor == 0);
    }

    TEST_CASE("an issue resolved or waived on as_of does not accrue; one resolved later does") {
        const Plan resolved =
            load(priced(per_day) + net1 + "status = \"resolved\"\nresolved = 2026-10-18\n");
        CHECK(judge(resolved, day(2026, 10, 17)).issues[0].accruing); // reads as open
        const Judgement on = judge(resolved, day(2026, 10, 18));
        CHECK(on.issues[0].penalty.late_days == 3); // 10-16..10-18 still owed
        CHECK_FALSE(on.issues[0].accruing);
        CHECK(on.exposure.accruing == 0);

        const Plan waived =
            load(priced(per_day) + net1 + "status = \"waived\"\nwaived = 2026-10-18\n");
        CHECK(judge(waived, day(2026, 10, 17)).issues[0].accruing);
        CHECK_FALSE(judge(waived, day(2026, 10, 18)).issues[0].accruing);
        CHECK_FALSE(judge(waived, day(2026, 10, 20)).issues[0].accruing);
    }

    TEST_CASE(
        "a plan cap: headroom is cap - total, never below 0; cap_date the day it is reached") {
        const Plan plan = load(capped("2500.00") + net1);

        const Judgement due = judge(plan, day(2026, 10, 15));
        CHECK(due.penalties.total.minor == 0);
        CHECK(due.exposure.cap_headroom == cents(250000));
        // 10-16: 1000.00 + 500.00 = 1500.00; 10-17: 2000.00; 10-18: 2500.00 >= cap
        CHECK(due.exposure.cap_date == day(2026, 10, 18));

        const Judgement first = judge(plan, day(2026, 10, 16));
        CHECK(first.penalties.total.minor == 150000);
        CHECK(first.exposure.cap_headroom == cents(100000)); // 2500.00 - 1500.00
        CHECK(first.exposure.cap_date == day(2026, 10, 18));

        const Judgement second = judge(plan, day(2026, 10, 17));
        CHECK(second.exposure.cap_headroom == cents(50000)); // 2500.00 - 2000.00
        CHECK(second.exposure.cap_date == day(2026, 10, 18));

        const Judgement reached = judge(plan, day(2026, 10, 18)); // total 2500.00 = cap
        CHECK(reached.penalties.cap_reached);
        CHECK(reached.exposure.cap_headroom == cents(0));
        CHECK_FALSE(reached.exposure.cap_date.has_value());

        const Judgement beyond = judge(plan, day(2026, 10, 20)); // total 1000.00 + 5 x 500.00
        CHECK(beyond.penalties.total.minor == 350000);
        CHECK(beyond.exposure.cap_headroom == cents(0)); // not -1000.00
        CHECK_FALSE(beyond.exposure.cap_date.has_value());
    }

    TEST_CASE("without a cap there is no headroom and no cap_date") {
        const Plan plan =
            load(priced(per_day + "\n[penalties.per_miss]\ncritical = \"1000.00\"\n") + net1);
        const Judgement j = judge(plan, day(2026, 10, 16));
        CHECK(j.penalties.total.minor == 150000);
        CHECK_FALSE(j.exposure.cap_headroom.has_value());
        CHECK_FALSE(j.exposure.cap_date.has_value());
        CHECK(j.exposure.accruing == 1);
    }

    TEST_CASE("cap_date counts the grace days still ahead and the per-miss charge still to come") {
        // Grace 3: G = 10-18. From as_of 10-16: 10-17, 10-18 grace; 10-19: 1000.00 + 500.00 =
        // 1500.00; 10-20: 2000.00; 10-21: 2500.00.
        const Plan plan = load(capped("2500.00", "grace_days = 3\n") + net1);
        const Judgement j = judge(plan, day(2026, 10, 16));
        CHECK(j.penalties.total.minor == 0);
        CHECK_FALSE(j.issues[0].accruing);
        CHECK(j.exposure.cap_headroom == cents(250000));
        CHECK(j.exposure.cap_date == day(2026, 10, 21));

        // Cap 2600.00: NET-1 alone reaches it on 10-22 (3000.00).
        const Plan alone = load(capped("2600.00", "grace_days = 3\n") + net1);
        CHECK(judge(alone, day(2026, 10, 16)).exposure.cap_date == day(2026, 10, 22));

        // APP-2 (high, 200.00 a day), due 10-18, G = 10-21: 10-21 is its grace end, so on 10-21
        // only NET-1's 2500.00; 10-22: 3000.00 + 200.00.
        const Plan later = load(capped("2600.00", "grace_days = 3\n") + net1 +
                                issue("APP-2", "high", "2026-10-18"));
        CHECK(judge(later, day(2026, 10, 16)).exposure.cap_date == day(2026, 10, 22));

        // APP-2 due 10-16, G = 10-19: late from 10-20; 10-21: 2500.00 + 2 x 200.00 = 2900.00.
        const Plan sooner = load(capped("2600.00", "grace_days = 3\n") + net1 +
                                 issue("APP-2", "high", "2026-10-16"));
        CHECK(judge(sooner, day(2026, 10, 16)).exposure.cap_date == day(2026, 10, 21));
    }

    TEST_CASE("cap_date ignores what is resolved or paused after as_of, not a pause in force") {
        // Resolved 10-17 in the file: on 10-16 it reads as open and the cap comes on 10-18.
        const Plan resolved =
            load(capped("2500.00") + net1 + "status = \"resolved\"\nresolved = 2026-10-17\n");
        CHECK(judge(resolved, day(2026, 10, 16)).exposure.cap_date == day(2026, 10, 18));

        // A pause of 10-17..10-18 agreed on 10-20: not in force on 10-16.
        const Plan agreed_later = load(capped("2500.00") + net1 +
                                       pause("2026-10-17", "2026-10-18", "agreed = 2026-10-20\n"));
        CHECK(judge(agreed_later, day(2026, 10, 16)).exposure.cap_date == day(2026, 10, 18));

        // The same pause agreed on 10-16: 10-17, 10-18 are not counted; 10-19: 2000.00,
        // 10-20: 2500.00.
        const Plan agreed = load(capped("2500.00") + net1 +
                                 pause("2026-10-17", "2026-10-18", "agreed = 2026-10-16\n"));
        const Judgement j = judge(agreed, day(2026, 10, 16));
        CHECK(j.penalties.total.minor == 150000);
        CHECK(j.exposure.cap_date == day(2026, 10, 20));
    }

    TEST_CASE("no cap_date when the cap would not be reached by the deadline") {
        // From as_of 10-16 (1500.00), 10-17..11-30 = 15 + 30 = 45 days x 500.00 = 22500.00:
        // 24000.00 on D.
        const Judgement on_deadline = judge(load(capped("24000.00") + net1), day(2026, 10, 16));
        CHECK(on_deadline.exposure.cap_headroom == cents(2400000 - 150000));
        CHECK(on_deadline.exposure.cap_date == day(2026, 11, 30));

        const Judgement beyond = judge(load(capped("24000.01") + net1), day(2026, 10, 16));
        CHECK(beyond.exposure.cap_headroom == cents(2400001 - 150000));
        CHECK_FALSE(beyond.exposure.cap_date.has_value());
    }

    TEST_CASE("a month cap: headroom is what is left of as_of's month; cap_date within a month") {
        const Plan plan = load(month_capped("5000.00") + issue("NET-1", "critical", "2026-10-25"));

        // Nothing accrued yet on E: the whole cap is left; Oct at most 6 x 500.00 = 3000.00.
        const Judgement due = judge(plan, day(2026, 10, 25));
        CHECK(due.exposure.cap_headroom == cents(500000));
        CHECK(due.exposure.cap_date == day(2026, 11, 10));

        // Oct: 10-26, 10-27 = 1000.00; at most 10-26..10-31 = 3000.00 < 5000.00.
        // Nov from 11-01: 500.00 a day, 5000.00 on the 10th day, 11-10.
        const Judgement october = judge(plan, day(2026, 10, 27));
        CHECK(october.exposure.cap_headroom == cents(400000)); // 5000.00 - 1000.00
        CHECK(october.exposure.cap_date == day(2026, 11, 10));

        // 11-03: Oct 3000.00, Nov 3 x 500.00 = 1500.00; total 4500.00.
        const Judgement november = judge(plan, day(2026, 11, 3));
        CHECK(november.penalties.total.minor == 450000);
        CHECK_FALSE(november.penalties.cap_reached);
        CHECK(november.exposure.cap_headroom == cents(350000)); // 5000.00 - 1500.00, not 500.00
        CHECK(november.exposure.cap_date == day(2026, 11, 10)); // 1500.00 + 7 x 500.00
    }

    TEST_CASE("a month at its cap owes no more, but the next month has a cap of its own") {
        // The deadline is 11-30; NET-1 is due 10-25 and accrues 500.00 a day.
        const Plan plan = load(month_capped("2000.00") + issue("NET-1", "critical", "2026-10-25"));

        const Judgement before = judge(plan, day(2026, 10, 28)); // Oct: 3 x 500.00 = 1500.00
        CHECK(before.exposure.cap_headroom == cents(50000));
        CHECK(before.exposure.cap_date == day(2026, 10, 29)); // 2000.00 on the 4th day
        CHECK_FALSE(before.exposure.grows_no_more);

        // October reached its cap on 10-29; November's is reached on its 4th late day, 11-04.
        const Judgement reached = judge(plan, day(2026, 10, 29));
        CHECK(reached.penalties.cap_reached);
        CHECK(reached.exposure.cap_headroom == cents(0));
        CHECK(reached.exposure.cap_date == day(2026, 11, 4));
        CHECK_FALSE(reached.exposure.grows_no_more); // November can still owe

        const Judgement over = judge(plan, day(2026, 10, 31)); // Oct: 6 x 500.00 = 3000.00
        CHECK(over.exposure.cap_headroom == cents(0));         // not -1000.00

        // Nov 11-01, 11-02 = 1000.00 of this month's cap; 2000.00 on 11-04.
        const Judgement november = judge(plan, day(2026, 11, 2));
        CHECK(november.penalties.cap_reached);
        CHECK(november.exposure.cap_headroom == cents(100000));
        CHECK(november.exposure.cap_date == day(2026, 11, 4));
        CHECK_FALSE(november.exposure.grows_no_more);

        // November, the deadline's month, reached its cap on 11-04: no later month can owe (per
        // day stops at the deadline, and there is no per-miss charge): it grows no more.
        const Judgement last = judge(plan, day(2026, 11, 10));
        CHECK(last.exposure.cap_headroom == cents(0));
        CHECK_FALSE(last.exposure.cap_date.has_value());
        CHECK(last.exposure.grows_no_more);
    }

    TEST_CASE("a month cap no month would reach by the deadline gives no cap_date") {
        // At most 30 x 500.00 = 15000.00 in November.
        const Judgement j =
            judge(load(month_capped("20000.00") + issue("NET-1", "critical", "2026-10-25")),
                  day(2026, 11, 3));
        CHECK(j.exposure.cap_headroom == cents(2000000 - 150000));
        CHECK_FALSE(j.exposure.cap_date.has_value());

        // 15000.00: reached on D, the 30th day of November.
        const Judgement on_deadline =
            judge(load(month_capped("15000.00") + issue("NET-1", "critical", "2026-10-25")),
                  day(2026, 11, 3));
        CHECK(on_deadline.exposure.cap_date == day(2026, 11, 30));
    }
}
