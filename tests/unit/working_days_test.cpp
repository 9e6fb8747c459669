// SPEC.md "Working days" and "Dates of the plan and of each issue": which days are working days,
// roll(d), the deadline rolled, grace counted in working days, and calendar.holidays_file. Every
// expected figure is worked out by hand from SPEC.md; the weekdays of October to December 2026:
//   Thu 10-01  Sat 10-17  Sun 10-18  Mon 10-19  Fri 10-23  Mon 10-26  Thu 11-26  Sun 11-29
//   Mon 11-30  Tue 12-01.

#include "remedy/io/plan_reader.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "test_support.h"

#include <chrono>
#include <doctest/doctest.h>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;
using remedy_test::parties;

namespace {

// A 60-day time box from Thu 2026-10-01: deadline Mon 2026-11-30 before any rolling.
const std::string timebox = parties + R"(
[timebox]
start = 2026-10-01
)";

// An issue of the given priority due on `due` (YYYY-MM-DD).
std::string issue(std::string_view id, std::string_view priority, std::string_view due) {
    return "\n[[issue]]\nid = \"" + std::string(id) + "\"\ntitle = \"Issue " + std::string(id) +
           "\"\npriority = \"" + std::string(priority) + "\"\ndue = " + std::string(due) + "\n";
}

// The parties on lines 1 to 4; what the test writes starts on line 5.
std::string from_line_5(std::string_view rest) {
    return "[client]\n"
           "name = \"Northwind Traders\"\n"
           "[provider]\n"
           "name = \"Acme Managed IT\"\n" +
           std::string(rest);
}

std::vector<std::string> lines_of(const LoadResult& result) {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : result.diagnostics)
        lines.push_back(to_string(diagnostic));
    return lines;
}

// Every diagnostic of reading `text` as remedy.toml (no named file can be read).
std::vector<std::string> diagnostics_of(std::string_view text) {
    return lines_of(read_plan(text, "remedy.toml", [](const std::string&) -> Expected<std::string> {
        return fail("not expected in this test");
    }));
}

// The same, or nothing when reading does not end within 5 seconds: SPEC.md counts a hang on any
// input as a bug, and a test that hangs would stop every other test. The reading thread is then
// left behind, spinning until the test program exits.
std::optional<std::vector<std::string>> diagnostics_in_time(std::string text) {
    auto promise = std::make_shared<std::promise<std::vector<std::string>>>();
    std::future<std::vector<std::string>> lines = promise->get_future();
    std::thread([promise, text = std::move(text)] {
        promise->set_value(diagnostics_of(text));
    }).detach();
    if (lines.wait_for(std::chrono::seconds(5)) != std::future_status::ready)
        return std::nullopt;
    return lines.get();
}

// A plan with [calendar] holidays_file = "holidays/us-2026.ics", whose text is `ics`.
LoadResult read_with_ics(std::string_view plan_text, std::string ics,
                         std::vector<std::string>* asked = nullptr) {
    return read_plan(plan_text, "remedy.toml",
                     [ics, asked](const std::string& named) -> Expected<std::string> {
                         if (asked)
                             asked->push_back(named);
                         if (named != "holidays/us-2026.ics")
                             return fail("no such file");
                         return ics;
                     });
}

const std::string ics_calendar = "[calendar]\nholidays_file = \"holidays/us-2026.ics\"\n";

// A working-day penalty plan: a high issue due Thu 2026-10-15, 2 grace days, 200.00 a late day
// and 300.00 once missed.
std::string graced(std::string_view day_count, std::string_view calendar) {
    return timebox + std::string(calendar) + R"(
[penalties]
grace_days = 2
)" + std::string(day_count) +
           R"(
[penalties.per_day]
high = "200.00"

[penalties.per_miss]
high = "300.00"
)" + issue("APP-7", "high", "2026-10-15");
}

} // namespace

