// SPEC.md [[pause]]: the paused days of an issue, the effective due date E they move, the
// counted days they excuse, the cut-off max(D, E) when a pause carries an issue past the
// deadline, and a pause agreed later. Every expected figure is worked out by hand from SPEC.md;
// the weekdays used: Thu 10-15, Fri 10-16, Sat 10-17, Sun 10-18, Mon 10-19, Sat 10-24,
// Sun 10-25, Mon 10-26; the time box from 2026-10-01 has 60 days: D = Mon 2026-11-30.

#include "remedy/io/plan_reader.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "remedy/render/judgement_words.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;
using remedy_test::parties;

namespace {

// Critical: 500.00 a late day and 1000.00 once missed; high: 200.00 a late day. No grace.
const std::string priced = parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"
high = "200.00"

[penalties.per_miss]
critical = "1000.00"
)";

// The same with [calendar] (Saturday and Sunday off) and working-day penalties after
// `grace` grace days.
std::string working(int grace) {
    return parties + R"(
[timebox]
start = 2026-10-01

[calendar]

[penalties]
days = "working"
grace_days = )" +
           std::to_string(grace) + R"(

[penalties.per_day]
critical = "500.00"

[penalties.per_miss]
critical = "1000.00"
)";
}

// An issue of the given priority due on `due` (YYYY-MM-DD); status lines may follow.
std::string issue(std::string_view id, std::string_view priority, std::string_view due) {
    return "\n[[issue]]\nid = \"" + std::string(id) + "\"\ntitle = \"Issue " + std::string(id) +
           "\"\npriority = \"" + std::string(priority) + "\"\ndue = " + std::string(due) + "\n";
}

const std::string net1 = issue("NET-1", "critical", "2026-10-15");

// A pause from..to, every issue unless `more` says otherwise.
std::string pause(std::string_view from, std::string_view to, std::string_view more = "") {
    return "\n[[pause]]\nfrom = " + std::string(from) + "\nto = " + std::string(to) +
           "\nreason = \"Client change freeze for the audit\"\n" + std::string(more);
}

std::vector<std::string> diagnostics_of(std::string_view text) {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : read_plan(text, "remedy.toml").diagnostics)
        lines.push_back(to_string(diagnostic));
    return lines;
}

// The parties on lines 1 to 4, then the time box (5-6) and NET-1 (7-11); what the test writes
// starts on line 12.
std::string from_line_12(std::string_view rest) {
    return "[client]\n"
           "name = \"Northwind Traders\"\n"
           "[provider]\n"
           "name = \"Acme Managed IT\"\n"
           "[timebox]\n"
           "start = 2026-10-01\n"
           "[[issue]]\n"
           "id = \"NET-1\"\n"
           "title = \"VPN drops at the branch office\"\n"
           "priority = \"critical\"\n"
           "due = 2026-10-15\n" +
           std::string(rest);
}

} // namespace

