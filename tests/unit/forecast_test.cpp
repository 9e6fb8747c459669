// SPEC.md "Warnings and the forecast": the pace window w = min(pace_days, as_of - start), the
// forecast's finish as_of + ceil(R x w / r), the stalled and forecast warnings, due_soon for an
// open issue 0..due_within days before its effective due date, their order, and none of it once
// the verdict is decided. Every expected figure is worked out by hand from SPEC.md; the time box
// from Thu 2026-10-01 has 60 days: D = Mon 2026-11-30 (no calendar, no extension).

#include "remedy/io/plan_reader.h"
#include "remedy/model/forecast.h"
#include "remedy/model/judgement.h"
#include "remedy/render/judgement_words.h"
#include "test_support.h"

#include <cstddef>
#include <doctest/doctest.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;
using remedy_test::parties;

namespace {

const std::string timebox = parties + R"(
[timebox]
start = 2026-10-01
)";

// An issue of the given priority due on `due` (YYYY-MM-DD); status lines may follow.
std::string issue(std::string_view id, std::string_view priority, std::string_view due) {
    return "\n[[issue]]\nid = \"" + std::string(id) + "\"\ntitle = \"Issue " + std::string(id) +
           "\"\npriority = \"" + std::string(priority) + "\"\ndue = " + std::string(due) + "\n";
}

// The same, resolved on `on`.
std::string resolved(std::string_view id, std::string_view due, std::string_view on) {
    return issue(id, "medium", due) + "status = \"resolved\"\nresolved = " + std::string(on) + "\n";
}

std::string warnings(std::string_view lines) {
    return "\n[warnings]\n" + std::string(lines) + "\n";
}

// The texts of the warnings of one kind, in order.
std::vector<std::string> texts_of(const Plan& plan, const Judgement& j, WarningKind kind) {
    std::vector<std::string> texts;
    for (const Warning& warning : j.warnings)
        if (warning.kind == kind)
            texts.push_back(warning_text(plan, j, warning));
    return texts;
}

// The issue indexes of the due_soon warnings, in order.
std::vector<std::size_t> due_soon_issues(const Judgement& j) {
    std::vector<std::size_t> issues;
    for (const Warning& warning : j.warnings)
        if (warning.kind == WarningKind::due_soon) {
            REQUIRE(warning.issue.has_value());
            issues.push_back(*warning.issue);
        }
    return issues;
}

using Texts = std::vector<std::string>;
using Indexes = std::vector<std::size_t>;

} // namespace