TEST_SUITE("working_days") {
    TEST_CASE("without a [calendar] every day is a working day: a Saturday due date stays") {
        const Judgement j =
            judge(load(timebox + issue("NET-1", "critical", "2026-10-17")), day(2026, 10, 18));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 17)); // E = due, no roll
        CHECK(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 1); // Sun 10-18 - Sat 10-17
    }

    TEST_CASE("an empty [calendar] table makes Saturday and Sunday the weekend") {
        const Plan plan =
            load(timebox + "[calendar]\n" + issue("SAT", "high", "2026-10-17") +
                 issue("SUN", "high", "2026-10-18") + issue("FRI", "high", "2026-10-16"));
        const Judgement j = judge(plan, day(2026, 10, 19));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 19)); // Sat 10-17 rolls to Mon 10-19
        CHECK(j.issues[1].dates.effective_due == day(2026, 10, 19)); // Sun 10-18 rolls to Mon 10-19
        CHECK(j.issues[2].dates.effective_due == day(2026, 10, 16)); // Fri is a working day
        CHECK_FALSE(j.issues[0].overdue);                            // E = as_of: not E < as_of
        CHECK(j.issues[2].overdue);
        CHECK(j.issues[2].days_overdue == 3); // Mon 10-19 - Fri 10-16

        const Judgement next = judge(plan, day(2026, 10, 20));
        CHECK(next.issues[0].overdue);
        CHECK(next.issues[0].days_overdue == 1); // Tue 10-20 - E Mon 10-19, in calendar days
    }

    TEST_CASE("weekend names are case-insensitive and may be short: a Friday-Saturday weekend") {
        const Plan plan =
            load(timebox + "[calendar]\nweekend = [\"Fri\", \"SATURDAY\"]\n" +
                 issue("THU", "high", "2026-10-15") + issue("FRI", "high", "2026-10-16") +
                 issue("SAT", "high", "2026-10-17") + issue("SUN", "high", "2026-10-18"));
        const Judgement j = judge(plan, day(2026, 10, 5));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 15)); // Thu: working day
        CHECK(j.issues[1].dates.effective_due == day(2026, 10, 18)); // Fri 10-16 -> Sun 10-18
        CHECK(j.issues[2].dates.effective_due == day(2026, 10, 18)); // Sat 10-17 -> Sun 10-18
        CHECK(j.issues[3].dates.effective_due == day(2026, 10, 18)); // Sun: working day here
    }

    TEST_CASE("weekend = [] leaves no weekend, and a holiday still moves a due date") {
        const Plan plan =
            load(timebox + "[calendar]\nweekend = []\nholidays = [2026-10-19]\n" +
                 issue("SAT", "high", "2026-10-17") + issue("MON", "high", "2026-10-19"));
        const Judgement j = judge(plan, day(2026, 10, 5));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 17)); // Sat is a working day
        CHECK(j.issues[1].dates.effective_due == day(2026, 10, 20)); // holiday Mon -> Tue 10-20
    }

    TEST_CASE("a due date on a holiday rolls to the next working day") {
        const Plan plan = load(timebox + "[calendar]\nholidays = [2026-11-26]\n" +
                               issue("NET-1", "critical", "2026-11-26") +
                               issue("NET-2", "critical", "2026-11-25"));
        const Judgement j = judge(plan, day(2026, 11, 1));
        CHECK(j.issues[0].dates.effective_due == day(2026, 11, 27)); // holiday Thu -> Fri 11-27
        CHECK(j.issues[1].dates.effective_due == day(2026, 11, 25)); // Wed: working day
    }

    TEST_CASE("a holiday on a Friday rolls a due date over the weekend, and past a Monday off") {
        const Plan plan =
            load(timebox + "[calendar]\nholidays = [2026-10-23, 2026-10-26, 2026-11-06]\n" +
                 issue("FRI", "high", "2026-10-23") + issue("SAT", "high", "2026-10-24") +
                 issue("NOV", "high", "2026-11-06"));
        const Judgement j = judge(plan, day(2026, 10, 5));
        // Fri 10-23 off, Sat, Sun weekend, Mon 10-26 off -> Tue 10-27
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 27));
        CHECK(j.issues[1].dates.effective_due == day(2026, 10, 27)); // Sat 10-24 -> Tue 10-27
        // Fri 11-06 off, Sat 11-07, Sun 11-08 weekend -> Mon 11-09
        CHECK(j.issues[2].dates.effective_due == day(2026, 11, 9));
    }

    TEST_CASE("the deadline rolls from a Sunday to the Monday") {
        const std::string box = parties + "\n[timebox]\nstart = 2026-10-01\ndays = 59\n";
        const std::string net1 = issue("NET-1", "critical", "2026-11-20");
        // 2026-10-01 + 59 = Sun 11-29
        const Judgement plain = judge(load(box + net1), day(2026, 11, 20));
        CHECK(plain.deadline == day(2026, 11, 29)); // no calendar: no roll
        CHECK(plain.days_left == 9);                // 11-29 - 11-20

        const Judgement rolled = judge(load(box + "[calendar]\n" + net1), day(2026, 11, 20));
        CHECK(rolled.deadline == day(2026, 11, 30)); // Sun 11-29 rolls to Mon 11-30
        CHECK(rolled.days_left == 10);               // 11-30 - 11-20
    }

    TEST_CASE("a holiday on the deadline moves it, and a resolution on the moved deadline is in "
              "time") {
        // 2026-10-01 + 60 = Mon 11-30, a holiday here -> D = Tue 12-01.
        const std::string plan_text = timebox + "[calendar]\nholidays = [2026-11-30]\n" +
                                      issue("NET-1", "critical", "2026-11-20") +
                                      issue("LATE", "low", "2026-12-01");
        const Plan plan = load(plan_text); // due 12-01 <= the rolled deadline: valid
        const Judgement on_holiday = judge(plan, day(2026, 11, 30));
        CHECK(on_holiday.deadline == day(2026, 12, 1));
        CHECK(on_holiday.days_left == 1);
        CHECK(on_holiday.issues[1].dates.effective_due == day(2026, 12, 1)); // Tue: working day

        const Judgement on_deadline = judge(plan, day(2026, 12, 1));
        CHECK(on_deadline.days_left == 0);
        CHECK(on_deadline.verdict == Verdict::at_risk); // NET-1 overdue, D not yet passed
        CHECK(on_deadline.issues[0].dates.cut_off == day(2026, 12, 1)); // max(D, E)

        const Judgement after = judge(plan, day(2026, 12, 2));
        CHECK(after.verdict == Verdict::terminate);
        CHECK(after.reasons.size() == 2);

        const Plan resolved = load(timebox + "[calendar]\nholidays = [2026-11-30]\n" +
                                   issue("NET-1", "critical", "2026-11-20") +
                                   "status = \"resolved\"\nresolved = 2026-12-01\n");
        const Judgement late_but_in_time = judge(resolved, day(2026, 12, 5));
        CHECK(late_but_in_time.verdict == Verdict::remediated); // resolved on D = 12-01
    }

    TEST_CASE("working-day grace days skip the weekend") {
        const Plan plan = load(graced("days = \"working\"\n", "[calendar]\n"));
        // E = Thu 10-15; counted days after it: Fri 10-16 (1st), Mon 10-19 (2nd) -> G = 10-19.
        const Judgement on_grace_end = judge(plan, day(2026, 10, 19));
        CHECK(on_grace_end.issues[0].dates.effective_due == day(2026, 10, 15));
        CHECK(on_grace_end.issues[0].dates.grace_end == day(2026, 10, 19));
        CHECK_FALSE(on_grace_end.issues[0].penalty.missed);
        CHECK(on_grace_end.issues[0].penalty.late_days == 0);
        CHECK(on_grace_end.issues[0].penalty.subtotal.minor == 0);
        CHECK(on_grace_end.issues[0].overdue);           // E < as_of: grace is only money
        CHECK(on_grace_end.issues[0].days_overdue == 4); // 10-19 - 10-15

        const Judgement missed = judge(plan, day(2026, 10, 20));
        CHECK(missed.issues[0].penalty.missed);
        CHECK(missed.issues[0].penalty.missed_on == day(2026, 10, 20));
        CHECK(missed.issues[0].penalty.late_days == 1);          // Tue 10-20
        CHECK(missed.issues[0].penalty.subtotal.minor == 50000); // 200.00 + 300.00

        const Judgement week = judge(plan, day(2026, 10, 26));
        // late: 10-20, 21, 22, 23, (24, 25 weekend), 26 = 5 -> 5 x 200.00 + 300.00
        CHECK(week.issues[0].penalty.late_days == 5);
        CHECK(week.issues[0].penalty.subtotal.minor == 130000);
        CHECK(week.penalties.total.minor == 130000);
    }

    TEST_CASE("calendar-day penalties with a [calendar]: weekend days are grace and late days") {
        const Plan plan = load(graced("", "[calendar]\n"));
        // days = "calendar": every non-paused day counts. E = Thu 10-15, G = 10-15 + 2 = Sat 10-17.
        const Judgement j = judge(plan, day(2026, 10, 19));
        CHECK(j.issues[0].dates.grace_end == day(2026, 10, 17));
        CHECK(j.issues[0].penalty.missed_on == day(2026, 10, 18)); // Sun: the 1st day after G
        CHECK(j.issues[0].penalty.late_days == 2);                 // Sun 10-18, Mon 10-19
        CHECK(j.issues[0].penalty.subtotal.minor == 70000);        // 2 x 200.00 + 300.00
    }

    TEST_CASE("working-day late days skip a holiday") {
        const Plan plan =
            load(graced("days = \"working\"\n", "[calendar]\nholidays = [2026-10-20]\n"));
        // E = Thu 10-15; counted: Fri 10-16 (1st), Mon 10-19 (2nd) -> G = 10-19.
        // On Fri 10-23: late 10-21, 22, 23 (Tue 10-20 is a holiday) = 3.
        const Judgement j = judge(plan, day(2026, 10, 23));
        CHECK(j.issues[0].dates.grace_end == day(2026, 10, 19));
        CHECK(j.issues[0].penalty.missed_on == day(2026, 10, 21)); // first counted day after G
        CHECK(j.issues[0].penalty.late_days == 3);
        CHECK(j.issues[0].penalty.subtotal.minor == 90000); // 3 x 200.00 + 300.00
    }

    TEST_CASE("a holidays_file with CRLF and folded lines: all-day events, DTEND excluded, other "
              "components ignored") {
        const std::string ics = "BEGIN:VCALENDAR\r\n"                                // 1
                                "VERSION:2.0\r\n"                                    // 2
                                "PRODID:-//Northwind Traders//Holidays 2026//EN\r\n" // 3
                                "BEGIN:VEVENT\r\n"                                   // 4
                                "UID:columbus-2026@northwind.example\r\n"            // 5
                                "DTSTART;VALUE=DATE:20261012\r\n"                    // 6
                                "SUMMARY:Columbus\r\n"                               // 7
                                "  Day\r\n"                                          // 8
                                "END:VEVENT\r\n"                                     // 9
                                "BEGIN:VEVENT\r\n"                                   // 10
                                "UID:fall-break-2026@northwind.example\r\n"          // 11
                                "DTSTART;VALUE=DA\r\n"                               // 12
                                " TE:20261019\r\n"                                   // 13
                                "DTEND;VALUE=DATE:2026\r\n"                          // 14
                                " 1021\r\n"                                          // 15
                                "SUMMARY:Fall break\r\n"                             // 16
                                "END:VEVENT\r\n"                                     // 17
                                "BEGIN:VTODO\r\n"                                    // 18
                                "UID:firewall@northwind.example\r\n"                 // 19
                                "DTSTART;VALUE=DATE:20261022\r\n"                    // 20
                                "SUMMARY:Order the new firewall\r\n"                 // 21
                                "END:VTODO\r\n"                                      // 22
                                "END:VCALENDAR\r\n";                                 // 23
        std::vector<std::string> asked;
        const LoadResult result = read_with_ics(
            timebox + ics_calendar + issue("COL", "high", "2026-10-12") +
                issue("FALL", "high", "2026-10-19") + issue("SAT", "high", "2026-10-17") +
                issue("TODO", "high", "2026-10-22"),
            ics, &asked);
        CHECK(lines_of(result) == std::vector<std::string>{});
        CHECK(asked == std::vector<std::string>{"holidays/us-2026.ics"});
        REQUIRE(result.plan.has_value());
        const Judgement j = judge(*result.plan, day(2026, 10, 5));
        CHECK(j.issues[0].dates.effective_due == day(2026, 10, 13)); // Mon 10-12 off -> Tue 10-13
        // DTSTART 10-19 up to, not including, DTEND 10-21: Mon 10-19, Tue 10-20 off -> Wed 10-21
        CHECK(j.issues[1].dates.effective_due == day(2026, 10, 21));
        // Sat 10-17, Sun 10-18 weekend, 10-19 and 10-20 off -> Wed 10-21
        CHECK(j.issues[2].dates.effective_due == day(2026, 10, 21));
        CHECK(j.issues[3].dates.effective_due == day(2026, 10, 22)); // a VTODO is no holiday
    }

    TEST_CASE("the days of holidays and of holidays_file add up") {
        const std::string ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
                                "DTSTART;VALUE=DATE:20261012\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        const LoadResult result =
            read_with_ics(timebox + ics_calendar + "holidays = [2026-10-13]\n" +
                              issue("COL", "high", "2026-10-12"),
                          ics);
        REQUIRE(result.plan.has_value());
        // Mon 10-12 (file) and Tue 10-13 (list) off -> Wed 10-14
        CHECK(judge(*result.plan, day(2026, 10, 5)).issues[0].dates.effective_due ==
              day(2026, 10, 14));
    }

    TEST_CASE("a holidays_file event with RRULE is refused at its line, the .ics file named") {
        const std::string ics = "BEGIN:VCALENDAR\r\n"                           // 1
                                "VERSION:2.0\r\n"                               // 2
                                "PRODID:-//Northwind Traders//Holidays//EN\r\n" // 3
                                "BEGIN:VEVENT\r\n"                              // 4
                                "UID:new-year@northwind.example\r\n"            // 5
                                "SUMMARY:New Year's\r\n"                        // 6
                                "  Day\r\n"                                     // 7 (folded)
                                "DTSTART;VALUE=DATE:20261026\r\n"               // 8
                                "RRULE:FREQ=YEARLY\r\n"                         // 9
                                "END:VEVENT\r\n"                                // 10
                                "END:VCALENDAR\r\n";                            // 11
        const LoadResult result =
            read_with_ics(timebox + ics_calendar + issue("NET-1", "critical", "2026-10-15"), ics);
        CHECK_FALSE(result.plan.has_value());
        CHECK(lines_of(result) ==
              std::vector<std::string>{
                  "holidays/us-2026.ics:9:1: error: a repeating event (RRULE) is not read: list "
                  "each day off as its own all-day event"});
    }

    TEST_CASE("a timed event of a holidays_file is ignored with a warning") {
        const std::string ics = "BEGIN:VCALENDAR\r\n"               // 1
                                "VERSION:2.0\r\n"                   // 2
                                "BEGIN:VEVENT\r\n"                  // 3
                                "UID:offsite@northwind.example\r\n" // 4
                                "SUMMARY:Team offsite\r\n"          // 5
                                "DTSTART:20261016T090000Z\r\n"      // 6
                                "DTEND:20261016T170000Z\r\n"        // 7
                                "END:VEVENT\r\n"                    // 8
                                "END:VCALENDAR\r\n";                // 9
        const LoadResult result =
            read_with_ics(timebox + ics_calendar + issue("NET-1", "critical", "2026-10-16"), ics);
        // (v3) With no all-day event left, the file gives no day off: a warning at the key.
        CHECK(lines_of(result) ==
              std::vector<std::string>{
                  "remedy.toml:11:17: warning: calendar.holidays_file 'holidays/us-2026.ics' has "
                  "no all-day event: no day off comes from it",
                  "holidays/us-2026.ics:3:1: warning: the event is not an all-day event "
                  "(DTSTART;VALUE=DATE:YYYYMMDD); it is ignored"});
        REQUIRE(result.plan.has_value());
        // Fri 10-16 stays a working day: the due date does not move.
        CHECK(judge(*result.plan, day(2026, 10, 5)).issues[0].dates.effective_due ==
              day(2026, 10, 16));
    }

    TEST_CASE("a holidays_file that cannot be read is an error at the key") {
        // line 8: holidays_file = "holidays/us-2027.ics" -> the value at column 17
        const LoadResult result = read_with_ics(from_line_5(R"([timebox]
start = 2026-10-01
[calendar]
holidays_file = "holidays/us-2027.ics"
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)"),
                                                "");
        CHECK_FALSE(result.plan.has_value());
        CHECK(lines_of(result) ==
              std::vector<std::string>{"remedy.toml:8:17: error: calendar.holidays_file "
                                       "'holidays/us-2027.ics' cannot be read: no such file"});
    }

    TEST_CASE("a weekend of all seven days is refused") {
        // line 8: weekend = [...] -> the array at column 11
        const std::optional<std::vector<std::string>> lines =
            diagnostics_in_time(from_line_5(R"([timebox]
start = 2026-10-01
[calendar]
weekend = ["Monday", "tue", "wed", "thu", "fri", "sat", "sun"]
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)"));
        REQUIRE_MESSAGE(lines.has_value(), "reading the plan did not end within 5 seconds");
        CHECK(*lines == std::vector<std::string>{"remedy.toml:8:11: error: calendar.weekend holds "
                                                 "every day of the week: no day would be a "
                                                 "working day"});
    }

    TEST_CASE("an unknown day name in the weekend is refused at the name") {
        // line 8: weekend = ["saturday", "sabbath"]: "sabbath" starts at column 24
        CHECK(diagnostics_of(from_line_5(R"([timebox]
start = 2026-10-01
[calendar]
weekend = ["saturday", "sabbath"]
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{"remedy.toml:8:24: error: calendar.weekend: 'sabbath' is not a "
                                 "day of the week; use monday..sunday or mon..sun"});
    }
}
