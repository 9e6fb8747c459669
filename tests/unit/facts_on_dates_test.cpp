// SPEC.md "Facts take effect on their dates": extensions from their agreed day, waivers from their
// waived day, strikes in the ultimatum's window, and the refusals of facts that could not have
// been agreed or recorded. Every expected figure is worked out by hand from SPEC.md; the time box
// from Thu 2026-10-01 has 60 days: D = Mon 2026-11-30 before any extension.

#include "remedy/io/plan_reader.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "remedy/render/judgement_words.h"
#include "test_support.h"

#include <cstddef>
#include <doctest/doctest.h>
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

// An extension of `days` agreed on `agreed`.
std::string extension(int days, std::string_view agreed) {
    return "\n[[timebox.extension]]\ndays = " + std::to_string(days) +
           "\nagreed = " + std::string(agreed) + "\nreason = \"Firewall hardware back-ordered\"\n";
}

// An issue of the given priority due on `due` (YYYY-MM-DD); status lines may follow.
std::string issue(std::string_view id, std::string_view priority, std::string_view due) {
    return "\n[[issue]]\nid = \"" + std::string(id) + "\"\ntitle = \"Issue " + std::string(id) +
           "\"\npriority = \"" + std::string(priority) + "\"\ndue = " + std::string(due) + "\n";
}

// An incident; status lines may follow.
std::string incident(std::string_view date, std::string_view priority, std::string_view summary) {
    return "\n[[incident]]\ndate = " + std::string(date) + "\npriority = \"" +
           std::string(priority) + "\"\nsummary = \"" + std::string(summary) + "\"\n";
}

std::vector<std::string> diagnostics_of(std::string_view text) {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : read_plan(text, "remedy.toml").diagnostics)
        lines.push_back(to_string(diagnostic));
    return lines;
}

// The parties on lines 1 to 4; what the test writes starts on line 5.
std::string from_line_5(std::string_view rest) {
    return "[client]\n"
           "name = \"Northwind Traders\"\n"
           "[provider]\n"
           "name = \"Acme Managed IT\"\n" +
           std::string(rest);
}

// NET-1 on the five lines after `before` (a block of lines ending in a newline).
const std::string net1_lines = "[[issue]]\n"
                               "id = \"NET-1\"\n"
                               "title = \"VPN drops at the branch office\"\n"
                               "priority = \"critical\"\n"
                               "due = 2026-10-15\n";

// A critical issue due 2026-10-15, waived on the lines `waiver`; 500.00 a late day, 1000.00
// once missed.
std::string waived_plan(std::string_view waiver) {
    return timebox + R"(
[penalties.per_day]
critical = "500.00"

[penalties.per_miss]
critical = "1000.00"
)" + issue("NET-1", "critical", "2026-10-15") +
           "status = \"waived\"\n" + std::string(waiver);
}

const std::string warned = R"(
[ultimatum]
issued = 2026-11-01
)";

} // namespace

