#include "remedy/model/judgement.h"
#include "remedy/model/verdict.h"
#include "remedy/render/judgement_words.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// The parties every plan needs, and a 60-day time box from 2026-10-01 (deadline 2026-11-30).
const std::string base = remedy_test::parties + R"(
[timebox]
start = 2026-10-01
)";

std::vector<std::string> reason_texts(const Plan& plan, const Judgement& j) {
    std::vector<std::string> texts;
    for (const Reason& reason : j.reasons)
        texts.push_back(reason_text(plan, j, reason));
    return texts;
}

} // namespace

TEST_SUITE("verdict") {
    TEST_CASE("verdicts have the names SPEC.md gives them") {
        CHECK(name(Verdict::on_track) == "on-track");
        CHECK(name(Verdict::at_risk) == "at-risk");
        CHECK(name(Verdict::remediated) == "remediated");
        CHECK(name(Verdict::terminate) == "terminate");
    }

    TEST_CASE("an unresolved issue after the deadline terminates") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-20
)");
        const Judgement j = judge(plan, day(2026, 12, 1));
        CHECK(j.verdict == Verdict::terminate);
        CHECK(j.days_left == -1);
        REQUIRE(j.reasons.size() == 1);
        CHECK(j.reasons[0].kind == ReasonKind::unresolved_at_deadline);
        CHECK(j.reasons[0].issue == std::optional<std::size_t>{0});
        CHECK(reason_text(plan, j, j.reasons[0]) ==
              "NET-1 (critical) was not resolved by the deadline 2026-11-30");
    }

    TEST_CASE("an unresolved issue on the deadline day itself does not terminate yet") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-20
)");
        const Judgement j = judge(plan, day(2026, 11, 30));
        CHECK(j.days_left == 0);
        CHECK(j.verdict == Verdict::at_risk);
        CHECK(reason_texts(plan, j) ==
              std::vector<std::string>{"NET-1 (critical) is 10 days overdue"});
    }

    TEST_CASE("an issue resolved after the deadline terminates") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-20
status = "resolved"
resolved = 2026-12-02
)");
        const Judgement j = judge(plan, day(2026, 12, 5));
        CHECK(j.verdict == Verdict::terminate);
        CHECK(reason_texts(plan, j) ==
              std::vector<std::string>{
                  "NET-1 (critical) was resolved on 2026-12-02, after the deadline 2026-11-30"});
    }

    TEST_CASE("an issue resolved on the deadline is in time") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-20
status = "resolved"
resolved = 2026-11-30
)");
        const Judgement j = judge(plan, day(2026, 12, 5));
        CHECK(j.verdict == Verdict::remediated);
        CHECK(reason_texts(plan, j) == std::vector<std::string>{"the only issue is resolved"});
    }

    TEST_CASE("a waived issue left open past the deadline does not terminate") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-20
status = "resolved"
resolved = 2026-11-18

[[issue]]
id = "DESK-3"
title = "Printer queue stalls"
priority = "low"
due = 2026-10-15
status = "waived"
)");
        const Judgement j = judge(plan, day(2026, 12, 5));
        CHECK(j.verdict == Verdict::remediated);
        CHECK(reason_texts(plan, j) ==
              std::vector<std::string>{"every issue is resolved or waived (1 resolved, 1 waived)"});
    }

    TEST_CASE("a plan whose issues are all waived is remediated") {
        const Plan plan = load(base + R"(
[[issue]]
id = "DESK-3"
title = "Printer queue stalls"
priority = "low"
due = 2026-10-15
status = "waived"
)");
        const Judgement j = judge(plan, day(2026, 10, 20));
        CHECK(j.verdict == Verdict::remediated);
        REQUIRE(j.reasons.size() == 1);
        CHECK(j.reasons[0].kind == ReasonKind::all_resolved);
        CHECK(reason_text(plan, j, j.reasons[0]) ==
              "every issue is resolved or waived (0 resolved, 1 waived)");
    }

    TEST_CASE("a plan whose issues are all resolved on as_of is remediated") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
status = "resolved"
resolved = 2026-10-19

