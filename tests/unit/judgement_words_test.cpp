// The judgement in words (render/judgement_words.h, the letters): each sentence names the
// figures the judgement holds, a month cap as a month's, a disputed strike as disputed, a
// reopening as what it is. Every figure is worked out by hand in the comments.

#include "remedy/model/judgement.h"
#include "remedy/model/letter_facts.h"
#include "remedy/render/edit_consequences.h"
#include "remedy/render/judgement_words.h"
#include "remedy/render/letter_fields.h"
#include "remedy/render/text_reports.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

const std::string parties = R"(
[client]
name = "Northwind Traders"
contact = "Alex Kim <alex@northwind.example>"

[provider]
name = "Acme Managed IT"
contact = "Pat Doe <pat@acme-it.example>"
)";

// 60 days from 2026-10-01: D = 2026-11-30. NET-1 owes 500.00 a late day from 10-26; each
// month's charges are capped at 2,000.00.
const std::string month_capped = parties + R"(
[timebox]
start = 2026-10-01

[penalties]
cap = "2000.00"
cap_per = "month"

[penalties.per_day]
critical = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops"
priority = "critical"
due = 2026-10-25
)";

// A-1, a high issue owing 100.00 a late day, due on `due`, in a 60-day time box from
// 2026-10-01; `more` follows its table.
std::string firewall(std::string_view due, std::string_view more) {
    return parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
high = "100.00"

[[issue]]
id = "A-1"
title = "Firewall"
priority = "high"
due = )" + std::string(due) +
           "\n" + std::string(more);
}

std::string verdict_money_line(const Plan& plan, date::sys_days as_of) {
    const std::string text = render_verdict_text(plan, judge(plan, as_of), Style{});
    const std::size_t at = text.find("Money owed:");
    return text.substr(at, text.find('\n', at) - at);
}

std::map<std::string, std::string> fields(const Plan& plan, date::sys_days as_of,
                                          std::optional<date::sys_days> since = std::nullopt,
                                          std::optional<date::year_month> month = std::nullopt) {
    const Judgement j = judge(plan, as_of);
    return letter_fields(plan, j, gather_letter_facts(plan, j, since, month));
}

} // namespace

