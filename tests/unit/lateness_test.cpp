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

// Grace counted on working days across a long run of days off: the n-th working day after a day
// can be weeks away, and each day off can delay it by a whole week when one day a week works.
TEST_SUITE("lateness on sparse calendars") {
    // Critical issue CAL-1 due `due`, 1 working day of grace, 1,000.00 a late day and 100.00
    // when missed; the time box starts on Monday 2026-06-01 and runs 60 days.
    Plan sparse_plan(const std::string& calendar, const std::string& due) {
        return load(remedy_test::parties + R"(
[timebox]
start = 2026-06-01
[calendar]
)" + calendar + R"(
[penalties]
grace_days = 1
days = "working"
[penalties.per_day]
critical = "1000.00"
[penalties.per_miss]
critical = "100.00"
[[issue]]
id = "CAL-1"
title = "Grace across a shutdown"
priority = "critical"
due = )" + due + "\n");
    }

    TEST_CASE("a six-week shutdown: grace ends on the first working day after it") {
        // Saturday and Sunday off, every day from Monday 2026-06-08 to Friday 2026-07-17 a
        // holiday. Due Friday 06-05: the first working day after it is Monday 07-20 (06-06/07
        // are a weekend, 06-08..07-17 the shutdown, 07-18/19 a weekend).
        std::string holidays = "weekend = [\"sat\", \"sun\"]\nholidays = [";
        for (date::sys_days d = day(2026, 6, 8); d <= day(2026, 7, 17); d += date::days{1})
            holidays += format_iso_date(d) + ", ";
        holidays += "]";
        const Plan plan = sparse_plan(holidays, "2026-06-05");
        const Judgement on_grace_end = judge(plan, day(2026, 7, 20));
        CHECK(format_iso_date(on_grace_end.issues[0].dates.grace_end) == "2026-07-20");
        CHECK(on_grace_end.issues[0].penalty.late_days == 0);
        CHECK(on_grace_end.penalties.owed.minor == 0);
        // The next day, Tuesday 07-21, is the first late day: missed (100.00) and one day
        // (1,000.00).
        const Judgement a_day_later = judge(plan, day(2026, 7, 21));
        CHECK(a_day_later.issues[0].penalty.late_days == 1);
        CHECK(a_day_later.penalties.owed.minor == 110000);
    }

    TEST_CASE("Sunday the only working day, three Sundays off: grace ends four weeks on") {
        // Due Sunday 06-07; the Sundays 06-14, 06-21 and 06-28 are holidays, so the one working
        // day of grace is Sunday 07-05, and Sunday 07-12 is the first late day.
        const Plan plan = sparse_plan("weekend = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", "
                                      "\"sat\"]\nholidays = [2026-06-14, 2026-06-21, 2026-06-28]",
                                      "2026-06-07");
        const Judgement on_grace_end = judge(plan, day(2026, 7, 5));
        CHECK(format_iso_date(on_grace_end.issues[0].dates.grace_end) == "2026-07-05");
        CHECK(on_grace_end.penalties.owed.minor == 0);
        const Judgement week_later = judge(plan, day(2026, 7, 12));
        CHECK(week_later.issues[0].penalty.late_days == 1);
        CHECK(week_later.penalties.owed.minor == 110000);
    }
}
