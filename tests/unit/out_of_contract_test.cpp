// Why a terminate plan is out and since which day; the figures worked by hand from SPEC.md.

#include "remedy/model/judgement.h"
#include "remedy/model/out_of_contract.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// The parties, and a 60-day time box from 2026-10-01: the deadline is 2026-11-30.
const std::string base = remedy_test::parties + R"(
[timebox]
start = 2026-10-01
)";

std::optional<OutOfContract> out_on(const Plan& plan, date::sys_days as_of) {
    return out_of_contract(plan, judge(plan, as_of));
}

std::vector<std::string_view> why_of(const OutOfContract& out) {
    std::vector<std::string_view> words;
    for (OutCause cause : out.why)
        words.push_back(name(cause));
    return words;
}

// Critical issue due 2026-10-15, 50.00 a late day and 150.00 when missed, a cap of 600.00 that
// ends the contract: 150 + 50 on 10-16, then 50 a day: 600 on the ninth late day, 10-24.
const std::string capped = base + R"(
[penalties]
cap = "600.00"
terminate_at_cap = true
[penalties.per_day]
critical = "50.00"
[penalties.per_miss]
critical = "150.00"

[[issue]]
id = "MAIL-1"
title = "Mailbox rejects attachments"
priority = "critical"
due = 2026-10-15
)";

} // namespace

TEST_SUITE("out_of_contract") {
    TEST_CASE("a plan that is not out has no reason to be") {
        const Plan plan = load(capped);
        CHECK_FALSE(out_on(plan, day(2026, 10, 23)).has_value()); // 550.00: at-risk
    }

    TEST_CASE("the cap: the day the charges reached it") {
        const Plan plan = load(capped);
        for (const date::sys_days as_of : {day(2026, 10, 24), day(2026, 11, 2)}) {
            const std::optional<OutOfContract> out = out_on(plan, as_of);
            REQUIRE(out.has_value());
            CHECK(why_of(*out) == std::vector<std::string_view>{"cap"});
            CHECK(out->since == day(2026, 10, 24));
        }
    }

    TEST_CASE("the deadline: the day after the cut-off the issue missed, with the cap") {
        const Plan plan = load(capped);
        // On 12-07 MAIL-1 is still open: out by the cap since 10-24 and by the deadline since
        // 12-01; since is the first of them.
        const std::optional<OutOfContract> out = out_on(plan, day(2026, 12, 7));
        REQUIRE(out.has_value());
        CHECK(why_of(*out) == std::vector<std::string_view>{"deadline", "cap"});
        CHECK(out->since == day(2026, 10, 24));
    }

    TEST_CASE("the deadline alone, and an issue a pause carried past it") {
        const Plan plan = load(base + R"(
[[issue]]
id = "ERP-1"
title = "ERP integration fails"
priority = "high"
due = 2026-11-16

[[issue]]
id = "NET-1"
title = "Scanners lose Wi-Fi"
priority = "high"
due = 2026-11-25

[[pause]]
from = 2026-11-20
to = 2026-11-30
issues = ["NET-1"]
reason = "Parts on order"
agreed = 2026-11-18
)");
        // ERP-1 missed the deadline 11-30: out since 12-01. NET-1's own due date moved 11 days
        // to 12-06, past the deadline: that is its cut-off.
        for (const date::sys_days as_of : {day(2026, 12, 3), day(2026, 12, 9)}) {
            const std::optional<OutOfContract> out = out_on(plan, as_of);
            REQUIRE(out.has_value());
            CHECK(why_of(*out) == std::vector<std::string_view>{"deadline"});
            CHECK(out->since == day(2026, 12, 1));
        }
        CHECK(out_on(plan, day(2026, 11, 30)) == std::nullopt);
        // Without ERP-1, NET-1 alone: out from the day after its own cut-off.
        const Plan alone = load(base + R"(
[[issue]]
id = "NET-1"
title = "Scanners lose Wi-Fi"
priority = "high"
due = 2026-11-25

[[pause]]
from = 2026-11-20
to = 2026-11-30
issues = ["NET-1"]
reason = "Parts on order"
agreed = 2026-11-18
)");
        CHECK(out_on(alone, day(2026, 12, 6)) == std::nullopt);
        REQUIRE(out_on(alone, day(2026, 12, 7)).has_value());
        CHECK(out_on(alone, day(2026, 12, 9))->since == day(2026, 12, 7));
    }

    TEST_CASE("strikes: the day of the incident that reached the limit") {
        const Plan plan = load(base + R"(
[ultimatum]
issued = 2026-11-02
strikes = 2

[[issue]]
id = "SRV-1"
title = "File server slow"
priority = "high"
due = 2026-11-20

[[incident]]
date = 2026-11-02
priority = "critical"
summary = "On the warning's day: not a strike"

[[incident]]
date = 2026-11-05
priority = "high"
summary = "Email down"

[[incident]]
date = 2026-11-09
priority = "critical"
summary = "Payroll offline"

[[incident]]
date = 2026-11-12
priority = "high"
summary = "VPN down"
)");
        const std::optional<OutOfContract> out = out_on(plan, day(2026, 11, 20));
        REQUIRE(out.has_value());
        CHECK(why_of(*out) == std::vector<std::string_view>{"strikes"});
        CHECK(out->since == day(2026, 11, 9));
        CHECK(out_on(plan, day(2026, 11, 8)) == std::nullopt);
    }

    TEST_CASE("a month cap: the first month whose own charges reach it") {
        // Due 10-28, 50.00 a late day, 300.00 a month: October charges 10-29..10-31 (150.00);
        // November reaches 300.00 on its sixth day, 11-06 (a plan cap would have on 11-03).
        const Plan plan = load(base + R"(
[penalties]
cap = "300.00"
cap_per = "month"
terminate_at_cap = true
[penalties.per_day]
critical = "50.00"

[[issue]]
id = "MAIL-1"
title = "Mailbox rejects attachments"
priority = "critical"
due = 2026-10-28
)");
        const std::optional<OutOfContract> out = out_on(plan, day(2026, 11, 10));
        REQUIRE(out.has_value());
        CHECK(why_of(*out) == std::vector<std::string_view>{"cap"});
        CHECK(out->since == day(2026, 11, 6));
        CHECK(out_on(plan, day(2026, 11, 5)) == std::nullopt);
    }

    TEST_CASE("a cap reached without terminate_at_cap is not a reason to be out") {
        const Plan plan = load(base + R"(
[penalties]
cap = "100.00"
[penalties.per_day]
critical = "50.00"

[[issue]]
id = "MAIL-1"
title = "Mailbox rejects attachments"
priority = "critical"
due = 2026-10-15
)");
        CHECK(out_on(plan, day(2026, 11, 2)) == std::nullopt);
        const Judgement j = judge(plan, day(2026, 11, 2));
        CHECK(cap_reached_on(plan, j) == day(2026, 10, 17)); // 50 + 50
    }
}
