#include "remedy/edit/import_edits.h"
#include "remedy/edit/plan_edits.h"
#include "remedy/io/plan_reader.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// Two issues kept by hand (comments, single quotes), the second the file's last table.
const std::string plan_text = R"([client]
name = "Northwind Traders"
[provider]
name = "Acme Managed IT"
[timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops"
priority = "critical"
due = 2026-10-15   # agreed by phone
ticket = "SD-1"

[[issue]]
id = "NET-2"
title = "Backups"
priority = "high"
status = 'open'
due = 2026-10-20
ticket = "SD-2"
)";

std::vector<ImportedFact> facts() {
    ImportedFact resolution;
    resolution.kind = ImportedFact::Kind::resolution;
    resolution.issue = 0;
    resolution.day = day(2026, 10, 17);
    ImportedFact start;
    start.kind = ImportedFact::Kind::start;
    start.issue = 1;
    ImportedFact first;
    first.kind = ImportedFact::Kind::incident;
    first.day = day(2026, 10, 8);
    first.priority = Priority::critical;
    first.summary = "Mail \"relay\" down";
    first.ticket = "SD-50";
    ImportedFact second = first;
    second.day = day(2026, 10, 9);
    second.summary = "Firewall down";
    second.ticket = "SD-51";
    return {resolution, start, first, second};
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

} // namespace

TEST_SUITE("import_edits") {
    TEST_CASE("the facts of an import are one change, each written as its command writes it") {
        const Plan plan = load(plan_text);
        const Expected<ImportChange> change =
            record_imported_facts(plan, plan_text, facts(), day(2026, 10, 20));
        REQUIRE(change.ok());
        CHECK(change->text == R"([client]
name = "Northwind Traders"
[provider]
name = "Acme Managed IT"
[timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops"
priority = "critical"
due = 2026-10-15   # agreed by phone
ticket = "SD-1"
status = "resolved"
resolved = 2026-10-17

[[issue]]
id = "NET-2"
title = "Backups"
priority = "high"
status = 'in_progress'
due = 2026-10-20
ticket = "SD-2"

[[incident]]
date = 2026-10-08
priority = "critical"
summary = "Mail \"relay\" down"
ticket = "SD-50"

[[incident]]
date = 2026-10-09
priority = "critical"
summary = "Firewall down"
ticket = "SD-51"
)");
        CHECK(change->summaries ==
              std::vector<std::string>{"NET-1 (critical) resolved on 2026-10-17",
                                       "NET-2 (high) in progress",
                                       "critical incident recorded on 2026-10-08: Mail \"relay\" "
                                       "down",
                                       "critical incident recorded on 2026-10-09: Firewall down"});
        // The same words as the commands that record one fact.
        CHECK(resolve_issue(plan, plan_text, "NET-1", day(2026, 10, 17), "")->summary ==
              change->summaries[0]);
        CHECK(start_issue(plan, plan_text, "net-2", day(2026, 10, 20), "")->summary ==
              change->summaries[1]);
        CHECK(
            add_incident(plan, plan_text, Priority::critical, "Firewall down", day(2026, 10, 9), "")
                ->summary == change->summaries[3]);
        CHECK(read_plan(change->text, "remedy.toml").plan.has_value());
    }

    TEST_CASE("CRLF stays CRLF, and a file without a final newline keeps none") {
        const std::string crlf = replaced(plan_text, "\n", "\r\n");
        const Expected<ImportChange> in_crlf =
            record_imported_facts(load(crlf), crlf, facts(), day(2026, 10, 20));
        REQUIRE(in_crlf.ok());
        CHECK(replaced(in_crlf->text, "\r\n", "").find('\n') == std::string::npos);
        CHECK(read_plan(in_crlf->text, "remedy.toml").plan->incidents.size() == 2);

        const std::string bare = plan_text.substr(0, plan_text.size() - 1);
        const Expected<ImportChange> in_bare =
            record_imported_facts(load(bare), bare, facts(), day(2026, 10, 20));
        REQUIRE(in_bare.ok());
        CHECK(in_bare->text.ends_with("ticket = \"SD-51\""));
        CHECK(in_bare->text.find("ticket = \"SD-2\"\n\n[[incident]]") != std::string::npos);
        const LoadResult read = read_plan(in_bare->text, "remedy.toml");
        REQUIRE(read.plan.has_value());
        CHECK(read.plan->incidents.size() == 2);
        CHECK(read.plan->incidents[1].ticket == "SD-51");
    }

    TEST_CASE("a fact the edit of its command refuses is refused with its row's line") {
        const Plan plan = load(plan_text);
        ImportedFact twice;
        twice.kind = ImportedFact::Kind::start;
        twice.issue = 0;
        twice.line = 7;
        ImportedFact resolved = twice;
        resolved.kind = ImportedFact::Kind::resolution;
        resolved.line = 9;
        CHECK(
            record_imported_facts(plan, plan_text, {twice, resolved}, day(2026, 10, 20)).error() ==
            "line 9: a second fact on issue NET-1 in one import");
        const std::string resolved_text =
            replaced(plan_text, "status = 'open'", "status = 'resolved'\nresolved = 2026-10-10");
        twice.issue = 1;
        CHECK(record_imported_facts(load(resolved_text), resolved_text, {twice}, day(2026, 10, 20))
                  .error() == "line 7: NET-2 is resolved, not open: nothing to start");
    }
}
