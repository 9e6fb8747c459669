#include "remedy/io/plan_reader.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// Every diagnostic of reading `text` as remedy.toml, compiler-style, in the order reported.
std::vector<std::string> diagnostics_of(std::string_view text) {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : read_plan(text, "remedy.toml").diagnostics)
        lines.push_back(to_string(diagnostic));
    return lines;
}

// The parties every plan needs (lines 1 to 5), then what the test writes from line 6 on.
std::string with_parties(std::string_view rest) {
    return "[client]\n"
           "name = \"Northwind Traders\"\n"
           "[provider]\n"
           "name = \"Acme Managed IT\"\n"
           "\n" +
           std::string(rest);
}

} // namespace

TEST_SUITE("plan_reader") {
    TEST_CASE("a diagnostic names the file, the line and column, and the severity") {
        CHECK(to_string(Diagnostic{Severity::error, "remedy.toml", SourcePos{14, 7}, "bad"}) ==
              "remedy.toml:14:7: error: bad");
        CHECK(to_string(Diagnostic{Severity::warning, "plans/q4.toml", SourcePos{3, 1}, "odd"}) ==
              "plans/q4.toml:3:1: warning: odd");
    }

    TEST_CASE("a diagnostic without a place names only the file") {
        CHECK(to_string(Diagnostic{Severity::error, "remedy.toml", SourcePos{}, "unreadable"}) ==
              "remedy.toml: error: unreadable");
    }

    TEST_CASE("several errors are reported at once, in file order, with the warnings") {
        const LoadResult result = read_plan(R"([client]
name = "Northwind Traders"

[provider]
contact = "Pat Doe <pat@acme-it.example>"

[timebox]
start = 2026-10-01
days = 90

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "urgent"
due = 2026-10-15
sla_tier = "gold"
)",
                                            "remedy.toml");
        CHECK_FALSE(result.plan.has_value());
        std::vector<std::string> lines;
        for (const Diagnostic& diagnostic : result.diagnostics)
            lines.push_back(to_string(diagnostic));
        CHECK(lines ==
              std::vector<std::string>{
                  "remedy.toml:4:1: error: missing required key provider.name",
                  "remedy.toml:9:8: error: timebox.days must be between 1 and 60, not 90",
                  "remedy.toml:14:12: error: issue.priority must be low, medium, high or critical "
                  "(or P4..P1), not 'urgent'",
                  "remedy.toml:16:1: warning: unknown key issue.sla_tier is ignored"});
    }

    TEST_CASE("a plan without its required tables reports each of them") {
        CHECK(diagnostics_of("") ==
              std::vector<std::string>{"remedy.toml:1:1: error: missing required table [client]",
                                       "remedy.toml:1:1: error: missing required table [provider]",
                                       "remedy.toml:1:1: error: missing required table [timebox]"});
    }

    TEST_CASE("a valid plan without issues loads, with a warning") {
        const LoadResult result = read_plan(with_parties(R"([timebox]
start = 2026-10-01
)"),
                                            "remedy.toml");
        CHECK(result.plan.has_value());
        std::vector<std::string> lines;
        for (const Diagnostic& diagnostic : result.diagnostics)
            lines.push_back(to_string(diagnostic));
        CHECK(lines == std::vector<std::string>{
                           "remedy.toml:1:1: warning: the plan lists no [[issue]]; the verdict can "
                           "only be remediated or terminate"});
    }

    TEST_CASE("a value of the wrong type is an error at the value") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01