TEST_SUITE("warnings and the forecast") {
    TEST_CASE("the window is the days since the start while they are fewer than pace_days") {
        const Plan plan = load(timebox + resolved("A-1", "2026-10-10", "2026-10-05") +
                               issue("B-2", "high", "2026-11-20") +
                               issue("C-3", "low", "2026-11-25") + "status = \"in_progress\"\n");

        const Judgement early = judge(plan, day(2026, 10, 15));
        CHECK(early.verdict == Verdict::on_track);
        REQUIRE(early.forecast.has_value());
        CHECK(early.forecast->window_days == 14); // min(28, 10-15 - 10-01 = 14)
        CHECK(early.forecast->resolved == 1);     // 10-05 > 10-15 - 14 = 10-01
        CHECK(early.forecast->open == 2);         // B-2 open, C-3 in progress
        // 10-15 + ceil(2 x 14 / 1) = 10-15 + 28 days = 11-12 <= D 11-30
        CHECK(early.forecast->finish == day(2026, 11, 12));
        CHECK_FALSE(early.forecast->after_deadline);
        CHECK(early.warnings.empty()); // B-2 due in 36 days: not soon

        const Judgement later = judge(plan, day(2026, 11, 10));
        REQUIRE(later.forecast.has_value());
        CHECK(later.forecast->window_days == 28); // min(28, 40)
        CHECK(later.forecast->resolved == 0);     // 10-05 <= 11-10 - 28 = 10-13
        CHECK(later.forecast->open == 2);
        CHECK_FALSE(later.forecast->finish.has_value());
        REQUIRE(later.warnings.size() == 1); // B-2 due in 10 days: not soon
        CHECK(later.warnings[0].kind == WarningKind::stalled);
        CHECK_FALSE(later.warnings[0].issue.has_value());
        CHECK(warning_text(plan, later, later.warnings[0]) ==
              "no issue resolved in the last 28 days; 2 still open");
    }

    TEST_CASE("no forecast before the window has 7 days") {
        const Plan plan = load(timebox + resolved("A-1", "2026-10-05", "2026-10-02") +
                               issue("B-2", "high", "2026-11-20"));

        // w = 0; A-1, resolved 10-02 after as_of, reads as open and is due in 4 days.
        const Judgement start = judge(plan, day(2026, 10, 1));
        CHECK_FALSE(start.forecast.has_value());
        CHECK(texts_of(plan, start, WarningKind::due_soon) ==
              Texts{"A-1 (medium) is due in 4 days (2026-10-05) and not started"});
        CHECK(start.warnings.size() == 1);

        const Judgement six = judge(plan, day(2026, 10, 7)); // w = 6 < 7
        CHECK(six.verdict == Verdict::on_track);
        CHECK_FALSE(six.forecast.has_value());
        CHECK(six.warnings.empty());

        const Judgement seven = judge(plan, day(2026, 10, 8)); // w = 7
        REQUIRE(seven.forecast.has_value());
        CHECK(seven.forecast->window_days == 7);
        CHECK(seven.forecast->resolved == 1); // 10-02 > 10-08 - 7 = 10-01
        CHECK(seven.forecast->open == 1);
        CHECK(seven.forecast->finish == day(2026, 10, 15)); // 10-08 + ceil(1 x 7 / 1) = + 7
        CHECK_FALSE(seven.forecast->after_deadline);
        CHECK(seven.warnings.empty());
    }

    TEST_CASE("no forecast when nothing is open") {
        const Plan plan =
            load(timebox + resolved("A-1", "2026-10-15", "2026-10-05") +
                 issue("B-2", "high", "2026-10-20") + "status = \"waived\"\nwaived = 2026-10-10\n");
        const Judgement j = judge(plan, day(2026, 10, 20));
        CHECK(j.verdict == Verdict::remediated);
        CHECK_FALSE(j.forecast.has_value());
        CHECK(j.warnings.empty());
        // R = 0 (one resolved, one waived): no forecast whatever the verdict, w = 19 >= 7.
        CHECK_FALSE(forecast_on(plan, j).has_value());
    }

    TEST_CASE("a waived issue is neither open nor resolved in the forecast") {
        const Plan plan =
            load(timebox + issue("A-1", "high", "2026-10-20") +
                 "status = \"waived\"\nwaived = 2026-10-15\n" +
                 resolved("B-2", "2026-10-31", "2026-10-20") + issue("C-3", "low", "2026-11-25"));
        const Judgement j = judge(plan, day(2026, 11, 1));
        REQUIRE(j.forecast.has_value());
        CHECK(j.forecast->open == 1);     // C-3 only
        CHECK(j.forecast->resolved == 1); // B-2, 10-20 > 10-04
        // 11-01 + ceil(1 x 28 / 1) = 11-29 <= D
        CHECK(j.forecast->finish == day(2026, 11, 29));
        CHECK(j.warnings.empty());
    }

    TEST_CASE("a stalled plan gives the stalled warning and no finish") {
        const Plan plan =
            load(timebox + resolved("A-1", "2026-10-10", "2026-10-04") +
                 issue("B-2", "high", "2026-11-20") + issue("C-3", "high", "2026-11-21") +
                 "status = \"in_progress\"\n" + issue("D-4", "low", "2026-11-24") +
                 issue("E-5", "low", "2026-11-25"));
        const Judgement j = judge(plan, day(2026, 11, 1));
        CHECK(j.verdict == Verdict::on_track);
        REQUIRE(j.forecast.has_value());
        CHECK(j.forecast->window_days == 28); // min(28, 31)
        CHECK(j.forecast->resolved == 0);     // 10-04 is not after 11-01 - 28 = 10-04
        CHECK(j.forecast->open == 4);         // B-2, C-3 (in progress), D-4, E-5
        CHECK_FALSE(j.forecast->finish.has_value());
        CHECK_FALSE(j.forecast->after_deadline);
        REQUIRE(j.warnings.size() == 1); // the nearest due date is 19 days away
        CHECK(j.warnings[0].kind == WarningKind::stalled);
        CHECK_FALSE(j.warnings[0].issue.has_value());
        CHECK(warning_text(plan, j, j.warnings[0]) ==
              "no issue resolved in the last 28 days; 4 still open");
    }

    TEST_CASE("the window holds the resolutions after as_of - w up to as_of") {
        const std::string open =
            issue("B-2", "high", "2026-11-20") + issue("C-3", "high", "2026-11-21") +
            issue("D-4", "low", "2026-11-24") + issue("E-5", "low", "2026-11-25");
        // Resolved on 10-05, the first day after 11-01 - 28 = 10-04.
        const Plan plan = load(timebox + resolved("A-1", "2026-10-10", "2026-10-05") + open);
        const Judgement j = judge(plan, day(2026, 11, 1));
        REQUIRE(j.forecast.has_value());
        CHECK(j.forecast->resolved == 1);
        CHECK(j.forecast->open == 4);
        // 11-01 + ceil(4 x 28 / 1) = 11-01 + 112 days = 2027-02-21, 83 days after 11-30
        CHECK(j.forecast->finish == day(2027, 2, 21));
        CHECK(j.forecast->after_deadline);
        CHECK(texts_of(plan, j, WarningKind::forecast) ==
              Texts{"at the pace of the last 28 days (1 resolved), the 4 open issues would be done "
                    "around 2027-02-21, 83 days after the deadline"});
        CHECK(texts_of(plan, j, WarningKind::stalled).empty());

        // A resolution after as_of is not in the window, and its issue reads as open.
        const Plan later_plan = load(timebox + resolved("A-1", "2026-11-20", "2026-11-02") + open);
        const Judgement future = judge(later_plan, day(2026, 11, 1));
        REQUIRE(future.forecast.has_value());
        CHECK(future.forecast->resolved == 0);
        CHECK(future.forecast->open == 5);
        CHECK(texts_of(later_plan, future, WarningKind::stalled) ==
              Texts{"no issue resolved in the last 28 days; 5 still open"});
    }

    TEST_CASE("the finish rounds the days up, never to the nearest") {
        // R = 4, w = 28, r = 3: 112 / 3 = 37.33 days -> 38, not 37.
        const Plan plan =
            load(timebox + resolved("A-1", "2026-10-31", "2026-10-10") +
                 resolved("A-2", "2026-10-31", "2026-10-20") +
                 resolved("A-3", "2026-10-31", "2026-10-30") + issue("B-2", "high", "2026-11-05") +
                 issue("C-3", "high", "2026-11-20") + issue("D-4", "low", "2026-11-24") +
                 issue("E-5", "low", "2026-11-25"));
        const Judgement j = judge(plan, day(2026, 11, 1));
        CHECK(j.verdict == Verdict::on_track);
        REQUIRE(j.forecast.has_value());
        CHECK(j.forecast->window_days == 28);
        CHECK(j.forecast->resolved == 3); // 10-10, 10-20, 10-30 all after 10-04
        CHECK(j.forecast->open == 4);
        CHECK(j.forecast->finish == day(2026, 12, 9)); // 11-01 + 38 days
        CHECK(j.forecast->after_deadline);             // 12-09 - 11-30 = 9 days
        // The forecast warning first, then B-2, due 11-05 - 11-01 = 4 days.
        REQUIRE(j.warnings.size() == 2);
        CHECK(j.warnings[0].kind == WarningKind::forecast);
        CHECK_FALSE(j.warnings[0].issue.has_value());
        CHECK(warning_text(plan, j, j.warnings[0]) ==
              "at the pace of the last 28 days (3 resolved), the 4 open issues "
              "would be done around 2026-12-09, 9 days after the deadline");
        CHECK(j.warnings[1].kind == WarningKind::due_soon);
        CHECK(j.warnings[1].issue == std::optional<std::size_t>(3));
        CHECK(warning_text(plan, j, j.warnings[1]) ==
              "B-2 (high) is due in 4 days (2026-11-05) and not started");
    }

    TEST_CASE("a finish on the deadline is no warning; one day after it is") {
        const Plan plan =
            load(timebox + resolved("A-1", "2026-10-31", "2026-10-20") +
                 resolved("A-2", "2026-10-31", "2026-10-25") + issue("B-2", "high", "2026-11-25") +
                 issue("C-3", "low", "2026-11-27"));

        const Judgement on = judge(plan, day(2026, 11, 2));
        REQUIRE(on.forecast.has_value());
        CHECK(on.forecast->resolved == 2); // both after 11-02 - 28 = 10-05
        CHECK(on.forecast->open == 2);
        // 11-02 + ceil(2 x 28 / 2) = 11-02 + 28 = 11-30 = D
        CHECK(on.forecast->finish == day(2026, 11, 30));
        CHECK_FALSE(on.forecast->after_deadline);
        CHECK(on.warnings.empty());

        const Judgement after = judge(plan, day(2026, 11, 3));
        REQUIRE(after.forecast.has_value());
        CHECK(after.forecast->resolved == 2);              // both after 10-06
        CHECK(after.forecast->finish == day(2026, 12, 1)); // 11-03 + 28
        CHECK(after.forecast->after_deadline);
        REQUIRE(after.warnings.size() == 1); // B-2 due in 22 days: not soon
        CHECK(after.warnings[0].kind == WarningKind::forecast);
        CHECK(warning_text(plan, after, after.warnings[0]) ==
              "at the pace of the last 28 days (2 resolved), the 2 open "
              "issues would be done around 2026-12-01, 1 day after the "
              "deadline");
    }

    TEST_CASE("pace_days sets the window once the plan is older than it") {
        const Plan plan =
            load(timebox + warnings("pace_days = 7") + resolved("A-1", "2026-10-31", "2026-10-25") +
                 resolved("A-2", "2026-10-31", "2026-10-26") + issue("B-2", "high", "2026-11-20") +
                 issue("C-3", "low", "2026-11-25"));
        const Judgement j = judge(plan, day(2026, 11, 1));
        REQUIRE(j.forecast.has_value());
        CHECK(j.forecast->window_days == 7); // min(7, 31)
        CHECK(j.forecast->resolved == 1);    // 10-26 > 11-01 - 7 = 10-25; 10-25 not
        CHECK(j.forecast->open == 2);
        CHECK(j.forecast->finish == day(2026, 11, 15)); // 11-01 + ceil(2 x 7 / 1) = + 14
        CHECK_FALSE(j.forecast->after_deadline);
        CHECK(j.warnings.empty());
    }

    TEST_CASE("an open issue due in 3 days is due soon, after the stalled warning") {
        const Plan plan = load(timebox + issue("NET-1", "critical", "2026-10-15"));
        const Judgement j = judge(plan, day(2026, 10, 12));
        CHECK(j.verdict == Verdict::on_track);
        REQUIRE(j.warnings.size() == 2);
        // w = min(28, 11) = 11, R = 1, r = 0
        CHECK(j.warnings[0].kind == WarningKind::stalled);
        CHECK(warning_text(plan, j, j.warnings[0]) ==
              "no issue resolved in the last 11 days; 1 still open");
        CHECK(j.warnings[1].kind == WarningKind::due_soon);
        CHECK(j.warnings[1].issue == std::optional<std::size_t>(0));
        // E - as_of = 10-15 - 10-12 = 3
        CHECK(warning_text(plan, j, j.warnings[1]) ==
              "NET-1 (critical) is due in 3 days (2026-10-15) and not started");
    }

    TEST_CASE("due_soon runs from due_within days before the effective due date to the due day") {
        const Plan plan = load(timebox + issue("NET-1", "critical", "2026-10-15"));
        CHECK(due_soon_issues(judge(plan, day(2026, 10, 7))).empty()); // 8 days
        const Judgement seven = judge(plan, day(2026, 10, 8));         // 7 days
        CHECK(texts_of(plan, seven, WarningKind::due_soon) ==
              Texts{"NET-1 (critical) is due in 7 days (2026-10-15) and not started"});
        CHECK(due_soon_issues(judge(plan, day(2026, 10, 14))) == Indexes{0}); // 1 day
        const Judgement today = judge(plan, day(2026, 10, 15));               // 0 days: due today
        CHECK(today.verdict == Verdict::on_track);
        CHECK(due_soon_issues(today) == Indexes{0});
        const Judgement overdue = judge(plan, day(2026, 10, 16)); // E - as_of = -1
        CHECK(overdue.verdict == Verdict::at_risk);
        CHECK(due_soon_issues(overdue).empty());

        const Plan three =
            load(timebox + warnings("due_within = 3") + issue("NET-1", "critical", "2026-10-15"));
        CHECK(due_soon_issues(judge(three, day(2026, 10, 11))).empty()); // 4 days
        CHECK(texts_of(three, judge(three, day(2026, 10, 12)), WarningKind::due_soon) ==
              Texts{"NET-1 (critical) is due in 3 days (2026-10-15) and not started"});
    }

    TEST_CASE("an at-risk plan still warns about an issue due soon, not about the overdue one") {
        const Plan plan = load(timebox + issue("NET-1", "critical", "2026-10-10") +
                               issue("APP-2", "high", "2026-10-14"));
        const Judgement j = judge(plan, day(2026, 10, 12));
        CHECK(j.verdict == Verdict::at_risk); // NET-1: E 10-10 < 10-12
        CHECK(texts_of(plan, j, WarningKind::due_soon) ==
              Texts{"APP-2 (high) is due in 2 days (2026-10-14) and not started"});
        CHECK(texts_of(plan, j, WarningKind::stalled) ==
              Texts{"no issue resolved in the last 11 days; 2 still open"});
    }

    TEST_CASE("an issue in progress is not due soon") {
        const Plan plan =
            load(timebox + issue("NET-1", "critical", "2026-10-15") + "status = \"in_progress\"\n");
        const Judgement j = judge(plan, day(2026, 10, 12));
        CHECK(due_soon_issues(j).empty());
        // It still counts as open in the forecast: w = 11, R = 1, r = 0.
        CHECK(texts_of(plan, j, WarningKind::stalled) ==
              Texts{"no issue resolved in the last 11 days; 1 still open"});
    }

    TEST_CASE("due_within = 0 turns due_soon off, even on the due day") {
        const Plan plan =
            load(timebox + warnings("due_within = 0") + issue("NET-1", "critical", "2026-10-15"));
        CHECK(due_soon_issues(judge(plan, day(2026, 10, 12))).empty());
        const Judgement today = judge(plan, day(2026, 10, 15));
        CHECK(due_soon_issues(today).empty());
        REQUIRE(today.warnings.size() == 1); // the stalled warning stays
        CHECK(today.warnings[0].kind == WarningKind::stalled);
    }

    TEST_CASE("a waived or resolved issue is not due soon; one waived or resolved later is") {
        const Plan plan = load(timebox + issue("NET-1", "critical", "2026-10-15") +
                               "status = \"waived\"\nwaived = 2026-10-11\n" +
                               issue("APP-2", "high", "2026-10-14") +
                               "status = \"resolved\"\nresolved = 2026-10-13\n" +
                               issue("OPS-3", "medium", "2026-11-20"));

        // 10-10: neither the waiver nor the resolution has happened; APP-2 (E 10-14) first.
        const Judgement before = judge(plan, day(2026, 10, 10));
        CHECK(texts_of(plan, before, WarningKind::due_soon) ==
              Texts{"APP-2 (high) is due in 4 days (2026-10-14) and not started",
                    "NET-1 (critical) is due in 5 days (2026-10-15) and not started"});

        const Judgement waived = judge(plan, day(2026, 10, 12)); // NET-1 waived on 10-11
        CHECK(texts_of(plan, waived, WarningKind::due_soon) ==
              Texts{"APP-2 (high) is due in 2 days (2026-10-14) and not started"});

        const Judgement both = judge(plan, day(2026, 10, 13)); // APP-2 resolved on 10-13
        CHECK(both.verdict == Verdict::on_track);
        CHECK(due_soon_issues(both).empty());
    }

    TEST_CASE("due_soon counts to the effective due date a pause moved") {
        const Plan plan = load(timebox + issue("NET-1", "critical", "2026-10-15") +
                               "\n[[pause]]\nfrom = 2026-10-05\nto = 2026-10-09\n"
                               "reason = \"Client change freeze for the audit\"\n");
        // 10-05..10-09 = 5 days before due: E = 10-20.
        CHECK(due_soon_issues(judge(plan, day(2026, 10, 12))).empty()); // 8 days before E
        CHECK(texts_of(plan, judge(plan, day(2026, 10, 17)), WarningKind::due_soon) ==
              Texts{"NET-1 (critical) is due in 3 days (2026-10-20) and not started"});
    }

    TEST_CASE("warnings come stalled first, then due_soon by effective due, priority, id bytes") {
        const Plan plan = load(timebox + issue("b-2", "high", "2026-10-14") + // 0
                               issue("Z-1", "critical", "2026-10-15") +       // 1
                               issue("NET-9", "medium", "2026-10-14") +       // 2
                               issue("A-9", "low", "2026-10-14") +            // 3
                               issue("NET-10", "medium", "2026-10-14") +      // 4
                               issue("B-1", "high", "2026-10-14") +           // 5
                               issue("C-3", "low", "2026-10-13"));            // 6
        const Judgement j = judge(plan, day(2026, 10, 12));
        REQUIRE(j.warnings.size() == 8);
        CHECK(j.warnings[0].kind == WarningKind::stalled);
        CHECK(warning_text(plan, j, j.warnings[0]) ==
              "no issue resolved in the last 11 days; 7 still open");
        // C-3 (E 10-13); then E 10-14: high B-1, b-2 ('B' 0x42 < 'b' 0x62), medium NET-10, NET-9
        // ('1' 0x31 < '9' 0x39), low A-9; then Z-1 (E 10-15).
        CHECK(due_soon_issues(j) == Indexes{6, 5, 0, 4, 2, 3, 1});
        CHECK(warning_text(plan, j, j.warnings[1]) ==
              "C-3 (low) is due in 1 day (2026-10-13) and not started");
        CHECK(warning_text(plan, j, j.warnings[7]) ==
              "Z-1 (critical) is due in 3 days (2026-10-15) and not started");
    }

    TEST_CASE("no warnings and no forecast once the verdict is terminate or remediated") {
        const std::string open = timebox + issue("NET-1", "critical", "2026-10-15");
        // Undecided: the stalled warning and NET-1 due soon.
        const Judgement undecided = judge(load(open), day(2026, 10, 12));
        CHECK(undecided.warnings.size() == 2);
        CHECK(undecided.forecast.has_value());

        // The same day with a strike: a high incident after the warning (default 10-01).
        const Judgement struck = judge(load(open + "\n[[incident]]\ndate = 2026-10-05\n"
                                                   "priority = \"high\"\n"
                                                   "summary = \"Email down for six hours\"\n"),
                                       day(2026, 10, 12));
        CHECK(struck.verdict == Verdict::terminate);
        CHECK(struck.warnings.empty());
        CHECK_FALSE(struck.forecast.has_value());

        // Past the deadline with NET-1 unresolved: w = 28, R = 1, r = 0 would be stalled.
        const Judgement past = judge(load(open), day(2026, 12, 1));
        CHECK(past.verdict == Verdict::terminate);
        CHECK(past.warnings.empty());
        CHECK_FALSE(past.forecast.has_value());

        const Judgement done = judge(load(timebox + resolved("NET-1", "2026-10-15", "2026-10-11") +
                                          issue("APP-2", "high", "2026-10-14") +
                                          "status = \"resolved\"\nresolved = 2026-10-12\n"),
                                     day(2026, 10, 12));
        CHECK(done.verdict == Verdict::remediated);
        CHECK(done.warnings.empty());
        CHECK_FALSE(done.forecast.has_value());
    }
}
