// SPEC.md, unknown keys (v3): a key of one of remedy's tables that is a likely typo of one of its
// keys is an error naming the key meant; any other unknown key is a warning.

#include "remedy/io/plan_reader.h"
#include "remedy/util/suggest.h"
#include "test_support.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>
#include <vector>

using namespace remedy;

namespace {

// A table of the plan as a test writes it: its header ("" for the top of the file), its keys as
// the contract lists them, and lines that make it valid.
struct Section {
    std::string header;
    std::string name; // how messages name its keys: "penalties.", "" for the top
    std::vector<std::string> keys;
    std::string body;
};

// Every table of the format, each present so that its reader runs.
const std::vector<Section> sections = {
    {"",
     "",
     {"client", "provider", "contract", "timebox", "calendar", "penalties", "ultimatum", "warnings",
      "email", "issue", "incident", "pause", "credit"},
     ""},
    {"[client]", "client.", {"name", "contact", "timezone"}, "name = \"Northwind Traders\"\n"},
    {"[provider]", "provider.", {"name", "contact", "cc"}, "name = \"Acme Managed IT\"\n"},
    {"[contract]",
     "contract.",
     {"reference", "currency", "monthly_fee", "settlement"},
     "currency = \"GBP\"\n"},
    {"[timebox]", "timebox.", {"start", "days", "extension"}, "start = 2026-10-01\n"},
    {"[[timebox.extension]]",
     "timebox.extension.",
     {"days", "agreed", "reason"},
     "days = 7\nagreed = 2026-11-20\nreason = \"Parts late\"\n"},
    {"[calendar]", "calendar.", {"weekend", "holidays", "holidays_file"}, "holidays = []\n"},
    {"[penalties]",
     "penalties.",
     {"grace_days", "days", "cap", "cap_per", "terminate_at_cap", "per_day", "per_miss"},
     "grace_days = 2\nper_day = { high = \"10.00\" }\n"},
    {"[ultimatum]", "ultimatum.", {"issued", "until", "strikes", "severity"}, "strikes = 2\n"},
    {"[warnings]", "warnings.", {"due_within", "pace_days"}, "due_within = 5\n"},
    {"[email]", "email.", {"templates"}, ""},
    {"[[issue]]",
     "issue.",
     {"id", "title", "priority", "due", "status", "resolved", "waived", "category", "owner",
      "notes", "waiver"},
     "id = \"NET-1\"\ntitle = \"VPN drops\"\npriority = \"high\"\ndue = 2026-10-15\n"},
    {"[[incident]]",
     "incident.",
     {"id", "date", "priority", "summary", "status", "dispute", "notes"},
     "date = 2026-10-08\npriority = \"low\"\nsummary = \"Printer offline\"\n"},
    {"[[pause]]",
     "pause.",
     {"from", "to", "issues", "reason", "agreed"},
     "from = 2026-10-05\nto = 2026-10-06\nreason = \"Audit freeze\"\n"},
    {"[[credit]]",
     "credit.",
     {"date", "amount", "invoice", "note"},
     "date = 2026-10-30\namount = \"1.00\"\ninvoice = \"INV-1\"\n"},
};

// The plan, with `extra` written as the first line of the section `in` (by header).
std::string plan_with(const std::string& in, const std::string& extra) {
    std::string text;
    for (const Section& section : sections) {
        if (!section.header.empty())
            text += "\n" + section.header + "\n";
        if (section.header == in)
            text += extra + "\n";
        text += section.body;
    }
    return text;
}

// The same letters with the first two that differ swapped ("grace_dyas" would come from a
// later pair; "rgace_days" is as much a typo of it).
std::string swapped(const std::string& key) {
    std::string typo = key;
    for (std::size_t i = 0; i + 1 < typo.size(); ++i)
        if (typo[i] != typo[i + 1]) {
            std::swap(typo[i], typo[i + 1]);
            break;
        }
    return typo;
}

bool is_key_of(const Section& section, const std::string& word) {
    return std::find(section.keys.begin(), section.keys.end(), word) != section.keys.end();
}

std::vector<std::string> messages(const LoadResult& result, Severity severity) {
    std::vector<std::string> found;
    for (const Diagnostic& d : result.diagnostics)
        if (d.severity == severity)
            found.push_back(d.message);
    return found;
}

} // namespace