days = "sixty"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:8:8: error: timebox.days must be an integer, not a string"});
    }

    TEST_CASE("a date-time or a time where a date belongs is an error") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01T09:00:00

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 09:00:00
)")) == std::vector<std::string>{
            "remedy.toml:7:9: error: timebox.start must be a date such as 2026-10-01, not a "
            "date-time",
            "remedy.toml:13:7: error: issue.due must be a date such as 2026-10-01, not a "
            "time"});
    }

    TEST_CASE("a quoted date is accepted") {
        const Plan plan = load(with_parties(R"([timebox]
start = "2026-10-01"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = "2026-10-15"
status = "resolved"
resolved = "2026-10-19"
)"));
        CHECK(plan.timebox.start == day(2026, 10, 1));
        CHECK(plan.issues[0].due == day(2026, 10, 15));
        REQUIRE(plan.issues[0].resolved.has_value());
        CHECK(*plan.issues[0].resolved == day(2026, 10, 19));
    }

    TEST_CASE("a quoted date that is not a calendar day is an error at the value") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = "2026-02-30"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:7:9: error: timebox.start: '2026-02-30' is not a day of the "
            "calendar"});
    }

    TEST_CASE("an unknown key is a warning and the plan still loads") {
        const LoadResult result = read_plan(R"([client]
name = "Northwind Traders"
colour = "blue"

[provider]
name = "Acme Managed IT"

[timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
sla_tier = "gold"
)",
                                            "remedy.toml");
        CHECK(result.plan.has_value());
        std::vector<std::string> lines;
        for (const Diagnostic& diagnostic : result.diagnostics)
            lines.push_back(to_string(diagnostic));
        CHECK(lines == std::vector<std::string>{
                           "remedy.toml:3:1: warning: unknown key client.colour is ignored",
                           "remedy.toml:16:1: warning: unknown key issue.sla_tier is ignored"});
    }

    TEST_CASE("an unknown table is a warning at its line and the plan still loads") {
        const LoadResult result = read_plan(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15

[dashboard]
theme = "dark"
)"),
                                            "remedy.toml");
        CHECK(result.plan.has_value());
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].severity == Severity::warning);
        CHECK(result.diagnostics[0].pos.line == 15);
        CHECK(result.diagnostics[0].message == "unknown key dashboard is ignored");
    }

    TEST_CASE("priority aliases and any case give the canonical priorities") {
        const Plan plan = load(with_parties(R"([timebox]
start = 2026-10-01

[penalties.per_day]
P1 = "500.00"
High = "200.00"

[ultimatum]
severity = "p3"

[[issue]]
id = "A-1"
title = "One"
priority = "P1"
due = 2026-10-15

[[issue]]
id = "A-2"
title = "Two"
priority = "p2"
due = 2026-10-15

[[issue]]
id = "A-3"
title = "Three"
priority = "Medium"
due = 2026-10-15

[[issue]]
id = "A-4"
title = "Four"
priority = "P4"
due = 2026-10-15

[[issue]]
id = "A-5"
title = "Five"
priority = "CRITICAL"
due = 2026-10-15

[[incident]]
date = 2026-10-20
priority = "P2"
summary = "Email down for six hours"
)"));
        REQUIRE(plan.issues.size() == 5);
        CHECK(plan.issues[0].priority == Priority::critical);
        CHECK(plan.issues[1].priority == Priority::high);
        CHECK(plan.issues[2].priority == Priority::medium);
        CHECK(plan.issues[3].priority == Priority::low);
        CHECK(plan.issues[4].priority == Priority::critical);
        CHECK(name(plan.issues[0].priority) == "critical");
        CHECK(name(plan.issues[1].priority) == "high");
        CHECK(name(plan.issues[2].priority) == "medium");
        CHECK(name(plan.issues[3].priority) == "low");
        CHECK(plan.ultimatum.severity == Priority::medium);
        CHECK(plan.incidents[0].priority == Priority::high);
        const auto& per_day = plan.penalties.per_day;
        REQUIRE(per_day[static_cast<std::size_t>(Priority::critical)].has_value());
        CHECK(per_day[static_cast<std::size_t>(Priority::critical)]->money.minor == 50000);
        REQUIRE(per_day[static_cast<std::size_t>(Priority::high)].has_value());
        CHECK(per_day[static_cast<std::size_t>(Priority::high)]->money.minor == 20000);
        CHECK_FALSE(per_day[static_cast<std::size_t>(Priority::medium)].has_value());
    }

    TEST_CASE("status names in any case give the canonical status") {
        const Plan plan = load(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "A-1"
title = "One"
priority = "high"
due = 2026-10-15
status = "In_Progress"

[[issue]]
id = "A-2"
title = "Two"
priority = "high"
due = 2026-10-15
status = "WAIVED"
)"));
        CHECK(plan.issues[0].status == IssueStatus::in_progress);
        CHECK(name(plan.issues[0].status) == "in_progress");
        CHECK(plan.issues[1].status == IssueStatus::waived);
    }

    TEST_CASE("an issue without a status is open") {
        const Plan plan = load(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "A-1"
title = "One"
priority = "high"
due = 2026-10-15
)"));
        CHECK(plan.issues[0].status == IssueStatus::open);
    }

    TEST_CASE("a penalty key that is not a priority is an error, not a warning") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[penalties.per_day]
critcal = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:10:1: error: penalties.per_day.critcal is not a priority; use low, "
            "medium, high or critical (or P4..P1)"});
    }

    TEST_CASE("a priority set twice through an alias is an error at the second key") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[penalties.per_day]
high = "200.00"
P2 = "250.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:11:1: error: penalties.per_day.P2 sets high a second time (first "
            "at line 10)"});
    }

    TEST_CASE("negative grace days and a time box longer than 60 days are refused") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01
days = 61

