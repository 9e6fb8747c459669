#include "remedy/io/csv_reader.h"
#include "remedy/model/ticket_import.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// A plan with the mapping of a Jira-like export and three issues with tickets: SD-1 open,
// SD-2 in progress, SD-3 resolved on 2026-10-12, SD-4 waived. The time box runs from
// 2026-10-01 to its deadline 2026-11-30.
const std::string plan_text = remedy_test::parties + R"(
[timebox]
start = 2026-10-01

[import]
ticket = "Key"
status = "Status"
resolved = "Resolved"
priority = "Priority"
summary = "Summary"
created = "Created"
[import.statuses]
"Waiting for support" = "in_progress"
"Done" = "resolved"
"Closed" = "resolved"
"Reopened" = "open"
[import.priorities]
"Highest" = "critical"
"Medium" = "medium"

[[issue]]
id = "NET-1"
title = "VPN drops"
priority = "critical"
due = 2026-10-15
ticket = "SD-1"

[[issue]]
id = "NET-2"
title = "Backups fail"
priority = "high"
due = 2026-10-20
status = "in_progress"
ticket = "sd-2 "

[[issue]]
id = "NET-3"
title = "Printers"
priority = "high"
due = 2026-10-20
status = "resolved"
resolved = 2026-10-12
ticket = "SD-3"

[[issue]]
id = "NET-4"
title = "Old fax"
priority = "low"
due = 2026-10-20
status = "waived"
ticket = "SD-4"

[[incident]]
date = 2026-10-05
priority = "critical"
summary = "Mail down"
ticket = "SD-90"
)";

const std::string header = "Key,Summary,Status,Priority,Created,Resolved\n";

ImportDecisions decide(std::string_view rows, std::optional<Priority> incidents = std::nullopt,
                       date::sys_days today = day(2026, 10, 20)) {
    const Plan plan = load(plan_text);
    const Expected<ExportTable, RowError> table = read_csv(header + std::string(rows));
    REQUIRE(table.ok());
    const Expected<ImportDecisions> decisions = decide_import(plan, *table, {today, incidents});
    INFO((decisions ? std::string() : decisions.error()));
    REQUIRE(decisions.ok());
    return *decisions;
}

// "LINE: message" of each refused row.
std::vector<std::string> refusals(const ImportDecisions& decisions) {
    std::vector<std::string> lines;
    for (const RowError& error : decisions.refused)
        lines.push_back(std::to_string(error.line) + ": " + error.message);
    return lines;
}

} // namespace

