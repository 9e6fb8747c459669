// The figures of each day that a report's charts draw (daily_figures) are those the judgement of
// that day gives: checked by hand on one plan worked out from SPEC.md, and against judge() of
// every day on generated plans with calendars, pauses and extensions agreed later, waivers and
// caps.

#include "plan_generator.h"
#include "remedy/model/daily_figures.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;
using remedy_test::parties;

namespace {

struct ExpectedDay {
    int open;
    int overdue;
    std::int64_t owed_minor;
};

void check_days(const std::vector<DayFigures>& figures, date::sys_days first,
                const std::vector<ExpectedDay>& expected) {
    REQUIRE(figures.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        INFO("day ", format_iso_date(figures[k].day));
        CHECK(figures[k].day == first + date::days{static_cast<long long>(k)});
        CHECK(figures[k].open == expected[k].open);
        CHECK(figures[k].overdue == expected[k].overdue);
        CHECK(figures[k].owed.minor == expected[k].owed_minor);
    }
}

// One critical issue due Mon 2026-10-05, resolved 2026-10-08; 500.00 a late day, 1000.00 once
// missed, no grace: late from 10-06 (1000 + 500), 10-07 (+500), 10-08 (+500, the resolution
// day is a late day), then nothing more.
const std::string one_late_issue = parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"

[penalties.per_miss]
critical = "1000.00"

[[issue]]
id = "NET-1"
title = "VPN"
priority = "critical"
due = 2026-10-05
status = "resolved"
resolved = 2026-10-08
)";

} // namespace

TEST_SUITE("daily figures") {
    TEST_CASE("a late issue owes from the day after its due date until its resolution") {
        const Plan plan = load(one_late_issue);
        check_days(daily_figures(plan, day(2026, 10, 9)), day(2026, 10, 1),
                   {{1, 0, 0},
                    {1, 0, 0},
                    {1, 0, 0},
                    {1, 0, 0},
                    {1, 0, 0},
                    {1, 1, 150000},
                    {1, 1, 200000},
                    {0, 0, 250000},
                    {0, 0, 250000}});
    }

    TEST_CASE("a pause agreed later excuses earlier days from the day it is agreed") {
        // 10-02..10-03 paused, agreed 10-07: from 10-07 on E = 10-05 + 2 = 10-07, so on 10-07
        // the issue is neither overdue nor late (owed drops to 0), and on 10-08 it has one late
        // day: 1000 + 500.
        const Plan plan = load(one_late_issue + R"(
[[pause]]
from = 2026-10-02
to = 2026-10-03
reason = "Client change freeze"
agreed = 2026-10-07
)");
        check_days(daily_figures(plan, day(2026, 10, 9)), day(2026, 10, 1),
                   {{1, 0, 0},
                    {1, 0, 0},
                    {1, 0, 0},
                    {1, 0, 0},
                    {1, 0, 0},
                    {1, 1, 150000},
                    {1, 0, 0},
                    {0, 0, 150000},
                    {0, 0, 150000}});
    }

    TEST_CASE("no days before the time box starts") {
        CHECK(daily_figures(load(one_late_issue), day(2026, 9, 30)).empty());
    }

    TEST_CASE("every day's figures are the judgement of that day") {
        remedy_test::PlanGenerator generator(20261130);
        int days_compared = 0;
        for (int n = 0; n < 200; ++n) {
            const auto parts = generator.plan();
            const LoadResult loaded = read_plan(parts.text(), "remedy.toml");
            REQUIRE(loaded.plan.has_value());
            const Plan& plan = *loaded.plan;
            // A month cap on some plans, which the generator does not write.
            Plan month_capped = plan;
            if (n % 3 == 0 && month_capped.penalties.cap)
                month_capped.penalties.cap_per = CapPer::month;
            const Plan& judged = n % 3 == 0 ? month_capped : plan;
            const std::vector<DayFigures> figures =
                daily_figures(judged, parts.last_interesting_day);
            REQUIRE(figures.size() ==
                    static_cast<std::size_t>((parts.last_interesting_day - parts.start).count()) +
                        1);
            for (const DayFigures& figure : figures) {
                const Judgement j = judge(judged, figure.day);
                int open = 0, overdue = 0;
                for (const IssueJudgement& issue : j.issues) {
                    open +=
                        issue.state == IssueStatus::open || issue.state == IssueStatus::in_progress;
                    overdue += issue.overdue;
                }
                INFO(parts.text());
                INFO("as of ", format_iso_date(figure.day));
                CHECK(figure.open == open);
                CHECK(figure.overdue == overdue);
                CHECK(figure.owed == j.penalties.owed);
                ++days_compared;
            }
        }
        CHECK(days_compared > 200 * 45);
    }
}
