#include "remedy/model/fact_owners.h"
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
people = ["Alex Kim <Alex.Kim@northwind.example>", "ops@northwind.example"]

[provider]
name = "Acme"
people = ["pat@acme.example"]

[timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN"
priority = "critical"
due = 2026-10-15
)";

// The changes from `before` to `after` (plan text after the common head), on 2026-11-01.
std::vector<RecordChange> changes(const std::string& before, const std::string& after) {
    const Plan was = load(head + before);
    const Plan now = load(head + after);
    return plan_changes(&was, now, day(2026, 11, 1));
}

// Who may record each change from `before` to `after`.
std::vector<Recorder> recorders(const std::string& before, const std::string& after) {
    std::vector<Recorder> out;
    for (const RecordChange& change : changes(before, after))
        out.push_back(recorded_by(change));
    return out;
}

constexpr Recorder either = Recorder::either_party;
constexpr Recorder client = Recorder::client_only;

const std::string incident = "\n[[incident]]\ndate = 2026-10-20\npriority = \"high\"\n"
                             "summary = \"Mail down\"\n";

} // namespace

TEST_SUITE("fact_owners") {
    TEST_CASE("the provider's facts may be recorded by either party") {
        CHECK(recorders("", "status = \"in_progress\"\n") == std::vector{either});
        CHECK(recorders("", "status = \"resolved\"\nresolved = 2026-10-14\n") ==
              std::vector{either});
        // The resolution's date moved: the provider's fact too, though it rewrites the record.
        CHECK(recorders("status = \"resolved\"\nresolved = 2026-10-14\n",
                        "status = \"resolved\"\nresolved = 2026-10-12\n") == std::vector{either});
        CHECK(recorders("", "notes = \"parts ordered\"\nowner = \"NOC\"\ncategory = \"net\"\n") ==
              (std::vector{either, either, either}));
        CHECK(recorders("", "ticket = \"SD-1\"\n") == std::vector{either});
        CHECK(recorders(incident, incident + "status = \"disputed\"\ndispute = \"Planned\"\n") ==
              std::vector{either});
        CHECK(recorders(incident + "status = \"disputed\"\ndispute = \"Planned\"\n",
                        incident + "status = \"disputed\"\ndispute = \"Planned work\"\n") ==
              std::vector{either});
        CHECK(recorders(incident, incident + "ticket = \"SD-9\"\n") == std::vector{either});
    }

    TEST_CASE("everything else is the client's decision") {
        // A withdrawal writes the dispute text too: the client's, and so is its reason changed.
        CHECK(recorders(incident, incident + "status = \"withdrawn\"\ndispute = \"Ours\"\n") ==
              std::vector{client});
        CHECK(recorders(incident + "status = \"withdrawn\"\ndispute = \"Ours\"\n",
                        incident + "status = \"withdrawn\"\ndispute = \"Our change\"\n") ==
              std::vector{client});
        CHECK(recorders("status = \"resolved\"\nresolved = 2026-10-14\n", "") ==
              std::vector{client}); // reopened
        CHECK(recorders("", "status = \"waived\"\nwaived = 2026-10-20\n") == std::vector{client});
        CHECK(recorders("", incident) == std::vector{client});
        CHECK(recorders(incident, "") == std::vector{client});
        CHECK(recorders("", "\n[[pause]]\nfrom = 2026-10-05\nto = 2026-10-09\nreason = \"x\"\n") ==
              std::vector{client});
        CHECK(recorders("", "\n[[timebox.extension]]\ndays = 10\nagreed = 2026-10-20\n"
                            "reason = \"x\"\n") == std::vector{client});
        // How the provider's export is read decides what an import records: the client's.
        const std::string mapping = "\n[import]\nticket = \"Ticket #\"\n";
        CHECK(recorders("", mapping) == std::vector{client});
        CHECK(recorders(mapping, mapping + "\n[import.statuses]\nClosed = \"resolved\"\n") ==
              std::vector{client});
    }

    TEST_CASE("the table is all there is: only the rows it lists are the provider's") {
        for (const FactKind& kind : provider_facts)
            CHECK(kind.recorded_by == Recorder::either_party);
        RecordChange made_up;
        made_up.topic = ChangeTopic::terms;
        made_up.action = ChangeAction::changed;
        made_up.field = "notes"; // a terms change is never the provider's, whatever its field
        CHECK(recorded_by(made_up) == Recorder::client_only);
        made_up.topic = ChangeTopic::issue;
        CHECK(recorded_by(made_up) == Recorder::either_party);
    }

    TEST_CASE("a commit's party is found by the address alone, in any case") {
        const Plan rules = load(head);
        CHECK(party_of(rules, "alex.kim@northwind.example") == Party::client);
        CHECK(party_of(rules, "Someone <OPS@northwind.example>") == Party::client);
        CHECK(party_of(rules, "pat@acme.example") == Party::provider);
        CHECK(party_of(rules, "Alex Kim <alex.kim@acme.example>") == Party::unknown);
        CHECK(party_of(rules, "not an address") == Party::unknown);
        CHECK(checks_authorship(rules));
    }

    TEST_CASE("a client's decision in another's commit is flagged, the provider's facts are not") {
        std::vector<RecordChange> list =
            changes(incident, incident + "status = \"withdrawn\"\ndispute = \"Ours\"\n" +
                                  "\n[[pause]]\nfrom = 2026-10-05\nto = 2026-10-09\nreason = "
                                  "\"Freeze\"\n");
        std::vector<RecordChange> resolved =
            changes("", "status = \"resolved\"\nresolved = 2026-10-14\n");
        list.insert(list.end(), resolved.begin(), resolved.end());
        REQUIRE(list.size() == 3);
        // The pause and the resolution are dated weeks before the commit (backdated): only the
        // party flags are looked at here.
        constexpr unsigned party_flags = flag_other_party | flag_unknown_author;
        std::vector<RecordChange> by_provider = list;
        flag_recorders(by_provider, Party::provider, "Pat <pat@acme.example>");
        CHECK((by_provider[0].flags & party_flags) == flag_other_party); // the pause
        CHECK(by_provider[0].why == "dated 27 days before its commit, a client's decision in a "
                                    "commit of the provider (Pat <pat@acme.example>)");
        CHECK((by_provider[1].flags & party_flags) == flag_other_party); // the withdrawal
        CHECK(by_provider[1].why ==
              "a client's decision in a commit of the provider (Pat <pat@acme.example>)");
        CHECK((by_provider[2].flags & party_flags) == 0); // the resolution
        std::vector<RecordChange> by_nobody = list;
        flag_recorders(by_nobody, Party::unknown, "eve@example.com");
        CHECK((by_nobody[0].flags & party_flags) == flag_unknown_author);
        CHECK((by_nobody[2].flags & party_flags) == 0);
        std::vector<RecordChange> by_client = list;
        flag_recorders(by_client, Party::client, "ops@northwind.example");
        for (const RecordChange& change : by_client)
            CHECK((change.flags & party_flags) == 0);
    }

    TEST_CASE("a file beside the plan changed is a change of its own, flagged by what it is") {
        const std::vector<NamedFile> before = {
            {"calendar.holidays_file", "holidays.ics", "aaa"},
            {"email.templates", "letters", "ttt"},
        };
        std::vector<NamedFile> after = before;
        CHECK(file_changes(before, after).empty());
        after[0].object = "bbb";
        after[1].object = "uuu";
        after.push_back({"audit.signers", "keys/allowed", "kkk"});
        const std::vector<RecordChange> list = file_changes(before, after);
        REQUIRE(list.size() == 3);
        CHECK(list[0].text == "holidays file holidays.ics changed");
        CHECK(list[0].flags == flag_contract_terms);
        CHECK(list[0].before == "aaa");
        CHECK(list[0].after == "bbb");
        CHECK(list[1].text == "signers file keys/allowed added");
        CHECK(list[1].flags == flag_contract_terms);
        CHECK(list[2].text == "letter templates folder letters changed");
        CHECK(list[2].flags == flag_letter_templates);
        CHECK(list[2].why == "changes the letters' templates");
        for (const RecordChange& change : list)
            CHECK(recorded_by(change) == Recorder::client_only);
    }
}