TEST_SUITE("ticket_import") {
    TEST_CASE("tickets are matched without blanks around them, in any case") {
        CHECK(import_key("  SD-2\t") == "sd-2");
        CHECK(import_key("In Progress") == "in progress");
        CHECK(import_key(" \r\n") == "");
    }

    TEST_CASE("a resolved row resolves an open issue on its day; in progress starts it") {
        const ImportDecisions d =
            decide("SD-1,VPN,Done,Highest,01/Oct/26 9:00 AM,17/Oct/26 2:03 PM\n"
                   "sd-3,Printers,Closed,High,,12/Oct/26 8:00 AM\n");
        REQUIRE(d.facts.size() == 1);
        CHECK(d.facts[0].kind == ImportedFact::Kind::resolution);
        CHECK(d.facts[0].issue == 0);
        CHECK(d.facts[0].day == day(2026, 10, 17));
        CHECK(d.facts[0].line == 2);
        CHECK(d.facts[0].ticket == "SD-1");
        CHECK(d.unchanged == 1); // NET-3 is resolved on that day already
        CHECK(d.refused.empty());

        const ImportDecisions started = decide("SD-1,VPN,Waiting for support,Highest,,\n");
        REQUIRE(started.facts.size() == 1);
        CHECK(started.facts[0].kind == ImportedFact::Kind::start);
    }

    TEST_CASE("rows that say what the plan says, or nothing new, are unchanged") {
        const ImportDecisions d = decide("SD-1,VPN,Open,Highest,,\n"              // open, open
                                         " SD-2 ,Backups,Reopened,High,,\n"       // started stays
                                         "SD-2,Backups,In Progress,High,,\n"      // own words
                                         "SD-4,Fax,Done,Low,,19/Oct/26 1:00 PM\n" // waived
                                         "SD-90,Mail down,Done,Highest,,\n");     // an incident's
        CHECK(d.facts.empty());
        CHECK(d.unchanged == 5);
        CHECK(refusals(d).empty());
    }

    TEST_CASE("rows that contradict a recorded fact are refused with their line") {
        const ImportDecisions d = decide("SD-3,Printers,Done,High,,13/Oct/26 8:00 AM\n"
                                         "SD-3,Printers,Reopened,High,,\n");
        CHECK(refusals(d) ==
              std::vector<std::string>{
                  "2: ticket 'SD-3' (NET-3): the export has it resolved on 2026-10-13, the plan "
                  "on 2026-10-12",
                  "3: ticket 'SD-3' (NET-3): the export has it open again, the plan resolved on "
                  "2026-10-12; if it was reopened, say so with remedy reopen NET-3 --reason "
                  "\"...\""});
    }

    TEST_CASE("a ticket twice in one export: the same fact is unchanged, another is refused") {
        const ImportDecisions same = decide("SD-1,VPN,Done,,,17/Oct/26 2:03 PM\n"
                                            "SD-1,VPN,Closed,,,17/Oct/26 9:00 AM\n");
        CHECK(same.facts.size() == 1);
        CHECK(same.unchanged == 1);
        const ImportDecisions other = decide("SD-1,VPN,Waiting for support,,,\n"
                                             "SD-1,VPN,Done,,,17/Oct/26 2:03 PM\n");
        CHECK(refusals(other) ==
              std::vector<std::string>{"3: ticket 'SD-1' (NET-1): ticket is also at line 2, which "
                                       "says in_progress; this row says resolved on 2026-10-17"});
    }

    TEST_CASE("an unknown word is an error only on a row that needs it") {
        const ImportDecisions d = decide("SD-1,VPN,Escalated,Highest,,\n"    // matched: needed
                                         "SD-77,Other,Escalated,Sev 1,,\n"); // unmatched
        CHECK(refusals(d) == std::vector<std::string>{
                                 "2: ticket 'SD-1' (NET-1): the status 'Escalated' is not in "
                                 "[import.statuses]; add it there as \"open\", \"in_progress\" "
                                 "or \"resolved\""});
        CHECK(d.unmatched == 1);
        const ImportDecisions incidents =
            decide("SD-77,Other,Escalated,Sev 1,08/Oct/26 9:00 AM,\n", Priority::critical);
        CHECK(refusals(incidents) ==
              std::vector<std::string>{"2: ticket 'SD-77': the priority 'Sev 1' is not in "
                                       "[import.priorities]; add it there as low, medium, high or "
                                       "critical"});
    }

    TEST_CASE("a bad or missing date is an error on a row that needs it") {
        CHECK(refusals(decide("SD-1,VPN,Done,,,someday\n")) ==
              std::vector<std::string>{
                  "2: ticket 'SD-1' (NET-1): resolution date (column 'Resolved'): 'someday' is "
                  "not a date remedy reads (such as 2026-10-12, 2026-10-12 14:03:22, 10/12/2026 "
                  "2:03 PM, 12/Oct/26 2:03 PM or 12.10.2026 14:03)"});
        CHECK(refusals(decide("SD-1,VPN,Done,,,\n")) ==
              std::vector<std::string>{"2: ticket 'SD-1' (NET-1): the row gives no resolution "
                                       "date (column 'Resolved', import.resolved)"});
        CHECK(refusals(decide("SD-1,VPN,Done,,,10/12/2026\n")) ==
              std::vector<std::string>{
                  "2: ticket 'SD-1' (NET-1): resolution date (column 'Resolved'): '10/12/2026' "
                  "could be 10 December or 12 October 2026; say which order the export writes "
                  "its dates in: [import] dates = \"dmy\" (day first) or \"mdy\" (month first)"});
        // Not needed: an open row's resolved date is not read.
        CHECK(decide("SD-1,VPN,Open,,,someday\n").refused.empty());
    }

    TEST_CASE("a resolution after the import's day or before the time box is refused") {
        CHECK(refusals(decide("SD-1,VPN,Done,,,21/Oct/26 9:00 AM\n")) ==
              std::vector<std::string>{
                  "2: ticket 'SD-1' (NET-1): the resolution date 2026-10-21 is after 2026-10-20, "
                  "the day of this import: a fact is recorded once it has happened"});
        CHECK(refusals(decide("SD-1,VPN,Done,,,30/Sep/26 9:00 AM\n")) ==
              std::vector<std::string>{"2: ticket 'SD-1' (NET-1): the resolution date "
                                       "2026-09-30 is before the time box starts on 2026-10-01"});
    }

    TEST_CASE("a row that says what the plan records is unchanged whatever the import's day") {
        // NET-3 is resolved on 2026-10-12 in the plan; the import looks back from 2026-10-10.
        const ImportDecisions d =
            decide("SD-3,Printers,Done,High,,12/Oct/26 8:00 AM\n", std::nullopt, day(2026, 10, 10));
        CHECK(d.unchanged == 1);
        CHECK(d.refused.empty());
    }

    TEST_CASE("--incidents: unmatched rows at or above the priority, created within the box") {
        const ImportDecisions d =
            decide("SD-50,\"Mail relay\ndown\",Done,Highest,08/Oct/26 10:00 AM,\n" // incident
                   "SD-51,Slow wifi,Open,Medium,08/Oct/26 10:00 AM,\n"             // below critical
                   "SD-52,Before,Open,Highest,30/Sep/26 11:59 PM,\n"               // before the box
                   "SD-53,After,Open,Highest,01/Dec/26 12:01 AM,\n"      // after the deadline
                   "SD-50,\"Mail relay down\",Done,Highest,08/Oct/26,\n" // its ticket again
                   "SD-54,,Open,P1,09/Oct/26,\n",                        // no summary
                   Priority::critical, day(2026, 12, 5));
        REQUIRE(d.facts.size() == 2);
        CHECK(d.facts[0].kind == ImportedFact::Kind::incident);
        CHECK(d.facts[0].line == 2);
        CHECK(d.facts[0].day == day(2026, 10, 8));
        CHECK(d.facts[0].priority == Priority::critical);
        CHECK(d.facts[0].summary == "Mail relay down");
        CHECK(d.facts[0].ticket == "SD-50");
        CHECK(d.facts[1].summary == "ticket SD-54");
        CHECK(d.unmatched == 3);
        CHECK(d.unchanged == 1);
        CHECK(d.refused.empty());
    }

    TEST_CASE("--incidents: an incident created after the import's day is refused") {
        CHECK(refusals(decide("SD-50,Mail,Open,Highest,21/Oct/26 1:00 AM,\n", Priority::high)) ==
              std::vector<std::string>{
                  "2: ticket 'SD-50': the creation date 2026-10-21 is after 2026-10-20, the day "
                  "of this import: a fact is recorded once it has happened"});
    }

    TEST_CASE("--incidents: an incident recorded by hand on that day with that summary") {
        // The same incident without its ticket is unchanged; under another ticket, refused.
        const Plan plan = load(plan_text + R"(
[[incident]]
date = 2026-10-09
priority = "critical"
summary = "Firewall down"
)");
        const Expected<ExportTable, RowError> table =
            read_csv(header + "SD-60,Firewall down,Open,Highest,09/Oct/26,\n"
                              "SD-61,Mail down,Open,Highest,05/Oct/26,\n");
        REQUIRE(table.ok());
        const Expected<ImportDecisions> d =
            decide_import(plan, *table, {day(2026, 10, 20), Priority::critical});
        REQUIRE(d.ok());
        CHECK(d->facts.empty());
        CHECK(d->unchanged == 1);
        CHECK(refusals(*d) ==
              std::vector<std::string>{"3: ticket 'SD-61': the incident of 2026-10-05 with this "
                                       "summary is already recorded, under ticket 'SD-90'; an "
                                       "incident counts once"});
    }

    TEST_CASE("a summary that cannot be one line of the plan is refused") {
        const ImportDecisions d =
            decide("SD-70,\"Mail \x1b[31m down\",Open,Highest,08/Oct/26,\n", Priority::critical);
        CHECK(refusals(d) ==
              std::vector<std::string>{"2: ticket 'SD-70': the summary holds a control character"});
    }

    TEST_CASE("a mapped column missing from the header is an error at the header's line") {
        const Plan plan = load(plan_text);
        const Expected<ExportTable, RowError> table = read_csv("\nKey,State\nSD-1,Done\n");
        REQUIRE(table.ok());
        const Expected<ImportDecisions> d = decide_import(plan, *table, {day(2026, 10, 20)});
        REQUIRE(d.ok());
        CHECK(refusals(*d) ==
              std::vector<std::string>{
                  "2: the header has no column 'Status' (import.status); its columns are 'Key', "
                  "'State'",
                  "2: the header has no column 'Resolved' (import.resolved); its columns are "
                  "'Key', 'State'"});
    }

    TEST_CASE("a plan that cannot import says what it lacks") {
        const Plan plan = load(remedy_test::parties + "[timebox]\nstart = 2026-10-01\n"
                                                      "[import]\nticket = \"Key\"\n");
        const Expected<ExportTable, RowError> table = read_csv("Key\nSD-1\n");
        REQUIRE(table.ok());
        CHECK(decide_import(plan, *table, {day(2026, 10, 20)})->unmatched == 1);
        CHECK(decide_import(plan, *table, {day(2026, 10, 20), Priority::high}).error() ==
              "--incidents needs [import] priority = \"COLUMN\" and created = \"COLUMN\" in "
              "remedy.toml: which columns hold a ticket's priority and the day it was opened");
        const Plan without = load(remedy_test::parties + "[timebox]\nstart = 2026-10-01\n");
        CHECK(decide_import(without, *table, {day(2026, 10, 20)}).error() ==
              "remedy.toml has no [import] ticket = \"COLUMN\": which column of the export "
              "holds the ticket numbers");
    }

    TEST_CASE("without a status column, a resolution date says resolved") {
        const Plan plan = load(remedy_test::parties + R"([timebox]
start = 2026-10-01
[import]
ticket = "Key"
resolved = "Closed"
dates = "dmy"
[[issue]]
id = "A"
title = "a"
priority = "low"
due = 2026-10-20
ticket = "T-1"
[[issue]]
id = "B"
title = "b"
priority = "low"
due = 2026-10-20
ticket = "T-2"
)");
        const Expected<ExportTable, RowError> table =
            read_csv("Key;Closed\nT-1;05/10/2026 14:03\nT-2;\n");
        REQUIRE(table.ok());
        const Expected<ImportDecisions> d = decide_import(plan, *table, {day(2026, 10, 20)});
        REQUIRE(d.ok());
        REQUIRE(d->facts.size() == 1);
        CHECK(d->facts[0].day == day(2026, 10, 5));
        CHECK(d->unchanged == 1);
    }
}

