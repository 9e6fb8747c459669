#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "remedy/model/penalty.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;
using remedy_test::parties;

namespace {

// A high issue due 2026-10-15, 200.00 a late day and 300.00 once missed, after 2 grace days.
const std::string graced = parties + R"(
[timebox]
start = 2026-10-01

[penalties]
grace_days = 2

[penalties.per_day]
high = "200.00"

[penalties.per_miss]
high = "300.00"

[[issue]]
id = "APP-7"
title = "ERP client crashes on login"
priority = "high"
due = 2026-10-15
)";

// A critical issue at 500.00 a late day, capped at 1000.00.
const std::string capped = parties + R"(
[timebox]
start = 2026-10-01

[penalties]
cap = "1000.00"

[penalties.per_day]
critical = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)";

} // namespace

TEST_SUITE("penalty") {
    TEST_CASE("an issue late within its grace days is not missed and owes nothing") {
        const Plan plan = load(graced);
        for (const date::sys_days as_of : {day(2026, 10, 16), day(2026, 10, 17)}) {
            CAPTURE(format_iso_date(as_of));
            const Judgement j = judge(plan, as_of);
            const IssuePenalty& line = j.issues[0].penalty;
            CHECK(line.grace_until == day(2026, 10, 17));
            CHECK_FALSE(line.missed);
            CHECK(line.late_days == 0);
            CHECK(line.per_miss.minor == 0);
            CHECK(line.subtotal.minor == 0);
            CHECK(j.penalties.total.minor == 0);
        }
    }

    TEST_CASE("an issue is missed the day after its grace days and owes one day and the miss") {
        const Judgement j = judge(load(graced), day(2026, 10, 18));
        const IssuePenalty& line = j.issues[0].penalty;
        CHECK(line.missed);
        CHECK(line.late_days == 1);
        CHECK(line.per_day_rate.minor == 20000);
        CHECK(line.per_day_amount.minor == 20000);
        CHECK(line.per_miss.minor == 30000);
        CHECK(line.subtotal.minor == 50000);
        CHECK(j.penalties.total.minor == 50000);
    }

    TEST_CASE("an issue resolved on the last grace day is not missed and owes nothing") {
        const Plan plan = load(graced + "status = \"resolved\"\nresolved = 2026-10-17\n");
        const IssuePenalty line = judge(plan, day(2026, 11, 10)).issues[0].penalty;
        CHECK_FALSE(line.missed);
        CHECK(line.late_days == 0);
        CHECK(line.subtotal.minor == 0);
    }

    TEST_CASE("an issue resolved the day after its grace days owes one day and the miss") {
        const Plan plan = load(graced + "status = \"resolved\"\nresolved = 2026-10-18\n");
        const IssuePenalty line = judge(plan, day(2026, 11, 10)).issues[0].penalty;
        CHECK(line.missed);
        CHECK(line.late_days == 1);
        CHECK(line.subtotal.minor == 50000);
    }

    TEST_CASE("late days are counted from the end of the grace days") {
        // 2026-10-25 - (2026-10-15 + 2) = 8 days at 200.00, plus 300.00 once.
        const Judgement j = judge(load(graced), day(2026, 10, 25));
        CHECK(j.issues[0].penalty.late_days == 8);
        CHECK(j.issues[0].penalty.per_day_amount.minor == 160000);
        CHECK(j.issues[0].penalty.subtotal.minor == 190000);
    }

    TEST_CASE("the per-miss penalty is owed once, however long the issue stays late") {
        const Plan plan = load(graced);
        CHECK(judge(plan, day(2026, 10, 18)).issues[0].penalty.per_miss.minor == 30000);
        CHECK(judge(plan, day(2026, 11, 10)).issues[0].penalty.per_miss.minor == 30000);
        // 2026-11-10 - 2026-10-17 = 24 late days: 4800.00 + 300.00.
        CHECK(judge(plan, day(2026, 11, 10)).issues[0].penalty.subtotal.minor == 510000);
    }

    TEST_CASE("without grace days an issue is missed the day after it is due, not on it") {
        const Plan plan = load(capped);
        const IssuePenalty on_due = judge(plan, day(2026, 10, 15)).issues[0].penalty;
        CHECK_FALSE(on_due.missed);
        CHECK(on_due.late_days == 0);
        const IssuePenalty day_after = judge(plan, day(2026, 10, 16)).issues[0].penalty;
        CHECK(day_after.missed);
        CHECK(day_after.late_days == 1);
        CHECK(day_after.subtotal.minor == 50000);
    }

    TEST_CASE("per-day accrual stops at the deadline") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-20
)");
        // Deadline 2026-10-01 + 60 = 2026-11-30: 10 late days, and no more after it.
        for (const date::sys_days as_of :
             {day(2026, 11, 30), day(2026, 12, 1), day(2026, 12, 10)}) {
            CAPTURE(format_iso_date(as_of));
            const Judgement j = judge(plan, as_of);
            CHECK(j.issues[0].penalty.late_days == 10);
            CHECK(j.issues[0].penalty.per_day_amount.minor == 500000);
            CHECK(j.penalties.total.minor == 500000);
        }
        CHECK(judge(plan, day(2026, 11, 29)).issues[0].penalty.late_days == 9);
    }

    TEST_CASE("an issue resolved late owes the days until its resolution, also judged later") {
        const Plan plan = load(parties + R"(
[contract]
monthly_fee = "12500.00"

[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"

[penalties.per_miss]
critical = "2%"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
status = "resolved"
resolved = 2026-10-19
)");
        // 4 days at 500.00, and 2% of 12500.00 = 250.00 once.
        for (const date::sys_days as_of :
             {day(2026, 10, 19), day(2026, 11, 10), day(2026, 12, 31)}) {
            CAPTURE(format_iso_date(as_of));
            const IssuePenalty line = judge(plan, as_of).issues[0].penalty;
            CHECK(line.end == day(2026, 10, 19));
            CHECK(line.late_days == 4);
            CHECK(line.per_miss.minor == 25000);
            CHECK(line.subtotal.minor == 225000);
        }
    }

    TEST_CASE("an issue resolved after the deadline owes late days only up to the deadline") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-25
status = "resolved"
resolved = 2026-12-03
)");
        // min(2026-12-03, 2026-11-30) - 2026-11-25 = 5 days.
        const IssuePenalty line = judge(plan, day(2026, 12, 5)).issues[0].penalty;
        CHECK(line.late_days == 5);
        CHECK(line.subtotal.minor == 250000);
    }

    TEST_CASE("a waived issue owes nothing") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"

