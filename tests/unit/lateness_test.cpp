#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "remedy/model/lateness.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// One issue, due 2026-10-15, in a 60-day time box from 2026-10-01 (deadline 2026-11-30); the
// test adds its status lines.
Plan plan_with_issue(const std::string& status_lines) {
    return load(R"(
[client]
name = "Northwind Traders"

[provider]
name = "Acme Managed IT"

[timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)" + status_lines);
}

} // namespace

TEST_SUITE("lateness") {
    TEST_CASE("an issue is not overdue on its due day") {
        const Plan plan = plan_with_issue("");
        const Judgement j = judge(plan, day(2026, 10, 15));
        CHECK_FALSE(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 0);
        CHECK(j.issues[0].state == IssueStatus::open);
    }

    TEST_CASE("an issue is not overdue before its due day") {
        const Judgement j = judge(plan_with_issue(""), day(2026, 10, 2));
        CHECK_FALSE(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 0);
    }

    TEST_CASE("an open issue is overdue the day after its due day") {
        const Judgement j = judge(plan_with_issue(""), day(2026, 10, 16));
        CHECK(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 1);
    }

    TEST_CASE("an open issue is overdue by as_of minus due") {
        const Judgement j = judge(plan_with_issue(""), day(2026, 10, 18));
        CHECK(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 3);
    }

    TEST_CASE("an issue in progress keeps its state and is overdue all the same") {
        const Judgement j = judge(plan_with_issue("status = \"in_progress\"\n"), day(2026, 10, 20));
        CHECK(j.issues[0].state == IssueStatus::in_progress);
        CHECK(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 5);
    }

    TEST_CASE("an issue resolved on its due day is never overdue") {
        const Plan plan = plan_with_issue("status = \"resolved\"\nresolved = 2026-10-15\n");
        const Judgement j = judge(plan, day(2026, 10, 25));
        CHECK(j.issues[0].state == IssueStatus::resolved);
        CHECK_FALSE(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 0);
    }

    TEST_CASE("an issue resolved early has no days overdue") {
        const Plan plan = plan_with_issue("status = \"resolved\"\nresolved = 2026-10-03\n");
        const Judgement j = judge(plan, day(2026, 10, 25));
        CHECK_FALSE(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 0);
    }

    TEST_CASE("an issue resolved late is not overdue but keeps how late it was resolved") {
        const Plan plan = plan_with_issue("status = \"resolved\"\nresolved = 2026-10-19\n");
        for (const date::sys_days as_of :
             {day(2026, 10, 19), day(2026, 10, 25), day(2026, 12, 5)}) {
            CAPTURE(format_iso_date(as_of));
            const Judgement j = judge(plan, as_of);
            CHECK(j.issues[0].state == IssueStatus::resolved);
            CHECK_FALSE(j.issues[0].overdue);
            CHECK(j.issues[0].days_overdue == 4); // 2026-10-19 - 2026-10-15
        }
    }

    TEST_CASE("a resolution after as_of has not happened yet: the issue is open on as_of") {
        const Plan plan = plan_with_issue("status = \"resolved\"\nresolved = 2026-10-19\n");
        const Judgement j = judge(plan, day(2026, 10, 18));
        CHECK(j.issues[0].state == IssueStatus::open);
        CHECK(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 3);
    }

    TEST_CASE("an issue counts as resolved from its resolution day on") {
        const Plan plan = plan_with_issue("status = \"resolved\"\nresolved = 2026-10-19\n");
        const Issue& issue = plan.issues[0];
        CHECK_FALSE(is_resolved_on(issue, day(2026, 10, 18)));
        CHECK(is_resolved_on(issue, day(2026, 10, 19)));
        CHECK(is_resolved_on(issue, day(2026, 10, 20)));
        CHECK(judge(plan, day(2026, 10, 18)).issues[0].dates.end == day(2026, 10, 18));
        CHECK(judge(plan, day(2026, 10, 30)).issues[0].dates.end == day(2026, 10, 19));
    }

    TEST_CASE("a waived issue is never overdue, however late") {
        const Plan plan = plan_with_issue("status = \"waived\"\n");
        const Judgement j = judge(plan, day(2026, 11, 20));
        CHECK(j.issues[0].state == IssueStatus::waived);
        CHECK_FALSE(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 0);
    }

    TEST_CASE("days overdue keep counting after the deadline") {
        // Deadline 2026-11-30; on 2026-12-05 the issue is 51 days past 2026-10-15 (16 + 30 + 5).
        const Judgement j = judge(plan_with_issue(""), day(2026, 12, 5));
        CHECK(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 51);
    }

    TEST_CASE("grace days do not change when an issue is overdue") {
        const Plan plan = load(R"(
[client]
name = "Northwind Traders"
[provider]
name = "Acme Managed IT"
[timebox]
start = 2026-10-01
[penalties]
grace_days = 3
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)");
        const Judgement j = judge(plan, day(2026, 10, 16));
        CHECK(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 1);
    }
}