[[issue]]
id = "APP-7"
title = "ERP client crashes on login"
priority = "high"
due = 2026-10-20
status = "resolved"
resolved = 2026-10-12
)");
        const Judgement j = judge(plan, day(2026, 10, 19));
        CHECK(j.verdict == Verdict::remediated);
        CHECK(reason_texts(plan, j) == std::vector<std::string>{"all 2 issues are resolved"});
        // The day before, NET-1's resolution has not happened yet and it is overdue.
        const Judgement before = judge(plan, day(2026, 10, 18));
        CHECK(before.verdict == Verdict::at_risk);
    }

    TEST_CASE("a plan with no issues has nothing left to resolve and is remediated") {
        const Plan plan = load(base);
        const Judgement j = judge(plan, day(2026, 10, 18));
        CHECK(j.verdict == Verdict::remediated);
        CHECK(reason_texts(plan, j) == std::vector<std::string>{"the plan lists no issue"});
    }

    TEST_CASE("a strike terminates even before the deadline") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-20

[[incident]]
date = 2026-10-08
priority = "high"
summary = "Email down for six hours"
)");
        const Judgement j = judge(plan, day(2026, 10, 10));
        CHECK(j.verdict == Verdict::terminate);
        CHECK(reason_texts(plan, j) ==
              std::vector<std::string>{"strike 1 of 1: high incident on 2026-10-08, after the "
                                       "warning of 2026-10-01: Email down for six hours"});
    }

    TEST_CASE("reaching the cap terminates when terminate_at_cap is set") {
        const Plan plan = load(base + R"(
[penalties]
cap = "1000.00"
terminate_at_cap = true

[penalties.per_day]
critical = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)");
        CHECK(judge(plan, day(2026, 10, 16)).verdict == Verdict::at_risk); // 500.00
        const Judgement j = judge(plan, day(2026, 10, 17));                // 1000.00
        CHECK(j.verdict == Verdict::terminate);
        REQUIRE(j.reasons.size() == 1);
        CHECK(j.reasons[0].kind == ReasonKind::cap_reached);
        CHECK(reason_text(plan, j, j.reasons[0]) ==
              "penalties of 1,000.00 USD reached the cap of 1,000.00 USD, "
              "and reaching the cap entitles Northwind Traders to terminate");
    }

    TEST_CASE("reaching the cap does not terminate without terminate_at_cap") {
        const Plan plan = load(base + R"(
[penalties]
cap = "1000.00"

[penalties.per_day]
critical = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)");
        const Judgement j = judge(plan, day(2026, 10, 20));
        CHECK(j.penalties.cap_reached);
        CHECK(j.verdict == Verdict::at_risk);
    }

    TEST_CASE("an overdue issue puts the plan at risk, in words a person can act on") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)");
        const Judgement j = judge(plan, day(2026, 10, 18));
        CHECK(j.verdict == Verdict::at_risk);
        REQUIRE(j.reasons.size() == 1);
        CHECK(j.reasons[0].kind == ReasonKind::overdue);
        CHECK(j.reasons[0].issue == std::optional<std::size_t>{0});
        CHECK(reason_text(plan, j, j.reasons[0]) == "NET-1 (critical) is 3 days overdue");
    }

    TEST_CASE("one day overdue is said in the singular") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)");
        CHECK(reason_texts(plan, judge(plan, day(2026, 10, 16))) ==
              std::vector<std::string>{"NET-1 (critical) is 1 day overdue"});
    }

    TEST_CASE("at-risk reasons list the most overdue issue first") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15

[[issue]]
id = "APP-7"
title = "ERP client crashes on login"
priority = "P2"
due = 2026-10-10

[[issue]]
id = "DESK-3"
title = "Printer queue stalls"
priority = "low"
due = 2026-10-25
)");
        CHECK(reason_texts(plan, judge(plan, day(2026, 10, 18))) ==
              std::vector<std::string>{"APP-7 (high) is 8 days overdue",
                                       "NET-1 (critical) is 3 days overdue"});
    }

    TEST_CASE("a plan with no issue overdue is on track") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-25

[[issue]]
id = "APP-7"
title = "ERP client crashes on login"
priority = "high"
due = 2026-10-20