[penalties.per_miss]
critical = "250.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-02
status = "waived"
)");
        const Judgement j = judge(plan, day(2026, 11, 20));
        const IssuePenalty& line = j.issues[0].penalty;
        CHECK_FALSE(line.missed);
        CHECK(line.late_days == 0);
        CHECK(line.per_day_amount.minor == 0);
        CHECK(line.per_miss.minor == 0);
        CHECK(line.subtotal.minor == 0);
        CHECK(j.penalties.total.minor == 0);
        CHECK(j.penalties.owed.minor == 0);
    }

    TEST_CASE("an issue whose priority has no rate is missed but owes nothing") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"

[penalties.per_miss]
critical = "250.00"

[[issue]]
id = "DESK-3"
title = "Printer queue stalls"
priority = "medium"
due = 2026-10-15
)");
        const IssuePenalty line = judge(plan, day(2026, 10, 20)).issues[0].penalty;
        CHECK(line.missed);
        CHECK(line.late_days == 5);
        CHECK(line.per_day_rate.minor == 0);
        CHECK(line.subtotal.minor == 0);
    }

    TEST_CASE("a plan without a penalties table owes nothing and has no cap") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)");
        const Judgement j = judge(plan, day(2026, 11, 20));
        CHECK(j.issues[0].penalty.missed); // late all the same: only the money is absent
        CHECK(j.issues[0].penalty.subtotal.minor == 0);
        CHECK(j.penalties.total.minor == 0);
        CHECK(j.penalties.owed.minor == 0);
        CHECK_FALSE(j.penalties.cap.has_value());
        CHECK_FALSE(j.penalties.cap_reached);
    }

    TEST_CASE("the total is the sum over issues") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"
high = "200.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15