[penalties]
grace_days = -1

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:8:8: error: timebox.days must be between 1 and 60, not 61",
            "remedy.toml:11:14: error: penalties.grace_days must be between 0 and 365, not "
            "-1"});
    }

    TEST_CASE("an unknown priority or status is an error at the value") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "P5"
due = 2026-10-15
status = "done"
)")) == std::vector<std::string>{
            "remedy.toml:12:12: error: issue.priority must be low, medium, high or critical "
            "(or P4..P1), not 'P5'",
            "remedy.toml:14:10: error: issue.status must be open, in_progress, resolved or "
            "waived, not 'done'"});
    }

    TEST_CASE("a missing key of an issue is reported at the issue's header") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{"remedy.toml:9:1: error: missing required key issue.title"});
    }

    TEST_CASE("an issue id with characters outside the id alphabet is refused") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "-NET 1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:10:6: error: issue.id '-NET 1' must start with a letter or digit "
            "and hold only letters, digits, '.', '_' and '-'"});
    }

    TEST_CASE("an issue id used twice is refused at the second one") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15

[[issue]]
id = "NET-1"
title = "VPN drops again"
priority = "high"
due = 2026-10-20
)")) == std::vector<std::string>{
            "remedy.toml:16:6: error: issue id NET-1 is used twice (first at line 10)"});
    }

    TEST_CASE("a due date after the deadline is refused") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-12-01
)")) == std::vector<std::string>{
            "remedy.toml:13:7: error: issue NET-1 is due 2026-12-01, after the deadline "
            "2026-11-30; the time box can only grow by a [[timebox.extension]]"});
    }

    TEST_CASE("a due date before the time box starts is refused") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-09-30
)")) == std::vector<std::string>{
            "remedy.toml:13:7: error: issue NET-1 is due 2026-09-30, before the time box "
            "starts on 2026-10-01"});
    }

    TEST_CASE("a due date on the deadline, or inside an extension, is accepted") {
        const Plan on_deadline = load(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-30
)"));
        CHECK(on_deadline.issues[0].due == day(2026, 11, 30));

        const Plan extended = load(with_parties(R"([timebox]
start = 2026-10-01

[[timebox.extension]]
days = 14
agreed = 2026-11-20
reason = "Firewall hardware back-ordered"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-12-14
)"));
        REQUIRE(extended.timebox.extensions.size() == 1);
        CHECK(extended.timebox.extensions[0].days == 14);
        CHECK(extended.timebox.extensions[0].agreed == day(2026, 11, 20));
        CHECK(extended.timebox.extensions[0].reason == "Firewall hardware back-ordered");
    }

    TEST_CASE("a resolved issue needs a resolved date") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
status = "resolved"
)")) == std::vector<std::string>{
            "remedy.toml:14:10: error: issue NET-1 is resolved but has no resolved date; add "
            "resolved = YYYY-MM-DD"});
    }

    TEST_CASE("a resolved date on an issue that is not resolved is refused") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
status = "open"
resolved = 2026-10-19
)")) == std::vector<std::string>{
            "remedy.toml:15:12: error: issue NET-1 has a resolved date but its status is "
            "open; set status = \"resolved\" or remove the date"});
    }

    TEST_CASE("a resolution before the time box starts is refused") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
status = "resolved"
resolved = 2026-09-28
)")) == std::vector<std::string>{
            "remedy.toml:15:12: error: issue NET-1 is resolved on 2026-09-28, before the time "
            "box starts on 2026-10-01"});
    }

    TEST_CASE("an extension needs its days, agreed date and reason") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[[timebox.extension]]
days = 0
reason = " "

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:9:1: error: missing required key timebox.extension.agreed",
            "remedy.toml:10:8: error: timebox.extension.days must be between 1 and 60, not 0",
            "remedy.toml:11:10: error: timebox.extension.reason must not be empty or blank"});
    }

    TEST_CASE("ultimatum strikes must be at least one") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[ultimatum]
