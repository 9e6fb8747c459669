#include "remedy/model/judgement.h"
#include "remedy/model/strikes.h"
#include "remedy/render/judgement_words.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// A plan whose one issue is resolved early, so that only strikes can end it; the warning went
// out on 2026-11-01. The test adds the [ultimatum] keys and the incidents.
Plan plan_with(const std::string& ultimatum_keys, const std::string& incidents) {
    return load(R"(
[client]
name = "Northwind Traders"

[provider]
name = "Acme Managed IT"

[timebox]
start = 2026-10-01

[ultimatum]
issued = 2026-11-01
)" + ultimatum_keys +
                R"(
[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
status = "resolved"
resolved = 2026-10-10
)" + incidents);
}

std::string incident(const char* date, const char* priority) {
    return std::string("\n[[incident]]\ndate = ") + date + "\npriority = \"" + priority +
           "\"\nsummary = \"Email down for six hours\"\n";
}

} // namespace

TEST_SUITE("strikes") {
    TEST_CASE("an incident on the day of the warning is not a strike") {
        const Plan plan = plan_with("", incident("2026-11-01", "high"));
        const Judgement j = judge(plan, day(2026, 11, 10));
        CHECK(j.strikes.empty());
        CHECK(j.verdict == Verdict::remediated);
    }

    TEST_CASE("an incident the day after the warning is a strike") {
        const Plan plan = plan_with("", incident("2026-11-02", "high"));
        const Judgement j = judge(plan, day(2026, 11, 10));
        CHECK(j.strikes == std::vector<std::size_t>{0});
        CHECK(j.strike_limit == 1);
        CHECK(j.verdict == Verdict::terminate);
    }

    TEST_CASE("an incident before the warning is not a strike") {
        const Plan plan = plan_with("", incident("2026-10-20", "critical"));
        CHECK(judge(plan, day(2026, 11, 10)).strikes.empty());
    }

    TEST_CASE("an incident below the ultimatum's severity is not a strike") {
        const Plan plan =
            plan_with("", incident("2026-11-05", "medium") + incident("2026-11-06", "low"));
        const Judgement j = judge(plan, day(2026, 11, 10));
        CHECK(j.strikes.empty());
        CHECK(j.verdict == Verdict::remediated);
    }

    TEST_CASE("an incident above the ultimatum's severity is a strike") {
        const Plan plan = plan_with("", incident("2026-11-05", "critical"));
        CHECK(judge(plan, day(2026, 11, 10)).strikes == std::vector<std::size_t>{0});
    }

    TEST_CASE("a lower severity makes lower incidents count") {
        const Plan plan = plan_with("severity = \"medium\"\n", incident("2026-11-05", "medium") +
                                                                   incident("2026-11-06", "low"));
        CHECK(plan.ultimatum.severity == Priority::medium);
        CHECK(judge(plan, day(2026, 11, 10)).strikes == std::vector<std::size_t>{0});
    }

    TEST_CASE("a critical severity makes only critical incidents count") {
        const Plan plan = plan_with("severity = \"critical\"\n",
                                    incident("2026-11-05", "high") + incident("2026-11-06", "P1"));
        CHECK(judge(plan, day(2026, 11, 10)).strikes == std::vector<std::size_t>{1});
    }

    TEST_CASE("an incident after as_of has not happened yet") {
        const Plan plan = plan_with("", incident("2026-11-08", "high"));
        const Judgement before = judge(plan, day(2026, 11, 7));
        CHECK(before.strikes.empty());
        CHECK(before.verdict == Verdict::remediated);
        const Judgement on_the_day = judge(plan, day(2026, 11, 8));
        CHECK(on_the_day.strikes == std::vector<std::size_t>{0});
        CHECK(on_the_day.verdict == Verdict::terminate);
    }

    TEST_CASE("without an ultimatum table the warning is the start of the time box") {
        const Plan plan = load(R"(
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

[[incident]]
date = 2026-10-01
priority = "critical"
summary = "Core switch rebooted"

[[incident]]
date = 2026-10-02
priority = "high"
summary = "Email down for six hours"

[[incident]]
date = 2026-10-03
priority = "medium"
summary = "Slow file share"
)");
        CHECK(warning_day(plan) == day(2026, 10, 1));
        // The defaults: severity high, one strike ends it.
        const Judgement j = judge(plan, day(2026, 10, 5));
        CHECK(j.strikes == std::vector<std::size_t>{1});
        CHECK(j.strike_limit == 1);
        CHECK(j.verdict == Verdict::terminate);
    }

    TEST_CASE("the warning is the ultimatum's issued day when the table gives one") {
        CHECK(warning_day(plan_with("", "")) == day(2026, 11, 1));
    }

    TEST_CASE("with a limit of two strikes one strike does not end the relationship") {
        const Plan plan = plan_with("strikes = 2\n", incident("2026-11-05", "high"));
        const Judgement j = judge(plan, day(2026, 11, 10));
        CHECK(j.strikes.size() == 1);
        CHECK(j.strike_limit == 2);
        CHECK(j.verdict == Verdict::remediated);
    }

    TEST_CASE("with a limit of two strikes the second strike ends the relationship") {
        const Plan plan = plan_with("strikes = 2\n", incident("2026-11-05", "high") +
                                                         incident("2026-11-09", "critical"));
        const Judgement j = judge(plan, day(2026, 11, 10));
        CHECK(j.strikes.size() == 2);
        CHECK(j.verdict == Verdict::terminate);
        REQUIRE(j.reasons.size() == 2);
        CHECK(reason_text(plan, j, j.reasons[0]) ==
              "strike 1 of 2: high incident on 2026-11-05, after the warning "
              "of 2026-11-01: Email down for six hours");
        CHECK(reason_text(plan, j, j.reasons[1]) ==
              "strike 2 of 2: critical incident on 2026-11-09, after the "
              "warning of 2026-11-01: Email down for six hours");
    }

    TEST_CASE("strikes are listed in date order whatever the plan's order") {
        const Plan plan = plan_with("strikes = 3\n", incident("2026-11-09", "high") +
                                                         incident("2026-11-03", "high") +
                                                         incident("2026-11-06", "high"));
        CHECK(judge(plan, day(2026, 11, 10)).strikes == std::vector<std::size_t>{1, 2, 0});
    }

    TEST_CASE("a strike points at its incident") {
        const Plan plan =
            plan_with("", incident("2026-11-01", "high") + incident("2026-11-04", "high"));
        const Judgement j = judge(plan, day(2026, 11, 10));
        REQUIRE(j.reasons.size() == 1);
        CHECK(j.reasons[0].kind == ReasonKind::strike);
        CHECK(j.reasons[0].incident == std::optional<std::size_t>{1});
        CHECK(reason_text(plan, j, j.reasons[0]) ==
              "strike 1 of 1: high incident on 2026-11-04, after the warning "
              "of 2026-11-01: Email down for six hours");
    }

    TEST_CASE("strikes of one day are numbered most severe first, wherever they are written") {
        const std::string high = R"(
[[incident]]
date = 2026-11-04
priority = "high"
summary = "Email down for six hours"
)";
        const std::string critical = R"(
[[incident]]
date = 2026-11-04
priority = "critical"
summary = "Ransomware on the file server"
)";
        for (const std::string& incidents : {high + critical, critical + high}) {
            const Plan plan = plan_with("strikes = 2\n", incidents);
            const Judgement j = judge(plan, day(2026, 11, 5));
            REQUIRE(j.reasons.size() == 2);
            CHECK(reason_text(plan, j, j.reasons[0]) ==
                  "strike 1 of 2: critical incident on 2026-11-04, after the "
                  "warning of 2026-11-01: Ransomware on the file server");
            CHECK(reason_text(plan, j, j.reasons[1]) ==
                  "strike 2 of 2: high incident on 2026-11-04, after the "
                  "warning of 2026-11-01: Email down for six hours");
        }
    }
}