TEST_SUITE("plan_changes") {
    // The pairing finds items by key: a reordered list pairs each item with itself, so nothing
    // is reported, and duplicates pair in order.
    TEST_CASE("10,000 reordered incidents change nothing; a duplicate pairs in order") {
        std::string forwards;
        std::string backwards;
        for (int i = 0; i < 10000; ++i) {
            const std::string entry =
                "\n[[incident]]\ndate = 2026-10-" + std::to_string(10 + i % 20) +
                "\npriority = \"high\"\nsummary = \"Outage " + std::to_string(i) + "\"\n";
            forwards += entry;
            backwards.insert(0, entry);
        }
        CHECK(changes(forwards, backwards).empty());
        // Two incidents with the same day and summary are not allowed; the same summary on two
        // days is: moving one pairs it with its old self by summary, the other by its record.
        const std::string two = "\n[[incident]]\ndate = 2026-10-10\npriority = \"high\"\n"
                                "summary = \"Down\"\n\n[[incident]]\ndate = 2026-10-12\n"
                                "priority = \"high\"\nsummary = \"Down\"\n";
        std::string moved = two;
        moved.replace(moved.find("2026-10-12"), 10, "2026-10-13");
        const std::vector<RecordChange> list = changes(two, moved);
        REQUIRE(list.size() == 1);
        CHECK(list[0].field == "date");
        CHECK(list[0].before == "2026-10-12");
        CHECK(list[0].after == "2026-10-13");
    }
}