[[issue]]
id = "APP-7"
title = "ERP client crashes on login"
priority = "high"
due = 2026-10-10
)");
        // On 2026-10-18: 3 days x 500.00 + 8 days x 200.00 = 1500.00 + 1600.00.
        const Judgement j = judge(plan, day(2026, 10, 18));
        CHECK(j.issues[0].penalty.subtotal.minor == 150000);
        CHECK(j.issues[1].penalty.subtotal.minor == 160000);
        CHECK(j.penalties.total.minor == 310000);
        CHECK(j.penalties.owed.minor == 310000);
    }

    TEST_CASE("below the cap everything is owed and the cap is not reached") {
        const Judgement j = judge(load(capped), day(2026, 10, 16));
        REQUIRE(j.penalties.cap.has_value());
        CHECK(j.penalties.cap->minor == 100000);
        CHECK(j.penalties.total.minor == 50000);
        CHECK(j.penalties.owed.minor == 50000);
        CHECK_FALSE(j.penalties.cap_reached);
    }

    TEST_CASE("a total exactly at the cap reaches it") {
        const Judgement j = judge(load(capped), day(2026, 10, 17)); // 2 days x 500.00
        CHECK(j.penalties.total.minor == 100000);
        CHECK(j.penalties.owed.minor == 100000);
        CHECK(j.penalties.cap_reached);
    }

    TEST_CASE("above the cap only the cap is owed, and the total is still reported") {
        const Judgement j = judge(load(capped), day(2026, 10, 20)); // 5 days x 500.00
        CHECK(j.penalties.total.minor == 250000);
        CHECK(j.penalties.owed.minor == 100000);
        CHECK(j.penalties.cap_reached);
    }

    TEST_CASE("a cap written as a percentage is that share of the monthly fee") {
        const Plan plan = load(parties + R"(
[contract]
monthly_fee = "12500.00"

[timebox]
start = 2026-10-01

[penalties]
cap = "20%"

[penalties.per_day]
critical = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)");
        const Judgement j = judge(plan, day(2026, 10, 25)); // 10 days x 500.00 = 5000.00
        REQUIRE(j.penalties.cap.has_value());
        CHECK(j.penalties.cap->minor == 250000);
        CHECK(j.penalties.total.minor == 500000);
        CHECK(j.penalties.owed.minor == 250000);
    }

    TEST_CASE("a per-day rate written as a percentage is rounded once, then multiplied") {
        const Plan plan = load(parties + R"(
[contract]
monthly_fee = "12345.00"

[timebox]
start = 2026-10-01

[penalties.per_day]
high = "0.01%"

[[issue]]
id = "APP-7"
title = "ERP client crashes on login"
priority = "high"
due = 2026-10-15
)");
        // 0.01% of 12345.00 = 1.2345, rounded to 1.23; 10 days make 12.30.
        const IssuePenalty line = judge(plan, day(2026, 10, 25)).issues[0].penalty;
        CHECK(line.per_day_rate.minor == 123);
        CHECK(line.per_day_amount.minor == 1230);
    }

    TEST_CASE("penalties in a currency without minor units are whole yen") {
        const Plan plan = load(parties + R"(
[contract]
currency = "JPY"
monthly_fee = 1000000

[timebox]
start = 2026-10-01

[penalties.per_day]
high = 5000

[penalties.per_miss]
high = "2.5%"

[[issue]]
id = "APP-7"
title = "ERP client crashes on login"
priority = "high"
due = 2026-10-15
)");
        // 3 days x 5000 + 2.5% of 1000000 = 15000 + 25000.
        const Judgement j = judge(plan, day(2026, 10, 18));
        CHECK(j.issues[0].penalty.per_miss.minor == 25000);
        CHECK(j.penalties.total.minor == 40000);
    }

    TEST_CASE("an extension moves the deadline and lets per-day penalties run until it") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[[timebox.extension]]
days = 14
agreed = 2026-11-20
reason = "Firewall hardware back-ordered"

[penalties.per_day]
critical = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-25
)");
        // Deadline 2026-11-30 + 14 = 2026-12-14.
        const Judgement before = judge(plan, day(2026, 12, 10));
        CHECK(before.deadline == day(2026, 12, 14));
        CHECK(before.extension_days == 14);
        CHECK(before.days_left == 4);
        CHECK(before.issues[0].penalty.late_days == 15); // 2026-12-10 - 2026-11-25
        CHECK(before.penalties.total.minor == 750000);

        const Judgement after = judge(plan, day(2026, 12, 20));
        CHECK(after.issues[0].penalty.late_days == 19); // 2026-12-14 - 2026-11-25
        CHECK(after.penalties.total.minor == 950000);
    }

    TEST_CASE("several extensions add up") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01
days = 30

[[timebox.extension]]
days = 14
agreed = 2026-10-20
reason = "Firewall hardware back-ordered"

[[timebox.extension]]
days = 10
agreed = 2026-11-05
reason = "Carrier outage"
)");
        // 2026-10-01 + 30 = 2026-10-31, + 24 = 2026-11-24 once both are agreed.
        const Judgement j = judge(plan, day(2026, 11, 5));
        CHECK(j.extension_days == 24);
        CHECK(j.deadline == day(2026, 11, 24));
        CHECK(j.days_left == 19);
        // On 2026-11-01 only the first is agreed: 2026-10-31 + 14 = 2026-11-14.
        const Judgement earlier = judge(plan, day(2026, 11, 1));
        CHECK(earlier.extension_days == 14);
        CHECK(earlier.deadline == day(2026, 11, 14));
    }
}
