#include "remedy/model/plan_changes.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

const std::string head = R"(
[client]
name = "Northwind"

[provider]
name = "Acme"

[timebox]
start = 2026-10-01

[penalties.per_day]
high = "50.00"
)";

// The changes from `before` to `after` (plan text after the common head), recorded on the day.
std::vector<RecordChange> changes(const std::string& before, const std::string& after,
                                  date::sys_days recorded_on) {
    const Plan was = load(head + before);
    const Plan now = load(head + after);
    return plan_changes(&was, now, recorded_on);
}

std::vector<std::string> texts(const std::vector<RecordChange>& list) {
    std::vector<std::string> out;
    for (const RecordChange& change : list)
        out.push_back(change.text);
    return out;
}

const std::string open_issue = R"(
[[issue]]
id = "PRN-1"
title = "Printers"
priority = "high"
due = 2026-10-15
)";

const std::string incident = R"(
[[incident]]
date = 2026-10-06
priority = "high"
summary = "Mail down"
)";

} // namespace

TEST_SUITE("plan_changes") {
    TEST_CASE("the same plan changes nothing") {
        CHECK(changes(open_issue + incident, open_issue + incident, day(2026, 11, 1)).empty());
    }

    TEST_CASE("a resolution is flagged when its date is more than 7 days before the commit") {
        const std::string resolved = open_issue + "status = \"resolved\"\nresolved = 2026-10-24\n";
        SUBCASE("32 days: backdated") {
            const auto list = changes(open_issue, resolved, day(2026, 11, 25));
            REQUIRE(list.size() == 1);
            CHECK(list[0].action == ChangeAction::resolved);
            CHECK(list[0].text == "PRN-1 resolved on 2026-10-24");
            CHECK(list[0].dated == day(2026, 10, 24));
            CHECK(list[0].flags == flag_backdated);
            CHECK(list[0].why == "dated 32 days before its commit");
        }
        SUBCASE("exactly 7 days: a weekly plan's normal record, not flagged") {
            const auto list = changes(open_issue, resolved, day(2026, 10, 31));
            REQUIRE(list.size() == 1);
            CHECK(list[0].flags == 0);
            CHECK(list[0].why.empty());
        }
        SUBCASE("after the commit: future-dated") {
            const auto list = changes(open_issue, resolved, day(2026, 10, 23));
            REQUIRE(list.size() == 1);
            CHECK(list[0].flags == flag_future_dated);
            CHECK(list[0].why == "dated 1 day after its commit");
        }
    }

    TEST_CASE("a resolution date moved rewrites the record, whichever way") {
        const std::string first = open_issue + "status = \"resolved\"\nresolved = 2026-10-24\n";
        const std::string moved = open_issue + "status = \"resolved\"\nresolved = 2026-10-20\n";
        const auto list = changes(first, moved, day(2026, 11, 1));
        REQUIRE(list.size() == 1);
        CHECK(list[0].field == "resolved");
        CHECK(list[0].before == "2026-10-24");
        CHECK(list[0].after == "2026-10-20");
        CHECK(list[0].flags == flag_rewrites_record);
    }

    TEST_CASE("an incident lowered or removed rewrites the record; raised it does not") {
        std::string lowered = incident;
        lowered.replace(lowered.find("\"high\""), 6, "\"medium\"");
        auto list = changes(incident, lowered, day(2026, 11, 3));
        REQUIRE(list.size() == 1);
        CHECK(list[0].text ==
              "incident of 2026-10-06 (Mail down): priority lowered from high to medium");
        CHECK(list[0].flags == flag_rewrites_record);

        list = changes(lowered, incident, day(2026, 11, 3));
        REQUIRE(list.size() == 1);
        CHECK(list[0].flags == 0);

        list = changes(incident, "", day(2026, 11, 3));
        REQUIRE(list.size() == 1);
        CHECK(list[0].action == ChangeAction::removed);
        CHECK(list[0].flags == flag_rewrites_record);
    }

    TEST_CASE("an incident is matched by its id even when every other value changed") {
        const std::string with_id = "\n[[incident]]\nid = \"INC-1\"\ndate = 2026-10-06\n"
                                    "priority = \"high\"\nsummary = \"Mail down\"\n";
        const std::string rewritten = "\n[[incident]]\nid = \"INC-1\"\ndate = 2026-10-07\n"
                                      "priority = \"low\"\nsummary = \"Mail slow\"\n";
        const auto list = changes(with_id, rewritten, day(2026, 11, 3));
        CHECK(texts(list) == std::vector<std::string>{
                                 "incident INC-1 of 2026-10-07 (Mail slow): date moved from "
                                 "2026-10-06",
                                 "incident INC-1 of 2026-10-07 (Mail slow): priority lowered "
                                 "from high to low",
                                 "incident INC-1 of 2026-10-07 (Mail slow): summary changed from "
                                 "Mail down"});
    }

    TEST_CASE("a dispute and a withdrawal are recorded steps, not flagged") {
        const std::string disputed = incident + "status = \"disputed\"\ndispute = \"Planned\"\n";
        const auto list = changes(incident, disputed, day(2026, 10, 8));
        REQUIRE(list.size() == 1);
        CHECK(list[0].action == ChangeAction::disputed);
        CHECK(list[0].text == "incident of 2026-10-06 (Mail down) disputed: Planned");
        CHECK(list[0].flags == 0);
    }

    TEST_CASE("a rate, the cap or the ultimatum changed are contract terms") {
        const Plan was = load(head);
        std::string text = head;
        text.replace(text.find("\"50.00\""), 7, "\"40.00\"");
        text.replace(text.find("[penalties.per_day]"), 0, "[penalties]\ncap = \"1000.00\"\n");
        const Plan now = load(text + "[ultimatum]\nstrikes = 3\n");
        const auto list = plan_changes(&was, now, day(2026, 11, 26));
        CHECK(texts(list) ==
              std::vector<std::string>{"penalties.cap set to 1,000.00 USD",
                                       "penalties.per_day.high changed from 50.00 USD to 40.00 USD",
                                       "ultimatum.strikes changed from 1 to 3"});
        for (const RecordChange& change : list)
            CHECK(change.flags == flag_contract_terms);
    }

    TEST_CASE("an issue's due date moved later or its priority lowered rewrites the record") {
        std::string later = open_issue;
        later.replace(later.find("2026-10-15"), 10, "2026-10-30");
        auto list = changes(open_issue, later, day(2026, 10, 20));
        REQUIRE(list.size() == 1);
        CHECK(list[0].text == "PRN-1 due date moved from 2026-10-15 to 2026-10-30");
        CHECK(list[0].flags == flag_rewrites_record);
        list = changes(later, open_issue, day(2026, 10, 20));
        REQUIRE(list.size() == 1);
        CHECK(list[0].flags == 0); // earlier: stricter on the provider
    }

    TEST_CASE("issues started, reopened, waived and removed") {
        const std::string started = open_issue + "status = \"in_progress\"\n";
        CHECK(texts(changes(open_issue, started, day(2026, 10, 5))) ==
              std::vector<std::string>{"PRN-1 started"});
        const std::string resolved = open_issue + "status = \"resolved\"\nresolved = 2026-10-10\n";
        CHECK(texts(changes(resolved, open_issue, day(2026, 10, 12))) ==
              std::vector<std::string>{"PRN-1 reopened (open)"});
        const std::string waived =
            open_issue + "status = \"waived\"\nwaived = 2026-10-12\nwaiver = \"Out of scope\"\n";
        CHECK(texts(changes(open_issue, waived, day(2026, 10, 12))) ==
              std::vector<std::string>{"PRN-1 waived on 2026-10-12: Out of scope"});
        const auto removed = changes(open_issue, "", day(2026, 10, 12));
        REQUIRE(removed.size() == 1);
        CHECK(removed[0].text == "PRN-1 removed (it was high, due 2026-10-15 (Printers), open)");
        CHECK(removed[0].flags == flag_rewrites_record);
    }

    TEST_CASE("extensions, pauses and credits: recorded with their dates, changed ones flagged") {
        const std::string extension = "\n[[timebox.extension]]\ndays = 14\nagreed = 2026-10-28\n"
                                      "reason = \"Firewall back-ordered\"\n";
        auto list = changes(open_issue, open_issue + extension, day(2026, 11, 10));
        REQUIRE(list.size() == 1);
        CHECK(list[0].text == "extension of 14 days agreed 2026-10-28: Firewall back-ordered");
        CHECK(list[0].flags == flag_backdated); // 13 days

        std::string longer = extension;
        longer.replace(longer.find("14"), 2, "21");
        list = changes(open_issue + extension, open_issue + longer, day(2026, 10, 29));
        REQUIRE(list.size() == 1);
        CHECK(list[0].action == ChangeAction::changed);
        CHECK(list[0].flags == flag_rewrites_record);

        const std::string credit = "\n[[credit]]\ndate = 2026-11-05\namount = \"500.00\"\n"
                                   "invoice = \"INV-7\"\n";
        list = changes(open_issue, open_issue + credit, day(2026, 11, 5));
        REQUIRE(list.size() == 1);
        CHECK(list[0].text == "credit of 500.00 USD on 2026-11-05 (invoice INV-7) recorded");
        CHECK(list[0].flags == 0);
    }

    TEST_CASE("the first version lists what it holds, its past facts flagged alike") {
        const Plan now =
            load(head + open_issue + "status = \"resolved\"\nresolved = 2026-10-02\n" + incident);
        const auto list = plan_changes(nullptr, now, day(2026, 10, 20));
        CHECK(texts(list) ==
              std::vector<std::string>{"plan with 1 issue and 1 incident",
                                       "PRN-1 added: high, due 2026-10-15 (Printers)",
                                       "PRN-1 resolved on 2026-10-02",
                                       "incident of 2026-10-06 (Mail down) recorded, high"});
        CHECK(list[2].flags == flag_backdated);
        CHECK(list[3].flags == flag_backdated);
        CHECK(concerns_issue(list[1], "PRN-1"));
        CHECK_FALSE(concerns_issue(list[3], "PRN-1"));
    }

    TEST_CASE("words alone never change the money; dates, priorities and terms may") {
        std::string retitled = open_issue;
        retitled.replace(retitled.find("Printers"), 8, "Printer fleet");
        auto list = changes(open_issue, retitled + "notes = \"Parts ordered\"\n", day(2026, 10, 5));
        REQUIRE(list.size() == 2);
        CHECK_FALSE(can_change_money(list[0]));
        CHECK_FALSE(can_change_money(list[1]));
        std::string raised = open_issue;
        raised.replace(raised.find("\"high\""), 6, "\"critical\"");
        list = changes(open_issue, raised, day(2026, 10, 5));
        REQUIRE(list.size() == 1);
        CHECK(can_change_money(list[0]));
        CHECK(can_change_money(changes(open_issue, "", day(2026, 10, 5)).at(0)));
    }

    TEST_CASE("a waiver without a date reaches back to the start, and is flagged so") {
        const std::string waived = open_issue + "status = \"waived\"\nwaiver = \"agreed\"\n";
        const auto list = changes(open_issue, waived, day(2026, 11, 10));
        REQUIRE(list.size() == 1);
        CHECK(list[0].text == "PRN-1 waived from the start, 2026-10-01: agreed");
        CHECK(list[0].dated == day(2026, 10, 1));
        CHECK(list[0].flags == flag_backdated);
    }

    TEST_CASE(
        "a resolution replaced by a waiver, or a waiver by a resolution, rewrites the record") {
        const std::string resolved = open_issue + "status = \"resolved\"\nresolved = 2026-10-30\n";
        const std::string waived = open_issue + "status = \"waived\"\nwaived = 2026-10-27\n";
        auto list = changes(resolved, waived, day(2026, 11, 3));
        REQUIRE(list.size() == 1);
        CHECK(list[0].action == ChangeAction::waived);
        CHECK(list[0].flags == flag_rewrites_record);
        list = changes(waived, resolved, day(2026, 11, 3));
        REQUIRE(list.size() == 1);
        CHECK(list[0].action == ChangeAction::resolved);
        CHECK(list[0].flags == flag_rewrites_record);
    }
}