TEST_SUITE("plan_reader: tickets and [import]") {
    TEST_CASE("the mapping is read with its words, in the file's order") {
        const Plan plan = load(plan_text);
        const ImportMapping& m = plan.import_mapping;
        CHECK(m.present);
        CHECK(m.ticket == "Key");
        CHECK(m.created == "Created");
        CHECK_FALSE(m.dates.has_value());
        REQUIRE(m.statuses.size() == 4);
        CHECK(m.statuses[0] ==
              std::pair<std::string, IssueStatus>{"Waiting for support", IssueStatus::in_progress});
        CHECK(m.statuses[3].second == IssueStatus::open);
        REQUIRE(m.priorities.size() == 2);
        CHECK(m.priorities[0] == std::pair<std::string, Priority>{"Highest", Priority::critical});
        CHECK(plan.issues[1].ticket == "sd-2 ");
        CHECK(plan.incidents[0].ticket == "SD-90");
        CHECK(remedy_test::diagnostics_text(read_plan(plan_text, "remedy.toml")).empty());
    }

    TEST_CASE("wrong values of the mapping are errors at their place") {
        const LoadResult result = read_plan(remedy_test::parties + R"([timebox]
start = 2026-10-01
[import]
ticket = 7
dates = "ymd"
[import.statuses]
"Done" = "waived"
"done " = "resolved"
[import.priorities]
"Sev 1" = "urgent"
)",
                                            "remedy.toml");
        CHECK(remedy_test::diagnostics_text(result) ==
              "remedy.toml:10:10: error: import.ticket must be a string, not an integer\n"
              "remedy.toml:11:9: error: import.dates must be dmy or mdy, not 'ymd'\n"
              "remedy.toml:13:10: error: import.statuses \"Done\" must be open, in_progress or "
              "resolved, not 'waived'\n"
              "remedy.toml:14:1: error: import.statuses \"done \" is \"Done\" again (the import "
              "reads words in any case); keep one\n"
              "remedy.toml:16:11: error: import.priorities.Sev 1 must be low, medium, high or "
              "critical (or P4..P1), not 'urgent'\n");
    }

    TEST_CASE("an unknown key of [import] is warned about like any other") {
        const LoadResult result = read_plan(remedy_test::parties + R"([timebox]
start = 2026-10-01
[import]
ticket = "Key"
assignee = "Assignee"
)",
                                            "remedy.toml");
        CHECK(remedy_test::diagnostics_text(result) ==
              "remedy.toml:1:1: warning: the plan lists no [[issue]]; the verdict can only be "
              "remediated or terminate\n"
              "remedy.toml:11:1: warning: unknown key import.assignee is ignored\n");
    }

    TEST_CASE("a ticket is one issue's, compared as the import compares them") {
        const LoadResult result = read_plan(remedy_test::parties + R"([timebox]
start = 2026-10-01
[[issue]]
id = "A"
title = "a"
priority = "low"
due = 2026-10-20
ticket = "CW-41877"
[[issue]]
id = "B"
title = "b"
priority = "low"
due = 2026-10-20
ticket = "cw-41877 "
[[issue]]
id = "C"
title = "c"
priority = "low"
due = 2026-10-20
ticket = " "
)",
                                            "remedy.toml");
        CHECK(remedy_test::diagnostics_text(result) ==
              "remedy.toml:20:10: error: issue B has the ticket cw-41877  of issue A (line 14); "
              "a ticket is one issue's\n"
              "remedy.toml:26:10: error: issue.ticket must not be empty or blank; remove the key "
              "instead\n");
    }
}
