// SPEC v3 "Dates, words and figures": a dispute, a withdrawal and the final warning are facts
// recorded on their days; the rules that keep their dates sane; the edits that write them
// (dispute and withdraw --on, warn, init's ultimatum); a reopening's pause as the file marks it.

#include "remedy/edit/plan_edits.h"
#include "remedy/edit/starter_plan.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <functional>
#include <string>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;
using remedy_test::parties;

namespace {

// 60 days from 2026-10-01: the deadline is 2026-11-30. NET-1 is resolved in time, so the
// verdict turns on the strikes alone.
const std::string timebox = parties + R"(
[timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops"
priority = "critical"
due = 2026-10-15
status = "resolved"
resolved = 2026-10-14
)";

std::string incident(std::string_view id, std::string_view date, std::string_view more = "") {
    return "\n[[incident]]\nid = \"" + std::string(id) + "\"\ndate = " + std::string(date) +
           "\npriority = \"high\"\nsummary = \"Outage " + std::string(id) + "\"\n" +
           std::string(more);
}

std::vector<std::string> errors_of(std::string_view text) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : read_plan(text, "remedy.toml").diagnostics)
        if (d.severity == Severity::error)
            lines.push_back(d.message);
    return lines;
}

PlanChange edited(const std::string& text,
                  const std::function<Expected<PlanChange>(const Plan&, std::string_view)>& edit) {
    const Plan plan = load(text);
    const Expected<PlanChange> changed = edit(plan, text);
    INFO((changed ? std::string() : changed.error()));
    REQUIRE(static_cast<bool>(changed));
    load(changed->text); // every rule still holds
    return *changed;
}

std::string
refused(const std::string& text,
        const std::function<Expected<PlanChange>(const Plan&, std::string_view)>& edit) {
    const Expected<PlanChange> changed = edit(load(text), text);
    REQUIRE_FALSE(static_cast<bool>(changed));
    return changed.error();
}

} // namespace