TEST_SUITE("judgement words") {
    TEST_CASE("a month cap is a month's: its month named, 'grows no more' only at the end") {
        const Plan plan = load(month_capped);
        // 10-28: October has 10-26, 27, 28 = 1,500.00; 500.00 left; the 4th day, 10-29.
        CHECK(money_from_here(plan, judge(plan, day(2026, 10, 28))) ==
              "1 issue accrues 500.00 USD a day; 500.00 USD left under the cap of 2026-10, "
              "reached on 2026-10-29 if nothing changes");
        // 10-29: October at its cap; November's is reached on its 4th late day.
        CHECK(money_from_here(plan, judge(plan, day(2026, 10, 29))) ==
              "2026-10 reached its cap of 2,000.00 USD: it owes no more; 1 issue accrues 500.00 "
              "USD a day; the cap of 2026-11 would be reached on 2026-11-04 if nothing changes");
        // 11-10: November, the deadline's month, at its cap: nothing can owe more.
        CHECK(money_from_here(plan, judge(plan, day(2026, 11, 10))) ==
              "2026-11 reached its cap and no later month would owe more: the money grows no "
              "more; the deadline and the strikes decide");
        // Oct 6 days (3,000.00, owing 2,000.00), Nov 10 days (5,000.00, owing 2,000.00).
        CHECK(verdict_money_line(plan, day(2026, 11, 10)) ==
              "Money owed: 4,000.00 USD (under a cap of 2,000.00 USD a month, reached in 2026-10 "
              "and 2026-11; penalties total 8,000.00 USD)");
        CHECK(verdict_money_line(plan, day(2026, 10, 28)) ==
              "Money owed: 1,500.00 USD (under a cap of 2,000.00 USD a month)");
    }

    TEST_CASE("the owed sum is 'the cap' only when it is: a plan cap reached") {
        std::string text = month_capped;
        text.replace(text.find("cap_per = \"month\"\n"), 18, "");
        const Plan plan = load(text);
        // 10-29: 4 x 500.00 = 2,000.00, the plan cap; 11-10: total 8,000.00, owed 2,000.00.
        CHECK(verdict_money_line(plan, day(2026, 11, 10)) ==
              "Money owed: 2,000.00 USD (the cap; penalties total 8,000.00 USD)");
        CHECK(money_from_here(plan, judge(plan, day(2026, 11, 10))) ==
              "the cap is reached: the money grows no more; the deadline and the strikes decide");
    }

    TEST_CASE("a disputed strike is called disputed, with its day and reason, wherever named") {
        const Plan plan = load(parties + R"(
[timebox]
start = 2026-10-01

[ultimatum]
issued = 2026-11-01
strikes = 2

[[issue]]
id = "NET-1"
title = "VPN drops"
priority = "critical"
due = 2026-11-20

[[incident]]
id = "INC-1"
date = 2026-11-05
priority = "high"
summary = "Mail down"
status = "disputed"
dispute = "DNS change"
disputed = 2026-11-09
)");
        const Judgement before = judge(plan, day(2026, 11, 8));
        CHECK(strike_rule_text(plan, before) ==
              "After 2026-11-01 and until 2026-11-30, one more incident of priority high or "
              "higher entitles Northwind Traders to terminate our contract (1 of 2 so far: the "
              "high incident INC-1 of 2026-11-05).");
        const Judgement after = judge(plan, day(2026, 11, 9));
        CHECK(strike_rule_text(plan, after) ==
              "After 2026-11-01 and until 2026-11-30, one more incident of priority high or "
              "higher entitles Northwind Traders to terminate our contract (1 of 2 so far: the "
              "high incident INC-1 of 2026-11-05, disputed by Acme Managed IT on 2026-11-09: "
              "DNS change).");
        CHECK(incident_standing_text(plan, after, 0) ==
              "strike 1 of 2; disputed by Acme Managed IT on 2026-11-09: DNS change");
    }

    TEST_CASE("a reopening's pause in the changes letter: never agreed, no money it never owed") {
        // A-1 resolved 10-12 (late 10-11, 10-12), reopened on 10-18: paused 10-13..10-17.
        const Plan plan = load(firewall("2026-10-10", R"(status = "open"

[[pause]]
from = 2026-10-13
to = 2026-10-17
issues = ["A-1"]
reason = "A-1 stood resolved until reopened on 2026-10-18: Dropped again"
reopened = 2026-10-18
)"));
        const auto letter = fields(plan, day(2026, 10, 20), day(2026, 10, 13));
        CHECK(letter.at("agreed_changes") ==
              "- A-1 was reopened on 2026-10-18 (Dropped again): the 5 days it stood resolved, "
              "2026-10-13 to 2026-10-17, are paused while it stood resolved, so that they do "
              "not count as late.");
        // Cited nowhere as a change agreed.
        CHECK(letter.at("record") == "our notice of 2026-10-01");
    }

    TEST_CASE("a statement asks for its month-end balance and says what earlier months carry") {
        // A-1 owes 100.00 a day from 10-21: October 11 days (1,100.00), November 30 days
        // (3,000.00). 500.00 credited on 11-10, 200.00 on 12-02.
        const Plan plan = load(firewall("2026-10-20", R"(
[[credit]]
date = 2026-11-10
amount = "500.00"
invoice = "INV-11"

[[credit]]
date = 2026-12-02
amount = "200.00"
invoice = "INV-12"
)"));
        // November's end: 1,100.00 + 3,000.00 owed, 500.00 credited: 3,600.00, of which
        // October carries 1,100.00 - 500.00 = 600.00; 200.00 credited after the month's end.
        const auto november =
            fields(plan, day(2026, 12, 3), std::nullopt, date::year{2026} / date::November);
        CHECK(november.at("month_balance") == "3,600.00 USD");
        CHECK(november.at("month_carried") == "600.00 USD");
        CHECK(november.at("month_settlement") ==
              "The balance outstanding at the end of 2026-11 (all that was owed to 2026-11-30, "
              "less every credit to that day) is 3,600.00 USD: 3,000.00 USD for 2026-11 and "
              "600.00 USD carried from earlier months, not yet credited. Please credit 3,600.00 "
              "USD on your next invoice. Since 2026-11-30, 200.00 USD has been credited.");
        const auto october =
            fields(plan, day(2026, 12, 3), std::nullopt, date::year{2026} / date::October);
        CHECK(october.at("month_balance") == "1,100.00 USD");
        CHECK(october.at("month_carried") == "0.00 USD");
    }

    TEST_CASE("on a working-day contract: late in working days, and what a working day is") {
        // Due Friday 10-09; resolved Tuesday 10-13: 4 calendar days, but Saturday and Sunday
        // are off and Monday 10-12 is a holiday: 1 working day late (10-13).
        const std::string text = parties + R"(
[timebox]
start = 2026-10-01

[calendar]
holidays = [2026-10-12]

[penalties]
days = "working"

[penalties.per_day]
high = "100.00"

[[issue]]
id = "A-1"
title = "Firewall"
priority = "high"
due = 2026-10-09
)";
        const Plan before = load(text);
        const Plan after = load(text + "status = \"resolved\"\nresolved = 2026-10-13\n");
        const date::sys_days as_of = day(2026, 10, 14);
        CHECK(edit_consequences(before, judge(before, as_of), after, judge(after, as_of)).front() ==
              "A-1 (high): resolved 1 working day late, owes 100.00 USD (was "
              "200.00)");
        CHECK(fields(after, as_of).at("penalty_terms") ==
              "Penalties apply as amended in the contract. For each working day an issue is "
              "late, Acme Managed IT owes 100.00 USD for a high issue, up to the deadline. A "
              "working day is any day but Saturday and Sunday and a holiday (from the plan's own "
              "list); from 2026-10-01 to 2026-11-30 the holidays are 2026-10-12.");
    }
}
