#include "remedy/render/edit_consequences.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// NET-1 (critical, 500.00 a late day) due 2026-10-15; the test adds its status and the rest.
Plan plan_with(const std::string& net1_keys, const std::string& rest = "") {
    return load(remedy_test::parties + R"(
[timebox]
start = 2026-10-01

[ultimatum]
issued = 2026-11-01

[penalties.per_day]
critical = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)" + net1_keys + rest);
}

std::vector<std::string> consequences(const Plan& before, const Plan& after, date::sys_days as_of) {
    return edit_consequences(before, judge(before, as_of), after, judge(after, as_of));
}

} // namespace

TEST_SUITE("consequences") {
    TEST_CASE("a resolution: the issue's late days and money, the total and the verdict") {
        // On 2026-10-20 the open issue is 5 days late (10-16..10-20): 2,500.00; resolved on
        // 10-19 it was 4 days late: 2,000.00, and with nothing open the plan is remediated.
        const Plan before = plan_with("");
        const Plan after = plan_with("status = \"resolved\"\nresolved = 2026-10-19\n");
        CHECK(consequences(before, after, day(2026, 10, 20)) ==
              std::vector<std::string>{
                  "NET-1 (critical): resolved 4 days late, owes 2,000.00 USD (was 2,500.00)",
                  "on 2026-10-20: owed 2,500.00 → 2,000.00 USD; verdict at-risk → remediated"});
    }

    TEST_CASE("a pause moves the due date; an unchanged verdict is still said") {
        // Five paused days from 2026-10-05, before the due date: due 10-15 + 5 = 10-20.
        const Plan before = plan_with("");
        const Plan after = plan_with("", R"(
[[pause]]
from = 2026-10-05
to = 2026-10-09
reason = "Change freeze"
)");
        CHECK(consequences(before, after, day(2026, 10, 12)) ==
              std::vector<std::string>{"NET-1 (critical): now due 2026-10-20 (was 2026-10-15)",
                                       "on 2026-10-12: verdict stays on-track"});
    }

    TEST_CASE("an incident after the warning is the strike that ends it") {
        const Plan before = plan_with("status = \"resolved\"\nresolved = 2026-10-10\n");
        const Plan after = plan_with("status = \"resolved\"\nresolved = 2026-10-10\n", R"(
[[incident]]
date = 2026-11-08
priority = "high"
summary = "Email down for six hours"
)");
        CHECK(consequences(before, after, day(2026, 11, 10)) ==
              std::vector<std::string>{"on 2026-11-10: strike 1 of 1; verdict remediated → "
                                       "terminate"});
    }

    TEST_CASE("new and removed issues are named; more than three changes are counted") {
        const Plan before = plan_with("");
        std::string four;
        for (int i = 2; i <= 5; ++i)
            four += "\n[[issue]]\nid = \"NET-" + std::to_string(i) +
                    "\"\ntitle = \"T\"\npriority = \"low\"\ndue = 2026-10-30\n";
        const Plan after = load(remedy_test::parties + R"(
[timebox]
start = 2026-10-01
)" + four);
        CHECK(consequences(before, after, day(2026, 10, 10)).front() ==
              "NET-2 (low) is new, due 2026-10-30; NET-3 (low) is new, due 2026-10-30; NET-4 "
              "(low) is new, due 2026-10-30; and 2 more");
        CHECK(consequences(after, before, day(2026, 10, 10)).front() ==
              "NET-1 (critical) is new, due 2026-10-15; NET-2 (low) is removed; NET-3 (low) is "
              "removed; and 2 more");
    }
}