strikes = 0

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:10:11: error: ultimatum.strikes must be between 1 and 1000, not 0"});
    }

    TEST_CASE("money is read from an integer, a decimal string or an exact float") {
        const Plan plan = load(with_parties(R"([contract]
monthly_fee = 12500

[timebox]
start = 2026-10-01

[penalties]
cap = 2500.5

[penalties.per_day]
critical = "500.25"
high = 200.5

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)"));
        REQUIRE(plan.contract.monthly_fee.has_value());
        CHECK(plan.contract.monthly_fee->minor == 1250000);
        REQUIRE(plan.penalties.cap.has_value());
        CHECK(plan.penalties.cap->money.minor == 250050);
        CHECK(plan.penalties.per_day[static_cast<std::size_t>(Priority::critical)]->money.minor ==
              50025);
        CHECK(plan.penalties.per_day[static_cast<std::size_t>(Priority::high)]->money.minor ==
              20050);
    }

    TEST_CASE("money with more decimals than the currency, or negative, is refused") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[penalties.per_day]
critical = -5
high = 200.555
medium = "1.005"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:10:12: error: penalties.per_day.critical must not be negative",
            "remedy.toml:11:8: error: penalties.per_day.high has 3 decimals but USD allows "
            "2",
            "remedy.toml:12:10: error: penalties.per_day.medium has 3 decimals but USD allows "
            "2"});
    }

    TEST_CASE("a percentage needs the monthly fee") {
        CHECK(diagnostics_of(with_parties(R"([timebox]
start = 2026-10-01

[penalties]
cap = "20%"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:10:7: error: penalties.cap is '20%' of the monthly fee, but "
            "contract.monthly_fee is not set"});
    }

    TEST_CASE("a percentage becomes that share of the monthly fee when the plan is read") {
        const Plan plan = load(with_parties(R"([contract]
monthly_fee = "12500.00"

[timebox]
start = 2026-10-01

[penalties]
cap = "20%"

[penalties.per_miss]
critical = "2.5%"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)"));
        REQUIRE(plan.penalties.cap.has_value());
        CHECK(plan.penalties.cap->money.minor == 250000);
        REQUIRE(plan.penalties.cap->percent.has_value());
        CHECK(format_percent(*plan.penalties.cap->percent) == "20%");
        CHECK(plan.penalties.per_miss[static_cast<std::size_t>(Priority::critical)]->money.minor ==
              31250);
    }

    TEST_CASE("the currency sets the minor digits of every amount") {
        const Plan yen = load(with_parties(R"([contract]
currency = "jpy"

[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "5000"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)"));
        CHECK(yen.contract.currency == "JPY");
        CHECK(yen.contract.minor_digits == 0);
        CHECK(yen.penalties.per_day[static_cast<std::size_t>(Priority::critical)]->money.minor ==
              5000);

        CHECK(diagnostics_of(with_parties(R"([contract]
currency = "JPY"

[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "5000.50"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:13:12: error: penalties.per_day.critical has 2 decimals but JPY "
            "allows none"});
    }

    TEST_CASE("an unknown currency is refused") {
        CHECK(diagnostics_of(with_parties(R"([contract]
currency = "XYZ"

[timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)")) == std::vector<std::string>{
            "remedy.toml:7:12: error: contract.currency 'XYZ' is not an ISO 4217 currency "
            "code such as \"USD\" or \"EUR\""});
    }

    TEST_CASE("a time zone that is not an IANA name is refused") {
        CHECK(diagnostics_of(R"([client]
name = "Northwind Traders"
timezone = "Mars/Olympus_Mons"

[provider]
name = "Acme Managed IT"

[timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)") == std::vector<std::string>{"remedy.toml:3:12: error: client.timezone 'Mars/Olympus_Mons' is "
                                "not a time zone of the system's database; use an IANA name "
                                "such as \"America/Chicago\""});
    }

    TEST_CASE("the defaults apply where the plan is silent") {
        const Plan plan = load(with_parties(R"([timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)"));
        CHECK(plan.client.timezone == "UTC");
        CHECK(plan.contract.currency == "USD");
        CHECK(plan.contract.minor_digits == 2);
        CHECK(plan.timebox.days == 60);
        CHECK_FALSE(plan.penalties.present);
        CHECK(plan.penalties.grace_days == 0);
        CHECK_FALSE(plan.ultimatum.present);
        CHECK(plan.ultimatum.issued == day(2026, 10, 1));
        CHECK(plan.ultimatum.strikes == 1);
        CHECK(plan.ultimatum.severity == Priority::high);
    }

    TEST_CASE("text that is not TOML is one error at its place") {
        const LoadResult result = read_plan(R"([client]
name = "Northwind Traders
)",
                                            "remedy.toml");
        CHECK_FALSE(result.plan.has_value());
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].severity == Severity::error);
        CHECK(result.diagnostics[0].pos.line == 2);
        CHECK(result.diagnostics[0].message.rfind("invalid TOML: ", 0) == 0);
    }

    TEST_CASE("the file name given is the one every diagnostic repeats") {
        const LoadResult result = read_plan("", "plans/q4.toml");
        REQUIRE_FALSE(result.diagnostics.empty());
        for (const Diagnostic& diagnostic : result.diagnostics)
            CHECK(diagnostic.file == "plans/q4.toml");
    }
}