[[issue]]
id = "DESK-3"
title = "Printer queue stalls"
priority = "low"
due = 2026-10-05
status = "resolved"
resolved = 2026-10-04
)");
        const Judgement j = judge(plan, day(2026, 10, 18));
        CHECK(j.verdict == Verdict::on_track);
        REQUIRE(j.reasons.size() == 1);
        CHECK(j.reasons[0].kind == ReasonKind::on_schedule);
        CHECK(reason_text(plan, j, j.reasons[0]) ==
              "no issue is overdue; 2 issues still to resolve, the next one "
              "APP-7 (high) due on 2026-10-20");
    }

    TEST_CASE("the next issue of an on-track plan is the one the status table lists first") {
        // Both due the same day: the critical one is next wherever it is written (found by the
        // property "judging does not depend on the order of the issues").
        const std::string low = R"(
[[issue]]
id = "PRN-2"
title = "Printer queue stalls"
priority = "low"
due = 2026-10-20
)";
        const std::string critical = R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-20
)";
        for (const std::string& issues : {low + critical, critical + low}) {
            const Plan plan = load(base + issues);
            const Judgement j = judge(plan, day(2026, 10, 18));
            REQUIRE(j.reasons.size() == 1);
            CHECK(reason_text(plan, j, j.reasons[0]) ==
                  "no issue is overdue; 2 issues still to resolve, the next "
                  "one NET-1 (critical) due on 2026-10-20");
        }
    }

    TEST_CASE("a strike after remediation terminates: terminate wins over remediated") {
        const Plan plan = load(base + R"(
[ultimatum]
issued = 2026-11-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
status = "resolved"
resolved = 2026-10-14

[[incident]]
date = 2026-11-05
priority = "critical"
summary = "Core switch down for a day"
)");
        CHECK(judge(plan, day(2026, 11, 4)).verdict == Verdict::remediated);
        const Judgement j = judge(plan, day(2026, 11, 10));
        CHECK(j.verdict == Verdict::terminate);
        REQUIRE(j.reasons.size() == 1);
        CHECK(j.reasons[0].kind == ReasonKind::strike);
    }

    TEST_CASE("terminate wins over at-risk, and every terminate reason is given") {
        const Plan plan = load(base + R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-20

[[issue]]
id = "APP-7"
title = "ERP client crashes on login"
priority = "high"
due = 2026-11-25

[[incident]]
date = 2026-11-02
priority = "high"
summary = "Email down for six hours"
)");
        const Judgement j = judge(plan, day(2026, 12, 2));
        CHECK(j.verdict == Verdict::terminate);
        CHECK(reason_texts(plan, j) ==
              std::vector<std::string>{
                  "NET-1 (critical) was not resolved by the deadline 2026-11-30",
                  "APP-7 (high) was not resolved by the deadline 2026-11-30",
                  "strike 1 of 1: high incident on 2026-11-02, after the warning of 2026-10-01: "
                  "Email down for six hours"});
    }

    TEST_CASE("the SPEC example judged on 2026-10-18 gives the figures of SPEC.md") {
        const Plan plan = load(R"(
[client]
name = "Northwind Traders"
contact = "Alex Kim <alex@northwind.example>"
timezone = "America/Chicago"

[provider]
name = "Acme Managed IT"
contact = "Pat Doe <pat@acme-it.example>"
cc = ["Account Desk <desk@acme-it.example>"]

[contract]
reference = "MSA-2024-017"
currency = "USD"
monthly_fee = "12500.00"

[timebox]
start = 2026-10-01
days = 60

[penalties]
grace_days = 0
cap = "20%"
terminate_at_cap = false

[penalties.per_day]
critical = "500.00"
high = "200.00"

[penalties.per_miss]
critical = "2%"
high = "300.00"

[ultimatum]
issued = 2026-11-01
strikes = 1
severity = "high"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
status = "open"
category = "network"
owner = "Acme NOC"

[[incident]]
date = 2026-11-08
priority = "high"
summary = "Email down for six hours"
)");
        const Judgement j = judge(plan, day(2026, 10, 18));
        CHECK(j.verdict == Verdict::at_risk);
        CHECK(reason_texts(plan, j) ==
              std::vector<std::string>{"NET-1 (critical) is 3 days overdue"});
        CHECK(j.deadline == day(2026, 11, 30));
        CHECK(j.extension_days == 0);
        CHECK(j.days_left == 43);
        // 3 days x 500.00 + 2% of 12500.00 = 1500.00 + 250.00; the cap is 20% of 12500.00.
        CHECK(format_money(j.penalties.owed, 2) == "1750.00");
        CHECK(format_money(j.penalties.total, 2) == "1750.00");
        REQUIRE(j.penalties.cap.has_value());
        CHECK(format_money(*j.penalties.cap, 2) == "2500.00");
        CHECK_FALSE(j.penalties.cap_reached);
        CHECK(j.strikes.empty()); // the incident of 2026-11-08 has not happened yet
        CHECK(j.strike_limit == 1);
        REQUIRE(j.issues.size() == 1);
        CHECK(j.issues[0].state == IssueStatus::open);
        CHECK(j.issues[0].overdue);
        CHECK(j.issues[0].days_overdue == 3);
        CHECK(format_money(j.issues[0].penalty.subtotal, 2) == "1750.00");
    }
}
