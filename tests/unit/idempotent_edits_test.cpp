// Recording a fact the plan already holds changes nothing and says so; the same fact on another
// day, or for another reason, stays a refusal.

#include "remedy/edit/plan_edits.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// NET-2 resolved on 10-18, SRV-1 waived from 10-19, SRV-2 in progress, and one of each dated
// fact: an incident disputed, an extension, a pause of NET-1, a credit.
const std::string plan_text = remedy_test::parties + R"(
[timebox]
start = 2026-10-01

[[timebox.extension]]
days = 7
agreed = 2026-10-20
reason = "Parts late"

[penalties.per_day]
high = "100.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "high"
due = 2026-10-05

[[issue]]
id = "NET-2"
title = "Guest Wi-Fi bridged onto the office VLAN"
priority = "high"
due = 2026-10-20
status = "resolved"
resolved = 2026-10-18

[[issue]]
id = "SRV-1"
title = "File server full"
priority = "medium"
due = 2026-10-25
status = "waived"
waived = 2026-10-19
waiver = "Replaced by the new NAS"

[[issue]]
id = "SRV-2"
title = "Backups fail on Sundays"
priority = "low"
due = 2026-10-30
status = "in_progress"

[[incident]]
date = 2026-10-08
priority = "high"
summary = "Email down"
status = "disputed"
dispute = "The client's own firewall"

[[pause]]
from = 2026-10-06
to = 2026-10-07
issues = ["NET-1"]
reason = "Audit freeze"

[[credit]]
date = 2026-10-20
amount = "500.00"
invoice = "INV-7"
)";

// The summary of an edit of plan_text that must change nothing; the test stops when it is
// refused.
std::string unchanged(const Expected<PlanChange>& changed) {
    INFO((changed ? std::string() : changed.error()));
    REQUIRE(changed.ok());
    CHECK(changed->text == plan_text);
    return changed->summary;
}

bool changes_the_plan(const Expected<PlanChange>& changed) {
    return changed.ok() && changed->text != plan_text;
}

} // namespace

TEST_SUITE("idempotent edits") {
    TEST_CASE("an issue's state recorded again") {
        const Plan plan = load(plan_text);
        CHECK(unchanged(resolve_issue(plan, plan_text, "net-2", day(2026, 10, 18), "")) ==
              "NET-2 is already resolved on 2026-10-18");
        CHECK(unchanged(resolve_issue(plan, plan_text, "NET-2", day(2026, 10, 18), "scan")) ==
              "NET-2 is already resolved on 2026-10-18 (the note is not added)");
        CHECK(unchanged(start_issue(plan, plan_text, "SRV-2", day(2026, 10, 3), "")) ==
              "SRV-2 is already in progress");
        CHECK(unchanged(waive_issue(plan, plan_text, "SRV-1", "Replaced by the new NAS",
                                    day(2026, 10, 19), "")) ==
              "SRV-1 is already waived from 2026-10-19: Replaced by the new NAS");
        // Another day or another reason is another fact: refused.
        CHECK_FALSE(resolve_issue(plan, plan_text, "NET-2", day(2026, 10, 19), "").ok());
        CHECK_FALSE(
            waive_issue(plan, plan_text, "SRV-1", "Replaced by the new NAS", day(2026, 10, 20), "")
                .ok());
        CHECK_FALSE(
            waive_issue(plan, plan_text, "SRV-1", "Too costly", day(2026, 10, 19), "").ok());
    }

    TEST_CASE("an issue added again") {
        const Plan plan = load(plan_text);
        CHECK(unchanged(add_issue(plan, plan_text,
                                  NewIssue{.title = "File server full",
                                           .priority = Priority::medium,
                                           .due = day(2026, 10, 25)})) ==
              "SRV-1 (medium) is already in the plan, due 2026-10-25: File server full");
        // Another due date, or another id given, is another issue.
        CHECK(changes_the_plan(add_issue(plan, plan_text,
                                         NewIssue{.title = "File server full",
                                                  .priority = Priority::medium,
                                                  .due = day(2026, 10, 26)})));
        CHECK(changes_the_plan(add_issue(plan, plan_text,
                                         NewIssue{.id = "SRV-9",
                                                  .title = "File server full",
                                                  .priority = Priority::medium,
                                                  .due = day(2026, 10, 25)})));
    }

    TEST_CASE("a dated fact recorded again") {
        const Plan plan = load(plan_text);
        CHECK(unchanged(add_incident(plan, plan_text, Priority::high, "Email down",
                                     day(2026, 10, 8), "")) ==
              "the high incident of 2026-10-08 is already recorded: Email down");
        CHECK_FALSE(
            add_incident(plan, plan_text, Priority::low, "Email down", day(2026, 10, 8), "").ok());
        CHECK(unchanged(add_extension(plan, plan_text, 7, "Parts late", day(2026, 10, 20))) ==
              "the extension of 7 days agreed 2026-10-20 is already recorded: Parts late");
        CHECK(changes_the_plan(add_extension(plan, plan_text, 8, "Parts late", day(2026, 10, 20))));
        CHECK(unchanged(add_pause(plan, plan_text,
                                  NewPause{day(2026, 10, 6),
                                           day(2026, 10, 7),
                                           {"net-1"},
                                           "Audit freeze",
                                           std::nullopt})) ==
              "the pause 2026-10-06 to 2026-10-07 of NET-1, agreed 2026-10-06, is already "
              "recorded");
        CHECK(changes_the_plan(add_pause(
            plan, plan_text,
            NewPause{day(2026, 10, 6), day(2026, 10, 7), {}, "Audit freeze", std::nullopt})));
        CHECK(unchanged(contest_incident(plan, plan_text, IncidentName{"2026-10-08", ""},
                                         IncidentStatus::disputed, "The client's own firewall",
                                         day(2026, 10, 9), "")) ==
              "the high incident of 2026-10-08 is already disputed: The client's own firewall");
        CHECK_FALSE(contest_incident(plan, plan_text, IncidentName{"2026-10-08", ""},
                                     IncidentStatus::disputed, "Another reason", day(2026, 10, 9),
                                     "")
                        .ok());
    }

    TEST_CASE("a credit recorded again, whatever way its amount is written") {
        const Plan plan = load(plan_text);
        CHECK(unchanged(
                  add_credit(plan, plan_text, NewCredit{day(2026, 10, 20), "500", "INV-7", ""})) ==
              "the credit of 500 USD on 2026-10-20 (INV-7) is already recorded");
        CHECK(changes_the_plan(
            add_credit(plan, plan_text, NewCredit{day(2026, 10, 20), "500.00", "INV-8", ""})));
    }
}