TEST_SUITE("dated facts") {
    TEST_CASE("a withdrawal counts from its day: the verdict of the days before it stays") {
        const Plan plan = load(timebox + "\n[ultimatum]\nissued = 2026-11-01\nstrikes = 2\n" +
                               incident("INC-1", "2026-11-05") +
                               incident("INC-2", "2026-11-06",
                                        "status = \"withdrawn\"\ndispute = \"A power cut\"\n"
                                        "withdrawn = 2026-11-12\n"));
        const Judgement before = judge(plan, day(2026, 11, 11));
        CHECK(before.strikes.size() == 2);
        CHECK(before.verdict == Verdict::terminate);
        CHECK(before.incidents[1].status == IncidentStatus::confirmed);
        CHECK(before.incidents[1].standing == StrikeStanding::strike);
        const Judgement after = judge(plan, day(2026, 11, 12));
        CHECK(after.strikes.size() == 1);
        CHECK(after.verdict == Verdict::remediated);
        CHECK(after.incidents[1].status == IncidentStatus::withdrawn);
        CHECK(after.incidents[1].standing == StrikeStanding::withdrawn);
    }

    TEST_CASE("a withdrawal without its day counts from the incident's date, as before") {
        const Plan plan =
            load(timebox + incident("INC-2", "2026-11-06",
                                    "status = \"withdrawn\"\ndispute = \"Duplicate\"\n"));
        CHECK(judge(plan, day(2026, 11, 6)).incidents[0].status == IncidentStatus::withdrawn);
        CHECK(judge(plan, day(2026, 11, 6)).strikes.empty());
    }

    TEST_CASE("a dispute shows from its day; the strike counts before and after") {
        const Plan plan = load(timebox + "\n[ultimatum]\nissued = 2026-11-01\nstrikes = 2\n" +
                               incident("INC-1", "2026-11-05",
                                        "status = \"disputed\"\ndispute = \"DNS change\"\n"
                                        "disputed = 2026-11-09\n"));
        CHECK(judge(plan, day(2026, 11, 8)).incidents[0].status == IncidentStatus::confirmed);
        CHECK(judge(plan, day(2026, 11, 9)).incidents[0].status == IncidentStatus::disputed);
        CHECK(judge(plan, day(2026, 11, 8)).incidents[0].strike == 1);
        CHECK(judge(plan, day(2026, 11, 9)).incidents[0].strike == 1);
    }

    TEST_CASE("no strike while the final warning is not given, nor before its day") {
        const std::string incidents = incident("INC-1", "2026-10-20");
        const Plan not_given = load(timebox + "\n[ultimatum]\ngiven = false\n" + incidents);
        const Judgement j = judge(not_given, day(2026, 11, 20));
        CHECK(j.strikes.empty());
        CHECK_FALSE(j.warning.has_value());
        CHECK(j.incidents[0].standing == StrikeStanding::no_warning);

        // Given on 11-01: before that day it is not stated; after it, only later incidents count.
        const Plan given = load(timebox + "\n[ultimatum]\nissued = 2026-11-01\n" + incidents +
                                incident("INC-2", "2026-11-03"));
        CHECK_FALSE(judge(given, day(2026, 10, 31)).warning.has_value());
        CHECK(judge(given, day(2026, 10, 31)).incidents[0].standing == StrikeStanding::no_warning);
        const Judgement warned = judge(given, day(2026, 11, 3));
        CHECK(warned.warning == day(2026, 11, 1));
        CHECK(warned.incidents[0].standing == StrikeStanding::before_warning);
        CHECK(warned.incidents[1].standing == StrikeStanding::strike);

        // Without an [ultimatum] table, the notice is the warning (the v1 reading).
        const Judgement v1 = judge(load(timebox + incidents), day(2026, 10, 20));
        CHECK(v1.warning == day(2026, 10, 1));
        CHECK(v1.strikes.size() == 1);
    }

    TEST_CASE("the dates of a dispute, a withdrawal, a warning and a reopening are checked") {
        CHECK(errors_of(timebox + "\n[ultimatum]\ngiven = false\nissued = 2026-11-01\n") ==
              std::vector<std::string>{
                  "ultimatum.given is false but ultimatum.issued is 2026-11-01: remove given "
                  "once the final warning is given (remedy warn does both)"});
        CHECK(errors_of(timebox + incident("INC-1", "2026-11-05", "disputed = 2026-11-06\n")) ==
              std::vector<std::string>{
                  "the incident of 2026-11-05 has disputed = 2026-11-06 but its status is "
                  "confirmed; disputed goes with status = \"disputed\""});
        CHECK(errors_of(timebox + incident("INC-1", "2026-11-05",
                                           "status = \"withdrawn\"\ndispute = \"x\"\n"
                                           "withdrawn = 2026-11-04\n")) ==
              std::vector<std::string>{
                  "the incident of 2026-11-05 is withdrawn on 2026-11-04, before it happened"});
        // The deadline with every extension is 2026-11-30; with until later, until is the last.
        CHECK(errors_of(timebox + incident("INC-1", "2026-11-05",
                                           "status = \"withdrawn\"\ndispute = \"x\"\n"
                                           "withdrawn = 2026-12-01\n")) ==
              std::vector<std::string>{
                  "the incident of 2026-11-05 is withdrawn on 2026-12-01, after 2026-11-30, the "
                  "last day an incident can count: nothing is withdrawn after it"});
        CHECK(errors_of(timebox + "\n[ultimatum]\nuntil = 2026-12-15\n" +
                        incident("INC-1", "2026-11-05",
                                 "status = \"withdrawn\"\ndispute = \"x\"\n"
                                 "withdrawn = 2026-12-10\n"))
                  .empty());
        CHECK(errors_of(timebox + "\n[[pause]]\nfrom = 2026-10-05\nto = 2026-10-09\nreason = "
                                  "\"r\"\nreopened = 2026-10-09\n") ==
              std::vector<std::string>{"the pause ends on 2026-10-09 but says the issue was "
                                       "reopened on 2026-10-09: a reopening pauses the days "
                                       "before it"});
        CHECK(errors_of(timebox + "\n[[pause]]\nfrom = 2026-10-05\nto = 2026-10-09\nreason = "
                                  "\"r\"\nreopened = 2026-10-10\nagreed = 2026-10-10\n") ==
              std::vector<std::string>{
                  "the pause from 2026-10-05 was written by a reopening (reopened = "
                  "2026-10-10): it is the days the issue stood resolved, in force from its first "
                  "day, and has no agreed day"});
    }

    TEST_CASE("dispute and withdraw write their day; a withdrawal replaces the dispute") {
        const std::string text = timebox + incident("INC-1", "2026-11-05");
        const PlanChange disputed = edited(text, [](const Plan& plan, std::string_view t) {
            return contest_incident(plan, t, IncidentName{"inc-1", ""}, IncidentStatus::disputed,
                                    "DNS change", day(2026, 11, 9), "");
        });
        CHECK(disputed.text == text + "status = \"disputed\"\ndispute = \"DNS change\"\n"
                                      "disputed = 2026-11-09\n");
        CHECK(disputed.summary ==
              "incident INC-1 (high, 2026-11-05) disputed on 2026-11-09: DNS change");
        const PlanChange withdrawn =
            edited(disputed.text, [](const Plan& plan, std::string_view t) {
                return contest_incident(plan, t, IncidentName{"INC-1", ""},
                                        IncidentStatus::withdrawn, "Agreed at the review",
                                        day(2026, 11, 12), "minutes of the review");
            });
        CHECK(withdrawn.text == text +
                                    "status = \"withdrawn\"\ndispute = \"Agreed at the review\"\n"
                                    "withdrawn = 2026-11-12\n"
                                    "notes = \"2026-11-12, withdrawn: minutes of the review\"\n");
    }

    TEST_CASE("warn records the warning on its day, with its terms, once") {
        const std::string not_given = timebox + "\n[ultimatum]\ngiven = false   # not yet\n"
                                                "strikes = 1\n";
        const PlanChange warned = edited(not_given, [](const Plan& plan, std::string_view t) {
            return give_warning(
                plan, t, FinalWarning{day(2026, 11, 2), 2, Priority::critical, day(2026, 11, 20)});
        });
        CHECK(warned.text == timebox + "\n[ultimatum]\nstrikes = 2\nissued = 2026-11-02\n"
                                       "severity = \"critical\"\nuntil = 2026-11-20\n");
        CHECK(warned.summary ==
              "final warning given on 2026-11-02, strikes 2, severity critical, until 2026-11-20");
        // The same warning again changes nothing; another is refused.
        const PlanChange again = edited(warned.text, [](const Plan& plan, std::string_view t) {
            return give_warning(plan, t, FinalWarning{day(2026, 11, 2), 2, {}, {}});
        });
        CHECK(again.text == warned.text);
        CHECK(again.summary == "the final warning is already recorded on 2026-11-02");
        CHECK(refused(warned.text, [](const Plan& plan, std::string_view t) {
                  return give_warning(plan, t, FinalWarning{day(2026, 11, 3), {}, {}, {}});
              }) == "the final warning was given on 2026-11-02; a warning is given once");
        CHECK(refused(timebox,
                      [](const Plan& plan, std::string_view t) {
                          return give_warning(plan, t, FinalWarning{day(2026, 11, 3), {}, {}, {}});
                      })
                  .starts_with("remedy.toml has no [ultimatum]: the notice of 2026-10-01 is its "
                               "final warning"));
    }

    TEST_CASE("init writes a warning still to give, or the notice as the warning") {
        StarterValues values;
        values.start = day(2026, 10, 1);
        const Plan later = load(starter_plan(values));
        CHECK(later.ultimatum.present);
        CHECK_FALSE(later.ultimatum.given);
        CHECK_FALSE(judge(later, day(2026, 10, 5)).warning.has_value());
        values.warning = day(2026, 10, 1);
        const Plan now = load(starter_plan(values));
        CHECK(now.ultimatum.given);
        CHECK(judge(now, day(2026, 10, 5)).warning == day(2026, 10, 1));
    }
}