TEST_SUITE("key typos") {
    TEST_CASE("the plan every case starts from is valid, without a warning") {
        const LoadResult result = read_plan(plan_with("", ""), "remedy.toml");
        INFO(remedy_test::diagnostics_text(result));
        CHECK(result.plan.has_value());
        CHECK(result.diagnostics.empty());
    }

    TEST_CASE("a typo of each key of each table is an error naming the key meant") {
        for (const Section& section : sections)
            for (const std::string& key : section.keys) {
                // Letters swapped, a letter doubled, and (for longer keys) one left out.
                std::vector<std::string> typos = {swapped(key), key + key.back()};
                if (key.size() > 4)
                    typos.push_back(key.substr(1));
                for (const std::string& typo : typos) {
                    if (is_key_of(section, typo))
                        continue;
                    const LoadResult result =
                        read_plan(plan_with(section.header, typo + " = 1"), "remedy.toml");
                    INFO(section.name << key << " written " << typo << ":\n"
                                      << remedy_test::diagnostics_text(result));
                    CHECK_FALSE(result.plan.has_value());
                    const std::string meant = fmt::format(
                        "unknown key {0}{1}: did you mean {0}{2}? A key this close to one of "
                        "remedy's is refused as a likely typo; correct it, or give your own key "
                        "a name further from {2}",
                        section.name, typo, key);
                    CHECK(messages(result, Severity::error) == std::vector<std::string>{meant});
                }
            }
    }

    TEST_CASE("the error is at the key, as every diagnostic is") {
        const LoadResult result =
            read_plan(plan_with("[penalties]", "grace_dyas = 2"), "remedy.toml");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(to_string(result.diagnostics[0])
                  .starts_with("remedy.toml:23:1: error: unknown key "
                               "penalties.grace_dyas: did you mean "
                               "penalties.grace_days?"));
    }

    TEST_CASE("a key of one's own far from remedy's stays a warning in every table") {
        for (const Section& section : sections) {
            const LoadResult result =
                read_plan(plan_with(section.header, "jira_link = \"X-1\""), "remedy.toml");
            INFO(section.header << ":\n" << remedy_test::diagnostics_text(result));
            CHECK(result.plan.has_value());
            CHECK(messages(result, Severity::warning) ==
                  std::vector<std::string>{
                      fmt::format("unknown key {}jira_link is ignored", section.name)});
        }
    }

    TEST_CASE("the keys of a rate table are the file's own priorities, never typos") {
        const LoadResult result = read_plan(
            plan_with("[penalties]", "per_miss = { P1 = 100, medium = 50 }"), "remedy.toml");
        INFO(remedy_test::diagnostics_text(result));
        CHECK(result.plan.has_value());
    }
}

TEST_SUITE("suggest") {
    TEST_CASE("up to four characters, one edit is a typo and two are not") {
        CHECK(is_likely_typo("dys", "days"));
        CHECK(is_likely_typo("dayz", "days"));
        CHECK(is_likely_typo("ID", "Id"));
        CHECK_FALSE(is_likely_typo("dz", "days"));
        CHECK_FALSE(is_likely_typo("tags", "days"));
        CHECK_FALSE(is_likely_typo("days", "days"));
    }

    TEST_CASE("longer keys allow two edits, not three") {
        CHECK(is_likely_typo("grace_dys", "grace_days"));
        CHECK(is_likely_typo("grace_dais", "grace_days"));
        CHECK(is_likely_typo("grce_dys", "grace_days"));
        CHECK_FALSE(is_likely_typo("grc_dys", "grace_days"));
        CHECK_FALSE(is_likely_typo("ticket", "title"));
    }

    TEST_CASE("the same letters in another order are a typo whatever the distance") {
        CHECK(is_likely_typo("grace_dyas", "grace_days"));
        CHECK(is_likely_typo("syad", "days"));
        CHECK(is_likely_typo("eud", "due"));
        CHECK_FALSE(is_likely_typo("dew", "due"));
    }

    TEST_CASE("the nearest key is the one meant") {
        const std::vector<std::string_view> keys = {"waived", "waiver", "owner"};
        CHECK(likely_typo_of("waivr", keys) == std::optional<std::string_view>("waiver"));
        CHECK(likely_typo_of("owned", keys) == std::optional<std::string_view>("owner"));
        CHECK(likely_typo_of("category", keys) == std::nullopt);
    }
}