TEST_SUITE("facts_on_dates") {
    TEST_CASE("an extension counts from its agreed day on, not before") {
        const Plan plan =
            load(timebox + extension(14, "2026-11-20") + issue("NET-1", "critical", "2026-11-25"));
        const Judgement before = judge(plan, day(2026, 11, 19));
        CHECK(before.deadline == day(2026, 11, 30)); // 10-01 + 60
        CHECK(before.extension_days == 0);
        CHECK(before.days_left == 11); // 11-30 - 11-19

        const Judgement agreed = judge(plan, day(2026, 11, 20));
        CHECK(agreed.deadline == day(2026, 12, 14)); // 11-30 + 14
        CHECK(agreed.extension_days == 14);
        CHECK(agreed.days_left == 24); // 12-14 - 11-20

        const Judgement past_first = judge(plan, day(2026, 12, 1));
        CHECK(past_first.verdict == Verdict::at_risk); // D = 12-14 not passed
        CHECK(past_first.issues[0].days_overdue == 6); // 12-01 - 11-25

        const Judgement past = judge(plan, day(2026, 12, 15));
        CHECK(past.verdict == Verdict::terminate);
        REQUIRE(past.reasons.size() == 1);
        CHECK(reason_text(plan, past, past.reasons[0]) ==
              "NET-1 (critical) was not resolved by the deadline 2026-12-14");
    }

    TEST_CASE("extensions add up in the order they were agreed, whatever the file's order") {
        // A: 7 days agreed 12-10, written first; B: 14 days agreed 11-20. A extends
        // 11-30 + 14 = 12-14 (B came before it), so 12-10 is in time.
        const Plan plan = load(timebox + extension(7, "2026-12-10") + extension(14, "2026-11-20") +
                               issue("NET-1", "critical", "2026-10-15") +
                               "status = \"resolved\"\nresolved = 2026-10-14\n");
        const Judgement none = judge(plan, day(2026, 11, 19));
        CHECK(none.deadline == day(2026, 11, 30));
        CHECK(none.extension_days == 0);

        const Judgement one = judge(plan, day(2026, 12, 9));
        CHECK(one.deadline == day(2026, 12, 14)); // 11-30 + 14
        CHECK(one.extension_days == 14);
        CHECK(one.days_left == 5); // 12-14 - 12-09

        const Judgement both = judge(plan, day(2026, 12, 10));
        CHECK(both.deadline == day(2026, 12, 21)); // 11-30 + 21
        CHECK(both.extension_days == 21);
        CHECK(both.days_left == 11); // 12-21 - 12-10
    }

    TEST_CASE("an extension agreed after the deadline it extends is refused at its agreed day") {
        // line 9: agreed = 2026-12-01 -> the value at column 10
        CHECK(diagnostics_of(from_line_5(R"([timebox]
start = 2026-10-01
[[timebox.extension]]
days = 14
agreed = 2026-12-01
reason = "Firewall hardware back-ordered"
)" + net1_lines)) ==
              std::vector<std::string>{
                  "remedy.toml:9:10: error: the extension agreed on 2026-12-01 comes after the "
                  "deadline 2026-11-30 that it extends: nothing is agreed after the time box has "
                  "ended"});
        // Agreed on the deadline itself: in time.
        CHECK(diagnostics_of(timebox + extension(14, "2026-11-30") +
                             issue("NET-1", "critical", "2026-10-15")) ==
              std::vector<std::string>{});
    }

    TEST_CASE("an extension agreed after the deadline that the earlier-agreed ones made is "
              "refused") {
        // The first written (line 9) is agreed 12-15; the one agreed before it (11-20, 14 days)
        // makes the deadline it extends 11-30 + 14 = 12-14.
        CHECK(diagnostics_of(from_line_5(R"([timebox]
start = 2026-10-01
[[timebox.extension]]
days = 7
agreed = 2026-12-15
reason = "Second delay"
[[timebox.extension]]
days = 14
agreed = 2026-11-20
reason = "Firewall hardware back-ordered"
)" + net1_lines)) ==
              std::vector<std::string>{
                  "remedy.toml:9:10: error: the extension agreed on 2026-12-15 comes after the "
                  "deadline 2026-12-14 that it extends: nothing is agreed after the time box has "
                  "ended"});
    }

    TEST_CASE("the deadline an extension extends is rolled to a working day") {
        // days = 59: 10-01 + 59 = Sun 11-29. Without a calendar an extension agreed Mon 11-30 is
        // late; with one, 11-29 rolls to Mon 11-30 and it is in time.
        const std::string box = R"([timebox]
start = 2026-10-01
days = 59
[[timebox.extension]]
days = 14
agreed = 2026-11-30
reason = "Firewall hardware back-ordered"
)";
        // line 10: agreed -> the value at column 10
        CHECK(diagnostics_of(from_line_5(box + net1_lines)) ==
              std::vector<std::string>{
                  "remedy.toml:10:10: error: the extension agreed on 2026-11-30 comes after the "
                  "deadline 2026-11-29 that it extends: nothing is agreed after the time box has "
                  "ended"});

        const Plan plan = load(from_line_5(box + "[calendar]\n" + net1_lines));
        const Judgement before = judge(plan, day(2026, 11, 29));
        CHECK(before.deadline == day(2026, 11, 30)); // Sun 11-29 rolled
        CHECK(before.days_left == 1);
        const Judgement agreed = judge(plan, day(2026, 11, 30));
        // 10-01 + 59 + 14 = Sun 12-13, rolled to Mon 12-14
        CHECK(agreed.deadline == day(2026, 12, 14));
        CHECK(agreed.extension_days == 14);
        CHECK(agreed.days_left == 14);
    }

    TEST_CASE("a waiver counts from its waived day; the money is frozen at that day") {
        const Plan plan = load(waived_plan("waived = 2026-10-20\n"));

        const Judgement before = judge(plan, day(2026, 10, 18));
        CHECK(before.issues[0].state == IssueStatus::open);
        CHECK(before.issues[0].overdue);
        CHECK(before.issues[0].days_overdue == 3);                // 10-18 - 10-15
        CHECK(before.issues[0].penalty.late_days == 3);           // 10-16, 17, 18
        CHECK(before.issues[0].penalty.subtotal.minor == 250000); // 3 x 500.00 + 1000.00
        CHECK(before.verdict == Verdict::at_risk);

        const Judgement on_day = judge(plan, day(2026, 10, 20));
        CHECK(on_day.issues[0].state == IssueStatus::waived);
        CHECK_FALSE(on_day.issues[0].overdue);
        CHECK(on_day.issues[0].days_overdue == 0);
        CHECK(on_day.issues[0].dates.end == day(2026, 10, 20));
        CHECK(on_day.issues[0].penalty.late_days == 5);           // 10-16..10-20
        CHECK(on_day.issues[0].penalty.subtotal.minor == 350000); // 5 x 500.00 + 1000.00
        CHECK(on_day.verdict == Verdict::remediated);

        const Judgement long_after = judge(plan, day(2026, 12, 10)); // past D = 11-30
        CHECK(long_after.issues[0].state == IssueStatus::waived);
        CHECK(long_after.issues[0].dates.end == day(2026, 10, 20)); // min(as_of, waived)
        CHECK(long_after.issues[0].penalty.late_days == 5);
        CHECK(long_after.issues[0].penalty.subtotal.minor == 350000);
        CHECK(long_after.penalties.total.minor == 350000);
        CHECK(long_after.verdict == Verdict::remediated); // a waived issue does not terminate
    }

    TEST_CASE("a waiver dated timebox.start, or undated, owes nothing") {
        for (const char* waiver : {"waived = 2026-10-01\n", ""}) {
            CAPTURE(waiver);
            const Plan plan = load(waived_plan(waiver));
            CHECK(judge(plan, day(2026, 10, 1)).issues[0].state == IssueStatus::waived);
            const Judgement j = judge(plan, day(2026, 11, 10));
            CHECK(j.issues[0].state == IssueStatus::waived);
            CHECK(j.issues[0].dates.end == day(2026, 10, 1)); // min(as_of, waived 10-01)
            CHECK(j.issues[0].penalty.late_days == 0);
            CHECK_FALSE(j.issues[0].penalty.missed);
            CHECK(j.issues[0].penalty.subtotal.minor == 0);
            CHECK(j.penalties.owed.minor == 0);
        }
    }

    TEST_CASE("a waiver dated after the deadline is refused at its date") {
        // line 13: waived = 2026-12-01 -> the value at column 10
        CHECK(diagnostics_of(from_line_5(R"([timebox]
start = 2026-10-01
)" + net1_lines + R"(status = "waived"
waived = 2026-12-01
)")) == std::vector<std::string>{
            "remedy.toml:13:10: error: issue NET-1 is waived on 2026-12-01, after the "
            "deadline 2026-11-30: nothing is agreed after the time box has ended"});
    }

    TEST_CASE("incidents after ultimatum.until, or on the warning's day, are not strikes") {
        const std::string plan_text =
            timebox + R"(
[ultimatum]
issued = 2026-11-01
until = 2026-11-15
)" + issue("NET-1", "critical", "2026-11-25") +
            incident("2026-11-01", "high", "Backup job failed") +
            incident("2026-11-16", "critical", "Email down for six hours");
        const Judgement quiet = judge(load(plan_text), day(2026, 11, 20));
        CHECK(quiet.strikes == std::vector<std::size_t>{}); // 11-01 = issued, 11-16 > until
        CHECK(quiet.verdict == Verdict::on_track);

        const Plan plan =
            load(plan_text + incident("2026-11-15", "high", "File server unreachable"));
        CHECK(judge(plan, day(2026, 11, 14)).strikes == std::vector<std::size_t>{});
        const Judgement j = judge(plan, day(2026, 11, 20));
        CHECK(j.strikes == std::vector<std::size_t>{2}); // 11-01 < 11-15 <= min(as_of, until)
        CHECK(j.verdict == Verdict::terminate);
        REQUIRE(j.reasons.size() == 1);
        CHECK(reason_text(plan, j, j.reasons[0]) ==
              "strike 1 of 1: high incident on 2026-11-15, after the warning "
              "of 2026-11-01: File server unreachable");
    }

    TEST_CASE("without ultimatum.until the last day of a strike is the deadline in force") {
        const std::string plan_text =
            timebox + warned + issue("NET-1", "critical", "2026-11-20") +
            "status = \"resolved\"\nresolved = 2026-11-18\n" +
            incident("2026-11-30", "high", "Backup job failed") +
            incident("2026-12-01", "critical", "Email down for six hours");
        const Judgement j = judge(load(plan_text), day(2026, 12, 5));
        CHECK(j.strikes == std::vector<std::size_t>{0}); // D = 11-30: 12-01 is after it

        // An extension of 14 days agreed 11-20 makes D = 12-14 on 12-05: both count.
        const Judgement extended =
            judge(load(plan_text + extension(14, "2026-11-20")), day(2026, 12, 5));
        CHECK(extended.deadline == day(2026, 12, 14));
        CHECK(extended.strikes == std::vector<std::size_t>{0, 1});
    }

    TEST_CASE("a disputed incident counts, and its strike says it is disputed and why") {
        const Plan plan = load(timebox + warned + issue("NET-1", "critical", "2026-11-20") +
                               incident("2026-11-08", "high", "Email down for six hours") +
                               "status = \"disputed\"\ndispute = \"Caused by the client's own "
                               "firewall change\"\n");
        const Judgement j = judge(plan, day(2026, 11, 10));
        CHECK(j.strikes == std::vector<std::size_t>{0});
        CHECK(j.verdict == Verdict::terminate);
        REQUIRE(j.reasons.size() == 1);
        CHECK(reason_text(plan, j, j.reasons[0]).find("disputed") != std::string::npos);
        CHECK(
            reason_text(plan, j, j.reasons[0]).find("Caused by the client's own firewall change") !=
            std::string::npos);
        CHECK(reason_text(plan, j, j.reasons[0]) ==
              "strike 1 of 1: high incident on 2026-11-08, after the warning of 2026-11-01: "
              "Email down for six hours (disputed by Acme Managed IT: Caused by the client's own "
              "firewall change)");
    }

    TEST_CASE("a withdrawn incident never counts") {
        const Plan plan = load(timebox + warned + issue("NET-1", "critical", "2026-11-20") +
                               "status = \"resolved\"\nresolved = 2026-11-18\n" +
                               incident("2026-11-08", "critical", "Email down for six hours") +
                               "status = \"withdrawn\"\ndispute = \"Caused by the client's own "
                               "firewall change\"\n");
        const Judgement during = judge(plan, day(2026, 11, 10));
        CHECK(during.strikes == std::vector<std::size_t>{});
        CHECK(during.verdict == Verdict::on_track);
        const Judgement after = judge(plan, day(2026, 11, 25));
        CHECK(after.strikes == std::vector<std::size_t>{});
        CHECK(after.verdict == Verdict::remediated);
    }

    TEST_CASE("an incident before timebox.start is refused at its date") {
        // line 13: date = 2026-09-30 -> the value at column 8
        CHECK(diagnostics_of(from_line_5(R"([timebox]
start = 2026-10-01
)" + net1_lines + R"([[incident]]
date = 2026-09-30
priority = "high"
summary = "Email down for six hours"
)")) == std::vector<std::string>{"remedy.toml:13:8: error: the incident of 2026-09-30 is before "
                                 "the time box starts on 2026-10-01"});
    }

    TEST_CASE("the same incident (date and summary) recorded twice is refused at the second") {
        // the first [[incident]] on line 12, the second on line 16
        CHECK(diagnostics_of(from_line_5(R"([timebox]
start = 2026-10-01
)" + net1_lines + R"([[incident]]
date = 2026-11-08
priority = "high"
summary = "Email down for six hours"
[[incident]]
date = 2026-11-08
priority = "critical"
summary = "Email down for six hours"
)")) == std::vector<std::string>{"remedy.toml:16:1: error: the incident of 2026-11-08 \"Email "
                                 "down for six hours\" is recorded twice (first at line 12); an "
                                 "incident counts once"});
        // Another summary on the same day is another incident.
        CHECK(diagnostics_of(timebox + issue("NET-1", "critical", "2026-10-15") +
                             incident("2026-11-08", "high", "Email down for six hours") +
                             incident("2026-11-08", "high", "File server unreachable")) ==
              std::vector<std::string>{});
    }

    TEST_CASE("a disputed incident without a dispute reason is refused at its status") {
        // line 16: status = "disputed" -> the value at column 10
        CHECK(diagnostics_of(from_line_5(R"([timebox]
start = 2026-10-01
)" + net1_lines + R"([[incident]]
date = 2026-11-08
priority = "high"
summary = "Email down for six hours"
status = "disputed"
)")) == std::vector<std::string>{"remedy.toml:16:10: error: the incident of 2026-11-08 is "
                                 "disputed: say why in dispute = \"...\""});
    }

    TEST_CASE("a pause that names an unknown issue is refused at its issues") {
        // line 15: issues = ["NET-9"] -> the value at column 10
        CHECK(diagnostics_of(from_line_5(R"([timebox]
start = 2026-10-01
)" + net1_lines + R"([[pause]]
from = 2026-10-05
to = 2026-10-09
issues = ["NET-9"]
reason = "Client change freeze for the audit"
)")) == std::vector<std::string>{"remedy.toml:15:10: error: the pause names issue NET-9, which "
                                 "the plan does not list"});
    }

    TEST_CASE("ultimatum.issued after the deadline is refused; with an extension it may be later") {
        // line 8: issued = 2026-12-01 -> the value at column 10; D = 11-30
        CHECK(diagnostics_of(from_line_5(R"([timebox]
start = 2026-10-01
[ultimatum]
issued = 2026-12-01
)" + net1_lines)) == std::vector<std::string>{
                         "remedy.toml:8:10: error: ultimatum.issued 2026-12-01 is after "
                         "the deadline 2026-11-30: the warning belongs to the time box"});
        // With every extension the deadline is 11-30 + 14 = 12-14: 12-01 is on or before it.
        CHECK(diagnostics_of(
                  timebox + extension(14, "2026-11-20") + "\n[ultimatum]\nissued = 2026-12-01\n" +
                  issue("NET-1", "critical", "2026-10-15")) == std::vector<std::string>{});
    }

    TEST_CASE("a pause ends by the deadline with every extension: to 9999 is refused at its to") {
        // line 14: to = 9999-12-01 -> the value at column 6
        CHECK(diagnostics_of(from_line_5(R"([timebox]
start = 2026-10-01
)" + net1_lines + R"([[pause]]
from = 2026-10-01
to = 9999-12-01
reason = "Client-side change freeze"
agreed = 2026-11-16
)")) == std::vector<std::string>{"remedy.toml:14:6: error: the pause ends on 9999-12-01, after "
                                 "the deadline 2026-11-30: a pause stops the clocks inside the "
                                 "time box; only a [[timebox.extension]] moves the deadline"});
        // To the deadline, or to the deadline an extension made: in the box.
        const std::string pause_to = "\n[[pause]]\nfrom = 2026-10-01\nreason = \"Freeze\"\nto = ";
        CHECK(diagnostics_of(timebox + issue("NET-1", "critical", "2026-10-15") + pause_to +
                             "2026-11-30\n") == std::vector<std::string>{});
        CHECK(diagnostics_of(timebox + extension(14, "2026-11-20") +
                             issue("NET-1", "critical", "2026-10-15") + pause_to +
                             "2026-12-14\n") == std::vector<std::string>{});
    }
}