TEST_SUITE("pauses") {
    TEST_CASE("a pause before the due date moves the effective due date by its length") {
        const Plan plan = load(priced + net1 + pause("2026-10-05", "2026-10-09"));

        // Agreed on its first day, 10-05: not in force on 10-04.
        const Judgement before = judge(plan, day(2026, 10, 4));
        CHECK(before.issues[0].dates.effective_due == day(2026, 10, 15));
        CHECK(before.issues[0].dates.paused_days == 0);

        // 10-05..10-09 = 5 days, begins before due 10-15 -> E = 10-20.
        const Judgement j = judge(plan, day(2026, 10, 16));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 20));
        CHECK(j.issues[0].dates.grace_end == day(2026, 10, 20)); // no grace: G = E
        CHECK(j.issues[0].dates.paused_days == 5);
        CHECK_FALSE(j.issues[0].overdue);
        CHECK(j.issues[0].penalty.late_days == 0);
        CHECK(j.issues[0].penalty.subtotal.minor == 0);
        CHECK(j.verdict == Verdict::on_track);

        const Judgement late = judge(plan, day(2026, 10, 21));
        CHECK(late.issues[0].overdue);
        CHECK(late.issues[0].days_overdue == 1);      // 10-21 - E 10-20
        CHECK(late.issues[0].penalty.late_days == 1); // 10-21
        CHECK(late.issues[0].penalty.missed_on == day(2026, 10, 21));
        CHECK(late.issues[0].penalty.subtotal.minor == 150000); // 500.00 + 1000.00
        CHECK(late.verdict == Verdict::at_risk);
    }

    TEST_CASE("a pause after the due date excludes its days from the late days, not from the "
              "days overdue") {
        const Plan plan = load(priced + net1 + pause("2026-10-20", "2026-10-22"));
        const Judgement j = judge(plan, day(2026, 10, 25));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 15)); // begins after due: no move
        CHECK(j.issues[0].dates.paused_days == 3);
        CHECK(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 10); // 10-25 - 10-15, calendar days
        // late: 10-16..10-25 = 10 days minus 10-20, 21, 22 = 7
        CHECK(j.issues[0].penalty.late_days == 7);
        CHECK(j.issues[0].penalty.subtotal.minor == 450000); // 7 x 500.00 + 1000.00

        // During the pause: late 10-16..10-19 = 4; the whole pause is in force (agreed 10-20).
        const Judgement during = judge(plan, day(2026, 10, 21));
        CHECK(during.issues[0].dates.paused_days == 3);
        CHECK(during.issues[0].penalty.late_days == 4);
        CHECK(during.issues[0].penalty.subtotal.minor == 300000); // 4 x 500.00 + 1000.00
    }

    TEST_CASE("overlapping pauses count their common days once") {
        const Judgement j = judge(load(priced + net1 + pause("2026-10-05", "2026-10-09") +
                                       pause("2026-10-08", "2026-10-12")),
                                  day(2026, 10, 13));
        // 10-05..10-12 = 8 days -> E = 10-15 + 8 = 10-23
        CHECK(j.issues[0].dates.paused_days == 8);
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 23));

        const Judgement twice = judge(load(priced + net1 + pause("2026-10-05", "2026-10-09") +
                                           pause("2026-10-05", "2026-10-09")),
                                      day(2026, 10, 13));
        CHECK(twice.issues[0].dates.paused_days == 5);
        CHECK(twice.issues[0].dates.effective_due == day(2026, 10, 20)); // 10-15 + 5
    }

    TEST_CASE("a pause that begins on the moved due date moves it again; one after it does not") {
        const Plan plan =
            load(priced + net1 + pause("2026-10-10", "2026-10-14") +
                 pause("2026-10-20", "2026-10-21") + pause("2026-10-23", "2026-10-24"));
        const Judgement j = judge(plan, day(2026, 10, 27));
        // 10-15 + 5 = 10-20; 10-20..10-21 begins on 10-20: + 2 = 10-22; 10-23 > 10-22: no move
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 22));
        CHECK(j.issues[0].dates.paused_days == 9); // 5 + 2 + 2
        CHECK(j.issues[0].days_overdue == 5);      // 10-27 - 10-22
        // late: 10-23..10-27 minus paused 10-23, 10-24 = 10-25, 26, 27
        CHECK(j.issues[0].penalty.late_days == 3);
        CHECK(j.issues[0].penalty.missed_on == day(2026, 10, 25));
        CHECK(j.issues[0].penalty.subtotal.minor == 250000); // 3 x 500.00 + 1000.00
    }

    TEST_CASE("a pause that names one issue does not touch another") {
        const Plan plan = load(priced + net1 + issue("APP-7", "high", "2026-10-15") +
                               pause("2026-10-05", "2026-10-09", "issues = [\"NET-1\"]\n"));
        const Judgement j = judge(plan, day(2026, 10, 18));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 20)); // 10-15 + 5
        CHECK(j.issues[0].dates.paused_days == 5);
        CHECK_FALSE(j.issues[0].overdue);
        CHECK(j.issues[1].dates.effective_due == day(2026, 10, 15));
        CHECK(j.issues[1].dates.paused_days == 0);
        CHECK(j.issues[1].overdue);
        CHECK(j.issues[1].days_overdue == 3);               // 10-18 - 10-15
        CHECK(j.issues[1].penalty.late_days == 3);          // 10-16, 17, 18
        CHECK(j.issues[1].penalty.subtotal.minor == 60000); // 3 x 200.00
        CHECK(j.penalties.total.minor == 60000);
        CHECK(j.verdict == Verdict::at_risk);
        REQUIRE(j.reasons.size() == 1);
        CHECK(reason_text(plan, j, j.reasons[0]) == "APP-7 (high) is 3 days overdue");
    }

    TEST_CASE("a pause without issues covers every issue") {
        const Plan plan = load(priced + net1 + issue("APP-7", "high", "2026-10-15") +
                               pause("2026-10-05", "2026-10-09"));
        const Judgement j = judge(plan, day(2026, 10, 18));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 20));
        CHECK(j.issues[1].dates.effective_due == day(2026, 10, 20));
        CHECK(j.issues[1].dates.paused_days == 5);
        CHECK(j.verdict == Verdict::on_track);
    }

    TEST_CASE("a pause agreed later counts only from its agreed day, then excuses earlier days") {
        const Plan plan =
            load(priced + net1 + pause("2026-10-10", "2026-10-14", "agreed = 2026-10-20\n"));

        const Judgement before = judge(plan, day(2026, 10, 19));
        CHECK(before.issues[0].dates.effective_due == day(2026, 10, 15)); // not yet agreed
        CHECK(before.issues[0].dates.paused_days == 0);
        CHECK(before.issues[0].overdue);
        CHECK(before.issues[0].days_overdue == 4);      // 10-19 - 10-15
        CHECK(before.issues[0].penalty.late_days == 4); // 10-16..10-19
        CHECK(before.issues[0].penalty.missed);
        CHECK(before.issues[0].penalty.subtotal.minor == 300000); // 4 x 500.00 + 1000.00
        CHECK(before.verdict == Verdict::at_risk);

        const Judgement agreed = judge(plan, day(2026, 10, 20));
        CHECK(agreed.issues[0].dates.effective_due == day(2026, 10, 20)); // 10-15 + 5
        CHECK(agreed.issues[0].dates.paused_days == 5);
        CHECK_FALSE(agreed.issues[0].overdue);
        CHECK(agreed.issues[0].penalty.late_days == 0);
        CHECK_FALSE(agreed.issues[0].penalty.missed);
        CHECK(agreed.issues[0].penalty.subtotal.minor == 0);
        CHECK(agreed.verdict == Verdict::on_track);

        const Judgement after = judge(plan, day(2026, 10, 22));
        CHECK(after.issues[0].days_overdue == 2);      // 10-22 - 10-20
        CHECK(after.issues[0].penalty.late_days == 2); // 10-21, 10-22
        CHECK(after.issues[0].penalty.missed_on == day(2026, 10, 21));
        CHECK(after.issues[0].penalty.subtotal.minor == 200000); // 2 x 500.00 + 1000.00
    }

    TEST_CASE("a pause that carries an issue past the deadline: no money after D, and missing its "
              "due date ends it the day after") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"
)" + issue("NET-1", "critical", "2026-11-20") +
                               pause("2026-11-10", "2026-11-24"));
        // 11-10..11-24 = 15 days, begins before due 11-20: E = 11-20 + 15 = 12-05 > D = 11-30.
        const Judgement on_deadline = judge(plan, day(2026, 11, 30));
        CHECK(on_deadline.deadline == day(2026, 11, 30));
        CHECK(on_deadline.issues[0].dates.effective_due == day(2026, 12, 5));
        CHECK(on_deadline.issues[0].dates.cut_off == day(2026, 12, 5)); // max(D, E)
        CHECK(on_deadline.verdict == Verdict::on_track);

        // Past D but not past C: without the pause this day would be terminate.
        const Judgement past_deadline = judge(plan, day(2026, 12, 1));
        CHECK(past_deadline.days_left == -1); // 11-30 - 12-01
        CHECK(past_deadline.verdict == Verdict::on_track);

        const Judgement on_due = judge(plan, day(2026, 12, 5));
        CHECK(on_due.days_left == -5);
        CHECK_FALSE(on_due.issues[0].overdue); // E = as_of
        CHECK(on_due.verdict == Verdict::on_track);

        const Judgement missed = judge(plan, day(2026, 12, 6));
        CHECK(missed.issues[0].overdue);
        CHECK(missed.issues[0].days_overdue == 1); // 12-06 - 12-05
        // late days: G = 12-05 < d <= min(end 12-06, D 11-30): none
        CHECK(missed.issues[0].penalty.late_days == 0);
        CHECK(missed.issues[0].penalty.subtotal.minor == 0);
        CHECK(missed.verdict == Verdict::terminate);
        REQUIRE(missed.reasons.size() == 1);
        CHECK(reason_text(plan, missed, missed.reasons[0]) ==
              "NET-1 (critical) was not resolved by its due date "
              "2026-12-05 (a pause carried it past the deadline "
              "2026-11-30)");

        const Judgement later = judge(plan, day(2026, 12, 20));
        CHECK(later.issues[0].penalty.late_days == 0);
        CHECK(later.penalties.total.minor == 0);
    }

    TEST_CASE("an issue carried past the deadline and resolved on its moved due date is in time") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"

[penalties.per_miss]
critical = "1000.00"
)" + issue("NET-1", "critical", "2026-11-20") +
                               "status = \"resolved\"\nresolved = 2026-12-05\n" +
                               pause("2026-11-10", "2026-11-24"));
        const Judgement j = judge(plan, day(2026, 12, 10));
        CHECK(j.issues[0].state == IssueStatus::resolved);
        CHECK(j.issues[0].dates.end == day(2026, 12, 5));
        CHECK_FALSE(j.issues[0].penalty.missed); // no counted day d with E 12-05 < d <= 12-05
        CHECK(j.issues[0].penalty.subtotal.minor == 0);
        CHECK(j.verdict == Verdict::remediated); // resolved on C = 12-05
    }

    TEST_CASE("grace days are counted days: a paused day is no grace day") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[penalties]
grace_days = 2

[penalties.per_day]
critical = "500.00"
)" + net1 + pause("2026-10-16", "2026-10-17"));
        // E = 10-15 (the pause begins after it); counted after E: 10-18 (1st), 10-19 (2nd).
        const Judgement j = judge(plan, day(2026, 10, 21));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 15));
        CHECK(j.issues[0].dates.grace_end == day(2026, 10, 19));
        CHECK(j.issues[0].penalty.late_days == 2);           // 10-20, 10-21
        CHECK(j.issues[0].penalty.subtotal.minor == 100000); // 2 x 500.00
    }

    TEST_CASE("a resolution on a weekend day after grace is not missed with working-day "
              "penalties") {
        // E = Thu 10-15, grace 1 working day: G = Fri 10-16.
        for (const char* weekend_day : {"2026-10-17", "2026-10-18"}) {
            CAPTURE(weekend_day);
            const Plan plan =
                load(working(1) + net1 + "status = \"resolved\"\nresolved = " + weekend_day + "\n");
            const Judgement j = judge(plan, day(2026, 10, 20));
            CHECK(j.issues[0].dates.grace_end == day(2026, 10, 16));
            CHECK(j.issues[0].state == IssueStatus::resolved);
            CHECK_FALSE(j.issues[0].penalty.missed); // Sat, Sun are not counted days
            CHECK(j.issues[0].penalty.late_days == 0);
            CHECK(j.issues[0].penalty.subtotal.minor == 0);
        }
        const Plan monday =
            load(working(1) + net1 + "status = \"resolved\"\nresolved = 2026-10-19\n");
        const Judgement j = judge(monday, day(2026, 10, 20));
        CHECK(j.issues[0].penalty.missed);
        CHECK(j.issues[0].penalty.missed_on == day(2026, 10, 19));
        CHECK(j.issues[0].penalty.late_days == 1);           // Mon 10-19
        CHECK(j.issues[0].penalty.subtotal.minor == 150000); // 500.00 + 1000.00
        CHECK(j.issues[0].days_overdue == 4);                // 10-19 - 10-15, calendar days
    }

    TEST_CASE("a resolution on a paused day after grace is not missed") {
        const std::string graced = parties + R"(
[timebox]
start = 2026-10-01

[penalties]
grace_days = 1

[penalties.per_day]
critical = "500.00"

[penalties.per_miss]
critical = "1000.00"
)";
        // E = 10-15 (the pause begins after it), G = 10-16; 10-17, 10-18 paused.
        const Plan on_pause =
            load(graced + net1 + "status = \"resolved\"\nresolved = 2026-10-18\n" +
                 pause("2026-10-17", "2026-10-18"));
        const Judgement j = judge(on_pause, day(2026, 10, 25));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 15));
        CHECK(j.issues[0].dates.grace_end == day(2026, 10, 16));
        CHECK_FALSE(j.issues[0].penalty.missed);
        CHECK(j.issues[0].penalty.subtotal.minor == 0);

        const Plan after_pause =
            load(graced + net1 + "status = \"resolved\"\nresolved = 2026-10-19\n" +
                 pause("2026-10-17", "2026-10-18"));
        const Judgement late = judge(after_pause, day(2026, 10, 25));
        CHECK(late.issues[0].penalty.missed_on == day(2026, 10, 19));
        CHECK(late.issues[0].penalty.late_days == 1);
        CHECK(late.issues[0].penalty.subtotal.minor == 150000);
    }

    TEST_CASE("per-day charges accrue only on counted days: working days that are not paused") {
        const Plan plan = load(working(0) + net1 + pause("2026-10-21", "2026-10-22"));
        // E = Thu 10-15 = G. Counted after it: Fri 16, Mon 19, Tue 20, (Wed 21, Thu 22 paused),
        // Fri 23, (Sat 24, Sun 25), Mon 26.
        const Judgement paused = judge(plan, day(2026, 10, 22));
        CHECK(paused.issues[0].penalty.missed_on == day(2026, 10, 16));
        CHECK(paused.issues[0].penalty.late_days == 3);           // 16, 19, 20
        CHECK(paused.issues[0].penalty.subtotal.minor == 250000); // 3 x 500.00 + 1000.00

        const Judgement sunday = judge(plan, day(2026, 10, 25));
        CHECK(sunday.issues[0].penalty.late_days == 4); // + 23
        CHECK(sunday.issues[0].penalty.subtotal.minor == 300000);

        const Judgement monday = judge(plan, day(2026, 10, 26));
        CHECK(monday.issues[0].dates.paused_days == 2);
        CHECK(monday.issues[0].penalty.late_days == 5);           // + 26
        CHECK(monday.issues[0].penalty.subtotal.minor == 350000); // 5 x 500.00 + 1000.00
        CHECK(monday.penalties.total.minor == 350000);
        CHECK(monday.issues[0].days_overdue == 11); // 10-26 - 10-15
    }

    TEST_CASE("with a calendar, the due date a pause moves is then rolled") {
        const Plan plan = load(working(0) + net1 + pause("2026-10-08", "2026-10-09"));
        // 10-15 + 2 = Sat 10-17, rolled to Mon 10-19.
        CHECK(judge(plan, day(2026, 10, 12)).issues[0].dates.effective_due == day(2026, 10, 19));
    }

    TEST_CASE("a pause that ends before it starts is refused at its end") {
        // line 13: from, line 14: to = 2026-10-05 -> the value at column 6
        CHECK(diagnostics_of(from_line_12(R"([[pause]]
from = 2026-10-09
to = 2026-10-05
reason = "Client change freeze for the audit"
)")) == std::vector<std::string>{"remedy.toml:14:6: error: the pause ends on 2026-10-05, before "
                                 "it starts on 2026-10-09"});
    }

    TEST_CASE("a pause that starts before the time box is refused at its start") {
        // line 13: from = 2026-09-28 -> the value at column 8
        CHECK(diagnostics_of(from_line_12(R"([[pause]]
from = 2026-09-28
to = 2026-10-05
reason = "Client change freeze for the audit"
)")) == std::vector<std::string>{"remedy.toml:13:8: error: the pause starts on 2026-09-28, "
                                 "before the time box starts on 2026-10-01"});
    }

    TEST_CASE("a pause agreed after the deadline is refused; one agreed on it is accepted") {
        // line 16: agreed = 2026-12-01 -> the value at column 10; D = 11-30 (no extension)
        CHECK(diagnostics_of(from_line_12(R"([[pause]]
from = 2026-10-05
to = 2026-10-09
reason = "Client change freeze for the audit"
agreed = 2026-12-01
)")) == std::vector<std::string>{"remedy.toml:16:10: error: the pause is agreed on 2026-12-01, "
                                 "after the deadline 2026-11-30: nothing is agreed after the "
                                 "time box has ended"});
        CHECK(diagnostics_of(from_line_12(R"([[pause]]
from = 2026-10-05
to = 2026-10-09
reason = "Client change freeze for the audit"
agreed = 2026-11-30
)")) == std::vector<std::string>{});
    }
}
